import { InsufficientCreditsError, type LimitDetails, SpendLimitReachedError } from '@creditkit/sdk';
import { type ReactNode, useState } from 'react';
import { useCreditFormat } from '../../hooks/use-credit-format';
import { useCreditMessages } from '../../hooks/use-credit-messages';
import { useCreditRole } from '../../hooks/use-credit-role';
import { useLimitReached } from '../../hooks/use-limit-reached';
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
 * Says which limit blocked a charge (the workspace balance, a workbook's or an enrichment's limit, a run
 * budget) with its limit, spend and what remains, as an alert. Admins get the way out: a
 * `SpendLimitDialog` to raise a workbook or enrichment limit, or `onBuyCredits`; members are told to ask
 * an admin (R20). A run's budget is fixed when the run starts, so it offers nothing to raise.
 * Renders an empty live region while nothing is blocked, so the notice is announced when it appears.
 */
export function LimitReachedNotice({ error, onBuyCredits, theme, className }: LimitReachedNoticeProps): ReactNode {
  const { limitReached: text, balance } = useCreditMessages();
  const { formatCredits } = useCreditFormat();
  const isAdmin = useCreditRole() === 'admin';
  const latestReached = useLimitReached();
  const current = refusalOf(error) ?? latestReached;
  // Raising the limit clears it; the notice, and the dialog in it, stay until the admin closes the dialog.
  const [raising, setRaising] = useState(false);
  const [shown, setShown] = useState(current);
  if (shown !== current && (current || !raising)) setShown(current);

  const scope = shown?.scope;
  const raisable = scope === 'workbook' || scope === 'enrichment';
  const titles: Record<string, string> = {
    workspace: text.workspace,
    workbook: text.workbook,
    enrichment: text.enrichment,
    run: text.run,
  };
  const hint = raisable ? text.askAdminToRaise : scope === 'workspace' ? text.askAdminToBuy : undefined;
  return (
    <div
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
                : text.details(formatCredits(shown.limit), formatCredits(shown.spent), formatCredits(shown.remaining))}
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
          theme={theme}
        >
          <button type="button" className="ck-limit-reached__action">
            {text.raiseLimit}
          </button>
        </SpendLimitDialog>
      )}
      {isAdmin && scope === 'workspace' && onBuyCredits && (
        <button type="button" className="ck-limit-reached__action" onClick={onBuyCredits}>
          {text.buyCredits}
        </button>
      )}
    </div>
  );
}
