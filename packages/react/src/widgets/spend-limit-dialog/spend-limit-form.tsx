import { limitRemaining, toCredits, toThousandths } from '@creditkit/rules';
import { AuthenticationError, PermissionDeniedError, type SpendLimit, type SpendLimitTarget } from '@creditkit/sdk';
import * as Dialog from '@radix-ui/react-dialog';
import * as Switch from '@radix-ui/react-switch';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useCreditFormat } from '../../hooks/use-credit-format';
import { useCreditRole } from '../../hooks/use-credit-role';
import { useMessageGroup } from '../../hooks/use-message-group';
import { type SpendLimitResult, useSpendLimit } from '../../hooks/use-spend-limit';
import { englishAmountInput } from '../../messages/english/amount-input';
import { englishCommon } from '../../messages/english/common';
import { englishSpendLimit } from '../../messages/english/spend-limit';

/** Space-separated ids for `aria-describedby`, or none. */
const ids = (...candidates: (string | false | undefined)[]) => candidates.filter(Boolean).join(' ') || undefined;

/** The dialog's body. The limit is asked for when the dialog opens, and the fields start from it. */
export function SpendLimitForm({ target }: { target: SpendLimitTarget }) {
  const spendLimit = useSpendLimit(target);
  const common = useMessageGroup('common', englishCommon);
  if (spendLimit.data) return <SpendLimitFields spendLimit={spendLimit} shown={spendLimit.data} />;
  const failed = spendLimit.status === 'error';
  return (
    <div className="ck-spend-limit__footer">
      {failed ? (
        <p role="alert" className="ck-spend-limit__alert">
          {common.loadFailed}
        </p>
      ) : (
        <p role="status">{common.loading}</p>
      )}
      {/* Nothing to focus while loading: Radix then focuses the dialog, and the fields take it over. */}
      {failed && (
        <>
          <button type="button" className="ck-spend-limit__button" onClick={spendLimit.refetch}>
            {common.retry}
          </button>
          <Dialog.Close className="ck-spend-limit__button">{common.close}</Dialog.Close>
        </>
      )}
    </div>
  );
}

