import { type CreditClient, CreditError } from '@creditkit/sdk';
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
  /** The host's id of this run: the browser stops it by this id, and each charge's idempotency key derives from it. */
  runKey: string;
  client: CreditClient;
  cells: ReturnType<typeof openCells>;
  column: EnrichmentColumn;
  recordIds: readonly string[];
  /** The audience the rows were chosen as, kept with each charge. */
  audienceId: string | undefined;
  budget: number | undefined;
  /** Why the rows run (R24): a first run when undefined; `auto_update` refreshes, charged again. */
  trigger: 'auto_update' | undefined;
  /** Writes one event line to the browser. */
  send: (event: RunEvent) => Promise<void>;
  /** Stops the run after the row in flight: the browser asked, or went away. */
  stopSignal: AbortSignal;
}

/**
 * Runs an enrichment column over the chosen rows, one row at a time: charge, ask the provider, refund
 * when it has no data (R15). When `stopSignal` fires, the row in flight finishes, stays charged and is
 * reported (R16); no further row starts. A refused charge (a limit, the balance, the run budget) ends the
 * run and is reported so the browser can show the kit's notice.
 */
export async function runColumn(options: RunOptions) {
  const { runKey, client, cells, column, recordIds, audienceId, budget, trigger, send, stopSignal } = options;
  // Each charge's idempotency key derives from the run's key, so a retried request never charges twice (R19).
  const runId = column.ai ? runKey : undefined;
  await send({ type: 'started', runKey });
  try {
    if (column.ai && runId) {
      if (budget === undefined) throw new Error('An AI column needs a run budget.');
      await client.ai.runs.create(
        { runId, workbookId, model: column.ai.model, budget },
        { idempotencyKey: `${runKey}:open` },
      );
    }
    for (const recordId of recordIds) {
      if (stopSignal.aborted) break;
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
            ...(audienceId && { audienceId }),
            ...(trigger && { trigger }),
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
        // Refunded even at 0 credits (own key): the refund releases the dedup key, so a later run can still
        // find the value and be charged for it (R13, R15).
        const refunded = await client.charges.refund(
          charge.id,
          { reason: 'no_data' },
          { idempotencyKey: `${runKey}:${recordId}:${column.field}:refund` },
        );
        // An own-key row cost nothing, so nothing came back: it is reported as what it was, not as a refund.
        const status = charge.status === 'own_key' ? 'own_key' : 'refunded';
        await send({ type: 'row', recordId, status, credits: refunded.credits, value });
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
    // The unspent budget goes back to the balance whether the run finished, stopped or was refused (R9); a
    // stop is said as one, so the usage activity can explain why the rows already sent stayed charged (R16).
    if (runId) {
      const end = stopSignal.aborted
        ? client.ai.runs.stop(runId, { idempotencyKey: `${runKey}:stop` })
        : client.ai.runs.complete(runId, { idempotencyKey: `${runKey}:complete` });
      await end.catch(() => undefined);
    }
  }
  await send({ type: 'done', stopped: stopSignal.aborted });
}
