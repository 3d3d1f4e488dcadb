import {
  AiRunBudgetInput,
  CreditCostBadge,
  LimitReachedNotice,
  RunCostSummary,
  SpendLimitDialog,
  useCreditFormat,
} from '@creditkit/react';
import type { QuoteCreateParams } from '@creditkit/sdk';
import { useEffect, useRef, useState } from 'react';
import {
  audiences,
  columns,
  type EnrichmentColumn,
  findAudience,
  type RunEvent,
  records,
  type WorkbookCells,
  workbookId,
} from '../shared/workbook';
import { errorOf, runColumn, stopRun } from './run-column';

interface RunProgress {
  label: string;
  total: number;
  done: number;
  /** Net of refunds, in thousandths so sums stay exact. */
  spentThousandths: number;
  /** AI columns: the run's budget (R9), in thousandths. */
  budgetThousandths?: number;
  refunded: number;
  state: 'running' | 'stopping' | 'finished' | 'stopped' | 'blocked' | 'failed';
}

/** The run in progress: its request, and the host's key for it once the run has started. */
interface RunInProgress {
  controller: AbortController;
  runKey?: string;
}

const aiColumn = columns.find((column) => column.ai);

/** A run over more credits than this asks "Run on N rows?" before it starts. */
const confirmRunAbove = 100;

/** What a run of `column` over the selected rows would be, as a quote asks for it (R23); null with no row selected. */
function runQuoteParams(column: EnrichmentColumn, recordIds: string[]): QuoteCreateParams | null {
  if (recordIds.length === 0) return null;
  return {
    actionId: column.actionId,
    workbookId,
    field: column.field,
    recordIds,
    // An AI row is priced by its tokens: the column's typical row (R9).
    ...(column.ai && { usage: { inputTokens: column.ai.inputTokens, outputTokens: column.ai.outputTokens } }),
  };
}

