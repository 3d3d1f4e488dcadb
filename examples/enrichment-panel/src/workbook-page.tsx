import {
  AiRunBudgetInput,
  CreditCostBadge,
  LimitReachedNotice,
  RunCostSummary,
  SpendLimitDialog,
  useCreditClient,
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
import { BreakableValue } from './breakable-value';
import { errorOf, runColumn, stopRun } from './run-column';

interface RunProgress {
  label: string;
  column: EnrichmentColumn;
  /** The rows the run was asked for, in order, and those it reported: the rest were never reached. */
  recordIds: readonly string[];
  doneIds: readonly string[];
  total: number;
  done: number;
  /** Net of refunds, in thousandths so sums stay exact. */
  spentThousandths: number;
  /** AI columns: the run's budget (R9), in thousandths. */
  budgetThousandths?: number;
  /** Rows whose charge was given back: the provider had nothing (R15). */
  refunded: number;
  /** Rows an earlier run or audience had already paid for, charged nothing now (R13). */
  alreadyPaid: number;
  /** Own-key rows the provider had nothing for: 0 credits, so nothing to refund (R10). */
  noData: number;
  state: 'running' | 'stopping' | 'finished' | 'stopped' | 'blocked' | 'failed';
}

/** A cell's key in the page's maps: record and field. */
const cellKey = (recordId: string, field: string) => `${recordId}:${field}`;

/** The AI column's budget for the rows a run did not reach: the API's estimate, with a quarter more for long rows. */
const headroom = 1.25;

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
  const client = useCreditClient();
  const [cells, setCells] = useState<WorkbookCells>({});
  const [statuses, setStatuses] = useState<Record<string, RunEvent & { type: 'row' }>>({});
  // Cells a blocked or stopped run never reached: unlike a cell never run, they were meant to be.
  const [notReached, setNotReached] = useState<ReadonlySet<string>>(new Set());
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

  const run = async (column: EnrichmentColumn, recordIds = selectedIds, runBudget = budget) => {
    const controller = new AbortController();
    const thisRun: RunInProgress = { controller };
    running.current = thisRun;
    setRefusal(null);
    setNotReached((current) => {
      const next = new Set(current);
      for (const recordId of recordIds) next.delete(cellKey(recordId, column.field));
      return next;
    });
    setProgress({
      label: audience ? `${column.label} on ${audience.name}` : column.label,
      column,
      recordIds,
      doneIds: [],
      total: recordIds.length,
      done: 0,
      spentThousandths: 0,
      ...(column.ai && runBudget !== null && { budgetThousandths: Math.round(runBudget * 1000) }),
      refunded: 0,
      alreadyPaid: 0,
      noData: 0,
      state: 'running',
    });
    const reported = new Set<string>();
    // The rows the run did not report when it ended early are marked, so they do not look never run.
    const markNotReached = () =>
      setNotReached((current) => {
        const next = new Set(current);
        for (const recordId of recordIds) if (!reported.has(recordId)) next.add(cellKey(recordId, column.field));
        return next;
      });
    const onEvent = (event: RunEvent) => {
      if (event.type === 'started') {
        thisRun.runKey = event.runKey;
      } else if (event.type === 'row') {
        reported.add(event.recordId);
        setCells((current) => ({
          ...current,
          [event.recordId]: { ...current[event.recordId], [column.field]: event.value },
        }));
        setStatuses((current) => ({ ...current, [cellKey(event.recordId, column.field)]: event }));
        setProgress(
          (current) =>
            current && {
              ...current,
              doneIds: [...current.doneIds, event.recordId],
              done: current.done + 1,
              refunded: current.refunded + (event.status === 'refunded' ? 1 : 0),
              alreadyPaid: current.alreadyPaid + (event.status === 'deduplicated' ? 1 : 0),
              noData: current.noData + (event.status === 'own_key' && event.value === null ? 1 : 0),
              spentThousandths:
                current.spentThousandths + (event.status === 'refunded' ? 0 : Math.round(event.credits * 1000)),
            },
        );
      } else if (event.type === 'blocked') {
        setRefusal(errorOf(event.problem));
        setProgress((current) => current && { ...current, state: 'blocked' });
        markNotReached();
      } else {
        if (event.stopped) markNotReached();
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
          ...(column.ai && runBudget !== null && { budget: runBudget }),
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
      markNotReached();
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

  // A run that spent its budget goes on in a new run, with a bigger budget, over the rows it did not reach (R9).
  const unreached = progress ? progress.recordIds.filter((recordId) => !progress.doneIds.includes(recordId)) : [];
  const continuable = progress?.state === 'blocked' && progress.column.ai !== undefined && unreached.length > 0;
  const continueRun = async () => {
    const ai = progress?.column.ai;
    if (!progress || !ai) return;
    const { total } = await client.ai.estimates.create({
      model: ai.model,
      rows: unreached.length,
      inputTokens: ai.inputTokens,
      outputTokens: ai.outputTokens,
    });
    const bigger = Math.ceil(total * headroom);
    setBudget(bigger);
    await run(progress.column, unreached, bigger);
  };

  return (
    <section aria-labelledby="workbook-title" className="page">
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
      <label className="field">
        <span>Audience</span>
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

      <LimitReachedNotice
        {...(refusal && { error: refusal })}
        onBuyCredits={onBuyCredits}
        {...(continuable && { onContinueRun: () => void continueRun() })}
      />
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
              {progress.alreadyPaid > 0 && ` · ${progress.alreadyPaid} already paid`}
              {progress.noData > 0 && ` · ${progress.noData} no data`}
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
        <table aria-busy={busy} className="workbook">
          <caption className="visually-hidden">People and their enrichment columns</caption>
          <thead>
            <tr>
              <th scope="col" className="select-column">
                <input
                  type="checkbox"
                  aria-label="Select all rows"
                  checked={allSelected}
                  onChange={() => selectAll(!allSelected)}
                />
              </th>
              <th scope="col" className="name-column">
                Name
              </th>
              <th scope="col" className="company-column">
                Company
              </th>
              {columns.map((column) => (
                <th scope="col" key={column.field} className={column.ai ? 'ai-column' : 'enrichment-column'}>
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
                  const key = cellKey(record.id, column.field);
                  const status = value === undefined && notReached.has(key) ? 'not-reached' : statuses[key]?.status;
                  return (
                    <td key={column.field} data-status={status}>
                      {value === undefined ? (
                        status === 'not-reached' ? (
                          <span className="not-reached">Not reached</span>
                        ) : (
                          <span className="empty">—</span>
                        )
                      ) : value === null ? (
                        <span className="no-data">
                          No data{status === 'refunded' && ' · refunded'}
                          {status === 'own_key' && ' · own key'}
                        </span>
                      ) : (
                        <BreakableValue value={value} />
                      )}
                      {status === 'deduplicated' && <span className="tag"> · already paid</span>}
                      {status === 'own_key' && value !== null && <span className="tag"> · own key</span>}
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
