import { useAlertTriggered } from '../../hooks/use-alert-triggered';
import { useCreditFormat } from '../../hooks/use-credit-format';
import { useMessageGroup } from '../../hooks/use-message-group';
import { englishAlertNotice } from '../../messages/english/alert-notice';
import { englishAlerts } from '../../messages/english/alerts';
import { englishCommon } from '../../messages/english/common';
import { describeAlert } from '../credit-alert-settings/describe-alert';

/** The props of `<CreditAlertNotice>`. */
export interface CreditAlertNoticeProps {
  /** Opt-in dark theme, set as `data-theme` on the widget's `.ck-root`. */
  theme?: 'light' | 'dark';
  /** More classes for the root, next to `ck-root`. */
  className?: string;
}

/**
 * The sibling of `LimitReachedNotice` for alerts (R25): the latest `alert.triggered` of the workspace, what crossed
 * and its numbers now, until dismissed. An alert warns ahead of a limit rather than saying something was refused,
 * so it is announced politely (a status region, present while empty so the message is announced when it lands).
 */
export function CreditAlertNotice({ theme, className }: CreditAlertNoticeProps) {
  const { triggered, dismiss } = useAlertTriggered();
  const alerts = useMessageGroup('alerts', englishAlerts);
  const text = useMessageGroup('alertNotice', englishAlertNotice);
  const common = useMessageGroup('common', englishCommon);
  const format = useCreditFormat();
  const credits = (amount: number) => common.credits(format.formatCredits(amount), amount);
  const now = triggered?.balance
    ? text.balanceNow(credits(triggered.balance.spendable))
    : triggered?.spend && triggered.spend.limit !== null
      ? text.spendNow(credits(triggered.spend.spent), credits(triggered.spend.limit))
      : undefined;
  return (
    <div
      className={`ck-root ck-alert-notice ${className ?? ''}`.trim()}
      data-theme={theme}
      data-state={triggered ? 'triggered' : 'idle'}
      data-scope={triggered?.alert.scope}
    >
      <div role="status" className="ck-alert-notice__message">
        {triggered && (
          <>
            <p className="ck-alert-notice__title">
              {text.title}: {describeAlert(triggered.alert, alerts, format)}
            </p>
            {now && <p className="ck-alert-notice__details">{now}</p>}
          </>
        )}
      </div>
      {triggered && (
        <button type="button" className="ck-alert-notice__button" onClick={dismiss}>
          {text.dismiss}
        </button>
      )}
    </div>
  );
}