function SpendLimitFields({ spendLimit, shown }: { spendLimit: SpendLimitResult; shown: SpendLimit }) {
  const text = useMessageGroup('spendLimit', englishSpendLimit);
  const amountInput = useMessageGroup('amountInput', englishAmountInput);
  const common = useMessageGroup('common', englishCommon);
  const { formatCredits, parseCredits } = useCreditFormat();
  // Members, and users whose role the host did not say, only read (R20); the API refuses them anyway.
  const isAdmin = useCreditRole() === 'admin';
  const { update, updateState, resetUpdate } = spendLimit;
  const [enabled, setEnabled] = useState(shown.enabled);
  const [draft, setDraft] = useState(shown.limit === null ? '' : formatCredits(shown.limit));
  const [confirming, setConfirming] = useState(false);
  const id = useId();
  const fields = useRef<HTMLDivElement>(null);
  const close = useRef<HTMLButtonElement>(null);
  const reasonId = isAdmin ? undefined : `${id}r`;
  const credits = (amount: number) => common.credits(formatCredits(amount), amount);

  const parsed = parseCredits(draft);
  const problem = enabled && !parsed.ok ? amountInput[parsed.reason] : undefined;
  // A limit switched off keeps its amount, so switching it on again restores it.
  const limit = parsed.ok ? parsed.value : (shown.limit ?? 0);
  const pending = updateState.status === 'pending';
  const saved = updateState.status === 'success';
  // What the typed limit would leave, computed as the server does (in thousandths), next to the saved one until saved.
  const typedLimit = parsed.ok ? parsed.value : null;
  const unsaved = enabled !== shown.enabled || (enabled && typedLimit !== shown.limit);
  const typedRemaining =
    typedLimit === null ? null : toCredits(limitRemaining(toThousandths(typedLimit), toThousandths(shown.spent)));
  const onceSaved = !unsaved
    ? null
    : !enabled
      ? text.noLimitOnceSaved
      : typedRemaining === null
        ? null
        : text.remainingOnceSaved(formatCredits(typedRemaining), typedRemaining);
  const { error } = updateState;
  const failure =
    error === undefined
      ? undefined
      : PermissionDeniedError.is(error)
        ? text.memberDisabled
        : AuthenticationError.is(error)
          ? text.sessionEnded
          : text.saveFailed;

  /** Any change makes an earlier outcome, or a pending confirmation, out of date. */
  const edited = () => {
    setConfirming(false);
    if (!pending) resetUpdate();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!isAdmin || problem || pending) return;
    // Below what is spent, the limit blocks every charge at once: worth a second look.
    if (!confirming && enabled && limit < shown.spent) return setConfirming(true);
    setConfirming(false);
    void update({ enabled, limit });
  };

  // Saved: nothing is left to cancel, so the button that closes says Done and takes the focus, one key from closing.
  useEffect(() => {
    if (saved) close.current?.focus();
  }, [saved]);

  // The limit arrives after the dialog opened: focus moves from the dialog itself to its first control.
  useEffect(() => {
    const focused = document.activeElement;
    if (focused !== document.body && focused?.getAttribute('role') !== 'dialog') return;
    fields.current?.querySelector<HTMLElement>('button:enabled, input:enabled')?.focus();
  }, []);

  return (
    <div ref={fields} className="ck-spend-limit__fields">
      <div className="ck-spend-limit__row">
        <label htmlFor={`${id}s`}>{text.enable}</label>
        <Switch.Root
          id={`${id}s`}
          className="ck-spend-limit__switch"
          checked={enabled}
          disabled={!isAdmin}
          aria-describedby={reasonId}
          onCheckedChange={(checked) => {
            setEnabled(checked);
            edited();
          }}
        >
          <Switch.Thumb className="ck-spend-limit__thumb" />
        </Switch.Root>
      </div>
      {reasonId && (
        <p id={reasonId} className="ck-spend-limit__reason">
          {text.memberDisabled}
        </p>
      )}
      {/* The switch stays out of the form: inside one, Radix adds a hidden checkbox for a native submit this form never does. */}
      <form
        className="ck-spend-limit__form"
        data-state={confirming ? 'confirming' : updateState.status}
        onSubmit={submit}
      >
        <label htmlFor={`${id}l`}>{text.limitLabel}</label>
        <input
          id={`${id}l`}
          className="ck-spend-limit__input"
          type="text"
          inputMode="decimal"
          autoComplete="off"
          value={draft}
          disabled={!isAdmin || !enabled}
          aria-invalid={problem ? true : undefined}
          aria-describedby={ids(problem && `${id}p`, reasonId)}
          onChange={(event) => {
            setDraft(event.target.value);
            edited();
          }}
        />
        <p id={`${id}p`} className="ck-spend-limit__problem" aria-live="polite">
          {problem}
        </p>
        <p className="ck-spend-limit__usage">
          <span>{text.spent(formatCredits(shown.spent), shown.spent)}</span>
          <span>
            {shown.enabled && shown.remaining !== null
              ? text.remaining(formatCredits(shown.remaining), shown.remaining)
              : text.noLimit}
          </span>
          {onceSaved && <span className="ck-spend-limit__once-saved">{onceSaved}</span>}
        </p>
        <p id={`${id}a`} role="alert" className="ck-spend-limit__alert">
          {confirming ? text.confirmBelowSpent(credits(limit), credits(shown.spent)) : failure}
        </p>
        <p role="status" className="ck-spend-limit__status">
          {saved ? text.saved : null}
        </p>
        <div className="ck-spend-limit__footer">
          <Dialog.Close ref={close} className="ck-spend-limit__button">
            {saved ? text.done : text.cancel}
          </Dialog.Close>
          <button
            type="submit"
            className="ck-spend-limit__button"
            data-variant="primary"
            disabled={!isAdmin || !!problem}
            aria-describedby={ids(confirming && `${id}a`, reasonId)}
          >
            {pending ? text.saving : confirming ? text.confirmSave : text.save}
          </button>
        </div>
      </form>
    </div>
  );
}
