import { InsufficientCreditsError, type LimitDetails, SpendLimitReachedError } from '@creditkit/sdk';
import { type ReactNode, useRef, useState } from 'react';
import { useCreditFormat } from '../../hooks/use-credit-format';
import { useCreditRole } from '../../hooks/use-credit-role';
import { useLimitReached } from '../../hooks/use-limit-reached';
import { useLiveRefusal } from '../../hooks/use-live-refusal';
import { useMessageGroup } from '../../hooks/use-message-group';
import { englishBalance } from '../../messages/english/balance';
import { englishCommon } from '../../messages/english/common';
import { englishLimitReached } from '../../messages/english/limit-reached';
import { SpendLimitDialog } from '../spend-limit-dialog/spend-limit-dialog';

/** The props of `<LimitReachedNotice>`: a caught refusal, or nothing to follow the workspace's latest one. */
export interface LimitReachedNoticeProps {
  /**
   * A refusal caught from `client.charges.create`: a `SpendLimitReachedError` (a workbook or enrichment
   * limit, a run budget) or an `InsufficientCreditsError` (the workspace balance). Any other value shows
   * nothing, so a caught error can be passed as it is. Without one, the notice shows the latest
   * `limit.reached` event of the workspace until that limit is raised or turned off.
   */
  error?: unknown;
  /** Offered to admins when the workspace balance blocked the charge (R14, R17): a "Buy credits" button. */
  onBuyCredits?: () => void;
  /**
   * Offered to anyone who can run (R20) when an AI run spent its budget (R9): a "Continue with a bigger
   * budget" button. A run's budget is fixed when it opens, so the host opens a new run with a bigger budget
   * for the rows not yet done.
   */
  onContinueRun?: () => void;
  /** Opt-in dark theme, set as `data-theme` on the widget's `.ck-root` and on its dialog. */
  theme?: 'light' | 'dark';
  /** More classes for the root, next to `ck-root`. */
  className?: string;
}

/** The limit a refusal names: the error's own object, so the same error compares equal across renders. */
function refusalOf(error: unknown): LimitDetails | null {
  if (!SpendLimitReachedError.is(error) && !InsufficientCreditsError.is(error)) return null;
  return (error.details as LimitDetails | undefined) ?? null;
}

/**
 * Says which limit blocked a charge (the workspace balance, a workbook's or an enrichment's limit) with its
 * limit, spend and what remains, as an alert. Admins get the way out: a `SpendLimitDialog` to raise a
 * workbook or enrichment limit, or `onBuyCredits`; members are told to ask an admin (R20). A workbook or
 * enrichment limit is followed: the notice shows its numbers as they change and clears once the limit is
 * raised with room left or turned off, saved from its own dialog or elsewhere (`limit.cleared`), even while
 * the host still holds the error. A run that spent its budget (R9) is said as a budget, not a limit: it is
 * fixed when the run opens, so the way on is a new run with a bigger one (`onContinueRun`).
 * Renders an empty live region while nothing is blocked, so the notice is announced when it appears.
 *
 * `data-state`: `reached` · `idle`; `data-scope`: `workspace` · `workbook` · `enrichment` · `run`.
 */
export function LimitReachedNotice({
  error,
  onBuyCredits,
  onContinueRun,
  theme,
  className,
}: LimitReachedNoticeProps): ReactNode {
  const text = useMessageGroup('limitReached', englishLimitReached);
  const balance = useMessageGroup('balance', englishBalance);
  const common = useMessageGroup('common', englishCommon);
  const { formatCredits } = useCreditFormat();
  const isAdmin = useCreditRole() === 'admin';
  const latestReached = useLimitReached();
  const current = useLiveRefusal(refusalOf(error) ?? latestReached);
  // Raising the limit clears it; the notice, and the dialog in it, stay until the admin closes the dialog.
  const [raising, setRaising] = useState(false);
  const [shown, setShown] = useState(current);
  if (shown !== current && (current || !raising)) setShown(current);
  const root = useRef<HTMLDivElement>(null);
  const blocked = current !== null;

  const scope = shown?.scope;
  const raisable = scope === 'workbook' || scope === 'enrichment';
  const credits = (amount: number) => common.credits(formatCredits(amount), amount);
  const titles: Record<string, string> = {
    workspace: text.workspace,
    workbook: text.workbook,
    enrichment: text.enrichment,
    run: shown ? text.runBudget(formatCredits(shown.limit), shown.limit) : '',
  };
  const hint = raisable ? text.askAdminToRaise : scope === 'workspace' ? text.askAdminToBuy : undefined;
  return (
    <div
      ref={root}
      // Focus lands here when a raise clears the notice, and the button that opened the dialog with it.
      tabIndex={-1}
      className={`ck-root ck-limit-reached ${className ?? ''}`.trim()}
      data-theme={theme}
      data-state={shown ? 'reached' : 'idle'}
      data-scope={scope}
    >
      <div role="alert" className="ck-limit-reached__message">
        {shown && (
          <>
            <p className="ck-limit-reached__title">{scope && titles[scope]}</p>
            <p className="ck-limit-reached__details">
              {scope === 'workspace'
                ? balance.spendable(formatCredits(shown.remaining), shown.remaining)
                : scope === 'run'
                  ? text.runBudgetDetails(credits(shown.spent), credits(shown.remaining))
                  : text.details(
                      formatCredits(shown.limit),
                      formatCredits(shown.spent),
                      formatCredits(shown.remaining),
                    )}
            </p>
            {!isAdmin && hint && <p className="ck-limit-reached__hint">{hint}</p>}
          </>
        )}
      </div>
      {isAdmin && raisable && shown?.id && (
        <SpendLimitDialog
          {...(scope === 'workbook' ? { workbookId: shown.id } : { enrichmentId: shown.id })}
          open={raising}
          onOpenChange={setRaising}
          onCloseAutoFocus={(event) => {
            if (blocked) return;
            event.preventDefault();
            root.current?.focus();
          }}
          theme={theme}
        >
          <button type="button" className="ck-limit-reached__action">
            {text.raiseLimit}
          </button>
        </SpendLimitDialog>
      )}
      {scope === 'run' && onContinueRun && (
        <button type="button" className="ck-limit-reached__action" onClick={onContinueRun}>
          {text.continueRun}
        </button>
      )}
      {isAdmin && scope === 'workspace' && onBuyCredits && (
        <button type="button" className="ck-limit-reached__action" onClick={onBuyCredits}>
          {text.buyCredits}
        </button>
      )}
    </div>
  );
}
