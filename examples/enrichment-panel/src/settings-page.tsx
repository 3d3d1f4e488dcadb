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
import { BuyCredits } from './buy-credits';
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
    <section aria-labelledby="keys-title" className="card">
      <h2 id="keys-title">Own API keys</h2>
      <p>With your own key for a provider, its actions cost 0 credits.</p>
      <ul className="list">
        {(integrations.data ?? []).map((integration) => (
          <li key={integration.provider}>
            <span>
              {integration.name}{' '}
              <span className="muted">
                · {integration.ownKey ? `own key ····${integration.keyLast4}` : 'provided key, charged in credits'}
              </span>
            </span>
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

export function SettingsPage() {
  return (
    <section aria-labelledby="settings-title" className="page">
      <h1 id="settings-title">Settings</h1>
      <CreditAlertSettings />
      <AutoTopUpSettings />
      <WebhooksSection />
      <OwnKeys />
      <BuyCredits />
    </section>
  );
}
