import { type AiModel, estimateAiCost, type Plan, type RolloverRule } from '@creditkit/sdk';

/*
 * The reference server's catalogue (packages/server/src/catalogue), as its API answers it. Storybook runs
 * offline, so it keeps a copy; `scenarios.test.ts` asks a running reference server for the same lists and
 * fails when they drift apart.
 */

const monthlyCap: RolloverRule = { policy: 'balance_cap', value: 2 };
const annualRollover: RolloverRule = { policy: 'unused_percent', value: 15 };
const freeRollover: RolloverRule = { policy: 'fixed_max', value: 100 };

function plan(id: string, name: string, interval: 'month' | 'year' | 'trial', credits: number, tier: number): Plan {
  const rollover = interval === 'year' ? annualRollover : tier === 0 ? freeRollover : monthlyCap;
  const trial = interval === 'trial';
  return {
    id,
    name,
    interval,
    periodDays: trial ? 14 : null,
    credits,
    tier,
    rollover,
    thenPlanId: trial ? 'free' : null,
  };
}

/** The plans of RULES.md. */
export const plans: readonly Plan[] = [
  plan('free', 'Free', 'month', 100, 0),
  plan('trial', 'Trial (14 days)', 'trial', 1_000, 0),
  plan('starter-monthly', 'Starter (monthly)', 'month', 2_000, 1),
  plan('explorer-monthly', 'Explorer (monthly)', 'month', 10_000, 2),
  plan('pro-monthly', 'Pro (monthly)', 'month', 50_000, 3),
  plan('starter-annual', 'Starter (annual)', 'year', 24_000, 1),
  plan('explorer-annual', 'Explorer (annual)', 'year', 120_000, 2),
  plan('pro-annual', 'Pro (annual)', 'year', 600_000, 3),
];

export function findPlan(id: string): Plan {
  const found = plans.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`No plan "${id}" in the catalogue.`);
  return found;
}

/** A model's rates per 1,000 tokens, without the workspace's own-key effect. */
export type CatalogueModel = Omit<AiModel, 'ownKey'>;

function model(id: string, name: string, provider: string, input: number, output: number): CatalogueModel {
  return { id, name, provider, inputCreditsPer1kTokens: input, outputCreditsPer1kTokens: output };
}

export const models: readonly CatalogueModel[] = [
  model('gpt-mini', 'GPT mini', 'openai', 0.2, 0.6),
  model('gpt-large', 'GPT large', 'openai', 2.5, 10),
  model('claude-haiku', 'Claude Haiku', 'anthropic', 0.5, 1.5),
];

export function findModel(id: string): CatalogueModel {
  const found = models.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`No model "${id}" in the catalogue.`);
  return found;
}

/** The tokens of a typical enrichment row: an AI action's list price is one such row (R9). */
export const typicalRow = { inputTokens: 800, outputTokens: 200 } as const;

/** An action's list price, without the workspace's own-key effect. */
export interface CatalogueAction {
  id: string;
  name: string;
  provider: string;
  dataType: string;
  kind: 'lookup' | 'ai';
  model: string | null;
  credits: number;
}

function lookup(id: string, name: string, provider: string, dataType: string, credits: number): CatalogueAction {
  return { id, name, provider, dataType, kind: 'lookup', model: null, credits };
}

function ai(id: string, name: string, modelId: string): CatalogueAction {
  const { provider } = findModel(modelId);
  // Priced like the server: the model's rates applied to a typical row, rounded up to a thousandth.
  const { perRow } = estimateAiCost(findModel(modelId), typicalRow);
  return { id, name, provider, dataType: 'ai_text', kind: 'ai', model: modelId, credits: perRow };
}

export const actions: readonly CatalogueAction[] = [
  lookup('lookup-company-domain', 'Look up company domain', 'dnsdata', 'domain', 0),
  lookup('find-work-email', 'Find work email', 'mailfinder', 'email', 1),
  lookup('verify-email', 'Verify email', 'mailfinder', 'email_status', 0.5),
  lookup('find-linkedin-url', 'Find LinkedIn URL', 'socialgraph', 'linkedin_url', 1),
  lookup('enrich-person', 'Enrich person (name, title, location)', 'peopledata', 'person', 2),
  lookup('enrich-company', 'Enrich company', 'firmographics', 'company', 1),
  lookup('find-phone-number', 'Find direct phone number', 'phonebook', 'phone', 3),
  lookup('find-mobile-phone', 'Find mobile phone number', 'phonebook', 'mobile_phone', 10),
  ai('ai-write-gpt-mini', 'Use AI (GPT mini)', 'gpt-mini'),
  ai('ai-write-gpt-large', 'Use AI (GPT large)', 'gpt-large'),
  ai('ai-write-claude-haiku', 'Use AI (Claude Haiku)', 'claude-haiku'),
];

export function findAction(id: string): CatalogueAction | undefined {
  return actions.find((candidate) => candidate.id === id);
}

/** Every provider an action or model uses: what a workspace can bring its own key for (R10). */
export const providers: readonly { id: string; name: string }[] = [
  { id: 'anthropic', name: 'Anthropic' },
  { id: 'dnsdata', name: 'DNS Data' },
  { id: 'firmographics', name: 'Firmographics' },
  { id: 'mailfinder', name: 'Mailfinder' },
  { id: 'openai', name: 'OpenAI' },
  { id: 'peopledata', name: 'People Data' },
  { id: 'phonebook', name: 'Phonebook' },
  { id: 'socialgraph', name: 'Social Graph' },
];
