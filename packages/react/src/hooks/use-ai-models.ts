import type { AiModel } from '@creditkit/sdk';
import { useCreditContext } from '../provider/credit-context';
import { creditQueryKeys } from '../store/query-keys';
import type { QueryResult } from './use-query';
import { useQuery } from './use-query';

/** The AI models and their rates per 1,000 tokens (R9), with the workspace's own-key effect: for model pickers and local estimates. */
export function useAiModels(): QueryResult<AiModel[]> {
  const { client } = useCreditContext();
  return useQuery(creditQueryKeys.aiModels, async () => {
    const models: AiModel[] = [];
    for await (const model of client.ai.models.list()) models.push(model);
    return models;
  });
}
