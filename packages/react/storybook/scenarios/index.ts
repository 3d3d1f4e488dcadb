import { type Fault, networkFails, neverAnswers, serverFails, spendLimitSavesFail } from '../faults';
import {
  alertsHistory,
  annualHistory,
  autoTopUpHistory,
  downgradeScheduledHistory,
  emptyHistory,
  grantedHistory,
  ids,
  leadsHistory,
  limitReachedHistory,
  normalHistory,
  outOfCreditsHistory,
  ownKeyHistory,
  renewalProcessingHistory,
  trialHistory,
  whyChargedHistory,
} from './histories';
import type { ChargeBatch, WorkspaceHistory } from './history';

export interface Scenario {
  /** What the workspace is, in a line, for the docs. */
  description: string;
  /** The workspace's history, replayed through the in-page API for each story; none when nothing reaches the API. */
  history?: WorkspaceHistory;
  /** Charges made elsewhere (a teammate, a bulk enrichment) once a live story has subscribed to the events. */
  whileOpen?: ChargeBatch[];
  /** A deliberate fault in front of the API. */
  fault?: Fault;
  /** SDK client settings the scenario needs. */
  client?: { maxRetries?: number; timeout?: number; attemptTimeout?: number };
}

const oneDay = 86_400_000;

/** A 10-credit mobile number for the Q4 outbound workbook, bought elsewhere while the page is open. */
const mobileNumberElsewhere: ChargeBatch = {
  actionId: 'find-mobile-phone',
  workbookId: ids.outboundWorkbook,
  charges: 1,
};

/** 10 work emails (1 credit each) in the lead research workbook, half of its 20-credit limit (R25). */
const leadEmailsElsewhere: ChargeBatch = { actionId: 'find-work-email', workbookId: ids.leadWorkbook, charges: 10 };

/**
 * The workspace a story runs on, by name: `parameters: { creditkit: { scenario: 'limitReached' } }`.
 * `normal` when a story names none.
 */
export type ScenarioName =
  | 'normal'
  | 'ownKey'
  | 'renewalProcessing'
  | 'limitReached'
  | 'alerts'
  | 'autoTopUp'
  | 'outOfCredits'
  | 'emptyUsage'
  | 'whyCharged'
  | 'downgradeScheduled'
  | 'trial'
  | 'annual'
  | 'granted'
  | 'leads'
  | 'spendLimitSaveFails'
  | 'serverError'
  | 'networkError'
  | 'loading';

export const scenarios: Record<ScenarioName, Scenario> = {
  normal: {
    description: 'Explorer (monthly) mid-period: plan, rollover and purchased credits; a workbook limit with room.',
    history: normalHistory,
    // A teammate's enrichment buys a mobile number while the page is open: the balance follows (R1).
    whileOpen: [mobileNumberElsewhere],
  },
  ownKey: {
    description: 'The same workspace with its own Phonebook and OpenAI keys: their actions cost 0 (R10).',
    history: ownKeyHistory,
  },
  renewalProcessing: {
    description: 'Starter (monthly) 20 minutes after its renewal: 35.5 credits spendable, 2,000 pending (R7).',
    history: renewalProcessingHistory,
  },
  alerts: {
    description: 'The normal workspace with five alerts (R25); live, a teammate’s 10 work emails cross one more.',
    history: alertsHistory,
    whileOpen: [leadEmailsElsewhere],
  },
  autoTopUp: {
    description:
      'Starter (monthly) with auto top-up: 500 credits below 1,000, at most 1,500 a month; topped up once (R27); live, a teammate’s 50 mobile numbers cross again.',
    history: autoTopUpHistory,
    whileOpen: [{ actionId: 'find-mobile-phone', workbookId: ids.leadWorkbook, charges: 50 }],
  },
  limitReached: {
    description: 'The Q4 outbound workbook has 4 credits left (R11); its mobile enrichment spent all 500 (R12).',
    history: limitReachedHistory,
    // A charge made elsewhere (another tab, a bulk enrichment) runs into the workbook limit while the page is open.
    whileOpen: [mobileNumberElsewhere],
  },
  outOfCredits: {
    description: 'Free, 3 of its 100 monthly credits left: a 10-credit charge is refused (R14).',
    history: outOfCreditsHistory,
  },
  emptyUsage: {
    description: 'Starter (monthly), six days old: full allowance, no charges yet.',
    history: emptyHistory,
  },
  whyCharged: {
    description:
      'Explorer (monthly) this month: re-runs, an Auto-Update refresh, AI rows and a run stopped midway (R24).',
    history: whyChargedHistory,
  },
  downgradeScheduled: {
    description: 'The Explorer workspace with a downgrade to Starter at the end of the period (R6).',
    history: downgradeScheduledHistory,
  },
  trial: {
    description: 'A 14-day trial ending in four days: at most 100 credits carry into Free (R5).',
    history: trialHistory,
  },
  annual: {
    description: 'Explorer (annual), eight months in: 15% of unused credits roll over (R4).',
    history: annualHistory,
  },
  granted: {
    description:
      'Starter (monthly) compensated for an outage with 500 credits until year end and given 250 promotional ones (R28).',
    history: grantedHistory,
  },
  leads: {
    description: 'Starter (monthly): the lead research workbook, limited to 14 credits, paid 4 leads’ work emails.',
    history: leadsHistory,
  },
  spendLimitSaveFails: {
    description: 'The normal workspace, where saving a spend limit answers 500 (reads work).',
    history: normalHistory,
    fault: spendLimitSavesFail,
    client: { maxRetries: 0 },
  },
  serverError: {
    description: 'Every request answers 500. The SDK does not retry here, so the error shows at once.',
    fault: serverFails,
    client: { maxRetries: 0 },
  },
  networkError: {
    description: 'Every request fails before reaching the API (offline, DNS, a proxy).',
    fault: networkFails,
    client: { maxRetries: 0 },
  },
  loading: {
    description: 'No request ever answers, and the client waits a day before giving up.',
    fault: neverAnswers,
    client: { timeout: oneDay, attemptTimeout: oneDay },
  },
};

/** What a story says about its data: `parameters: { creditkit: { scenario, live } }`. */
export interface CreditkitParameters {
  scenario?: ScenarioName;
  /** Follow the workspace's event stream, as the kit does by default; off unless a story shows live updates. */
  live?: boolean;
}
