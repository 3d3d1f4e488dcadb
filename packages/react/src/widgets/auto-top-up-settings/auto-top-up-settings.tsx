import type { AutoTopUpUpdateParams } from '@creditkit/sdk';
import { useId, useState } from 'react';
import { useAutoTopUp } from '../../hooks/use-auto-top-up';
import { useCreditFormat } from '../../hooks/use-credit-format';
import { useCreditRole } from '../../hooks/use-credit-role';
import { useMessageGroup } from '../../hooks/use-message-group';
import { englishAutoTopUp } from '../../messages/english/auto-top-up';
import { englishCommon } from '../../messages/english/common';
import { AutoTopUpForm } from './auto-top-up-form';

/** The props of `<AutoTopUpSettings>`. */
export interface AutoTopUpSettingsProps {
  /** Opt-in dark theme, set as `data-theme` on the widget's `.ck-root`. */
  theme?: 'light' | 'dark';
  /** More classes for the root, next to `ck-root`. */
  className?: string;
}

/**
 * The workspace's auto top-up (R27): what it adds below which balance, whether it is armed or waiting for the
 * balance to come back, and this month's top-ups against the cap. Admins change it in place; members read it (R20).
 * A save is announced politely.
 */
export function AutoTopUpSettings({ theme, className }: AutoTopUpSettingsProps) {
  const autoTopUp = useAutoTopUp();
  const text = useMessageGroup('autoTopUp', englishAutoTopUp);
  const common = useMessageGroup('common', englishCommon);
  const format = useCreditFormat();
  const isAdmin = useCreditRole() === 'admin';
  const [announcement, setAnnouncement] = useState('');
  const id = useId();
  const credits = (amount: number) => common.credits(format.formatCredits(amount), amount);
  const data = autoTopUp.data;

  const save = async (params: AutoTopUpUpdateParams) => {
    setAnnouncement('');
    const saved = await autoTopUp.update(params);
    if (saved) setAnnouncement(text.saved);
    return saved;
  };

  const state = autoTopUp.status === 'loading' ? 'loading' : !data ? 'error' : data.enabled ? 'on' : 'off';

  return (
    <section
      className={`ck-root ck-auto-top-up ${className ?? ''}`.trim()}
      data-theme={theme}
      data-state={state}
      aria-labelledby={`${id}h`}
    >
      <h2 id={`${id}h`} className="ck-auto-top-up__title">
        {text.title}
      </h2>
      <p className="ck-auto-top-up__hint">{text.description}</p>
      {!isAdmin && <p className="ck-auto-top-up__hint">{text.memberReadOnly}</p>}
      <p role="status" className="ck-auto-top-up__status">
        {state === 'loading' ? common.loading : announcement}
      </p>
      {state === 'error' && (
        <div role="alert" className="ck-auto-top-up__problem">
          <p>{common.loadFailed}</p>
          <button type="button" className="ck-auto-top-up__button" onClick={autoTopUp.refetch}>
            {common.retry}
          </button>
        </div>
      )}
      {data && (
        <div className="ck-auto-top-up__summary">
          {data.enabled && data.threshold !== null && data.credits !== null ? (
            <>
              <span>{text.summary(credits(data.credits), credits(data.threshold))}</span>
              <span className="ck-auto-top-up__badge" data-state={data.state}>
                {data.state === 'triggered' ? text.triggered : text.armed}
              </span>
            </>
          ) : (
            <span>{text.off}</span>
          )}
        </div>
      )}
      {data?.monthlyCap != null && (
        <p className="ck-auto-top-up__hint">{text.month(credits(data.month.toppedUp), credits(data.monthlyCap))}</p>
      )}
      {data && isAdmin && <AutoTopUpForm autoTopUp={data} onSave={save} updateState={autoTopUp.updateState} />}
    </section>
  );
}
