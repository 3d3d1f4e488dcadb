import type { CreditAmountMessage, CreditMessages } from '../messages/credit-messages';
import { pluralFor } from '../messages/plural';

const plural = pluralFor('es');
const credits: CreditAmountMessage = (formatted, amount) =>
  `${formatted} ${plural(amount, { one: 'crédito', other: 'créditos' })}`;
const rowWord = (count: number) => plural(count, { one: 'fila', other: 'filas' });
const movesOn = (amount: number) => plural(amount, { one: 'pasa', other: 'pasan' });

/**
 * The kit's words in Spanish, for `<CreditProvider messages={es}>`: neutral Spanish with "tú", "créditos" for
 * the currency, "libro" for a workbook, "ejecución" for a run and "límite de gasto" for a spend limit.
 */
export const es: CreditMessages = {
  common: {
    loading: 'Cargando créditos…',
    loadFailed: 'No se pudieron cargar los créditos.',
    retry: 'Reintentar',
    close: 'Cerrar',
    credits,
  },
  costBadge: {
    cost: credits,
    free: 'Gratis',
    freeOwnKey: 'Gratis · tu clave',
    ownKeyHint: (provider) => `Se usa tu propia clave de API de ${provider}, así que no se cobran créditos.`,
    perRow: (formatted, amount) => `≈${credits(formatted, amount)} / fila`,
    total: (formatted, amount, rows, rowCount) => `≈${credits(formatted, amount)} para ${rows} ${rowWord(rowCount)}`,
    unknownAction: 'Precio no disponible',
    label: (actionName, cost) => `${actionName}: ${cost}`,
    details: (provider, dataType) => `Proveedor: ${provider} · Datos: ${dataType}`,
  },
  spendLimit: {
    workbookTitle: 'Límite de créditos del libro',
    enrichmentTitle: 'Límite de créditos del enriquecimiento',
    description: 'Los cargos se detienen al alcanzar este gasto. Los reembolsos reducen el gasto.',
    enable: 'Limitar el gasto de créditos',
    limitLabel: 'Límite (créditos)',
    noLimit: 'Sin límite',
    spent: (formatted, amount) =>
      `${credits(formatted, amount)} ${plural(amount, { one: 'gastado', other: 'gastados' })}`,
    remaining: (formatted, amount) =>
      `${credits(formatted, amount)} ${plural(amount, { one: 'restante', other: 'restantes' })}`,
    remainingOnceSaved: (formatted, amount) =>
      `${credits(formatted, amount)} ${plural(amount, { one: 'restante', other: 'restantes' })} al guardar`,
    noLimitOnceSaved: 'Sin límite al guardar',
    save: 'Guardar límite',
    saving: 'Guardando…',
    saved: 'Límite guardado',
    cancel: 'Cancelar',
    done: 'Listo',
    memberDisabled: 'Solo los administradores del espacio de trabajo pueden cambiar los límites de gasto.',
    confirmBelowSpent: (limit, spent) =>
      `Gastado hasta ahora: ${spent}. Un límite de ${limit} detiene de inmediato cualquier cargo nuevo.`,
    confirmSave: 'Guardar de todos modos',
    saveFailed: 'No se guardó el límite. Inténtalo de nuevo.',
    sessionEnded: 'No se guardó el límite: tu sesión ha finalizado. Vuelve a iniciar sesión.',
  },
  amountInput: {
    empty: 'Escribe una cantidad de créditos.',
    not_a_number: 'Escribe un número de créditos.',
    negative: 'Los créditos no pueden ser negativos.',
    too_many_decimals: 'Usa 3 decimales como máximo.',
    too_large: 'Esa cantidad supera el máximo permitido.',
  },
  runBudget: {
    label: 'Presupuesto de la ejecución (créditos)',
    description: 'La ejecución se detiene al agotar su presupuesto; lo que no gaste se libera.',
    estimating: 'Calculando…',
    estimateFailed: 'No hay estimación disponible.',
    estimate: (perRow, total, rows, rowCount, totalAmount) =>
      `≈${perRow} / fila · ≈${credits(total, totalAmount)} para ${rows} ${rowWord(rowCount)}`,
    overBudget: (estimate, budget) =>
      `La estimación (${estimate}) supera el presupuesto (${budget}): la ejecución se detendrá al agotarlo.`,
    overBalance: (budget, spendable) => `El presupuesto (${budget}) supera tu saldo disponible (${spendable}).`,
    zero: 'El presupuesto de una ejecución debe ser mayor que 0 créditos.',
    ownKey: 'Tu propia clave de API paga este modelo, así que la ejecución no cuesta créditos.',
  },
  runCost: {
    run: 'Ejecutar',
    nothingSelected: 'Selecciona filas para ver cuánto cuesta una ejecución.',
    rows: (rows, rowCount) => `Ejecutar en ${rows} ${rowWord(rowCount)}`,
    checking: 'comprobando el precio…',
    upTo: (formatted, amount) => `hasta ${credits(formatted, amount)}`,
    noCredits: 'sin créditos',
    alreadyPaid: (rows, rowCount) => `${rows} ${plural(rowCount, { one: 'ya pagada', other: 'ya pagadas' })}`,
    allAlreadyPaid: 'todas ya pagadas',
    ownKey: (rows) => `${rows} gratis con tu clave`,
    stopsAfter: (rows, rowCount, limit) => `se detiene tras ${rows} ${rowWord(rowCount)}: ${limit}`,
    limitWorkspace: 'créditos insuficientes',
    limitWorkbook: 'límite del libro',
    limitEnrichment: 'límite del enriquecimiento',
    limitRun: 'presupuesto de la ejecución',
    separator: ' · ',
    balanceAfter: (formatted, amount) => `Saldo después: ${credits(formatted, amount)}`,
    showLimit: 'Detalles del límite',
    failed: 'No se pudo comprobar el precio. Todos los límites se siguen aplicando cuando la ejecución cobra.',
    confirmTitle: (rows, rowCount) => `¿Ejecutar en ${rows} ${rowWord(rowCount)}?`,
    confirmCharge: (formatted, amount) => `Esta ejecución cobra hasta ${credits(formatted, amount)}.`,
    confirmUnknown:
      'Aún no se conoce el precio de esta ejecución. Cobra hasta terminar sus filas o hasta que un límite la detenga.',
    confirmRun: 'Ejecutar',
    cancel: 'Cancelar',
  },
  balance: {
    title: 'Créditos',
    spendable: (formatted, amount) =>
      `${credits(formatted, amount)} ${plural(amount, { one: 'disponible', other: 'disponibles' })}`,
    allowance: (formatted, amount) => `Créditos del plan: ${credits(formatted, amount)}`,
    rolloverCap: (formatted, amount) => `Transferencia limitada a ${credits(formatted, amount)}`,
    pending: (formatted, amount) =>
      `${credits(formatted, amount)} ${plural(amount, { one: 'pendiente', other: 'pendientes' })}`,
    renewsOn: (date) => `Se renueva el ${date}`,
    renewalProcessing: 'Tu renovación se está procesando: sus créditos pueden tardar hasta 2 horas en aparecer.',
    renewalExpectedBy: (time) => `Previstos para el ${time}.`,
    sourcePlan: 'Plan',
    sourceRollover: 'Transferidos',
    sourcePurchased: 'Comprados',
    sourceGranted: 'Otorgados',
  },
  renewal: {
    title: 'En la renovación',
    keeps: (formatted, amount) => `${credits(formatted, amount)} ${movesOn(amount)} al siguiente periodo`,
    forfeits: (formatted, amount) =>
      `${credits(formatted, amount)} ${plural(amount, { one: 'caduca', other: 'caducan' })}`,
    purchasedKept: (formatted, amount) =>
      `${formatted} ${plural(amount, {
        one: 'crédito comprado nunca caduca',
        other: 'créditos comprados nunca caducan',
      })}`,
    grantedKept: (formatted, amount) =>
      `${formatted} ${plural(amount, {
        one: 'crédito otorgado se mantiene',
        other: 'créditos otorgados se mantienen',
      })}, cada uno hasta su propio vencimiento`,
    grantedExpiring: (formatted, amount) =>
      `${formatted} ${plural(amount, {
        one: 'crédito otorgado vence',
        other: 'créditos otorgados vencen',
      })} antes de esa fecha`,
    newAllowance: (formatted, amount) => `${credits(formatted, amount)} del plan`,
    balanceAfter: (formatted, amount) => `Saldo tras la renovación: ${credits(formatted, amount)}`,
    nextPlan: (planName) => `Se renueva al plan ${planName}`,
    ruleBalanceCap: (formatted, amount) =>
      `Los créditos sin usar pasan al siguiente periodo, hasta ${credits(formatted, amount)} entre plan y transferidos.`,
    ruleUnusedPercent: (percent) =>
      `El ${percent} de los créditos sin usar pasa al siguiente periodo, solo al renovar en el mismo nivel o en uno superior.`,
    ruleFixedMax: (formatted, amount) =>
      `Como máximo ${movesOn(amount)} ${credits(formatted, amount)} al siguiente periodo.`,
  },
  alerts: {
    title: 'Alertas de créditos',
    description:
      'Una alerta se activa una vez cuando su valor cruza el umbral, y de nuevo solo después de que el valor haya vuelto.',
    empty: 'Aún no hay alertas.',
    listLabel: 'Alertas',
    scopeLabel: 'Vigilar',
    scopeBalance: 'Saldo',
    scopeWorkbook: 'Límite del libro',
    scopeEnrichment: 'Límite del enriquecimiento',
    scopeRun: 'Presupuesto de la ejecución',
    scopeIdLabel: 'ID del libro, enriquecimiento o ejecución',
    unitLabel: 'Umbral en',
    unitCredits: 'Créditos restantes',
    unitPercent: 'Porcentaje',
    thresholdLabel: 'Umbral',
    balanceCredits: (formatted, amount) => `Saldo igual o inferior a ${credits(formatted, amount)}`,
    balancePercent: (percent) => `Saldo igual o inferior al ${percent}\u00a0% de los créditos del plan`,
    spendPercent: (scope, id, percent) => `${scope} ${id}: ${percent}\u00a0% usado`,
    armed: 'Activa',
    triggered: 'Disparada',
    add: 'Añadir alerta',
    save: 'Guardar alerta',
    cancel: 'Cancelar',
    edit: 'Editar',
    remove: 'Eliminar',
    editLabel: (alert) => `Editar: ${alert}`,
    removeLabel: (alert) => `Eliminar: ${alert}`,
    saved: 'Alerta guardada',
    removed: 'Alerta eliminada',
    memberReadOnly: 'Solo los administradores del espacio de trabajo pueden cambiar las alertas.',
    full: (maximum) => `Un espacio de trabajo admite como máximo ${maximum} alertas: elimina una para añadir otra.`,
    idRequired: 'Escribe el ID del libro, del enriquecimiento o de la ejecución.',
    percentProblem: 'Escribe un porcentaje entero del 1 al 100.',
    saveFailed: 'No se guardó la alerta. Inténtalo de nuevo.',
    sessionEnded: 'No se guardó la alerta: tu sesión ha finalizado. Vuelve a iniciar sesión.',
  },
  autoTopUp: {
    title: 'Recarga automática',
    description:
      'Cuando el saldo baja del umbral, se añaden créditos una vez, y de nuevo solo después de que el saldo se haya recuperado.',
    off: 'La recarga automática está desactivada.',
    summary: (amount, threshold) => `Añade ${amount} cuando el saldo baja de ${threshold}.`,
    month: (toppedUp, cap) => `Recargado este mes: ${toppedUp} de ${cap}.`,
    armed: 'Activa',
    triggered: 'Esperando a que el saldo se recupere',
    enabledLabel: 'Recargar automáticamente',
    thresholdLabel: 'Cuando el saldo baje de (créditos)',
    creditsLabel: 'Añadir (créditos)',
    monthlyCapLabel: 'Máximo por mes (créditos)',
    monthlyCapHint: 'Se cuenta por mes calendario (UTC).',
    zeroProblem: 'Escribe más de 0 créditos.',
    capBelowCredits: 'El máximo mensual debe cubrir al menos una recarga.',
    save: 'Guardar recarga',
    saved: 'Recarga automática guardada',
    memberReadOnly: 'Solo los administradores del espacio de trabajo pueden cambiar la recarga automática.',
    saveFailed: 'No se guardó la recarga automática. Inténtalo de nuevo.',
    sessionEnded: 'No se guardó la recarga automática: tu sesión ha finalizado. Vuelve a iniciar sesión.',
  },
  alertNotice: {
    title: 'Alerta de créditos',
    balanceNow: (spendable) => `Saldo restante: ${spendable}.`,
    spendNow: (spent, limit) => `Gastado: ${spent} de ${limit}.`,
    dismiss: 'Descartar',
  },
  limitReached: {
    workspace: 'Tu espacio de trabajo se quedó sin créditos.',
    workbook: 'Este libro alcanzó su límite de créditos.',
    enrichment: 'Este enriquecimiento alcanzó su límite de créditos.',
    runBudget: (formatted, amount) => `Esta ejecución agotó su presupuesto de ${credits(formatted, amount)}.`,
    runBudgetDetails: (spent, remaining) =>
      `Gastado: ${spent} · restante: ${remaining}, no alcanza para la siguiente fila.`,
    continueRun: 'Continuar con un presupuesto mayor',
    details: (limit, spent, remaining) => `Límite ${limit} · gastado ${spent} · restante ${remaining}`,
    raiseLimit: 'Aumentar el límite',
    buyCredits: 'Comprar créditos',
    askAdminToRaise: 'Pide a un administrador del espacio de trabajo que aumente el límite.',
    askAdminToBuy: 'Pide a un administrador del espacio de trabajo que compre créditos.',
  },
  usage: {
    title: 'Uso de créditos',
    perDay: 'Créditos por día',
    chartLabel: (from, to, total, totalAmount) =>
      `Créditos netos por día del ${from} al ${to}: ${credits(total, totalAmount)} en total`,
    dayTotal: (day, formatted, amount) => `${day}: ${credits(formatted, amount)}`,
    chartKeys: 'Las flechas pasan de un día a otro.',
    period: 'Período',
    periods: {
      last7: 'Últimos 7 días',
      last30: 'Últimos 30 días',
      last90: 'Últimos 90 días',
      thisMonth: 'Este mes',
      lastMonth: 'El mes pasado',
    },
    groupLabel: 'Desglose del uso',
    byWorkbook: 'Por libro',
    byAction: 'Por acción',
    byProvider: 'Por proveedor',
    byModel: 'Por modelo',
    columnWorkbook: 'Libro',
    columnAction: 'Acción',
    columnProvider: 'Proveedor',
    byTrigger: 'Por origen',
    columnModel: 'Modelo',
    columnTrigger: 'Origen',
    triggerNames: { run: 'Ejecuciones', rerun: 'Reejecuciones', auto_update: 'Auto-Update' },
    columnCharges: 'Cargos',
    columnCharged: 'Cobrado',
    columnRefunded: 'Reembolsado',
    columnNet: 'Neto',
    total: 'Total',
    downloadCsv: 'Descargar CSV',
    downloadFailed: 'No se pudo descargar el CSV. Inténtalo de nuevo.',
    empty: 'No se usaron créditos en este periodo.',
  },
  activity: {
    title: 'Por qué se cobraron créditos',
    filtersLabel: 'Mostrar cargos',
    periodFilter: 'Periodo',
    lastDays: (days) => `Últimos ${days} días`,
    workbookFilter: 'Libro',
    allWorkbooks: 'Todos los libros',
    triggerFilter: 'Origen',
    allTriggers: 'Todos los orígenes',
    filtersApplied: (lines, lineCount, selection) =>
      `${lines} ${plural(lineCount, { one: 'entrada', other: 'entradas' })} para ${selection}`,
    showMore: 'Mostrar cargos anteriores',
    moreFailed: 'No se pudieron cargar los cargos anteriores. Inténtalo de nuevo.',
    empty: 'No se cobraron créditos para esta selección.',
    run: ({ action, workbook, rows, rowCount, credits }) =>
      `${action} en ${rows} ${rowWord(rowCount)} de ${workbook}: ${credits}`,
    rerun: ({ action, workbook, rows, rowCount, credits }) =>
      `Reejecución de ${action} en ${rows} ${rowWord(rowCount)} de ${workbook}: ${credits}`,
    autoUpdate: ({ action, workbook, rows, rowCount, credits }) =>
      `Auto-Update actualizó ${rows} ${plural(rowCount, { one: 'registro', other: 'registros' })} de ${workbook} ` +
      `con ${action}: ${credits}`,
    ai: ({ action, workbook, rows, rowCount, credits }) =>
      `${action} en ${workbook}: ${rows} ${rowWord(rowCount)}, ${credits}, con cargo sea cual sea el resultado`,
    stoppedRun: ({ action, workbook, rows, rowCount, credits }) =>
      `Ejecución de ${action} en ${workbook} detenida a mitad: ${rows} ` +
      `${plural(rowCount, {
        one: 'solicitud ya enviada sigue cobrada',
        other: 'solicitudes ya enviadas siguen cobradas',
      })}, ${credits}`,
    deduplicated: (count, amount) =>
      `${count} ${plural(amount, { one: 'ya pagada', other: 'ya pagadas' })}, sin volver a cobrar`,
    ownKey: (count) => `${count} gratis con tu propia clave de API`,
    refunded: (count, amount, reasons) =>
      `${count} ${plural(amount, { one: 'reembolsada', other: 'reembolsadas' })}: ${reasons}`,
    refundReason: (count, _, reason) => `${count} ${reason}`,
    details: (sentence, details) => (details.length ? `${sentence} (${details.join('; ')})` : sentence),
  },
  fillRate: {
    title: 'Cobertura',
    field: 'Campo',
    fillRate: 'Cobertura',
    filled: (filled, total, _, totalCount) =>
      `${filled} de ${total} ${plural(totalCount, { one: 'registro', other: 'registros' })}`,
    creditsToFill: 'Créditos para completar',
    fillCost: (formatted, amount) => `≈${credits(formatted, amount)}`,
    complete: 'Completo',
    missing: 'Faltantes',
    total: 'Total',
    noAction: 'Ninguna acción completa este campo',
    empty: 'Esta audiencia aún no tiene registros ni campos que evaluar.',
  },
};
