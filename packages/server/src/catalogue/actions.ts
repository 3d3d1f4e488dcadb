import { priceTokens, toThousandths } from '@creditkit/rules';
import { findModel, typicalRow } from './models';

export interface CatalogueAction {
  id: string;
  name: string;
  provider: string;
  dataType: string;
  kind: 'lookup' | 'ai';
  model: string | null;
  /** List price in thousandths; for AI actions, the price of a typical row (R9). */
  price: number;
}

function lookup(id: string, name: string, provider: string, dataType: string, credits: number): CatalogueAction {
  return { id, name, provider, dataType, kind: 'lookup', model: null, price: toThousandths(credits) };
}

function ai(id: string, name: string, modelId: string): CatalogueAction {
  const model = findModel(modelId);
  if (!model) throw new Error(`Unknown model ${modelId}`);
  const price = priceTokens(model.rates, typicalRow.inputTokens, typicalRow.outputTokens);
  return { id, name, provider: model.provider, dataType: 'ai_text', kind: 'ai', model: model.id, price };
}

/**
 * The action catalogue (R8): several providers and data types. Most lookups cost 1–2 credits, mobile
 * phone numbers are harder to get and cost more, a domain lookup is free, AI actions are priced per model.
 */
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

/** Token counts of one AI row (R9). */
export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
}

/**
 * What one charge of the action costs (R8, R9): an AI action's row at its model's rates when its tokens are
 * given, else the list price (a lookup's price; a typical row for an AI action).
 */
export function actionPrice(action: CatalogueAction, usage: TokenUsage | undefined): number {
  const model = action.model === null ? undefined : findModel(action.model);
  return model && usage ? priceTokens(model.rates, usage.inputTokens, usage.outputTokens) : action.price;
}

export function findAction(id: string): CatalogueAction | undefined {
  return actions.find((candidate) => candidate.id === id);
}
