import { CreditActivity, CreditUsage, creditQueryKeys, useCreditStore } from '@creditkit/react';
import { useId, useState } from 'react';
import { columns, type RunEvent, records, type WorkbookCells, workbookId } from '../shared/workbook';
import { runColumn } from './run-column';

// The API groups by the host's ids; the host knows what its workbooks are called.
const rowLabel = (group: string, id: string) =>
  group === 'workbook' && id === workbookId ? 'People workbook' : undefined;
const workbookName = (id: string) => (id === workbookId ? 'People workbook' : undefined);
// The host refunds with its own reason codes (server/run-column.ts); these are their words.
const refundReasonLabel = (reason: string) => (reason === 'no_data' ? 'provider returned nothing' : undefined);

const refreshable = columns.filter((column) => !column.ai);

/**
 * The demo's stand-in for a scheduled Auto-Update: it refreshes a column's values already found, each charged
 * again (trigger `auto_update`, R24), so the activity below has a refresh to explain.
 */
function AutoUpdate() {
  const store = useCreditStore();
  const [field, setField] = useState(refreshable[0]?.field ?? '');
  const [message, setMessage] = useState('');
  const [running, setRunning] = useState(false);
  const selectId = useId();

  const refresh = async () => {
    setRunning(true);
    setMessage('');
    try {
      const { cells } = (await (await fetch('/workbook')).json()) as { cells: WorkbookCells };
      const recordIds = records.filter((record) => cells[record.id]?.[field]).map((record) => record.id);
      if (recordIds.length === 0) {
        setMessage('No values in this column yet: run it on the workbook first.');
        return;
      }
      let refreshed = 0;
      await runColumn(
        { field, recordIds, trigger: 'auto_update' },
        (event: RunEvent) => {
          if (event.type === 'row') refreshed += 1;
          if (event.type === 'blocked') setMessage(event.problem.message);
        },
        new AbortController().signal,
      );
      setMessage((previous) => previous || `Auto-Update refreshed ${refreshed} of ${recordIds.length} values.`);
    } catch (error) {
      setMessage(String(error));
    } finally {
      setRunning(false);
      // Usage and activity are read models of the charges just made.
      store.invalidate(creditQueryKeys.usages);
    }
  };

  return (
    <section aria-labelledby="auto-update-title" className="card">
      <h2 id="auto-update-title">Auto-Update</h2>
      <p>Refreshing a column asks its provider again for values already found, and each refresh is charged.</p>
      <div className="inline-form">
        <label htmlFor={selectId}>Column</label>
        <select id={selectId} value={field} onChange={(event) => setField(event.target.value)}>
          {refreshable.map((column) => (
            <option key={column.field} value={column.field}>
              {column.label}
            </option>
          ))}
        </select>
        <button type="button" onClick={refresh} disabled={running}>
          Refresh now
        </button>
      </div>
      <p role="status">{message}</p>
    </section>
  );
}

export function UsagePage() {
  return (
    <section aria-labelledby="usage-title" className="page">
      <h1 id="usage-title">Usage</h1>
      <CreditUsage defaultGroupBy="action" rowLabel={rowLabel} />
      <h2>Why credits were charged</h2>
      <CreditActivity workbookName={workbookName} refundReasonLabel={refundReasonLabel} />
      <AutoUpdate />
    </section>
  );
}
