import type { CreditAmountMessage, CreditMessages } from '../messages/credit-messages';
import { pluralFor } from '../messages/plural';

// French rules say `one` for 0 and 1.5 too ("0 crédit", "1,5 crédit"), as CLDR and French usage have it. A
// no-break space (\u00a0) stands before the high punctuation (: ; ? !) so a line never starts with it.
const plural = pluralFor('fr');
const credits: CreditAmountMessage = (formatted, amount) =>
  `${formatted} ${plural(amount, { one: 'crédit', other: 'crédits' })}`;
const rowWord = (count: number) => plural(count, { one: 'ligne', other: 'lignes' });

/**
 * The kit's words in French, for `<CreditProvider messages={fr}>`: "vous", "crédits" for the currency,
 * "classeur" for a workbook, "exécution" for a run and "plafond" for a spend limit.
 */
export const fr: CreditMessages = {
  common: {
    loading: 'Chargement des crédits…',
    loadFailed: 'Impossible de charger les crédits.',
    retry: 'Réessayer',
    close: 'Fermer',
    credits,
  },
  costBadge: {
    cost: credits,
    free: 'Gratuit',
    freeOwnKey: 'Gratuit · votre clé',
    ownKeyHint: (provider) => `Votre propre clé API ${provider} est utilisée\u00a0: aucun crédit n’est débité.`,
    perRow: (formatted, amount) => `≈${credits(formatted, amount)} / ligne`,
    total: (formatted, amount, rows, rowCount) => `≈${credits(formatted, amount)} pour ${rows} ${rowWord(rowCount)}`,
    unknownAction: 'Coût indisponible',
    label: (actionName, cost) => `${actionName}\u00a0: ${cost}`,
    details: (provider, dataType) => `Fournisseur\u00a0: ${provider} · Données\u00a0: ${dataType}`,
  },
  spendLimit: {
    workbookTitle: 'Plafond de crédits du classeur',
    enrichmentTitle: 'Plafond de crédits de l’enrichissement',
    description: 'Les débits s’arrêtent une fois ce montant dépensé. Les remboursements réduisent les dépenses.',
    enable: 'Plafonner les dépenses de crédits',
    limitLabel: 'Plafond (crédits)',
    noLimit: 'Aucun plafond',
    spent: (formatted, amount) =>
      `${credits(formatted, amount)} ${plural(amount, { one: 'dépensé', other: 'dépensés' })}`,
    remaining: (formatted, amount) =>
      `${credits(formatted, amount)} ${plural(amount, { one: 'restant', other: 'restants' })}`,
    remainingOnceSaved: (formatted, amount) =>
      `${credits(formatted, amount)} ${plural(amount, { one: 'restant', other: 'restants' })} après enregistrement`,
    noLimitOnceSaved: 'Aucun plafond après enregistrement',
    save: 'Enregistrer le plafond',
    saving: 'Enregistrement…',
    saved: 'Plafond enregistré',
    cancel: 'Annuler',
    done: 'Terminé',
    memberDisabled: 'Seuls les administrateurs de l’espace de travail peuvent modifier les plafonds de dépenses.',
    confirmBelowSpent: (limit, spent) =>
      `Déjà dépensé\u00a0: ${spent}. Un plafond de ${limit} bloque immédiatement tout nouveau débit.`,
    confirmSave: 'Enregistrer quand même',
    saveFailed: 'Le plafond n’a pas été enregistré. Réessayez.',
    sessionEnded: 'Le plafond n’a pas été enregistré\u00a0: votre session a expiré. Reconnectez-vous.',
  },
  amountInput: {
    empty: 'Saisissez un montant en crédits.',
    not_a_number: 'Saisissez un nombre de crédits.',
    negative: 'Le nombre de crédits ne peut pas être négatif.',
    too_many_decimals: 'Utilisez 3 décimales au maximum.',
    too_large: 'Ce montant dépasse le maximum autorisé.',
  },
  runBudget: {
    label: 'Budget de l’exécution (crédits)',
    description: 'L’exécution s’arrête une fois son budget dépensé\u00a0; le reste est libéré.',
    estimating: 'Estimation…',
    estimateFailed: 'Aucune estimation disponible.',
    estimate: (perRow, total, rows, rowCount, totalAmount) =>
      `≈${perRow} / ligne · ≈${credits(total, totalAmount)} pour ${rows} ${rowWord(rowCount)}`,
    overBudget: (estimate, budget) =>
      `L’estimation (${estimate}) dépasse le budget (${budget})\u00a0: l’exécution s’arrêtera une fois le budget dépensé.`,
    overBalance: (budget, spendable) => `Le budget (${budget}) dépasse votre solde disponible (${spendable}).`,
    zero: 'Le budget d’une exécution doit être supérieur à 0 crédit.',
    ownKey: 'Votre propre clé API paie ce modèle\u00a0: l’exécution ne coûte aucun crédit.',
  },
  runCost: {
    run: 'Lancer',
    nothingSelected: 'Sélectionnez des lignes pour voir le coût d’une exécution.',
    rows: (rows, rowCount) => `Lancer sur ${rows} ${rowWord(rowCount)}`,
    checking: 'vérification du coût…',
    upTo: (formatted, amount) => `jusqu’à ${credits(formatted, amount)}`,
    noCredits: 'aucun crédit',
    alreadyPaid: (rows, rowCount) => `${rows} ${plural(rowCount, { one: 'déjà payée', other: 'déjà payées' })}`,
    allAlreadyPaid: 'toutes déjà payées',
    ownKey: (rows, rowCount) => `${rows} ${plural(rowCount, { one: 'gratuite', other: 'gratuites' })} avec votre clé`,
    stopsAfter: (rows, rowCount, limit) => `s’arrête après ${rows} ${rowWord(rowCount)}\u00a0: ${limit}`,
    limitWorkspace: 'crédits insuffisants',
    limitWorkbook: 'plafond du classeur',
    limitEnrichment: 'plafond de l’enrichissement',
    limitRun: 'budget de l’exécution',
    separator: ' · ',
    balanceAfter: (formatted, amount) => `Solde après\u00a0: ${credits(formatted, amount)}`,
    showLimit: 'Détails du plafond',
    failed: 'Impossible de vérifier le coût. Tous les plafonds s’appliquent quand même lors des débits.',
    confirmTitle: (rows, rowCount) => `Lancer sur ${rows} ${rowWord(rowCount)}\u00a0?`,
    confirmCharge: (formatted, amount) => `Cette exécution débite jusqu’à ${credits(formatted, amount)}.`,
    confirmUnknown:
      'Le coût de cette exécution n’est pas encore connu. Elle débite jusqu’à ce que toutes ses lignes soient traitées ou qu’un plafond l’arrête.',
    confirmRun: 'Lancer',
    cancel: 'Annuler',
  },
  balance: {
    title: 'Crédits',
    spendable: (formatted, amount) =>
      `${credits(formatted, amount)} ${plural(amount, { one: 'disponible', other: 'disponibles' })}`,
    allowance: (formatted, amount) => `Inclus dans le forfait\u00a0: ${credits(formatted, amount)}`,
    rolloverCap: (formatted, amount) => `Report plafonné à ${credits(formatted, amount)}`,
    pending: (formatted, amount) => `${credits(formatted, amount)} en attente`,
    renewsOn: (date) => `Renouvellement le ${date}`,
    renewalProcessing:
      'Votre renouvellement est en cours de traitement\u00a0: ses crédits peuvent mettre jusqu’à 2 heures à apparaître.',
    renewalExpectedBy: (time) => `Attendus d’ici le ${time}.`,
    sourcePlan: 'Forfait',
    sourceRollover: 'Report',
    sourcePurchased: 'Achetés',
    sourceGranted: 'Offerts',
  },
  renewal: {
    title: 'Au renouvellement',
    keeps: (formatted, amount) =>
      `${credits(formatted, amount)} ${plural(amount, { one: 'reporté', other: 'reportés' })}`,
    forfeits: (formatted, amount) =>
      `${credits(formatted, amount)} ${plural(amount, { one: 'expire', other: 'expirent' })}`,
    purchasedKept: (formatted, amount) =>
      `${formatted} ${plural(amount, {
        one: 'crédit acheté n’expire',
        other: 'crédits achetés n’expirent',
      })} jamais`,
    grantedKept: (formatted, amount) =>
      `${formatted} ${plural(amount, {
        one: 'crédit offert reste',
        other: 'crédits offerts restent',
      })}, chacun jusqu’à sa propre expiration`,
    grantedExpiring: (formatted, amount) =>
      `${formatted} ${plural(amount, {
        one: 'crédit offert expire',
        other: 'crédits offerts expirent',
      })} avant cette date`,
    newAllowance: (formatted, amount) => `${credits(formatted, amount)} du forfait`,
    balanceAfter: (formatted, amount) => `Solde après renouvellement\u00a0: ${credits(formatted, amount)}`,
    nextPlan: (planName) => `Renouvellement vers le forfait ${planName}`,
    ruleBalanceCap: (formatted, amount) =>
      `Les crédits inutilisés sont reportés, dans la limite de ${credits(formatted, amount)} entre forfait et report.`,
    ruleUnusedPercent: (percent) =>
      `${percent} des crédits inutilisés sont reportés, uniquement vers une offre de même niveau ou supérieure.`,
    ruleFixedMax: (formatted, amount) =>
      `${credits(formatted, amount)} au maximum ${plural(amount, { one: 'est reporté', other: 'sont reportés' })}.`,
  },
  alerts: {
    title: 'Alertes de crédits',
    description:
      'Une alerte se déclenche une fois quand sa valeur franchit le seuil, et à nouveau seulement une fois la valeur repassée de l’autre côté.',
    empty: 'Aucune alerte pour l’instant.',
    listLabel: 'Alertes',
    scopeLabel: 'Surveiller',
    scopeBalance: 'Solde',
    scopeWorkbook: 'Plafond du classeur',
    scopeEnrichment: 'Plafond de l’enrichissement',
    scopeRun: 'Budget de l’exécution',
    scopeIdLabel: 'ID du classeur, de l’enrichissement ou de l’exécution',
    unitLabel: 'Seuil en',
    unitCredits: 'Crédits restants',
    unitPercent: 'Pourcentage',
    thresholdLabel: 'Seuil',
    balanceCredits: (formatted, amount) => `Solde inférieur ou égal à ${credits(formatted, amount)}`,
    balancePercent: (percent) => `Solde inférieur ou égal à ${percent}\u00a0% des crédits du forfait`,
    spendPercent: (scope, id, percent) => `${scope} ${id}\u00a0: ${percent}\u00a0% utilisés`,
    armed: 'Active',
    triggered: 'Déclenchée',
    add: 'Ajouter une alerte',
    save: 'Enregistrer l’alerte',
    cancel: 'Annuler',
    edit: 'Modifier',
    remove: 'Supprimer',
    editLabel: (alert) => `Modifier\u00a0: ${alert}`,
    removeLabel: (alert) => `Supprimer\u00a0: ${alert}`,
    saved: 'Alerte enregistrée',
    removed: 'Alerte supprimée',
    memberReadOnly: 'Seuls les administrateurs de l’espace de travail peuvent modifier les alertes.',
    full: (maximum) =>
      `Un espace de travail compte au plus ${maximum} alertes\u00a0: supprimez-en une pour en ajouter une autre.`,
    idRequired: 'Saisissez l’ID du classeur, de l’enrichissement ou de l’exécution.',
    percentProblem: 'Saisissez un pourcentage entier compris entre 1 et 100.',
    saveFailed: 'L’alerte n’a pas été enregistrée. Réessayez.',
    sessionEnded: 'L’alerte n’a pas été enregistrée\u00a0: votre session a expiré. Reconnectez-vous.',
  },
  autoTopUp: {
    title: 'Recharge automatique',
    description:
      'Quand le solde passe sous le seuil, des crédits sont ajoutés une fois, et à nouveau seulement une fois le solde remonté.',
    off: 'La recharge automatique est désactivée.',
    summary: (amount, threshold) => `Ajoute ${amount} quand le solde passe sous ${threshold}.`,
    month: (toppedUp, cap) => `Rechargé ce mois-ci\u00a0: ${toppedUp} sur ${cap}.`,
    armed: 'Active',
    triggered: 'En attente de la remontée du solde',
    enabledLabel: 'Recharger automatiquement',
    thresholdLabel: 'Quand le solde passe sous (crédits)',
    creditsLabel: 'Ajouter (crédits)',
    monthlyCapLabel: 'Maximum par mois (crédits)',
    monthlyCapHint: 'Compté par mois calendaire (UTC).',
    zeroProblem: 'Saisissez plus de 0 crédit.',
    capBelowCredits: 'Le plafond mensuel doit couvrir au moins une recharge.',
    save: 'Enregistrer la recharge',
    saved: 'Recharge automatique enregistrée',
    memberReadOnly: 'Seuls les administrateurs de l’espace de travail peuvent modifier la recharge automatique.',
    saveFailed: 'La recharge automatique n’a pas été enregistrée. Réessayez.',
    sessionEnded: 'La recharge automatique n’a pas été enregistrée\u00a0: votre session a expiré. Reconnectez-vous.',
  },
  alertNotice: {
    title: 'Alerte de crédits',
    balanceNow: (spendable) => `Il reste ${spendable}.`,
    spendNow: (spent, limit) => `Dépensé\u00a0: ${spent} sur ${limit}.`,
    dismiss: 'Masquer',
  },
  limitReached: {
    workspace: 'Votre espace de travail n’a plus de crédits.',
    workbook: 'Ce classeur a atteint son plafond de crédits.',
    enrichment: 'Cet enrichissement a atteint son plafond de crédits.',
    runBudget: (formatted, amount) => `Cette exécution a épuisé son budget de ${credits(formatted, amount)}.`,
    runBudgetDetails: (spent, remaining) =>
      `Dépensé\u00a0: ${spent} · reste ${remaining}, pas assez pour la ligne suivante.`,
    continueRun: 'Continuer avec un budget plus élevé',
    details: (limit, spent, remaining) => `Plafond ${limit} · dépensé ${spent} · reste ${remaining}`,
    raiseLimit: 'Relever le plafond',
    buyCredits: 'Acheter des crédits',
    askAdminToRaise: 'Demandez à un administrateur de l’espace de travail de relever le plafond.',
    askAdminToBuy: 'Demandez à un administrateur de l’espace de travail d’acheter des crédits.',
  },
  usage: {
    title: 'Consommation de crédits',
    perDay: 'Crédits par jour',
    chartLabel: (from, to, total, totalAmount) =>
      `Crédits nets par jour du ${from} au ${to}\u00a0: ${credits(total, totalAmount)} au total`,
    dayTotal: (day, formatted, amount) => `${day}\u00a0: ${credits(formatted, amount)}`,
    chartKeys: 'Les flèches passent d’un jour à l’autre.',
    period: 'Période',
    periods: {
      last7: '7 derniers jours',
      last30: '30 derniers jours',
      last90: '90 derniers jours',
      thisMonth: 'Ce mois-ci',
      lastMonth: 'Le mois dernier',
    },
    groupLabel: 'Répartition de la consommation',
    byWorkbook: 'Par classeur',
    byAction: 'Par action',
    byProvider: 'Par fournisseur',
    byModel: 'Par modèle',
    columnWorkbook: 'Classeur',
    columnAction: 'Action',
    columnProvider: 'Fournisseur',
    byTrigger: 'Par déclencheur',
    columnModel: 'Modèle',
    columnTrigger: 'Déclencheur',
    triggerNames: { run: 'Exécutions', rerun: 'Réexécutions', auto_update: 'Auto-Update' },
    columnCharges: 'Débits',
    columnCharged: 'Débité',
    columnRefunded: 'Remboursé',
    columnNet: 'Net',
    total: 'Total',
    downloadCsv: 'Télécharger le CSV',
    downloadFailed: 'Impossible de télécharger le CSV. Réessayez.',
    empty: 'Aucun crédit utilisé sur cette période.',
  },
  activity: {
    title: 'Pourquoi des crédits ont été débités',
    filtersLabel: 'Afficher les débits',
    periodFilter: 'Période',
    lastDays: (days) => `${days} derniers jours`,
    workbookFilter: 'Classeur',
    allWorkbooks: 'Tous les classeurs',
    triggerFilter: 'Déclencheur',
    allTriggers: 'Tous les déclencheurs',
    filtersApplied: (lines, lineCount, selection) =>
      `${lines} ${plural(lineCount, { one: 'entrée', other: 'entrées' })} pour ${selection}`,
    showMore: 'Afficher les débits plus anciens',
    moreFailed: 'Impossible de charger les débits plus anciens. Réessayez.',
    empty: 'Aucun crédit débité pour cette sélection.',
    run: ({ action, workbook, rows, rowCount, credits }) =>
      `${action} sur ${rows} ${rowWord(rowCount)} dans ${workbook}\u00a0: ${credits}`,
    rerun: ({ action, workbook, rows, rowCount, credits }) =>
      `Réexécution de ${action} sur ${rows} ${rowWord(rowCount)} dans ${workbook}\u00a0: ${credits}`,
    autoUpdate: ({ action, workbook, rows, rowCount, credits }) =>
      `Auto-Update a actualisé ${rows} ${plural(rowCount, { one: 'fiche', other: 'fiches' })} dans ${workbook} ` +
      `avec ${action}\u00a0: ${credits}`,
    ai: ({ action, workbook, rows, rowCount, credits }) =>
      `${action} dans ${workbook}\u00a0: ${rows} ${rowWord(rowCount)}, ${credits}, débités quel que soit le résultat`,
    stoppedRun: ({ action, workbook, rows, rowCount, credits }) =>
      `Exécution de ${action} dans ${workbook} arrêtée en cours de route\u00a0: ${rows} ` +
      `${plural(rowCount, { one: 'requête déjà envoyée reste débitée', other: 'requêtes déjà envoyées restent débitées' })}, ${credits}`,
    deduplicated: (count, amount) =>
      `${count} ${plural(amount, { one: 'déjà payée, non débitée', other: 'déjà payées, non débitées' })} à nouveau`,
    ownKey: (count, amount) =>
      `${count} ${plural(amount, { one: 'gratuite', other: 'gratuites' })} avec votre propre clé API`,
    refunded: (count, amount, reasons) =>
      `${count} ${plural(amount, { one: 'remboursée', other: 'remboursées' })}\u00a0: ${reasons}`,
    refundReason: (count, _, reason) => `${count} ${reason}`,
    details: (sentence, details) => (details.length ? `${sentence} (${details.join('\u00a0; ')})` : sentence),
  },
  fillRate: {
    title: 'Taux de remplissage',
    field: 'Champ',
    fillRate: 'Taux de remplissage',
    filled: (filled, total, filledCount) =>
      `${filled} ${plural(filledCount, { one: 'fiche', other: 'fiches' })} sur ${total}`,
    creditsToFill: 'Crédits pour combler les manques',
    fillCost: (formatted, amount) => `≈${credits(formatted, amount)}`,
    complete: 'Complet',
    missing: 'Manquantes',
    total: 'Total',
    noAction: 'Aucune action ne remplit ce champ',
    empty: 'Cette audience n’a pas encore de fiches ni de champs à évaluer.',
  },
};
