import {
  CreditCostBadge,
  CreditProvider,
  type CreditStore,
  createCreditStore,
  defaultCreditMessages,
  useBalance,
  useCreditFormat,
  useCreditMessages,
  useCreditRole,
  useCreditStore,
} from '@creditkit/react';
import { createCreditClient } from '@creditkit/sdk';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { refusedClient } from '../../test/support/clients';
import { renderWithCredits } from '../../test/support/render-with-credits';
import { createTestWorkspace } from '../../test/support/test-workspace';
import { de } from '../locales/de';
import { fr } from '../locales/fr';

// A client that is never asked anything in these tests: nothing here observes a query.
const idleClient = createCreditClient({ baseUrl: 'http://127.0.0.1:9', token: () => 'unused' });

function Strings() {
  const messages = useCreditMessages();
  const format = useCreditFormat();
  const role = useCreditRole();
  return (
    <>
      <p>{messages.costBadge.cost(format.formatCredits(1234.5), 1234.5)}</p>
      <p>{messages.common.credits(format.formatCredits(1), 1)}</p>
      <p>{messages.spendLimit.save}</p>
      <p>{messages.spendLimit.cancel}</p>
      <p>role {role ?? 'unknown'}</p>
      <p>locale {format.locale}</p>
    </>
  );
}

function Orphan() {
  useBalance();
  return null;
}

/** The balance, and the store the provider gave. */
function Spendable({ onStore }: { onStore: (store: CreditStore) => void }) {
  const balance = useBalance();
  onStore(useCreditStore());
  return <p>{balance.status === 'success' ? `spendable ${balance.data.spendable}` : balance.status}</p>;
}

describe('CreditProvider', () => {
  it('writes amounts in its locale and lays the overrides over the default strings', () => {
    renderWithCredits(<Strings />, {
      client: idleClient,
      locale: 'de-DE',
      role: 'admin',
      overrides: { spendLimit: { save: 'Limit speichern' } },
    });
    expect(screen.getByText('1.234,5 credits')).toBeInTheDocument();
    expect(screen.getByText('1 credit')).toBeInTheDocument();
    expect(screen.getByText('Limit speichern')).toBeInTheDocument();
    expect(screen.getByText(defaultCreditMessages.spendLimit.cancel)).toBeInTheDocument();
    expect(screen.getByText('role admin')).toBeInTheDocument();
  });

  it('speaks the language of its messages, with the overrides laid over them, and writes numbers in its locale', () => {
    renderWithCredits(<Strings />, {
      client: idleClient,
      locale: 'de-CH',
      messages: de,
      overrides: { spendLimit: { save: 'Speichern' } },
    });
    expect(screen.getByText(`${new Intl.NumberFormat('de-CH').format(1234.5)} Credits`)).toBeInTheDocument();
    expect(screen.getByText('1 Credit')).toBeInTheDocument();
    expect(screen.getByText('Speichern')).toBeInTheDocument();
    expect(screen.getByText(de.spendLimit.cancel)).toBeInTheDocument();
  });

  it('gives each widget the pack’s words for its own groups, and the overrides over them', async () => {
    const { client } = refusedClient();
    renderWithCredits(<CreditCostBadge actionId="find-work-email" />, { client, locale: 'fr-FR', messages: fr });
    expect(await screen.findByText(fr.common.loadFailed)).toBeInTheDocument();
    renderWithCredits(<CreditCostBadge actionId="find-work-email" />, {
      client,
      messages: fr,
      overrides: { common: { loadFailed: 'Prix indisponible.' } },
    });
    expect(await screen.findByText('Prix indisponible.')).toBeInTheDocument();
    expect(screen.queryByText(defaultCreditMessages.common.loadFailed)).toBeNull();
  });

  it('defaults to the browser’s language and an unknown role', () => {
    renderWithCredits(<Strings />, { client: idleClient });
    expect(screen.getByText(`locale ${navigator.language}`)).toBeInTheDocument();
    expect(screen.getByText('role unknown')).toBeInTheDocument();
  });

  it('says so when a hook is used outside it', () => {
    // React reports the render error on the console as well; the throw is what matters.
    const quiet = console.error;
    console.error = () => {};
    try {
      expect(() => render(<Orphan />)).toThrow(/inside <CreditProvider/);
    } finally {
      console.error = quiet;
    }
  });

  it('uses a store it is given, so two providers share one cache and one request', async () => {
    const { client, requests } = await (await createTestWorkspace()).connect();
    const store = createCreditStore(client);
    const seen = new Set<CreditStore>();
    const remember = (given: CreditStore) => seen.add(given);
    render(
      <>
        <CreditProvider client={client} store={store}>
          <Spendable onStore={remember} />
        </CreditProvider>
        <CreditProvider client={client} store={store}>
          <Spendable onStore={remember} />
        </CreditProvider>
      </>,
    );
    expect(await screen.findAllByText('spendable 2000')).toHaveLength(2);
    expect([...seen]).toEqual([store]);
    expect(requests.filter((request) => request === '/v1/balance')).toHaveLength(1);
  });
});
