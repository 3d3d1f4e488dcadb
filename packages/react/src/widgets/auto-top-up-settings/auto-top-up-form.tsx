import type { AutoTopUp, AutoTopUpUpdateParams } from '@creditkit/sdk';
import { AuthenticationError, PermissionDeniedError } from '@creditkit/sdk';
import { type FormEvent, type RefObject, useId, useRef, useState } from 'react';
import type { AutoTopUpUpdateState } from '../../hooks/use-auto-top-up';
import { useCreditFormat } from '../../hooks/use-credit-format';
import { useMessageGroup } from '../../hooks/use-message-group';
import { englishAmountInput } from '../../messages/english/amount-input';
import { englishAutoTopUp } from '../../messages/english/auto-top-up';

type AmountField = 'threshold' | 'credits' | 'monthlyCap';

export interface AutoTopUpFormProps {
  /** The setting as the API has it, to start from. */
  autoTopUp: AutoTopUp;
  /** Saves; resolves to the saved setting, or undefined when the save failed (`updateState` says why). */
  onSave: (params: AutoTopUpUpdateParams) => Promise<AutoTopUp | undefined>;
  updateState: AutoTopUpUpdateState;
}

/**
 * The auto top-up's fields (admins, R20). Each amount is read in the provider's locale with the SDK's
 * `parseCredits`, never `parseFloat`, and held to what the API takes: more than 0, and a cap of at least one top-up.
 * Each problem is said next to its field; on submit the first one takes the focus.
 */
export function AutoTopUpForm({ autoTopUp, onSave, updateState }: AutoTopUpFormProps) {
  const text = useMessageGroup('autoTopUp', englishAutoTopUp);
  const amountInput = useMessageGroup('amountInput', englishAmountInput);
  const { formatCredits, parseCredits } = useCreditFormat();
  const start = (value: number | null) => (value === null ? '' : formatCredits(value));
  const [enabled, setEnabled] = useState(autoTopUp.enabled);
  const [drafts, setDrafts] = useState<Record<AmountField, string>>({
    threshold: start(autoTopUp.threshold),
    credits: start(autoTopUp.credits),
    monthlyCap: start(autoTopUp.monthlyCap),
  });
  const [attempted, setAttempted] = useState(false);
  const id = useId();
  const inputs: Record<AmountField, RefObject<HTMLInputElement | null>> = {
    threshold: useRef<HTMLInputElement>(null),
    credits: useRef<HTMLInputElement>(null),
    monthlyCap: useRef<HTMLInputElement>(null),
  };

  const parsed = {
    threshold: parseCredits(drafts.threshold),
    credits: parseCredits(drafts.credits),
    monthlyCap: parseCredits(drafts.monthlyCap),
  };
  const problemOf = (field: AmountField): string | undefined => {
    const result = parsed[field];
    if (!result.ok) return amountInput[result.reason];
    if (result.value <= 0) return text.zeroProblem;
    if (field === 'monthlyCap' && parsed.credits.ok && result.value < parsed.credits.value) return text.capBelowCredits;
    return undefined;
  };
  const fields: readonly AmountField[] = ['threshold', 'credits', 'monthlyCap'];
  const problems = Object.fromEntries(fields.map((field) => [field, problemOf(field)])) as Record<
    AmountField,
    string | undefined
  >;
  const shown = (field: AmountField) => (attempted || drafts[field] !== '' ? problems[field] : undefined);
  const pending = updateState.status === 'pending';
  const { error } = updateState;
  const failure =
    error === undefined
      ? undefined
      : PermissionDeniedError.is(error)
        ? text.memberReadOnly
        : AuthenticationError.is(error)
          ? text.sessionEnded
          : text.saveFailed;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (pending) return;
    setAttempted(true);
    const invalid = fields.find((field) => problems[field] !== undefined);
    if (invalid) return inputs[invalid].current?.focus();
    if (!parsed.threshold.ok || !parsed.credits.ok || !parsed.monthlyCap.ok) return;
    await onSave({
      enabled,
      threshold: parsed.threshold.value,
      credits: parsed.credits.value,
      monthlyCap: parsed.monthlyCap.value,
    });
  };

  const labels: Record<AmountField, string> = {
    threshold: text.thresholdLabel,
    credits: text.creditsLabel,
    monthlyCap: text.monthlyCapLabel,
  };

  return (
    <form className="ck-auto-top-up__form" data-state={updateState.status} onSubmit={submit} noValidate>
      <label className="ck-auto-top-up__check">
        <input type="checkbox" checked={enabled} onChange={(event) => setEnabled(event.target.checked)} />
        {text.enabledLabel}
      </label>
      {fields.map((field) => {
        const problem = shown(field);
        const described = [problem ? `${id}${field}p` : '', field === 'monthlyCap' ? `${id}h` : '']
          .filter(Boolean)
          .join(' ');
        return (
          <div key={field} className="ck-auto-top-up__field">
            <label htmlFor={`${id}${field}`}>{labels[field]}</label>
            <input
              id={`${id}${field}`}
              ref={inputs[field]}
              className="ck-auto-top-up__input"
              type="text"
              inputMode="decimal"
              autoComplete="off"
              value={drafts[field]}
              aria-invalid={problem ? true : undefined}
              aria-describedby={described || undefined}
              onChange={(event) => setDrafts((previous) => ({ ...previous, [field]: event.target.value }))}
            />
            {problem && (
              <p id={`${id}${field}p`} className="ck-auto-top-up__problem">
                {problem}
              </p>
            )}
            {field === 'monthlyCap' && (
              <p id={`${id}h`} className="ck-auto-top-up__hint">
                {text.monthlyCapHint}
              </p>
            )}
          </div>
        );
      })}
      {failure && (
        <p role="alert" className="ck-auto-top-up__problem">
          {failure}
        </p>
      )}
      <button type="submit" className="ck-auto-top-up__button" aria-disabled={pending}>
        {text.save}
      </button>
    </form>
  );
}
