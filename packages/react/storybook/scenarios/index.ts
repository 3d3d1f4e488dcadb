import type { RequestHandler } from 'msw';
import {
  failingSpendLimitSaves,
  loadingHandlers,
  networkErrorHandlers,
  serverErrorHandlers,
  workspaceHandlers,
} from './handlers';
import {
  annualWorkspace,
  downgradeScheduledWorkspace,
  emptyWorkspace,
  ids,
  limitReachedWorkspace,
  normalWorkspace,
  outOfCreditsWorkspace,
  ownKeyWorkspace,
  renewalProcessingWorkspace,
  trialWorkspace,
} from './workspaces';

export interface Scenario {
  /** What the workspace is, in a line, for the docs. */
  description: string;
  /** The MSW handlers of a fresh copy of the scenario: a story's changes never leak into the next story. */
  handlers: () => RequestHandler[];
  /** SDK client settings the scenario needs. */
  client?: { maxRetries?: number; timeout?: number; attemptTimeout?: number };
}

const oneDay = 86_400_000;

/**
 * The offline Credit API a story runs on, by name: `parameters: { creditkit: { scenario: 'limitReached' } }`.
 * `normal` when a story names none.
 */
export type ScenarioName =
  | 'normal'
  | 'ownKey'
  | 'renewalProcessing'
  | 'limitReached'
  | 'outOfCredits'
  | 'emptyUsage'
  | 'downgradeScheduled'
  | 'trial'
  | 'annual'
  | 'spendLimitSaveFails'
  | 'serverError'
  | 'networkError'
  | 'loading';

export const scenarios: Record<ScenarioName, Scenario> = {
  normal: {
    description: 'Explorer (monthly) mid-period: plan, rollover and purchased credits; a workbook limit with room.',
    handlers: () =>
      workspaceHandlers(normalWorkspace(), [
        {
          // A teammate's enrichment buys a mobile number while the page is open: the balance follows (R1).
          afterMs: 300,
          type: 'balance.updated',
          data: (workspace) => {
            workspace.charge({ actionId: 'find-mobile-phone', workbookId: ids.outboundWorkbook });
            return workspace.balance();
          },
        },
      ]),
  },
  ownKey: {
    description: 'The same workspace with its own Phonebook and OpenAI keys: their actions cost 0 (R10).',
    handlers: () => workspaceHandlers(ownKeyWorkspace()),
  },
  renewalProcessing: {
    description: 'Starter (monthly) 20 minutes after its renewal: 35.5 credits spendable, 2,000 pending (R7).',
    handlers: () => workspaceHandlers(renewalProcessingWorkspace()),
  },
  limitReached: {
    // A charge made elsewhere (another tab, a bulk enrichment) runs into the workbook limit while the page is open.
    description:
      'The Q4 outbound workbook has 4 of 2,000 credits left (R11); its mobile enrichment spent all 500 (R12).',
    handlers: () =>
      workspaceHandlers(limitReachedWorkspace(), [
        {
          afterMs: 300,
          type: 'limit.reached',
          data: (workspace) => {
            const { scope, id, limit, spent, remaining } = workspace.spendLimit('workbook', ids.outboundWorkbook);
            return { scope, id, limit, spent, remaining };
          },
        },
      ]),
  },
  outOfCredits: {
    description: 'Free, 3 of its 100 monthly credits left: a 10-credit charge is refused (R14).',
    handlers: () => workspaceHandlers(outOfCreditsWorkspace()),
  },
  emptyUsage: {
    description: 'Starter (monthly), six days old: full allowance, no charges yet.',
    handlers: () => workspaceHandlers(emptyWorkspace()),
  },
  downgradeScheduled: {
    description: 'The Explorer workspace with a downgrade to Starter at the end of the period (R6).',
    handlers: () => workspaceHandlers(downgradeScheduledWorkspace()),
  },
  trial: {
    description: 'A 14-day trial ending in four days: at most 100 credits carry into Free (R5).',
    handlers: () => workspaceHandlers(trialWorkspace()),
  },
  annual: {
    description: 'Explorer (annual), eight months in: 15% of unused credits roll over (R4).',
    handlers: () => workspaceHandlers(annualWorkspace()),
  },
  spendLimitSaveFails: {
    description: 'The normal workspace, where saving a spend limit answers 500 (reads work).',
    handlers: () => [...failingSpendLimitSaves(), ...workspaceHandlers(normalWorkspace())],
    client: { maxRetries: 0 },
  },
  serverError: {
    description: 'Every request answers 500. The SDK does not retry here, so the error shows at once.',
    handlers: serverErrorHandlers,
    client: { maxRetries: 0 },
  },
  networkError: {
    description: 'Every request fails before reaching the API (offline, DNS, a proxy).',
    handlers: networkErrorHandlers,
    client: { maxRetries: 0 },
  },
  loading: {
    description: 'No request ever answers, and the client waits a day before giving up.',
    handlers: loadingHandlers,
    client: { timeout: oneDay, attemptTimeout: oneDay },
  },
};

/** What a story says about its data: `parameters: { creditkit: { scenario, live } }`. */
export interface CreditkitParameters {
  scenario?: ScenarioName;
  /** Follow the workspace's event stream, as the kit does by default; off unless a story shows live updates. */
  live?: boolean;
}
