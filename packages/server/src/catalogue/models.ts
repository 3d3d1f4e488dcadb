import type { ModelRates } from '@creditkit/rules';
import { toThousandths } from '@creditkit/rules';

export interface CatalogueModel {
  id: string;
  name: string;
  provider: string;
  rates: ModelRates;
}

function model(id: string, name: string, provider: string, input: number, output: number): CatalogueModel {
  return { id, name, provider, rates: { input: toThousandths(input), output: toThousandths(output) } };
}

/** AI models and their rates in credits per 1,000 prompt / output tokens (R9). */
export const models: readonly CatalogueModel[] = [
  model('gpt-mini', 'GPT mini', 'openai', 0.2, 0.6),
  model('gpt-large', 'GPT large', 'openai', 2.5, 10),
  model('claude-haiku', 'Claude Haiku', 'anthropic', 0.5, 1.5),
];

/** The tokens of a typical enrichment row, used to quote an AI action's price per row. */
export const typicalRow = { inputTokens: 800, outputTokens: 200 } as const;

export function findModel(id: string): CatalogueModel | undefined {
  return models.find((candidate) => candidate.id === id);
}
