import { type AiEstimate, type AiEstimateCreateParams, estimateAiCost, NotFoundError } from '@creditkit/sdk';
import { useMemo } from 'react';
import { useCreditContext } from '../provider/credit-context';
import { creditQueryKeys } from '../store/query-keys';
import { loadingSnapshot, type QuerySnapshot } from '../store/query-snapshot';
import { useAiModels } from './use-ai-models';
import type { QueryResult } from './use-query';
import { useQuery } from './use-query';

/** The estimate as a query, and whether it was computed here or counted by the server. */
export type AiEstimateResult = QueryResult<AiEstimate> & {
  /**
   * Where the figures come from: `local`, computed here from the model's rates because the token
   * counts were given (no request per keystroke); `server`, counted by the API's tokenizer from the prompt.
   */
  source: 'local' | 'server';
};

/** The models query the local estimate reads its rates from. */
type AiModelsSnapshot = ReturnType<typeof useAiModels>;

/** The estimate the server would give, from the model's rates: own key free (R10), rows charged one by one (R9). */
function estimateLocally(
  models: AiModelsSnapshot,
  { model: modelId, rows, inputTokens, outputTokens }: AiEstimateCreateParams & { inputTokens: number },
): QuerySnapshot<AiEstimate> {
  const { updatedAt, isFetching } = models;
  // Rates shown while they revalidate are good enough to estimate with.
  if (!models.data) {
    return models.status === 'error'
      ? { status: 'error', data: undefined, error: models.error, updatedAt, isFetching }
      : { ...loadingSnapshot, isFetching };
  }
  const model = models.data.find((candidate) => candidate.id === modelId);
  if (!model) {
    const error = new NotFoundError(`No AI model "${modelId}".`, { code: 'not_found', status: 404 });
    return { status: 'error', data: undefined, error, updatedAt, isFetching };
  }
  try {
    const { perRow, total } = model.ownKey
      ? { perRow: 0, total: 0 }
      : estimateAiCost(model, { inputTokens, outputTokens }, rows);
    const data = { model: model.id, rows, inputTokens, outputTokens, perRow, total, ownKey: model.ownKey };
    return { status: 'success', data, error: undefined, updatedAt, isFetching };
  } catch (error) {
    // Counts no API could carry (negative, fractional, too large), as estimateAiCost reports them.
    return { status: 'error', data: undefined, error, updatedAt, isFetching };
  }
}

/**
 * What an AI run will cost per row and in total (R9), for the run-budget input. Give `inputTokens`
 * and the estimate is computed locally from the model's rates, the way the server charges; give
 * `prompt` instead and the server counts its tokens (debounce the text: each new prompt is a request).
 */
export function useAiEstimate(params: AiEstimateCreateParams): AiEstimateResult {
  const { client } = useCreditContext();
  const models = useAiModels();
  const { model, rows, inputTokens, outputTokens } = params;
  const fromServer = useQuery(inputTokens === undefined ? creditQueryKeys.aiEstimate(params) : null, () =>
    client.ai.estimates.create(params),
  );
  const local = useMemo(
    () => (inputTokens === undefined ? undefined : estimateLocally(models, { model, rows, inputTokens, outputTokens })),
    [models, model, rows, inputTokens, outputTokens],
  );
  if (!local) return { ...fromServer, source: 'server' };
  return { ...local, refetch: models.refetch, source: 'local' };
}
