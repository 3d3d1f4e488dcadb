import type { LimitDetails, Quote, QuoteCreateParams } from '@creditkit/sdk';
import * as Dialog from '@radix-ui/react-dialog';
import { type ReactNode, useId, useRef, useState } from 'react';
import { useCreditFormat } from '../../hooks/use-credit-format';
import { useMessageGroup } from '../../hooks/use-message-group';
import { useRunQuote } from '../../hooks/use-run-quote';
import type { CreditMessages } from '../../messages/credit-messages';
import { englishCommon } from '../../messages/english/common';
import { englishLimitReached } from '../../messages/english/limit-reached';
import { englishRunCost } from '../../messages/english/run-cost';
import { creditQueryKeys } from '../../store/query-keys';

/** The props of `<RunCostSummary>`: what the run would charge, and the host's Run, which the widget's button calls. */
export interface RunCostSummaryProps {
  /**
   * The run the button starts, as a quote asks for it: the action over the selected record ids (or a row count)
   * in the workbook, enrichment or AI run its charges will name. `null` while nothing is selected: the summary
   * says so and the button is disabled.
   */
  params: QuoteCreateParams | null;
  /**
   * Starts the run. Called by the widget's Run button, after the confirmation when `confirmAbove` asks for one,
   * with the quote the reader saw (undefined when none was known).
   */
  onRun: (quote: Quote | undefined) => void;
  /**
   * Above this many credits the Run button asks for confirmation first, in a dialog; so it does while the cost is
   * not known for the selection (still checking, or the quote failed). Never asks when omitted.
   */
  confirmAbove?: number | undefined;
  /** Disables the Run button, e.g. while a run is in progress. */
  disabled?: boolean | undefined;
  /** The Run button's content; `messages.runCost.run` when omitted. */
  children?: ReactNode;
  /**
   * The Run button's accessible name, when its text alone does not say what runs ("Run Work email on 3 selected
   * rows"); it should begin with the button's visible text.
   */
  runLabel?: string | undefined;
  /** Opt-in dark theme, set as `data-theme` on the widget's `.ck-root` and on its dialog. */
  theme?: 'light' | 'dark' | undefined;
  /** More classes for the root, next to `ck-root`. */
  className?: string | undefined;
}

/** Where the summary stands, as `data-state` says it. */
type SummaryState = 'idle' | 'loading' | 'quoted' | 'stops-early' | 'already-paid' | 'own-key' | 'error';

function stateOf(status: string, quote: Quote | undefined): SummaryState {
  if (!quote) return status === 'idle' ? 'idle' : status === 'error' ? 'error' : 'loading';
  if (quote.stop) return 'stops-early';
  if (quote.chargedRows === 0 && quote.alreadyPaidRows === quote.rows) return 'already-paid';
  if (quote.chargedRows === 0 && quote.ownKeyRows > 0) return 'own-key';
  return 'quoted';
}

function limitName(text: CreditMessages['runCost'], details: LimitDetails): string {
  const names: Record<string, string> = {
    workspace: text.limitWorkspace,
    workbook: text.limitWorkbook,
    enrichment: text.limitEnrichment,
    run: text.limitRun,
  };
  return names[details.scope] ?? details.scope;
}

/** How many rows the params name, known before any quote. */
const rowsOf = (params: QuoteCreateParams) => params.recordIds?.length ?? params.rows ?? 0;

/**
 * What a run over the selected rows would cost, next to its Run button, before the click (R23): "Run on 24
 * rows · up to 20 credits · 4 already paid · stops after 10 rows: workbook limit", rows free by own key (R10),
 * the balance after, and the stopping limit's numbers on demand. It follows the selection (a new one is quoted
 * once it stops changing) and the workspace's live events.
 *
 * The widget renders the Run button, so the confirmation cannot be left out: with `confirmAbove`, a run quoted
 * above it, or whose cost is not known, is confirmed in a dialog first. A failed quote does not block Run: a
 * quote is advice, and each charge of the run applies every limit anyway (R9, R11, R12, R14); the summary says
 * the cost could not be checked, and `confirmAbove` then asks. The summary is announced politely once a
 * selection's quote arrives, not while rows are being picked.
 *
 * `data-state`: `idle` · `loading` · `quoted` · `stops-early` · `already-paid` · `own-key` · `error`.
 * Works under a strict Content-Security-Policy without a nonce: it injects no `<style>`.
 */
