import type { Alert, AlertParams } from '@creditkit/sdk';
import { AuthenticationError, PermissionDeniedError } from '@creditkit/sdk';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import type { AlertChangeState } from '../../hooks/use-alerts';
import { useCreditFormat } from '../../hooks/use-credit-format';
import { useMessageGroup } from '../../hooks/use-message-group';
import { englishAlerts } from '../../messages/english/alerts';
import { englishAmountInput } from '../../messages/english/amount-input';

type Scope = AlertParams['scope'];
type Unit = AlertParams['unit'];

const scopes: readonly Scope[] = ['balance', 'workbook', 'enrichment', 'run'];

export interface AlertFormProps {
  /** The alert being edited; a new one when omitted. */
  alert?: Alert;
  /** Saves; resolves to the saved alert, or undefined when the save failed (the hook's `changeState` says why). */
  onSave: (params: AlertParams) => Promise<Alert | undefined>;
  onCancel: () => void;
  changeState: AlertChangeState;
}

/**
 * One alert's fields, for adding or editing (admins, R20). The threshold is read in the provider's locale with the
 * SDK's `parseCredits` (a percentage too, then held to a whole number from 1 to 100), never `parseFloat`; each
 * problem is said next to its field and the first one takes the focus on submit.
 */
export function AlertForm({ alert, onSave, onCancel, changeState }: AlertFormProps) {
  const text = useMessageGroup('alerts', englishAlerts);
  const amountInput = useMessageGroup('amountInput', englishAmountInput);
  const { formatCredits, formatCount, parseCredits } = useCreditFormat();
  const [scope, setScope] = useState<Scope>(
    alert && scopes.includes(alert.scope as Scope) ? (alert.scope as Scope) : 'balance',
  );
  const [scopeId, setScopeId] = useState(alert?.scopeId ?? '');
  const [unit, setUnit] = useState<Unit>(alert?.unit === 'percent' ? 'percent' : 'credits');
  const [draft, setDraft] = useState(
    alert === undefined ? '' : alert.unit === 'credits' ? formatCredits(alert.threshold) : formatCount(alert.threshold),
  );
  const [attempted, setAttempted] = useState(false);
  const id = useId();
  const first = useRef<HTMLSelectElement>(null);
  const idInput = useRef<HTMLInputElement>(null);
  const thresholdInput = useRef<HTMLInputElement>(null);

  // Only a balance alert counts in credits; a spend alert counts in percent used.
  const effectiveUnit: Unit = scope === 'balance' ? unit : 'percent';
  const parsed = parseCredits(draft);
  const thresholdProblem =
    effectiveUnit === 'credits'
      ? parsed.ok
        ? undefined
        : amountInput[parsed.reason]
      : parsed.ok && Number.isInteger(parsed.value) && parsed.value >= 1 && parsed.value <= 100
        ? undefined
        : text.percentProblem;
  const idProblem = scope !== 'balance' && scopeId.trim() === '' ? text.idRequired : undefined;
  const showThresholdProblem = thresholdProblem && (attempted || draft !== '');
  const showIdProblem = idProblem && attempted;
  const pending = changeState.status === 'pending';
  const { error } = changeState;
  const failure =
    error === undefined
      ? undefined
      : PermissionDeniedError.is(error)
        ? text.memberReadOnly
        : AuthenticationError.is(error)
          ? text.sessionEnded
          : text.saveFailed;

  useEffect(() => {
    first.current?.focus();
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (pending) return;
    setAttempted(true);
    if (idProblem) return idInput.current?.focus();
    if (thresholdProblem || !parsed.ok) return thresholdInput.current?.focus();
    const params: AlertParams =
      scope === 'balance'
        ? { scope, unit: effectiveUnit, threshold: parsed.value }
        : { scope, scopeId: scopeId.trim(), unit: 'percent', threshold: parsed.value };
    await onSave(params);
  };

  return (
    <form className="ck-alert-settings__form" data-state={changeState.status} onSubmit={submit} noValidate>
      <div className="ck-alert-settings__field">
        <label htmlFor={`${id}s`}>{text.scopeLabel}</label>
        <select
          id={`${id}s`}
          ref={first}
          className="ck-alert-settings__input"
          value={scope}
          onChange={(event) => setScope(event.target.value as Scope)}
        >
          <option value="balance">{text.scopeBalance}</option>
          <option value="workbook">{text.scopeWorkbook}</option>
          <option value="enrichment">{text.scopeEnrichment}</option>
          <option value="run">{text.scopeRun}</option>
        </select>
      </div>
      {scope !== 'balance' && (
        <div className="ck-alert-settings__field">
          <label htmlFor={`${id}i`}>{text.scopeIdLabel}</label>
          <input
            id={`${id}i`}
            ref={idInput}
            className="ck-alert-settings__input"
            type="text"
            autoComplete="off"
            value={scopeId}
            aria-invalid={showIdProblem ? true : undefined}
            aria-describedby={showIdProblem ? `${id}ip` : undefined}
            onChange={(event) => setScopeId(event.target.value)}
          />
          {showIdProblem && (
            <p id={`${id}ip`} className="ck-alert-settings__problem">
              {idProblem}
            </p>
          )}
        </div>
      )}
      {scope === 'balance' && (
        <div className="ck-alert-settings__field">
          <label htmlFor={`${id}u`}>{text.unitLabel}</label>
          <select
            id={`${id}u`}
            className="ck-alert-settings__input"
            value={unit}
            onChange={(event) => setUnit(event.target.value as Unit)}
          >
            <option value="credits">{text.unitCredits}</option>
            <option value="percent">{text.unitPercent}</option>
          </select>
        </div>
      )}
      <div className="ck-alert-settings__field">
        <label htmlFor={`${id}t`}>
          {text.thresholdLabel} ({effectiveUnit === 'credits' ? text.unitCredits : text.unitPercent})
        </label>
        <input
          id={`${id}t`}
          ref={thresholdInput}
          className="ck-alert-settings__input"
          type="text"
          inputMode="decimal"
          autoComplete="off"
          value={draft}
          aria-invalid={showThresholdProblem ? true : undefined}
          aria-describedby={showThresholdProblem ? `${id}tp` : undefined}
          onChange={(event) => setDraft(event.target.value)}
        />
        {showThresholdProblem && (
          <p id={`${id}tp`} className="ck-alert-settings__problem">
            {thresholdProblem}
          </p>
        )}
      </div>
      {failure && (
        <p role="alert" className="ck-alert-settings__problem">
          {failure}
        </p>
      )}
      <div className="ck-alert-settings__actions">
        <button type="submit" className="ck-alert-settings__button" data-variant="primary" aria-disabled={pending}>
          {text.save}
        </button>
        <button type="button" className="ck-alert-settings__button" onClick={onCancel}>
          {text.cancel}
        </button>
      </div>
    </form>
  );
}
