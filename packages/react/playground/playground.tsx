import type { Charge } from '@creditkit/sdk';
import { type ReactNode, useEffect, useState } from 'react';
import {
  CreditBalance,
  CreditCostBadge,
  CreditProvider,
  type CreditRole,
  CreditUsage,
  LimitReachedNotice,
  RenewalPreview,
  SpendLimitDialog,
  useCreditClient,
  useCreditStore,
} from '../src/index';
import {
  openPlaygroundSession,
  type PlaygroundSession,
  playgroundWorkbook,
  startingWorkbookLimit,
} from './playground-session';

/** The playground's user administers the workspace: every action is open to them (R20). */
const userRole: CreditRole = 'admin';

/** The page: starts the in-page API, then the widgets on it. */
export function Playground(): ReactNode {
  const [session, setSession] = useState<PlaygroundSession | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  useEffect(() => {
    openPlaygroundSession().then(setSession, setFailure);
  }, []);
  return (
    <main>
      <h1>creditkit playground</h1>
      <p>
        The creditkit widgets on the reference Credit API, running in this page: its app and its database (PGlite) load
        here, so there is no server to start and no key to get. Charge, run into the workbook’s {startingWorkbookLimit}
        -credit limit, raise it, refund, renew. Nothing is kept when the page closes.
      </p>
      {session ? (
        <CreditProvider client={session.client} role={userRole} locale="en-US">
          <Workbench session={session} />
        </CreditProvider>
      ) : failure ? (
        <p role="alert">The Credit API could not start in this page: {String(failure)}</p>
      ) : (
        <p role="status">Starting the Credit API in this page…</p>
      )}
      <p>
        Every widget in every state is in the kit’s Storybook (<code>pnpm storybook</code>), on this same in-page API.
      </p>
    </main>
  );
}

/** What the user does, each through the SDK as a host app would, and what the widgets then show. */
function Workbench({ session }: { session: PlaygroundSession }): ReactNode {
  const client = useCreditClient();
  const store = useCreditStore();
  const [refusal, setRefusal] = useState<unknown>(undefined);
  const [charged, setCharged] = useState<Charge[]>([]);
  const [log, setLog] = useState<{ id: number; line: string }[]>([]);
  const [busy, setBusy] = useState(false);

  const act = async (what: () => Promise<string>) => {
    setBusy(true);
    try {
      const line = await what();
      setLog((lines) => [{ id: lines.length + 1, line }, ...lines]);
    } finally {
      // Everything the widgets show is asked for again (the event stream would bring most of it too).
      store.invalidate(() => true);
      setBusy(false);
    }
  };

  const chargeMobileNumber = () =>
    act(async () => {
      const recordId = `rec_${charged.length + 1}`;
      try {
        const charge = await client.charges.create({
          actionId: 'find-mobile-phone',
          workbookId: playgroundWorkbook,
          recordId,
          field: 'mobile_phone',
        });
        setRefusal(null);
        setCharged((charges) => [...charges, charge]);
        return `Charged ${charge.credits} credits for ${recordId}.`;
      } catch (error) {
        setRefusal(error);
        return `Refused: ${error instanceof Error ? error.message : String(error)}`;
      }
    });

  const refundLast = () =>
    act(async () => {
      const last = charged.at(-1);
      if (!last) return 'Nothing to refund.';
      const refunded = await client.charges.refund(last.id, { reason: 'provider returned no data' });
      setCharged((charges) => charges.slice(0, -1));
      return `Refunded ${refunded.credits} credits of ${refunded.recordId}.`;
    });

  const renew = () =>
    act(async () => {
      await session.renew();
      setRefusal(null);
      return 'The clock moved to the end of the period, and the workspace renewed.';
    });

  return (
    <>
      <section className="playground-panel" aria-labelledby="balance-heading">
        <h2 id="balance-heading">Balance</h2>
        <CreditBalance />
      </section>
      <section className="playground-panel" aria-labelledby="workbook-heading">
        <h2 id="workbook-heading">Workbook “{playgroundWorkbook}”</h2>
        <div className="playground-actions">
          <CreditCostBadge actionId="find-mobile-phone" />
          <button type="button" onClick={chargeMobileNumber} disabled={busy}>
            Charge a mobile number
          </button>
          <button type="button" onClick={refundLast} disabled={busy || charged.length === 0}>
            Refund the last charge
          </button>
          <SpendLimitDialog workbookId={playgroundWorkbook}>
            <button type="button">Workbook limit</button>
          </SpendLimitDialog>
          <button type="button" onClick={renew} disabled={busy}>
            Renew: move to the end of the period
          </button>
        </div>
        <LimitReachedNotice error={refusal} />
        <h3>What happened</h3>
        <ol aria-live="polite">
          {log.map(({ id, line }) => (
            <li key={id}>{line}</li>
          ))}
        </ol>
      </section>
      <section className="playground-panel" aria-labelledby="renewal-heading">
        <h2 id="renewal-heading">Next renewal</h2>
        <RenewalPreview />
      </section>
      <section className="playground-panel" aria-labelledby="usage-heading">
        <h2 id="usage-heading">Usage</h2>
        <CreditUsage />
      </section>
    </>
  );
}
