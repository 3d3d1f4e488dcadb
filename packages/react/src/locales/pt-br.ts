import type { CreditAmountMessage, CreditMessages } from '../messages/credit-messages';
import { pluralFor } from '../messages/plural';

// Brazilian Portuguese rules say `one` for 0 and 1.5 too ("1,5 crédito"), as CLDR has it for Brazil.
const plural = pluralFor('pt-BR');
const credits: CreditAmountMessage = (formatted, amount) =>
  `${formatted} ${plural(amount, { one: 'crédito', other: 'créditos' })}`;
const rowWord = (count: number) => plural(count, { one: 'linha', other: 'linhas' });
const movesOn = (amount: number) => plural(amount, { one: 'passa', other: 'passam' });

/**
 * The kit's words in Brazilian Portuguese, for `<CreditProvider messages={ptBR}>`: "você", "créditos" for the
 * currency, "pasta de trabalho" for a workbook, "execução" for a run and "limite de gastos" for a spend limit.
 */
export const ptBR: CreditMessages = {
  common: {
    loading: 'Carregando créditos…',
    loadFailed: 'Não foi possível carregar os créditos.',
    retry: 'Tentar novamente',
    close: 'Fechar',
    credits,
  },
  costBadge: {
    cost: credits,
    free: 'Grátis',
    freeOwnKey: 'Grátis · sua chave',
    ownKeyHint: (provider) => `Sua própria chave de API ${provider} é usada, então nenhum crédito é cobrado.`,
    perRow: (formatted, amount) => `≈${credits(formatted, amount)} / linha`,
    total: (formatted, amount, rows, rowCount) => `≈${credits(formatted, amount)} para ${rows} ${rowWord(rowCount)}`,
    unknownAction: 'Custo indisponível',
    label: (actionName, cost) => `${actionName}: ${cost}`,
    details: (provider, dataType) => `Provedor: ${provider} · Dados: ${dataType}`,
  },
  spendLimit: {
    workbookTitle: 'Limite de créditos da pasta de trabalho',
    enrichmentTitle: 'Limite de créditos do enriquecimento',
    description: 'As cobranças param quando esse valor é gasto. Reembolsos reduzem o gasto.',
    enable: 'Limitar o gasto de créditos',
    limitLabel: 'Limite (créditos)',
    noLimit: 'Sem limite',
    spent: (formatted, amount) => `${credits(formatted, amount)} ${plural(amount, { one: 'gasto', other: 'gastos' })}`,
    remaining: (formatted, amount) =>
      `${credits(formatted, amount)} ${plural(amount, { one: 'restante', other: 'restantes' })}`,
    remainingOnceSaved: (formatted, amount) =>
      `${credits(formatted, amount)} ${plural(amount, { one: 'restante', other: 'restantes' })} após salvar`,
    noLimitOnceSaved: 'Sem limite após salvar',
    save: 'Salvar limite',
    saving: 'Salvando…',
    saved: 'Limite salvo',
    cancel: 'Cancelar',
    done: 'Concluído',
    memberDisabled: 'Apenas administradores do espaço de trabalho podem alterar limites de gastos.',
    confirmBelowSpent: (limit, spent) =>
      `Gasto até agora: ${spent}. Um limite de ${limit} interrompe na hora qualquer nova cobrança.`,
    confirmSave: 'Salvar mesmo assim',
    saveFailed: 'O limite não foi salvo. Tente novamente.',
    sessionEnded: 'O limite não foi salvo: sua sessão expirou. Entre novamente.',
  },
  amountInput: {
    empty: 'Informe uma quantidade de créditos.',
    not_a_number: 'Informe um número de créditos.',
    negative: 'Créditos não podem ser negativos.',
    too_many_decimals: 'Use no máximo 3 casas decimais.',
    too_large: 'Esse valor excede o máximo permitido.',
  },
  runBudget: {
    label: 'Orçamento da execução (créditos)',
    description: 'A execução para quando gasta o orçamento; o que não for gasto é liberado.',
    estimating: 'Estimando…',
    estimateFailed: 'Nenhuma estimativa disponível.',
    estimate: (perRow, total, rows, rowCount, totalAmount) =>
      `≈${perRow} / linha · ≈${credits(total, totalAmount)} para ${rows} ${rowWord(rowCount)}`,
    overBudget: (estimate, budget) =>
      `A estimativa (${estimate}) excede o orçamento (${budget}): a execução para quando o orçamento acabar.`,
    overBalance: (budget, spendable) => `O orçamento (${budget}) é maior que seu saldo disponível (${spendable}).`,
    zero: 'O orçamento da execução precisa ser maior que zero.',
    ownKey: 'Sua própria chave de API paga por este modelo, então a execução não custa créditos.',
  },
  runCost: {
    run: 'Executar',
    nothingSelected: 'Selecione linhas para ver quanto custa uma execução.',
    rows: (rows, rowCount) => `Executar em ${rows} ${rowWord(rowCount)}`,
    checking: 'verificando o custo…',
    upTo: (formatted, amount) => `até ${credits(formatted, amount)}`,
    noCredits: 'nenhum crédito',
    alreadyPaid: (rows, rowCount) => `${rows} ${plural(rowCount, { one: 'já paga', other: 'já pagas' })}`,
    allAlreadyPaid: 'todas já pagas',
    ownKey: (rows) => `${rows} grátis com sua chave`,
    stopsAfter: (rows, rowCount, limit) => `para após ${rows} ${rowWord(rowCount)}: ${limit}`,
    limitWorkspace: 'créditos insuficientes',
    limitWorkbook: 'limite da pasta de trabalho',
    limitEnrichment: 'limite do enriquecimento',
    limitRun: 'orçamento da execução',
    separator: ' · ',
    balanceAfter: (formatted, amount) => `Saldo depois: ${credits(formatted, amount)}`,
    showLimit: 'Detalhes do limite',
    failed: 'Não foi possível verificar o custo. Todos os limites continuam valendo quando a execução cobrar.',
    confirmTitle: (rows, rowCount) => `Executar em ${rows} ${rowWord(rowCount)}?`,
    confirmCharge: (formatted, amount) => `Esta execução cobra até ${credits(formatted, amount)}.`,
    confirmUnknown:
      'O custo desta execução ainda não é conhecido. Ela cobra até concluir as linhas ou até um limite interrompê-la.',
    confirmRun: 'Executar',
    cancel: 'Cancelar',
  },
  balance: {
    title: 'Créditos',
    spendable: (formatted, amount) =>
      `${credits(formatted, amount)} ${plural(amount, { one: 'disponível', other: 'disponíveis' })}`,
    allowance: (formatted, amount) => `Franquia do plano: ${credits(formatted, amount)}`,
    rolloverCap: (formatted, amount) => `Acúmulo limitado a ${credits(formatted, amount)}`,
    pending: (formatted, amount) =>
      `${credits(formatted, amount)} ${plural(amount, { one: 'pendente', other: 'pendentes' })}`,
    renewsOn: (date) => `Renova em ${date}`,
    renewalProcessing: 'Sua renovação está sendo processada: os créditos podem levar até 2 horas para aparecer.',
    renewalExpectedBy: (time) => `Previstos até ${time}.`,
    sourcePlan: 'Plano',
    sourceRollover: 'Acumulados',
    sourcePurchased: 'Comprados',
    sourceGranted: 'Concedidos',
  },
  renewal: {
    title: 'Na renovação',
    keeps: (formatted, amount) => `${credits(formatted, amount)} ${movesOn(amount)} para o próximo período`,
    forfeits: (formatted, amount) =>
      `${credits(formatted, amount)} ${plural(amount, { one: 'expira', other: 'expiram' })}`,
    purchasedKept: (formatted, amount) =>
      `${formatted} ${plural(amount, {
        one: 'crédito comprado nunca expira',
        other: 'créditos comprados nunca expiram',
      })}`,
    grantedKept: (formatted, amount) =>
      `${formatted} ${plural(amount, {
        one: 'crédito concedido continua',
        other: 'créditos concedidos continuam',
      })}, cada um até o próprio vencimento`,
    grantedExpiring: (formatted, amount) =>
      `${formatted} ${plural(amount, {
        one: 'crédito concedido vence',
        other: 'créditos concedidos vencem',
      })} antes disso`,
    newAllowance: (formatted, amount) => `${credits(formatted, amount)} do plano`,
    balanceAfter: (formatted, amount) => `Saldo após a renovação: ${credits(formatted, amount)}`,
    nextPlan: (planName) => `Renova para o plano ${planName}`,
    ruleBalanceCap: (formatted, amount) =>
      `Créditos não usados passam para o próximo período, até ${credits(formatted, amount)} entre plano e acumulados.`,
    ruleUnusedPercent: (percent) =>
      `${percent} dos créditos não usados passam para o próximo período, só na renovação no mesmo nível ou em um superior.`,
    ruleFixedMax: (formatted, amount) =>
      `No máximo ${credits(formatted, amount)} ${movesOn(amount)} para o próximo período.`,
  },
  alerts: {
    title: 'Alertas de créditos',
    description:
      'Um alerta dispara uma vez quando o valor cruza o limiar e só volta a disparar depois que o valor retornar.',
    empty: 'Nenhum alerta ainda.',
    listLabel: 'Alertas',
    scopeLabel: 'Monitorar',
    scopeBalance: 'Saldo',
    scopeWorkbook: 'Limite da pasta de trabalho',
    scopeEnrichment: 'Limite do enriquecimento',
    scopeRun: 'Orçamento da execução',
    scopeIdLabel: 'ID da pasta de trabalho, do enriquecimento ou da execução',
    unitLabel: 'Limiar em',
    unitCredits: 'Créditos restantes',
    unitPercent: 'Porcentagem',
    thresholdLabel: 'Limiar',
    balanceCredits: (formatted, amount) => `Saldo igual ou abaixo de ${credits(formatted, amount)}`,
    balancePercent: (percent) => `Saldo igual ou abaixo de ${percent}% da franquia do plano`,
    spendPercent: (scope, id, percent) => `${scope} ${id}: ${percent}% usado`,
    armed: 'Ativo',
    triggered: 'Disparado',
    add: 'Adicionar alerta',
    save: 'Salvar alerta',
    cancel: 'Cancelar',
    edit: 'Editar',
    remove: 'Remover',
    editLabel: (alert) => `Editar: ${alert}`,
    removeLabel: (alert) => `Remover: ${alert}`,
    saved: 'Alerta salvo',
    removed: 'Alerta removido',
    memberReadOnly: 'Apenas administradores do espaço de trabalho podem alterar alertas.',
    full: (maximum) => `Um espaço de trabalho tem no máximo ${maximum} alertas: remova um para adicionar outro.`,
    idRequired: 'Informe o ID da pasta de trabalho, do enriquecimento ou da execução.',
    percentProblem: 'Informe uma porcentagem inteira de 1 a 100.',
    saveFailed: 'O alerta não foi salvo. Tente novamente.',
    sessionEnded: 'O alerta não foi salvo: sua sessão expirou. Entre novamente.',
  },
  autoTopUp: {
    title: 'Recarga automática',
    description:
      'Quando o saldo fica abaixo do limiar, créditos são adicionados uma vez, e só de novo depois que o saldo se recuperar.',
    off: 'A recarga automática está desativada.',
    summary: (amount, threshold) => `Adiciona ${amount} quando o saldo fica abaixo de ${threshold}.`,
    month: (toppedUp, cap) => `Recarregado este mês: ${toppedUp} de ${cap}.`,
    armed: 'Ativa',
    triggered: 'Aguardando o saldo se recuperar',
    enabledLabel: 'Recarregar automaticamente',
    thresholdLabel: 'Quando o saldo ficar abaixo de (créditos)',
    creditsLabel: 'Adicionar (créditos)',
    monthlyCapLabel: 'No máximo por mês (créditos)',
    monthlyCapHint: 'Contado por mês do calendário (UTC).',
    zeroProblem: 'Informe um valor maior que zero.',
    capBelowCredits: 'O máximo mensal precisa cobrir pelo menos uma recarga.',
    save: 'Salvar recarga',
    saved: 'Recarga automática salva',
    memberReadOnly: 'Apenas administradores do espaço de trabalho podem alterar a recarga automática.',
    saveFailed: 'A recarga automática não foi salva. Tente novamente.',
    sessionEnded: 'A recarga automática não foi salva: sua sessão expirou. Entre novamente.',
  },
  alertNotice: {
    title: 'Alerta de créditos',
    balanceNow: (spendable) => `Saldo restante: ${spendable}.`,
    spendNow: (spent, limit) => `Gasto: ${spent} de ${limit}.`,
    dismiss: 'Dispensar',
  },
  limitReached: {
    workspace: 'Seu espaço de trabalho está sem créditos.',
    workbook: 'Esta pasta de trabalho atingiu o limite de créditos.',
    enrichment: 'Este enriquecimento atingiu o limite de créditos.',
    runBudget: (formatted, amount) => `Esta execução usou todo o orçamento de ${credits(formatted, amount)}.`,
    runBudgetDetails: (spent, remaining) =>
      `Gasto: ${spent} · restante: ${remaining}, insuficiente para a próxima linha.`,
    continueRun: 'Continuar com um orçamento maior',
    details: (limit, spent, remaining) => `Limite ${limit} · gasto ${spent} · restante ${remaining}`,
    raiseLimit: 'Aumentar o limite',
    buyCredits: 'Comprar créditos',
    askAdminToRaise: 'Peça a um administrador do espaço de trabalho para aumentar o limite.',
    askAdminToBuy: 'Peça a um administrador do espaço de trabalho para comprar créditos.',
  },
  usage: {
    title: 'Uso de créditos',
    perDay: 'Créditos por dia',
    chartLabel: (from, to, total, totalAmount) =>
      `Créditos líquidos por dia de ${from} a ${to}: ${credits(total, totalAmount)} no total`,
    dayTotal: (day, formatted, amount) => `${day}: ${credits(formatted, amount)}`,
    chartKeys: 'Use as setas para passar de um dia a outro.',
    period: 'Período',
    periods: {
      last7: 'Últimos 7 dias',
      last30: 'Últimos 30 dias',
      last90: 'Últimos 90 dias',
      thisMonth: 'Este mês',
      lastMonth: 'Mês passado',
    },
    groupLabel: 'Detalhamento do uso',
    byWorkbook: 'Por pasta de trabalho',
    byAction: 'Por ação',
    byProvider: 'Por provedor',
    byModel: 'Por modelo',
    columnWorkbook: 'Pasta de trabalho',
    columnAction: 'Ação',
    columnProvider: 'Provedor',
    byTrigger: 'Por origem',
    columnModel: 'Modelo',
    columnTrigger: 'Origem',
    triggerNames: { run: 'Execuções', rerun: 'Reexecuções', auto_update: 'Auto-Update' },
    columnCharges: 'Cobranças',
    columnCharged: 'Cobrado',
    columnRefunded: 'Reembolsado',
    columnNet: 'Líquido',
    total: 'Total',
    downloadCsv: 'Baixar CSV',
    downloadFailed: 'Não foi possível baixar o CSV. Tente novamente.',
    empty: 'Nenhum crédito foi usado neste período.',
  },
  activity: {
    title: 'Por que créditos foram cobrados',
    filtersLabel: 'Mostrar cobranças',
    periodFilter: 'Período',
    lastDays: (days) => `Últimos ${days} dias`,
    workbookFilter: 'Pasta de trabalho',
    allWorkbooks: 'Todas as pastas de trabalho',
    triggerFilter: 'Origem',
    allTriggers: 'Todas as origens',
    filtersApplied: (lines, lineCount, selection) =>
      `${lines} ${plural(lineCount, { one: 'entrada', other: 'entradas' })} para ${selection}`,
    showMore: 'Mostrar cobranças anteriores',
    moreFailed: 'Não foi possível carregar as cobranças anteriores. Tente novamente.',
    empty: 'Nenhum crédito foi cobrado para esta seleção.',
    run: ({ action, workbook, rows, rowCount, credits }) =>
      `${action} em ${rows} ${rowWord(rowCount)} de ${workbook}: ${credits}`,
    rerun: ({ action, workbook, rows, rowCount, credits }) =>
      `Reexecução de ${action} em ${rows} ${rowWord(rowCount)} de ${workbook}: ${credits}`,
    autoUpdate: ({ action, workbook, rows, rowCount, credits }) =>
      `O Auto-Update atualizou ${rows} ${plural(rowCount, { one: 'registro', other: 'registros' })} em ${workbook} ` +
      `com ${action}: ${credits}`,
    ai: ({ action, workbook, rows, rowCount, credits }) =>
      `${action} em ${workbook}: ${rows} ${rowWord(rowCount)}, ${credits}, cobrança independente do resultado`,
    stoppedRun: ({ action, workbook, rows, rowCount, credits }) =>
      `Execução de ${action} em ${workbook} interrompida no meio: ${rows} ` +
      `${plural(rowCount, {
        one: 'solicitação já enviada continua cobrada',
        other: 'solicitações já enviadas continuam cobradas',
      })}, ${credits}`,
    deduplicated: (count, amount) =>
      `${count} ${plural(amount, { one: 'já paga', other: 'já pagas' })}, sem nova cobrança`,
    ownKey: (count) => `${count} grátis com sua própria chave de API`,
    refunded: (count, amount, reasons) =>
      `${count} ${plural(amount, { one: 'reembolsada', other: 'reembolsadas' })}: ${reasons}`,
    refundReason: (count, _, reason) => `${count} ${reason}`,
    details: (sentence, details) => (details.length ? `${sentence} (${details.join('; ')})` : sentence),
  },
  fillRate: {
    title: 'Taxa de preenchimento',
    field: 'Campo',
    fillRate: 'Preenchimento',
    filled: (filled, total, _, totalCount) =>
      `${filled} de ${total} ${plural(totalCount, { one: 'registro', other: 'registros' })}`,
    creditsToFill: 'Créditos para preencher lacunas',
    fillCost: (formatted, amount) => `≈${credits(formatted, amount)}`,
    complete: 'Completo',
    missing: 'Faltando',
    total: 'Total',
    noAction: 'Nenhuma ação preenche este campo',
    empty: 'Este público ainda não tem registros ou campos para avaliar.',
  },
};
