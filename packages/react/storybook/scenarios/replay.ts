import { callApi, createDevWorkspace, type InPageApi } from '../in-page-api';
import type { ChargeBatch, HistoryStep, WorkspaceHistory } from './history';

/** A bare day is noon UTC. */
const momentOf = (at: string) => (at.length === 10 ? `${at}T12:00:00.000Z` : at);

let batchCount = 0;

/**
 * A batch's charges, sent together (the API commits a workspace's concurrent charges as a group), then the
 * repeated asks, then the refunds of the first ones charged; inside their AI run when the batch names one,
 * opened first and ended last. Throws if the API refuses one.
 */
export async function replayCharges(api: InPageApi, secretKey: string, batch: ChargeBatch): Promise<void> {
  const { charges, deduplicated = 0, refunded = 0, records, run, ...params } = batch;
  const prefix = `rec_${++batchCount}`;
  if (run) {
    const { id: runId, budget } = run;
    await callApi(api, 'POST', '/v1/ai/runs', { secretKey, body: { runId, workbookId: params.workbookId, budget } });
  }
  const ask = (index: number) =>
    callApi<{ id: string }>(api, 'POST', '/v1/charges', {
      secretKey,
      body: {
        ...params,
        ...(run && { runId: run.id }),
        ...(records
          ? { recordId: `${records.prefix}${index + 1}`, field: records.field }
          : { recordId: `${prefix}_${index}`, field: params.actionId }),
      },
    });
  const firstAsks = Array.from({ length: charges - deduplicated }, (_, index) => index);
  const made = await Promise.all(firstAsks.map(ask));
  await Promise.all(firstAsks.slice(0, deduplicated).map(ask));
  await Promise.all(
    made
      .slice(0, refunded)
      .map(({ id }) =>
        callApi(api, 'POST', `/v1/charges/${id}/refund`, { secretKey, body: { reason: 'provider returned no data' } }),
      ),
  );
  if (run) await callApi(api, 'POST', `/v1/ai/runs/${run.id}/${run.stopped ? 'stop' : 'complete'}`, { secretKey });
}

async function replayStep(api: InPageApi, secretKey: string, workspaceId: string, step: HistoryStep): Promise<void> {
  if ('charge' in step) return replayCharges(api, secretKey, step.charge);
  if ('purchase' in step) {
    await callApi(api, 'POST', '/v1/purchases', { secretKey, body: { credits: step.purchase } });
  } else if ('grant' in step) {
    await callApi(api, 'POST', '/v1/grants', { secretKey, body: step.grant });
  } else if ('renew' in step) {
    await callApi(api, 'POST', `/v1/dev/workspaces/${workspaceId}/renew`, { secretKey });
  } else if ('spendLimit' in step) {
    const path =
      'workbookId' in step.spendLimit
        ? `/v1/workbooks/${step.spendLimit.workbookId}/spend-limit`
        : `/v1/enrichments/${step.spendLimit.enrichmentId}/spend-limit`;
    await callApi(api, 'PUT', path, { secretKey, body: { enabled: step.enabled, limit: step.limit } });
  } else if ('ownKey' in step) {
    const { provider, apiKey } = step.ownKey;
    await callApi(api, 'PUT', `/v1/integrations/${provider}/key`, { secretKey, body: { apiKey } });
  } else if ('alert' in step) {
    await callApi(api, 'POST', '/v1/alerts', { secretKey, body: step.alert });
  } else if ('autoTopUp' in step) {
    await callApi(api, 'PUT', '/v1/auto-top-up', { secretKey, body: step.autoTopUp });
  } else {
    await callApi(api, 'POST', '/v1/plan/change', { secretKey, body: { planId: step.changePlan } });
  }
}

/**
 * Creates a workspace with the dev route and replays its history through the API, moving the clock to each
 * step's moment: the workspace is then what the API made of that history. Its admin secret key is returned.
 */
export async function replayHistory(
  api: InPageApi,
  history: WorkspaceHistory,
  moveClockTo: (at: string) => void,
): Promise<{ workspaceId: string; secretKey: string }> {
  moveClockTo(momentOf(history.createdAt));
  const workspace = await createDevWorkspace(api, history.planId);
  for (const step of history.steps) {
    moveClockTo(momentOf(step.at));
    await replayStep(api, workspace.secretKey, workspace.workspaceId, step);
  }
  return workspace;
}
