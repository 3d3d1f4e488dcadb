import { priceTokens, toCredits, toThousandths } from '@creditkit/rules';
import { aiEstimateCreateParams, aiRunCreateParams } from '@creditkit/sdk/schemas';
import type { Hono } from 'hono';
import { findModel, models } from '../../catalogue/models';
import { ownKeyProviders } from '../../store/own-keys';
import { completeRun, openRun, type RunRow, readRun } from '../../store/runs';
import { toIsoTimestamp } from '../../store/timestamps';
import { sendAnswer } from '../answer';
import type { AppEnv, ServerOptions } from '../env';
import { estimateTotal } from '../estimate-limit';
import { idempotent } from '../idempotency';
import { notFound } from '../problem';
import { promptTokens } from '../prompt-tokens';
import { refusalAnswer } from '../refusal';
import { invalidValue, parse, pathId, readJson } from '../validate';

function runView(row: RunRow) {
  return {
    id: row.id,
    workbookId: row.workbook_id,
    enrichmentId: row.enrichment_id,
    model: row.model,
    status: row.status,
    stopped: row.stopped,
    budget: toCredits(row.budget),
    spent: toCredits(row.spent),
    remaining: row.status === 'running' ? toCredits(row.budget - row.spent) : 0,
    createdAt: toIsoTimestamp(row.created_at),
    completedAt: toIsoTimestamp(row.completed_at),
  };
}

export function aiRoutes(app: Hono<AppEnv>, options: ServerOptions): void {
  app.get('/v1/ai/models', async (context) => {
    const ownKeys = await ownKeyProviders(options.db, context.get('caller').workspaceId);
    const data = models.map((model) => ({
      id: model.id,
      name: model.name,
      provider: model.provider,
      inputCreditsPer1kTokens: toCredits(model.rates.input),
      outputCreditsPer1kTokens: toCredits(model.rates.output),
      ownKey: ownKeys.has(model.provider),
    }));
    return context.json({ data, nextCursor: null });
  });

  // R9: an estimate per row and for the run; prompt text is counted with a real BPE tokenizer, on another thread.
  app.post('/v1/ai/estimates', async (context) => {
    const params = parse(aiEstimateCreateParams, await readJson(context), 'AI estimate');
    const model = findModel(params.model);
    if (!model) throw notFound('model');
    const inputTokens = params.inputTokens ?? (await promptTokens(options.tokenCounter, params.prompt ?? ''));
    const ownKey = (await ownKeyProviders(options.db, context.get('caller').workspaceId)).has(model.provider);
    const perRow = ownKey ? 0 : priceTokens(model.rates, inputTokens, params.outputTokens);
    const total = estimateTotal(perRow, params.rows);
    return context.json({
      model: model.id,
      rows: params.rows,
      inputTokens,
      outputTokens: params.outputTokens,
      perRow: toCredits(perRow),
      total: toCredits(total),
      ownKey,
    });
  });

  app.post('/v1/ai/runs', async (context) => {
    const params = parse(aiRunCreateParams, await readJson(context), 'AI run');
    if (params.model !== undefined && !findModel(params.model)) throw notFound('model');
    const { workspaceId } = context.get('caller');
    const answer = await idempotent(context, options.db, 'POST /v1/ai/runs', params, async (tx) => {
      const opened = await openRun(tx, workspaceId, { ...params, budget: toThousandths(params.budget) }, options.now());
      // Not a 409: clients retry those, and an existing run does not go away by waiting.
      if (opened.outcome === 'exists') {
        throw invalidValue(['runId'], `The workspace already has a run "${params.runId}".`, 'run_exists');
      }
      if (opened.outcome === 'insufficient') {
        const available = toCredits(opened.available);
        return refusalAnswer(
          context.get('requestId'),
          'insufficient_credits',
          `The run's budget is more than the ${available} credits that can be spent.`,
          {
            scope: 'workspace',
            id: null,
            limit: available,
            spent: 0,
            remaining: available,
          },
        );
      }
      return { status: 201, body: runView((await readRun(tx, workspaceId, params.runId)) as RunRow) };
    });
    return sendAnswer(context, answer);
  });

  app.get('/v1/ai/runs/:runId', async (context) => {
    const run = await readRun(options.db, context.get('caller').workspaceId, pathId(context, 'runId'));
    if (!run) throw notFound('run');
    return context.json(runView(run));
  });

  // Complete and stop differ only in how the run is remembered: finished, or stopped midway (R16).
  for (const [verb, stopped] of [
    ['complete', false],
    ['stop', true],
  ] as const) {
    app.post(`/v1/ai/runs/:runId/${verb}`, async (context) => {
      const runId = pathId(context, 'runId');
      const { workspaceId } = context.get('caller');
      const answer = await idempotent(context, options.db, `POST /v1/ai/runs/${runId}/${verb}`, {}, async (tx) => {
        if (!(await completeRun(tx, workspaceId, runId, options.now(), { stopped }))) throw notFound('run');
        return { status: 200, body: runView((await readRun(tx, workspaceId, runId)) as RunRow) };
      });
      return sendAnswer(context, answer);
    });
  }
}
