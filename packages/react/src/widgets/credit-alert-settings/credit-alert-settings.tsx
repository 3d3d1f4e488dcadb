import { type AlertParams, MAX_ALERTS } from '@creditkit/sdk';
import { useEffect, useId, useRef, useState } from 'react';
import { useAlerts } from '../../hooks/use-alerts';
import { useCreditFormat } from '../../hooks/use-credit-format';
import { useCreditRole } from '../../hooks/use-credit-role';
import { useMessageGroup } from '../../hooks/use-message-group';
import { englishAlerts } from '../../messages/english/alerts';
import { englishCommon } from '../../messages/english/common';
import { AlertForm } from './alert-form';
import { describeAlert } from './describe-alert';

/** The props of `<CreditAlertSettings>`. */
export interface CreditAlertSettingsProps {
  /** Opt-in dark theme, set as `data-theme` on the widget's `.ck-root`. */
  theme?: 'light' | 'dark';
  /** More classes for the root, next to `ck-root`. */
  className?: string;
}

/** What is being edited: nothing, a new alert, or an alert by id. */
type Editing = null | 'new' | string;

/**
 * The workspace's threshold alerts (R25): on the balance (credits, or a percentage of the plan allowance) and on
 * workbook and enrichment limits and run budgets (percentage used), each armed or triggered. Admins add, edit and
 * remove them; members read them (R20). Saves and removals are announced politely; after one, the focus goes back
 * to the button that started it, or to the Add button.
 */
export function CreditAlertSettings({ theme, className }: CreditAlertSettingsProps) {
  const alerts = useAlerts();
  const text = useMessageGroup('alerts', englishAlerts);
  const common = useMessageGroup('common', englishCommon);
  const format = useCreditFormat();
  const isAdmin = useCreditRole() === 'admin';
  const [editing, setEditing] = useState<Editing>(null);
  const [announcement, setAnnouncement] = useState('');
  const id = useId();
  const root = useRef<HTMLElement>(null);
  const list = alerts.data ?? [];
  const full = list.length >= MAX_ALERTS;

  // Where the focus goes once the next render has put it in the page: the button that opened the form, else Add,
  // else the heading. Set by a save, a cancel or a removal; taken by the effect below after that render commits.
  const focusNext = useRef<string | null>(null);
  useEffect(() => {
    const selector = focusNext.current;
    if (selector === null) return;
    focusNext.current = null;
    const target =
      root.current?.querySelector<HTMLElement>(selector) ??
      root.current?.querySelector<HTMLElement>('[data-role="add"]') ??
      root.current?.querySelector<HTMLElement>('h2');
    target?.focus();
  });
  const focusAfter = (selector: string) => {
    focusNext.current = selector;
  };

  const open = (next: Editing) => {
    alerts.resetChange();
    setAnnouncement('');
    setEditing(next);
  };
  const close = (from: Editing) => {
    setEditing(null);
    focusAfter(from === 'new' || from === null ? '[data-role="add"]' : `[data-edit="${from}"]`);
  };
  const save = async (params: AlertParams) => {
    const from = editing;
    const saved = from === 'new' ? await alerts.create(params) : await alerts.update(from as string, params);
    if (saved) {
      setAnnouncement(text.saved);
      close(from);
    }
    return saved;
  };
  const remove = async (alertId: string) => {
    setAnnouncement('');
    if (await alerts.remove(alertId)) {
      setAnnouncement(text.removed);
      focusAfter('[data-role="add"]');
    }
  };

  const state =
    alerts.status === 'loading'
      ? 'loading'
      : alerts.status === 'error' && !alerts.data
        ? 'error'
        : list.length
          ? 'ready'
          : 'empty';
  const removeFailed = editing === null && alerts.changeState.status === 'error';

  return (
    <section
      ref={root}
      className={`ck-root ck-alert-settings ${className ?? ''}`.trim()}
      data-theme={theme}
      data-state={state}
      aria-labelledby={`${id}h`}
    >
      <h2 id={`${id}h`} className="ck-alert-settings__title" tabIndex={-1}>
        {text.title}
      </h2>
      <p className="ck-alert-settings__hint">{text.description}</p>
      {!isAdmin && <p className="ck-alert-settings__hint">{text.memberReadOnly}</p>}
      <p role="status" className="ck-alert-settings__status">
        {state === 'loading' ? common.loading : announcement}
      </p>
      {state === 'error' && (
        <div role="alert" className="ck-alert-settings__problem">
          <p>{common.loadFailed}</p>
          <button type="button" className="ck-alert-settings__button" onClick={alerts.refetch}>
            {common.retry}
          </button>
        </div>
      )}
      {state === 'empty' && <p className="ck-alert-settings__hint">{text.empty}</p>}
      {list.length > 0 && (
        <ul className="ck-alert-settings__list" aria-label={text.listLabel}>
          {list.map((alert) => {
            const described = describeAlert(alert, text, format);
            return (
              <li key={alert.id} className="ck-alert-settings__item" data-state={alert.state}>
                {editing === alert.id ? (
                  <AlertForm
                    alert={alert}
                    onSave={save}
                    onCancel={() => close(alert.id)}
                    changeState={alerts.changeState}
                  />
                ) : (
                  <>
                    <span className="ck-alert-settings__description">{described}</span>
                    <span className="ck-alert-settings__badge" data-state={alert.state}>
                      {alert.state === 'triggered' ? text.triggered : text.armed}
                    </span>
                    {isAdmin && (
                      <span className="ck-alert-settings__actions">
                        <button
                          type="button"
                          className="ck-alert-settings__button"
                          data-edit={alert.id}
                          aria-label={text.editLabel(described)}
                          onClick={() => open(alert.id)}
                        >
                          {text.edit}
                        </button>
                        <button
                          type="button"
                          className="ck-alert-settings__button"
                          aria-label={text.removeLabel(described)}
                          onClick={() => void remove(alert.id)}
                        >
                          {text.remove}
                        </button>
                      </span>
                    )}
                  </>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {removeFailed && (
        <p role="alert" className="ck-alert-settings__problem">
          {text.saveFailed}
        </p>
      )}
      {isAdmin &&
        (editing === 'new' ? (
          <AlertForm onSave={save} onCancel={() => close('new')} changeState={alerts.changeState} />
        ) : (
          state !== 'loading' &&
          state !== 'error' && (
            <>
              <button
                type="button"
                className="ck-alert-settings__button"
                data-role="add"
                aria-disabled={full}
                aria-describedby={full ? `${id}f` : undefined}
                onClick={() => !full && open('new')}
              >
                {text.add}
              </button>
              {full && (
                <p id={`${id}f`} className="ck-alert-settings__hint">
                  {text.full(format.formatCount(MAX_ALERTS))}
                </p>
              )}
            </>
          )
        ))}
    </section>
  );
}
