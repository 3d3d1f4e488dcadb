import {
  AiRunBudgetInput,
  CreditCostBadge,
  LimitReachedNotice,
  SpendLimitDialog,
  useCreditFormat,
} from '@creditkit/react';
import { useEffect, useRef, useState } from 'react';
import {
  columns,
  type EnrichmentColumn,
  type RunEvent,
  records,
  type WorkbookCells,
  workbookId,
} from '../shared/workbook';
import { errorOf, runColumn } from './run-column';

interface RunProgress {
  label: string;
  total: number;
  done: number;
  /** Net of refunds, in thousandths so sums stay exact. */
  spentThousandths: number;
  refunded: number;
  state: 'running' | 'stopping' | 'finished' | 'stopped' | 'blocked' | 'failed';
}

const aiColumn = columns.find((column) => column.ai);

export function WorkbookPage({ onBuyCredits }: { onBuyCredits: () => void }) {
  const { formatCredits } = useCreditFormat();
  const [cells, setCells] = useState<WorkbookCells>({});
  const [statuses, setStatuses] = useState<Record<string, RunEvent & { type: 'row' }>>({});
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [progress, setProgress] = useState<RunProgress | null>(null);
  const [refusal, setRefusal] = useState<Error | null>(null);
  const [budget, setBudget] = useState<number | null>(5);
  const running = useRef<AbortController | null>(null);

  useEffect(() => {
    fetch('/workbook')
      .then((response) => response.json() as Promise<{ cells: WorkbookCells }>)
      .then((workbook) => setCells(workbook.cells))
      .catch(() => undefined);
    return () => running.current?.abort();
  }, []);

  const toggle = (recordId: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (!next.delete(recordId)) next.add(recordId);
      return next;
    });
  const allSelected = selected.size === records.length;

  const run = async (column: EnrichmentColumn) => {
    const recordIds = records.filter((record) => selected.has(record.id)).map((record) => record.id);
    const controller = new AbortController();
    running.current = controller;
    setRefusal(null);
    setProgress({
      label: column.label,
      total: recordIds.length,
      done: 0,
      spentThousandths: 0,
      refunded: 0,
      state: 'running',
    });
    const onEvent = (event: RunEvent) => {
      if (event.type === 'row') {
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
        { field: column.field, recordIds, ...(column.ai && budget !== null && { budget }) },
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

  const stop = () => {
    setProgress((current) => current && { ...current, state: 'stopping' });
    running.current?.abort();
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
        Select rows, then run an enrichment column. Rows where the provider finds no data are refunded.
      </p>

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
                  onChange={() => setSelected(allSelected ? new Set() : new Set(records.map((record) => record.id)))}
                />
              </th>
              <th scope="col">Name</th>
              <th scope="col">Company</th>
              {columns.map((column) => (
                <th scope="col" key={column.field}>
                  <div className="column-head">
                    <span>{column.label}</span>
                    <CreditCostBadge actionId={column.actionId} />
                    <button
                      type="button"
                      disabled={busy || selected.size === 0 || (column.ai !== undefined && budget === null)}
                      onClick={() => run(column)}
                      aria-label={`Run ${column.label} on ${selected.size} selected rows`}
                    >
                      Run
                    </button>
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
