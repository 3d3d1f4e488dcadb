import { type ReactNode, useId, useState } from 'react';
import { useBalance } from '../../hooks/use-balance';
import { useCreditFormat } from '../../hooks/use-credit-format';
import { useMessageGroup } from '../../hooks/use-message-group';
import { englishAmountInput } from '../../messages/english/amount-input';
import { englishCommon } from '../../messages/english/common';
import { englishRunBudget } from '../../messages/english/run-budget';
import { RunEstimate } from './run-estimate';
import { useDebouncedValue } from './use-debounced-value';

/**
 * Whether the text in `<AiRunBudgetInput>` is a budget, as `onValueChange` reports it with every edit. A host
 * that must not start a run without a budget disables its Run button while the value is null; one that allows
 * a run without a budget tells empty text (`valid`) from text that is no budget (`!valid`).
 */
export interface AiRunBudgetValidity {
  /** False while the text is not a budget (`0`, `abc`, `-5`, too many decimals): the value is then null. */
  valid: boolean;
  /** Why the text is not a budget, in the provider's words (`messages.runBudget.zero`, `messages.amountInput`); null when valid. */
  problem: string | null;
}

/** The props of `<AiRunBudgetInput>`: it reads the balance, rates, locale and strings from `<CreditProvider>`. */
export interface AiRunBudgetInputProps {
  /** The AI model the run uses (`gpt-mini`): its rates price the estimate. */
  model: string;
  /** How many rows the run processes. */
  rows: number;
  /** The budget in credits (up to 3 decimals), or null for none. */
  value: number | null;
  /**
   * Called on every edit with the budget the text now means, or null when it means none: cleared, or not a
   * budget. `validity` says which, and why not, so a host can disable its Run button and never run on a
   * budget the reader has typed over.
   */
  onValueChange: (next: number | null, validity: AiRunBudgetValidity) => void;
  /** Prompt tokens per row: the estimate is then computed here, with no request per keystroke. */
  inputTokens?: number;
  /** The prompt text, when its tokens are not counted: the server counts them, a pause after the last change. */
  prompt?: string;
  /** Expected output tokens per row. Default 0. */
  outputTokens?: number;
  /** The input's id, for a host's own `<label htmlFor>`; generated when omitted. */
  id?: string;
  /** Replaces the visible label (`messages.runBudget.label`). */
  label?: string;
  /** Opt-in dark theme, set as `data-theme` on the widget's `.ck-root`. */
  theme?: 'light' | 'dark';
  /** More classes for the root, next to `ck-root`. */
  className?: string;
}

/** How long the prompt must stay unchanged before the server is asked to count it. */
const promptPauseMs = 400;

/**
 * The budget of an AI run (R9): a locale-aware amount input (`1.000,5` is 1000.5 in de-DE) that keeps
 * whatever the reader types, marks it invalid with the reason until it reads as a budget, and shows the
 * run's estimate with polite warnings when the estimate is above the budget or the budget above the
 * spendable balance. Controlled: the host holds `value`, which is null while the text is no budget.
 *
 * `data-state`: the root `empty` · `valid` · `invalid`; the estimate `loading` · `ready` · `own-key` · `error`;
 * the warnings `over-budget` · `within-budget` and `over-balance` · `within-balance`.
 */
export function AiRunBudgetInput(props: AiRunBudgetInputProps): ReactNode {
  const { model, rows, value, onValueChange, inputTokens, outputTokens = 0, label, theme, className } = props;
  const text = useMessageGroup('runBudget', englishRunBudget);
  const amountInput = useMessageGroup('amountInput', englishAmountInput);
  const common = useMessageGroup('common', englishCommon);
  const { formatCredits, parseCredits } = useCreditFormat();
  const balance = useBalance();
  const prompt = useDebouncedValue(props.prompt, promptPauseMs);
  const ownId = useId();
  const id = props.id ?? ownId;
  // The text as typed while it is being edited or is invalid; null shows `value` written for the locale.
  const [draft, setDraft] = useState<string | null>(null);

  const read = (typed: string) => {
    const parsed = parseCredits(typed);
    if (parsed.ok) return parsed.value > 0 ? { value: parsed.value } : { problem: text.zero };
    return parsed.reason === 'empty' ? { value: null } : { problem: amountInput[parsed.reason] };
  };
  const problem = draft === null ? undefined : read(draft).problem;
  const budget = problem ? null : value;
  const credits = (amount: number) => common.credits(formatCredits(amount), amount);
  const spendable = balance.data?.spendable;
  const overBalance = budget !== null && spendable !== undefined && budget > spendable;
  // Counted tokens when given (the server would prefer them anyway), else the prompt text; neither: no estimate.
  const rowTokens = inputTokens !== undefined ? { inputTokens } : prompt !== undefined ? { prompt } : undefined;
  const describedBy = [`${id}-description`, rowTokens && `${id}-estimate`, problem && `${id}-problem`];

  return (
    <div
      className={className ? `ck-root ck-run-budget ${className}` : 'ck-root ck-run-budget'}
      data-theme={theme}
      data-state={problem ? 'invalid' : value === null ? 'empty' : 'valid'}
    >
      <label htmlFor={id} className="ck-run-budget-label">
        {label ?? text.label}
      </label>
      <p id={`${id}-description`} className="ck-run-budget-description">
        {text.description}
      </p>
      <input
        id={id}
        className="ck-run-budget-input"
        type="text"
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        value={draft ?? (value === null ? '' : formatCredits(value))}
        aria-invalid={!!problem}
        aria-describedby={describedBy.filter(Boolean).join(' ')}
        onFocus={() => setDraft((typed) => typed ?? (value === null ? '' : formatCredits(value)))}
        onBlur={() => {
          if (!problem) setDraft(null);
        }}
        onChange={(event) => {
          const typed = event.target.value;
          setDraft(typed);
          const next = read(typed);
          onValueChange(next.value ?? null, { valid: !next.problem, problem: next.problem ?? null });
        }}
      />
      {/* Always present and polite: a live region must exist before its text changes, and text that is
          invalid only until the next keystroke (`1.` on the way to `1.000`) should not interrupt. */}
      <p id={`${id}-problem`} aria-live="polite" className="ck-run-budget-problem">
        {problem}
      </p>
      {rowTokens && (
        <RunEstimate id={`${id}-estimate`} params={{ model, rows, outputTokens, ...rowTokens }} budget={budget} />
      )}
      <p role="status" className="ck-run-budget-warning" data-state={overBalance ? 'over-balance' : 'within-balance'}>
        {overBalance && spendable !== undefined && text.overBalance(credits(budget), credits(spendable))}
      </p>
    </div>
  );
}
