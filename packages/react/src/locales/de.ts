import type { CreditAmountMessage, CreditMessages } from '../messages/credit-messages';
import { pluralFor } from '../messages/plural';

const plural = pluralFor('de');
const credits: CreditAmountMessage = (formatted, amount) =>
  `${formatted} ${plural(amount, { one: 'Credit', other: 'Credits' })}`;
const rowWord = (count: number) => plural(count, { one: 'Zeile', other: 'Zeilen' });
const willRollOver = (amount: number) => plural(amount, { one: 'wird', other: 'werden' });

/**
 * The kit's words in German, for `<CreditProvider messages={de}>`: formal address (Sie), "Credits" for the
 * currency, "Arbeitsmappe" for a workbook and "Durchlauf" for a run.
 */
export const de: CreditMessages = {
  common: {
    loading: 'Credits werden geladen…',
    loadFailed: 'Credits konnten nicht geladen werden.',
    retry: 'Erneut versuchen',
    close: 'Schließen',
    credits,
  },
  costBadge: {
    cost: credits,
    free: 'Kostenlos',
    freeOwnKey: 'Kostenlos · eigener Schlüssel',
    ownKeyHint: (provider) =>
      `Ihr eigener API-Schlüssel für ${provider} wird verwendet, daher fallen keine Credits an.`,
    perRow: (formatted, amount) => `≈${credits(formatted, amount)} / Zeile`,
    total: (formatted, amount, rows, rowCount) => `≈${credits(formatted, amount)} für ${rows} ${rowWord(rowCount)}`,
    unknownAction: 'Kosten nicht verfügbar',
    label: (actionName, cost) => `${actionName}: ${cost}`,
    details: (provider, dataType) => `Anbieter: ${provider} · Daten: ${dataType}`,
  },
  spendLimit: {
    workbookTitle: 'Credit-Limit der Arbeitsmappe',
    enrichmentTitle: 'Credit-Limit der Anreicherung',
    description: 'Sobald so viel ausgegeben ist, wird nichts mehr abgebucht. Erstattungen senken die Ausgaben wieder.',
    enable: 'Credit-Ausgaben begrenzen',
    limitLabel: 'Limit (Credits)',
    noLimit: 'Kein Limit',
    spent: (formatted, amount) => `${credits(formatted, amount)} ausgegeben`,
    remaining: (formatted, amount) => `${credits(formatted, amount)} verbleibend`,
    remainingOnceSaved: (formatted, amount) => `Nach dem Speichern ${credits(formatted, amount)} verbleibend`,
    noLimitOnceSaved: 'Nach dem Speichern kein Limit',
    save: 'Limit speichern',
    saving: 'Wird gespeichert…',
    saved: 'Limit gespeichert',
    cancel: 'Abbrechen',
    done: 'Fertig',
    memberDisabled: 'Nur Workspace-Admins können Ausgabenlimits ändern.',
    confirmBelowSpent: (limit, spent) =>
      `Bisher ausgegeben: ${spent}. Ein Limit von ${limit} stoppt ab sofort jede weitere Abbuchung.`,
    confirmSave: 'Trotzdem speichern',
    saveFailed: 'Das Limit wurde nicht gespeichert. Bitte versuchen Sie es erneut.',
    sessionEnded: 'Das Limit wurde nicht gespeichert: Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.',
  },
  amountInput: {
    empty: 'Geben Sie eine Anzahl Credits ein.',
    not_a_number: 'Geben Sie die Credits als Zahl ein.',
    negative: 'Credits können nicht negativ sein.',
    too_many_decimals: 'Verwenden Sie höchstens 3 Nachkommastellen.',
    too_large: 'So viele Credits lassen sich nicht festlegen.',
  },
  runBudget: {
    label: 'Budget des Durchlaufs (Credits)',
    description:
      'Der Durchlauf stoppt, sobald sein Budget aufgebraucht ist; nicht genutzte Credits werden freigegeben.',
    estimating: 'Wird geschätzt…',
    estimateFailed: 'Keine Schätzung verfügbar.',
    estimate: (perRow, total, rows, rowCount, totalAmount) =>
      `≈${perRow} / Zeile · ≈${credits(total, totalAmount)} für ${rows} ${rowWord(rowCount)}`,
    overBudget: (estimate, budget) =>
      `Die Schätzung (${estimate}) liegt über dem Budget (${budget}): Der Durchlauf stoppt, sobald das Budget aufgebraucht ist.`,
    overBalance: (budget, spendable) => `Das Budget (${budget}) übersteigt Ihr verfügbares Guthaben (${spendable}).`,
    zero: 'Das Budget muss größer als 0 Credits sein.',
    ownKey: 'Ihr eigener API-Schlüssel bezahlt dieses Modell, daher kostet der Durchlauf keine Credits.',
  },
  runCost: {
    run: 'Ausführen',
    nothingSelected: 'Wählen Sie Zeilen aus, um zu sehen, was ein Durchlauf kostet.',
    rows: (rows, rowCount) => `Auf ${rows} ${rowWord(rowCount)} ausführen`,
    checking: 'Kosten werden geprüft…',
    upTo: (formatted, amount) => `bis zu ${credits(formatted, amount)}`,
    noCredits: 'keine Credits',
    alreadyPaid: (rows) => `${rows} bereits bezahlt`,
    allAlreadyPaid: 'alle bereits bezahlt',
    ownKey: (rows) => `${rows} kostenlos mit eigenem Schlüssel`,
    stopsAfter: (rows, rowCount, limit) => `stoppt nach ${rows} ${rowWord(rowCount)}: ${limit}`,
    limitWorkspace: 'nicht genug Credits',
    limitWorkbook: 'Limit der Arbeitsmappe',
    limitEnrichment: 'Limit der Anreicherung',
    limitRun: 'Budget des Durchlaufs',
    separator: ' · ',
    balanceAfter: (formatted, amount) => `Guthaben danach: ${credits(formatted, amount)}`,
    showLimit: 'Limit-Details',
    failed: 'Die Kosten konnten nicht geprüft werden. Beim Abbuchen gelten trotzdem alle Limits.',
    confirmTitle: (rows, rowCount) => `Auf ${rows} ${rowWord(rowCount)} ausführen?`,
    confirmCharge: (formatted, amount) => `Dieser Durchlauf bucht bis zu ${credits(formatted, amount)} ab.`,
    confirmUnknown:
      'Die Kosten dieses Durchlaufs sind noch nicht bekannt. Er bucht ab, bis alle Zeilen erledigt sind oder ein Limit ihn stoppt.',
    confirmRun: 'Ausführen',
    cancel: 'Abbrechen',
  },
  balance: {
    title: 'Credits',
    spendable: (formatted, amount) => `${credits(formatted, amount)} verfügbar`,
    allowance: (formatted, amount) => `Kontingent des Plans: ${credits(formatted, amount)}`,
    rolloverCap: (formatted, amount) => `Übertrag begrenzt auf ${credits(formatted, amount)}`,
    pending: (formatted, amount) => `${credits(formatted, amount)} ausstehend`,
    renewsOn: (date) => `Verlängert sich am ${date}`,
    renewalProcessing: 'Ihre Verlängerung wird verarbeitet: Die Credits können bis zu 2 Stunden später erscheinen.',
    renewalExpectedBy: (time) => `Erwartet bis ${time}.`,
    sourcePlan: 'Plan',
    sourceRollover: 'Übertrag',
    sourcePurchased: 'Gekauft',
    sourceGranted: 'Gutgeschrieben',
  },
  renewal: {
    title: 'Bei der Verlängerung',
    keeps: (formatted, amount) => `${credits(formatted, amount)} ${willRollOver(amount)} übertragen`,
    forfeits: (formatted, amount) =>
      `${credits(formatted, amount)} ${plural(amount, { one: 'verfällt', other: 'verfallen' })}`,
    purchasedKept: (formatted, amount) =>
      `${formatted} ${plural(amount, {
        one: 'gekaufter Credit verfällt',
        other: 'gekaufte Credits verfallen',
      })} nie`,
    grantedKept: (formatted, amount) =>
      `${formatted} ${plural(amount, {
        one: 'gutgeschriebener Credit bleibt',
        other: 'gutgeschriebene Credits bleiben',
      })}, jeweils bis zu seinem eigenen Ablauf`,
    grantedExpiring: (formatted, amount) =>
      `${formatted} ${plural(amount, {
        one: 'gutgeschriebener Credit verfällt',
        other: 'gutgeschriebene Credits verfallen',
      })} schon vorher`,
    newAllowance: (formatted, amount) => `${credits(formatted, amount)} aus dem Plan`,
    balanceAfter: (formatted, amount) => `Guthaben nach der Verlängerung: ${credits(formatted, amount)}`,
    nextPlan: (planName) => `Wechselt bei der Verlängerung in den Plan ${planName}`,
    ruleBalanceCap: (formatted, amount) =>
      `Nicht genutzte Credits werden übertragen, bis zu ${credits(formatted, amount)} aus Plan und Übertrag.`,
    ruleUnusedPercent: (percent) =>
      `${percent} der nicht genutzten Credits werden übertragen, nur bei gleichem oder höherem Tarif.`,
    ruleFixedMax: (formatted, amount) => `Höchstens ${credits(formatted, amount)} ${willRollOver(amount)} übertragen.`,
  },
  alerts: {
    title: 'Credit-Warnungen',
    description:
      'Eine Warnung wird einmal ausgelöst, wenn ihr Wert den Schwellenwert überschreitet, und erst wieder, nachdem der Wert zurückgekehrt ist.',
    empty: 'Noch keine Warnungen.',
    listLabel: 'Warnungen',
    scopeLabel: 'Überwachen',
    scopeBalance: 'Guthaben',
    scopeWorkbook: 'Limit der Arbeitsmappe',
    scopeEnrichment: 'Limit der Anreicherung',
    scopeRun: 'Budget des Durchlaufs',
    scopeIdLabel: 'ID der Arbeitsmappe, Anreicherung oder des Durchlaufs',
    unitLabel: 'Schwellenwert in',
    unitCredits: 'Verbleibende Credits',
    unitPercent: 'Prozent',
    thresholdLabel: 'Schwellenwert',
    balanceCredits: (formatted, amount) => `Guthaben bei höchstens ${credits(formatted, amount)}`,
    balancePercent: (percent) => `Guthaben bei höchstens ${percent}\u00a0% des Plankontingents`,
    spendPercent: (scope, id, percent) => `${scope} ${id}: ${percent}\u00a0% verbraucht`,
    armed: 'Aktiv',
    triggered: 'Ausgelöst',
    add: 'Warnung hinzufügen',
    save: 'Warnung speichern',
    cancel: 'Abbrechen',
    edit: 'Bearbeiten',
    remove: 'Entfernen',
    editLabel: (alert) => `Bearbeiten: ${alert}`,
    removeLabel: (alert) => `Entfernen: ${alert}`,
    saved: 'Warnung gespeichert',
    removed: 'Warnung entfernt',
    memberReadOnly: 'Nur Workspace-Admins können Warnungen ändern.',
    full: (maximum) =>
      `Ein Workspace hat höchstens ${maximum} Warnungen: Entfernen Sie eine, um eine neue hinzuzufügen.`,
    idRequired: 'Geben Sie die ID der Arbeitsmappe, der Anreicherung oder des Durchlaufs ein.',
    percentProblem: 'Geben Sie einen ganzen Prozentwert von 1 bis 100 ein.',
    saveFailed: 'Die Warnung wurde nicht gespeichert. Bitte versuchen Sie es erneut.',
    sessionEnded: 'Die Warnung wurde nicht gespeichert: Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.',
  },
  autoTopUp: {
    title: 'Automatisches Aufladen',
    description:
      'Fällt das Guthaben unter den Schwellenwert, werden einmal Credits aufgeladen – und erst wieder, nachdem sich das Guthaben erholt hat.',
    off: 'Automatisches Aufladen ist deaktiviert.',
    summary: (amount, threshold) => `Lädt ${amount} auf, sobald das Guthaben unter ${threshold} fällt.`,
    month: (toppedUp, cap) => `Diesen Monat: ${toppedUp} von ${cap} aufgeladen.`,
    armed: 'Aktiv',
    triggered: 'Wartet, bis sich das Guthaben erholt',
    enabledLabel: 'Automatisch aufladen',
    thresholdLabel: 'Bei einem Guthaben unter (Credits)',
    creditsLabel: 'Aufladen um (Credits)',
    monthlyCapLabel: 'Höchstens pro Monat (Credits)',
    monthlyCapHint: 'Gezählt pro Kalendermonat (UTC).',
    zeroProblem: 'Geben Sie mehr als 0 Credits ein.',
    capBelowCredits: 'Die monatliche Obergrenze muss mindestens eine Aufladung umfassen.',
    save: 'Aufladen speichern',
    saved: 'Automatisches Aufladen gespeichert',
    memberReadOnly: 'Nur Workspace-Admins können das automatische Aufladen ändern.',
    saveFailed: 'Das automatische Aufladen wurde nicht gespeichert. Bitte versuchen Sie es erneut.',
    sessionEnded:
      'Das automatische Aufladen wurde nicht gespeichert: Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.',
  },
  alertNotice: {
    title: 'Credit-Warnung',
    balanceNow: (spendable) => `Noch ${spendable} übrig.`,
    spendNow: (spent, limit) => `${spent} von ${limit} ausgegeben.`,
    dismiss: 'Ausblenden',
  },
  limitReached: {
    workspace: 'Ihr Workspace hat keine Credits mehr.',
    workbook: 'Diese Arbeitsmappe hat ihr Credit-Limit erreicht.',
    enrichment: 'Diese Anreicherung hat ihr Credit-Limit erreicht.',
    runBudget: (formatted, amount) =>
      `Dieser Durchlauf hat sein Budget von ${credits(formatted, amount)} aufgebraucht.`,
    runBudgetDetails: (spent, remaining) =>
      `${spent} ausgegeben · ${remaining} übrig, nicht genug für die nächste Zeile.`,
    continueRun: 'Mit größerem Budget fortsetzen',
    details: (limit, spent, remaining) => `Limit ${limit} · ausgegeben ${spent} · ${remaining} übrig`,
    raiseLimit: 'Limit erhöhen',
    buyCredits: 'Credits kaufen',
    askAdminToRaise: 'Bitten Sie einen Workspace-Admin, das Limit zu erhöhen.',
    askAdminToBuy: 'Bitten Sie einen Workspace-Admin, Credits zu kaufen.',
  },
  usage: {
    title: 'Credit-Verbrauch',
    perDay: 'Credits pro Tag',
    chartLabel: (from, to, total, totalAmount) =>
      `Netto-Credits pro Tag vom ${from} bis ${to}: insgesamt ${credits(total, totalAmount)}`,
    dayTotal: (day, formatted, amount) => `${day}: ${credits(formatted, amount)}`,
    chartKeys: 'Mit den Pfeiltasten von Tag zu Tag wechseln.',
    period: 'Zeitraum',
    periods: {
      last7: 'Letzte 7 Tage',
      last30: 'Letzte 30 Tage',
      last90: 'Letzte 90 Tage',
      thisMonth: 'Dieser Monat',
      lastMonth: 'Letzter Monat',
    },
    groupLabel: 'Aufschlüsselung des Verbrauchs',
    byWorkbook: 'Nach Arbeitsmappe',
    byAction: 'Nach Aktion',
    byProvider: 'Nach Anbieter',
    byModel: 'Nach Modell',
    columnWorkbook: 'Arbeitsmappe',
    columnAction: 'Aktion',
    columnProvider: 'Anbieter',
    byTrigger: 'Nach Auslöser',
    columnModel: 'Modell',
    columnTrigger: 'Auslöser',
    triggerNames: { run: 'Durchläufe', rerun: 'Erneute Durchläufe', auto_update: 'Auto-Update' },
    columnCharges: 'Abbuchungen',
    columnCharged: 'Abgebucht',
    columnRefunded: 'Erstattet',
    columnNet: 'Netto',
    total: 'Gesamt',
    downloadCsv: 'CSV herunterladen',
    downloadFailed: 'Die CSV-Datei konnte nicht heruntergeladen werden. Bitte versuchen Sie es erneut.',
    empty: 'In diesem Zeitraum wurden keine Credits verbraucht.',
  },
  activity: {
    title: 'Wofür Credits abgebucht wurden',
    filtersLabel: 'Abbuchungen anzeigen',
    periodFilter: 'Zeitraum',
    lastDays: (days) => `Letzte ${days} Tage`,
    workbookFilter: 'Arbeitsmappe',
    allWorkbooks: 'Alle Arbeitsmappen',
    triggerFilter: 'Auslöser',
    allTriggers: 'Alle Auslöser',
    filtersApplied: (lines, lineCount, selection) =>
      `${lines} ${plural(lineCount, { one: 'Eintrag', other: 'Einträge' })} für ${selection}`,
    showMore: 'Ältere Abbuchungen anzeigen',
    moreFailed: 'Ältere Abbuchungen konnten nicht geladen werden. Bitte versuchen Sie es erneut.',
    empty: 'Für diese Auswahl wurden keine Credits abgebucht.',
    run: ({ action, workbook, rows, rowCount, credits }) =>
      `${action} für ${rows} ${rowWord(rowCount)} in ${workbook}: ${credits}`,
    rerun: ({ action, workbook, rows, rowCount, credits }) =>
      `Erneuter Durchlauf von ${action} für ${rows} ${rowWord(rowCount)} in ${workbook}: ${credits}`,
    autoUpdate: ({ action, workbook, rows, rowCount, credits }) =>
      `Auto-Update hat ${rows} ${plural(rowCount, { one: 'Datensatz', other: 'Datensätze' })} in ${workbook} ` +
      `mit ${action} aktualisiert: ${credits}`,
    ai: ({ action, workbook, rows, rowCount, credits }) =>
      `${action} in ${workbook}: ${rows} ${rowWord(rowCount)}, ${credits}, unabhängig vom Ergebnis abgebucht`,
    stoppedRun: ({ action, workbook, rows, rowCount, credits }) =>
      `Durchlauf von ${action} in ${workbook} vorzeitig gestoppt: ${rows} bereits ` +
      `${plural(rowCount, { one: 'gesendete Anfrage blieb', other: 'gesendete Anfragen blieben' })} abgebucht, ${credits}`,
    deduplicated: (count) => `${count} bereits bezahlt, nicht erneut abgebucht`,
    ownKey: (count) => `${count} kostenlos mit Ihrem eigenen API-Schlüssel`,
    refunded: (count, _, reasons) => `${count} erstattet: ${reasons}`,
    refundReason: (count, _, reason) => `${count} ${reason}`,
    details: (sentence, details) => (details.length ? `${sentence} (${details.join('; ')})` : sentence),
  },
  fillRate: {
    title: 'Füllgrad',
    field: 'Feld',
    fillRate: 'Füllgrad',
    filled: (filled, total, _, totalCount) =>
      `${filled} von ${total} ${plural(totalCount, { one: 'Datensatz', other: 'Datensätzen' })}`,
    creditsToFill: 'Credits zum Füllen der Lücken',
    fillCost: (formatted, amount) => `≈${credits(formatted, amount)}`,
    complete: 'Vollständig',
    missing: 'Fehlend',
    total: 'Gesamt',
    noAction: 'Keine Aktion füllt dieses Feld',
    empty: 'Diese Zielgruppe hat noch keine Datensätze oder Felder zum Bewerten.',
  },
};
