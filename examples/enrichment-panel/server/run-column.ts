import { randomUUID } from 'node:crypto';
import { type CreditClient, CreditError } from '@creditkit/sdk';
import type { SSEStreamingApi } from 'hono/streaming';
import { type EnrichmentColumn, type RunEvent, type RunProblem, records, workbookId } from '../shared/workbook';
import type { openCells } from './cells';
import { aiUsage, lookUp } from './provider';

function problemOf(error: unknown): RunProblem {
  if (error instanceof CreditError)
    return {
      name: error.name,
      code: error.code,
      status: error.status,
      message: error.message,
      requestId: error.requestId,
      details: error.details,
    };
  return {
    name: 'Error',
    code: 'host_error',
    status: undefined,
    message: String(error),
    requestId: undefined,
    details: null,
  };
}

interface RunOptions {
  client: CreditClient;
  cells: ReturnType<typeof openCells>;
  column: EnrichmentColumn;
  recordIds: readonly string[];
  budget: number | undefined;
  /** Writes one event line to the browser. */
  send: (event: RunEvent) => Promise<void>;
  stream: Pick<SSEStreamingApi, 'onAbort'>;
}

/**
 * Runs an enrichment column over the chosen rows, one row at a time: charge, ask the provider, refund
 * when it has no data (R15). The browser can stop the run by closing the request; the row in flight
 * finishes and stays charged (R16), no further row starts. A refused charge (a limit, the balance, the
 * run budget) ends the run and is reported so the browser can show the kit's notice.
 */
export async function runColumn({ client, cells, column, recordIds, budget, send, stream }: RunOptions) {
  let stopped = false;
  stream.onAbort(() => {
    stopped = true;
  });
  // One key per run: each charge's idempotency key is derived from it, so a retried request never charges twice (R19).
  const runKey = `run_${randomUUID()}`;
  const runId = column.ai ? runKey : undefined;
  try {
    if (column.ai && runId) {
      if (budget === undefined) throw new Error('An AI column needs a run budget.');
      await client.ai.runs.create(
        { runId, workbookId, model: column.ai.model, budget },
        { idempotencyKey: `${runKey}:open` },
      );
    }
    for (const recordId of recordIds) {
      if (stopped) break;
      const record = records.find((candidate) => candidate.id === recordId);
      if (!record) continue;
      let charge: Awaited<ReturnType<CreditClient['charges']['create']>>;
      try {
        charge = await client.charges.create(
          {
            actionId: column.actionId,
            workbookId,
            recordId,
            field: column.field,
            ...(runId && { runId, usage: aiUsage(column, record) }),
          },
          { idempotencyKey: `${runKey}:${recordId}:${column.field}` },
        );
      } catch (error) {
        await send({ type: 'blocked', recordId, problem: problemOf(error) });
        return;
      }
      // Charged once for this record and field already (R13): the host keeps the value it found then.
      if (charge.status === 'deduplicated') {
        await send({
          type: 'row',
          recordId,
          status: 'deduplicated',
          credits: 0,
          value: cells.get(recordId, column.field) ?? null,
        });
        continue;
      }
      const value = await lookUp(column, record);
      cells.set(recordId, column.field, value);
      if (value === null) {
        const refunded = await client.charges.refund(
          charge.id,
          { reason: 'no_data' },
          { idempotencyKey: `${runKey}:${recordId}:${column.field}:refund` },
        );
        await send({ type: 'row', recordId, status: 'refunded', credits: refunded.credits, value });
      } else {
        await send({
          type: 'row',
          recordId,
          status: charge.status === 'own_key' ? 'own_key' : 'charged',
          credits: charge.credits,
          value,
        });
      }
    }
  } catch (error) {
    await send({ type: 'blocked', recordId: '', problem: problemOf(error) });
  } finally {
    // The unspent budget goes back to the balance whether the run finished, stopped or was refused (R9).
    if (runId) await client.ai.runs.complete(runId, { idempotencyKey: `${runKey}:complete` }).catch(() => undefined);
  }
  await send({ type: 'done', stopped });
}