export function RunCostSummary({
  params,
  onRun,
  confirmAbove,
  disabled,
  children,
  runLabel,
  theme,
  className,
}: RunCostSummaryProps): ReactNode {
  const text = useMessageGroup('runCost', englishRunCost);
  const limitReached = useMessageGroup('limitReached', englishLimitReached);
  const common = useMessageGroup('common', englishCommon);
  const { formatCredits, formatCount } = useCreditFormat();
  const result = useRunQuote(params);
  const id = useId();
  const runButton = useRef<HTMLButtonElement>(null);
  const [confirming, setConfirming] = useState(false);
  // A failed refresh keeps the last quote of the same selection, which is still worth showing.
  const quote = result.data;
  const state = stateOf(result.status, quote);
  const rows = params ? rowsOf(params) : 0;

  const parts = [text.rows(formatCount(rows), rows)];
  if (state === 'loading') parts.push(text.checking);
  if (quote) {
    if (state === 'already-paid') parts.push(text.allAlreadyPaid);
    else {
      parts.push(quote.credits > 0 ? text.upTo(formatCredits(quote.credits), quote.credits) : text.noCredits);
      if (quote.alreadyPaidRows > 0)
        parts.push(text.alreadyPaid(formatCount(quote.alreadyPaidRows), quote.alreadyPaidRows));
    }
    if (quote.ownKeyRows > 0) parts.push(text.ownKey(formatCount(quote.ownKeyRows), quote.ownKeyRows));
    if (quote.stop)
      parts.push(
        text.stopsAfter(formatCount(quote.stop.afterRows), quote.stop.afterRows, limitName(text, quote.stop.limit)),
      );
  }
  const summary = state === 'idle' ? text.nothingSelected : parts.join(text.separator);
  const balanceAfter = quote && text.balanceAfter(formatCredits(quote.balanceAfter), quote.balanceAfter);

  // Said once a selection's quote (or its failure) arrives, and again only when the selection or the state
  // changes: a refresh that moves a figure (a run of this column paying row after row) stays quiet.
  const announcement =
    state === 'loading'
      ? undefined
      : state === 'idle'
        ? ''
        : state === 'error'
          ? `${summary}${text.separator}${text.failed}`
          : summary;
  const selectionKey = params ? creditQueryKeys.quote(params) : null;
  const [announced, setAnnounced] = useState({ key: selectionKey, state, text: '' });
  if (
    announcement !== undefined &&
    announcement !== announced.text &&
    (selectionKey !== announced.key || state !== announced.state)
  ) {
    setAnnounced({ key: selectionKey, state, text: announcement });
  }

  const needsConfirmation = confirmAbove !== undefined && !(quote && quote.credits <= confirmAbove);
  // Nothing left to run: a confirmation still open would run what is no longer selected.
  if (confirming && params === null) setConfirming(false);
  const run = () => {
    if (needsConfirmation) setConfirming(true);
    else onRun(quote);
  };
  const confirm = () => {
    setConfirming(false);
    onRun(quote);
  };

  return (
    <div
      className={`ck-root ck-run-cost ${className ?? ''}`.trim()}
      data-theme={theme}
      data-state={state}
      aria-busy={state === 'loading' || undefined}
    >
      <p id={`${id}s`} className="ck-run-cost__summary">
        {summary}
      </p>
      {balanceAfter && <p className="ck-run-cost__balance">{balanceAfter}</p>}
      {quote?.stop && (
        <details className="ck-run-cost__limit">
          <summary>{text.showLimit}</summary>
          <p>
            {limitReached.details(
              formatCredits(quote.stop.limit.limit),
              formatCredits(quote.stop.limit.spent),
              formatCredits(quote.stop.limit.remaining),
            )}
          </p>
        </details>
      )}
      {state === 'error' && (
        <p id={`${id}f`} className="ck-run-cost__failed">
          {text.failed}{' '}
          <button type="button" className="ck-run-cost__retry" onClick={result.refetch}>
            {common.retry}
          </button>
        </p>
      )}
      <p role="status" className="ck-run-cost__announcement">
        {announced.text}
      </p>
      <button
        ref={runButton}
        type="button"
        className="ck-run-cost__run"
        disabled={disabled || params === null}
        aria-label={runLabel}
        aria-describedby={state === 'error' ? `${id}s ${id}f` : `${id}s`}
        aria-haspopup={needsConfirmation ? 'dialog' : undefined}
        onClick={run}
      >
        {children ?? text.run}
      </button>
      <Dialog.Root open={confirming} onOpenChange={setConfirming}>
        <Dialog.Portal>
          <div className={`ck-root ck-run-cost__dialog ${className ?? ''}`.trim()} data-theme={theme}>
            {/* Not Radix's Overlay, whose scroll lock injects a <style> a strict CSP refuses (see SpendLimitDialog). */}
            <div className="ck-run-cost__backdrop" />
            <Dialog.Content
              className="ck-run-cost__content"
              onCloseAutoFocus={(event) => {
                // No Dialog.Trigger opened it: focus goes back to the Run button, as it would to a trigger.
                event.preventDefault();
                runButton.current?.focus();
              }}
            >
              <Dialog.Title className="ck-run-cost__title">{text.confirmTitle(formatCount(rows), rows)}</Dialog.Title>
              <Dialog.Description className="ck-run-cost__confirm">
                {quote ? text.confirmCharge(formatCredits(quote.credits), quote.credits) : text.confirmUnknown}
              </Dialog.Description>
              <p className="ck-run-cost__summary">{summary}</p>
              {balanceAfter && <p className="ck-run-cost__balance">{balanceAfter}</p>}
              <div className="ck-run-cost__footer">
                {/* First, so the dialog opens on the choice that charges nothing. */}
                <Dialog.Close className="ck-run-cost__button">{text.cancel}</Dialog.Close>
                <button type="button" className="ck-run-cost__button" data-variant="primary" onClick={confirm}>
                  {text.confirmRun}
                </button>
              </div>
            </Dialog.Content>
          </div>
        </Dialog.Portal>
      </Dialog.Root>
    </div>
  );
}
