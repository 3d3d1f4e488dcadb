import {
  AutoTopUpSettings,
  CreditAlertSettings,
  creditQueryKeys,
  useCreditClient,
  useCreditRole,
  useCreditStore,
  useQuery,
} from '@creditkit/react';
import { type FormEvent, useId, useState } from 'react';
import { WebhooksSection } from './webhooks-section';

function OwnKeys() {
  const client = useCreditClient();
  const store = useCreditStore();
  const isAdmin = useCreditRole() === 'admin';
  const integrations = useQuery('demo:integrations', () => client.integrations.list().then((page) => page.data));
  const [provider, setProvider] = useState('phonebook');
  const [apiKey, setApiKey] = useState('');
  const [message, setMessage] = useState('');
  const providerId = useId();
  const keyId = useId();

  const save = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const saved = await client.integrations.setKey(provider, { apiKey });
      setApiKey('');
      setMessage(`Saved: ${saved.name} uses your key ending in ${saved.keyLast4}; its actions are free.`);
    } catch (error) {
      setMessage(error instanceof Error ? error.message : String(error));
    }
    // own keys change what actions cost
    store.invalidate(creditQueryKeys.actionCosts);
    integrations.refetch();
  };
  const remove = async (name: string) => {
    await client.integrations.deleteKey(name).catch((error: unknown) => setMessage(String(error)));
    store.invalidate(creditQueryKeys.actionCosts);
    integrations.refetch();
  };

  return (
    <section aria-labelledby="keys-title">
      <h2 id="keys-title">Own API keys</h2>
      <p>With your own key for a provider, its actions cost 0 credits.</p>
      <ul>
        {(integrations.data ?? []).map((integration) => (
          <li key={integration.provider}>
            {integration.name} ({integration.provider}):{' '}
            {integration.ownKey ? `own key ····${integration.keyLast4}` : 'provided key, charged in credits'}
            {integration.ownKey && isAdmin && (
              <button type="button" onClick={() => remove(integration.provider)}>
                Remove key
              </button>
            )}
          </li>
        ))}
      </ul>
      {isAdmin ? (
        <form onSubmit={save} className="inline-form">
          <label htmlFor={providerId}>Provider</label>
          <select id={providerId} value={provider} onChange={(event) => setProvider(event.target.value)}>
            {(integrations.data ?? []).map((integration) => (
              <option key={integration.provider} value={integration.provider}>
                {integration.name}
              </option>
            ))}
          </select>
          <label htmlFor={keyId}>API key</label>
          <input
            id={keyId}
            type="password"
            autoComplete="off"
            minLength={8}
            required
            value={apiKey}
            onChange={(event) => setApiKey(event.target.value)}
          />
          <button type="submit">Save key</button>
        </form>
      ) : (
        <p>Only workspace admins can set API keys.</p>
      )}
      <p role="status">{message}</p>
    </section>
  );
}

function BuyCredits() {
  const client = useCreditClient();
  const store = useCreditStore();
  const isAdmin = useCreditRole() === 'admin';
  const [amount, setAmount] = useState('1000');
  const [message, setMessage] = useState('');
  const amountId = useId();

  const buy = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const purchase = await client.purchases.create({ credits: Number(amount) });
      setMessage(`Bought ${purchase.credits} credits; they never expire.`);
    } catch (error) {
      setMessage(error instanceof Error ? error.message : String(error));
    }
    store.invalidate(creditQueryKeys.balance);
  };

  return (
    <section aria-labelledby="buy-title">
      <h2 id="buy-title">Purchase credits</h2>
      {isAdmin ? (
        <form onSubmit={buy} className="inline-form">
          <label htmlFor={amountId}>Credits</label>
          <input
            id={amountId}
            type="number"
            inputMode="numeric"
            min={1}
            step={1}
            required
            value={amount}
            onChange={(event) => setAmount(event.target.value)}
          />
          <button type="submit">Buy credits</button>
        </form>
      ) : (
        <p>Only workspace admins can buy credits.</p>
      )}
      <p role="status">{message}</p>
    </section>
  );
}

export function SettingsPage() {
  return (
    <section aria-labelledby="settings-title">
      <h1 id="settings-title">Settings</h1>
      <CreditAlertSettings />
      <AutoTopUpSettings />
      <WebhooksSection />
      <OwnKeys />
      <BuyCredits />
    </section>
  );
}