export function WorkbookPage({ onBuyCredits }: { onBuyCredits: () => void }) {
  const { formatCredits } = useCreditFormat();
  const [cells, setCells] = useState<WorkbookCells>({});
  const [statuses, setStatuses] = useState<Record<string, RunEvent & { type: 'row' }>>({});
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  // The audience whose rows are selected, until a row is picked by hand.
  const [audienceId, setAudienceId] = useState('');
  const [progress, setProgress] = useState<RunProgress | null>(null);
  const [refusal, setRefusal] = useState<Error | null>(null);
  const [budget, setBudget] = useState<number | null>(5);
  const running = useRef<RunInProgress | null>(null);

  useEffect(() => {
    fetch('/workbook')
      .then((response) => response.json() as Promise<{ cells: WorkbookCells }>)
      .then((workbook) => setCells(workbook.cells))
      .catch(() => undefined);
    return () => running.current?.controller.abort();
  }, []);

  const toggle = (recordId: string) => {
    setAudienceId('');
    setSelected((current) => {
      const next = new Set(current);
      if (!next.delete(recordId)) next.add(recordId);
      return next;
    });
  };
  const selectAll = (all: boolean) => {
    setAudienceId('');
    setSelected(all ? new Set(records.map((record) => record.id)) : new Set());
  };
  const chooseAudience = (id: string) => {
    setAudienceId(id);
    setSelected(new Set(findAudience(id)?.recordIds ?? []));
  };
  const allSelected = selected.size === records.length;
  const audience = findAudience(audienceId);
  // In the table's order, the order a run charges them in.
  const selectedIds = records.filter((record) => selected.has(record.id)).map((record) => record.id);

  const run = async (column: EnrichmentColumn) => {
    const recordIds = selectedIds;
    const controller = new AbortController();
    const thisRun: RunInProgress = { controller };
    running.current = thisRun;
    setRefusal(null);
    setProgress({
      label: audience ? `${column.label} on ${audience.name}` : column.label,
      total: recordIds.length,
      done: 0,
      spentThousandths: 0,
      ...(column.ai && budget !== null && { budgetThousandths: Math.round(budget * 1000) }),
      refunded: 0,
      state: 'running',
    });
    const onEvent = (event: RunEvent) => {
      if (event.type === 'started') {
        thisRun.runKey = event.runKey;
      } else if (event.type === 'row') {
        setCells((current) => ({
          ...current,
          [event.recordId]: { ...current[event.recordId], [column.field]: event.value },
        }));
        setStatuses((current) => ({ ...current, [`${event.recordId}:${column.field}`]: event }));
        setProgress(
          (current) =>
            current && {
              ...current,
              done: current.done + 1,
              refunded: current.refunded + (event.status === 'refunded' ? 1 : 0),
              spentThousandths:
                current.spentThousandths + (event.status === 'refunded' ? 0 : Math.round(event.credits * 1000)),
            },
        );
      } else if (event.type === 'blocked') {
        setRefusal(errorOf(event.problem));
        setProgress((current) => current && { ...current, state: 'blocked' });
      } else {
        setProgress((current) =>
          current && current.state !== 'blocked'
            ? { ...current, state: event.stopped ? 'stopped' : 'finished' }
            : current,
        );
      }
    };
    try {
      await runColumn(
        {
          field: column.field,
          recordIds,
          ...(audience && { audienceId: audience.id }),
          ...(column.ai && budget !== null && { budget }),
        },
        onEvent,
        controller.signal,
      );
    } catch (error) {
      setProgress(
        (current) =>
          current && {
            ...current,
            state: controller.signal.aborted ? 'stopped' : 'failed',
          },
      );
      if (!controller.signal.aborted) setRefusal(error instanceof Error ? error : new Error(String(error)));
    } finally {
      running.current = null;
    }
  };

  // The host finishes the row in flight (it stays charged, R16) and reports it before the run ends.
  const stop = () => {
    const thisRun = running.current;
    if (!thisRun) return;
    setProgress((current) => current && { ...current, state: 'stopping' });
    if (thisRun.runKey) stopRun(thisRun.runKey).catch(() => thisRun.controller.abort());
    else thisRun.controller.abort();
  };

  const busy = progress?.state === 'running' || progress?.state === 'stopping';

  return (
    <section aria-labelledby="workbook-title">
      <div className="toolbar">
        <h1 id="workbook-title">People workbook</h1>
        <SpendLimitDialog workbookId={workbookId}>
          <button type="button">Workbook credit limit</button>
        </SpendLimitDialog>
      </div>
      <p className="hint">
        Select rows or an audience, then run an enrichment column. Rows where the provider finds no data are refunded; a
        record already enriched in another audience is not charged again.
      </p>
      <label className="audience">
        Audience{' '}
        <select value={audienceId} onChange={(event) => chooseAudience(event.target.value)}>
          <option value="">Rows picked by hand</option>
          {audiences.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.name} ({candidate.recordIds.length} people)
            </option>
          ))}
        </select>
      </label>

      {aiColumn?.ai && (
        <div className="ai-budget">
          <AiRunBudgetInput
            model={aiColumn.ai.model}
            rows={Math.max(selected.size, 1)}
            value={budget}
            onValueChange={setBudget}
            inputTokens={aiColumn.ai.inputTokens}
            outputTokens={aiColumn.ai.outputTokens}
            label={`${aiColumn.label} run budget (credits)`}
          />
        </div>
      )}

      <LimitReachedNotice {...(refusal && { error: refusal })} onBuyCredits={onBuyCredits} />
      {refusal && !refusal.name.match(/SpendLimitReached|InsufficientCredits/) && <p role="alert">{refusal.message}</p>}

      <div role="status" aria-live="polite" className="progress">
        {progress && (
          <>
            <span>
              {progress.label}: {progress.done} of {progress.total} rows done ·{' '}
              {formatCredits(progress.spentThousandths / 1000)} credits spent
              {progress.budgetThousandths !== undefined &&
                ` · ${formatCredits((progress.budgetThousandths - progress.spentThousandths) / 1000)} of the budget left`}
              {progress.refunded > 0 && ` · ${progress.refunded} refunded (no data)`}
              {progress.state === 'stopping' && ' · stopping after the current row…'}
              {progress.state === 'stopped' && ' · stopped'}
              {progress.state === 'finished' && ' · finished'}
              {progress.state === 'blocked' && ' · blocked'}
            </span>
            {progress.state === 'running' && (
              <progress max={progress.total} value={progress.done} aria-label={`${progress.label} progress`} />
            )}
          </>
        )}
        {busy && (
          <button type="button" onClick={stop} disabled={progress?.state === 'stopping'}>
            Stop run
          </button>
        )}
      </div>

      <div className="table-scroll">
        <table aria-busy={busy}>
          <caption className="visually-hidden">People and their enrichment columns</caption>
          <thead>
            <tr>
              <th scope="col">
                <input
                  type="checkbox"
                  aria-label="Select all rows"
                  checked={allSelected}
                  onChange={() => selectAll(!allSelected)}
                />
              </th>
              <th scope="col">Name</th>
              <th scope="col">Company</th>
              {columns.map((column) => (
                <th scope="col" key={column.field}>
                  <div className="column-head">
                    <span>{column.label}</span>
                    <CreditCostBadge actionId={column.actionId} />
                    <RunCostSummary
                      params={runQuoteParams(column, selectedIds)}
                      onRun={() => run(column)}
                      confirmAbove={confirmRunAbove}
                      disabled={busy || (column.ai !== undefined && budget === null)}
                      runLabel={`Run ${column.label} on ${selected.size} selected rows`}
                    />
                  </div>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {records.map((record) => (
              <tr key={record.id} aria-selected={selected.has(record.id)}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Select ${record.name}`}
                    checked={selected.has(record.id)}
                    onChange={() => toggle(record.id)}
                  />
                </td>
                <th scope="row">{record.name}</th>
                <td>{record.company}</td>
                {columns.map((column) => {
                  const value = cells[record.id]?.[column.field];
                  const status = statuses[`${record.id}:${column.field}`]?.status;
                  return (
                    <td key={column.field} data-status={status}>
                      {value === undefined ? (
                        <span className="empty">—</span>
                      ) : value === null ? (
                        <span className="no-data">No data{status === 'refunded' && ' · refunded'}</span>
                      ) : (
                        value
                      )}
                      {status === 'deduplicated' && <span className="tag"> · already paid</span>}
                      {status === 'own_key' && <span className="tag"> · own key</span>}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
