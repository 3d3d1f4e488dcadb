import { useCreditClient, useCreditFormat, useCreditRole } from '@creditkit/react';
import type { WebhookDelivery } from '@creditkit/sdk';
import { useCallback, useEffect, useState } from 'react';
import type { WebhookReceiverState } from '../shared/webhooks';

/** How often the page asks again while it is open: deliveries arrive from the API in the background. */
const REFRESH_MS = 2_000;

async function readReceiver(path = '/webhooks', init?: RequestInit): Promise<WebhookReceiverState> {
  const response = await fetch(path, init);
  if (!response.ok) throw new Error(`The host server answered ${response.status}.`);
  return (await response.json()) as WebhookReceiverState;
}

/**
 * The host's side of webhooks (R26): the endpoint this demo's server registered, the events it received and
 * verified (once each, however often delivered), and, for admins, the Credit API's delivery log with a redeliver.
 */
export function WebhooksSection() {
  const client = useCreditClient();
  const isAdmin = useCreditRole() === 'admin';
  const { formatDate } = useCreditFormat();
  const [receiver, setReceiver] = useState<WebhookReceiverState | null>(null);
  const [deliveries, setDeliveries] = useState<readonly WebhookDelivery[] | null>(null);
  const [message, setMessage] = useState('');
  const endpointId = receiver?.endpoint?.id;

  const refresh = useCallback(async () => {
    try {
      const next = await readReceiver();
      setReceiver(next);
      if (isAdmin && next.endpoint) {
        setDeliveries((await client.webhookEndpoints.listDeliveries(next.endpoint.id, { limit: 10 })).data);
      }
    } catch (error) {
      setMessage(error instanceof Error ? error.message : String(error));
    }
  }, [client, isAdmin]);

  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [refresh]);

  const setFailing = async (failing: boolean) => {
    // The box follows the click at once; the host's answer confirms it.
    setReceiver((current) => current && { ...current, failing });
    try {
      const init = {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ failing }),
      };
      setReceiver(await readReceiver('/webhooks/failing', init));
      setMessage(
        failing
          ? 'The receiver now answers 503: the Credit API retries with back-off.'
          : 'The receiver accepts deliveries again.',
      );
    } catch (error) {
      setMessage(error instanceof Error ? error.message : String(error));
    }
  };

  const redeliver = async (delivery: WebhookDelivery) => {
    if (!endpointId) return;
    try {
      await client.webhookEndpoints.redeliver(endpointId, delivery.id);
      setMessage(`Sent ${delivery.eventType} again with the same webhook-id.`);
    } catch (error) {
      setMessage(error instanceof Error ? error.message : String(error));
    }
    await refresh();
  };

  return (
    <section aria-labelledby="webhooks-title" className="card">
      <h2 id="webhooks-title">Webhooks</h2>
      {!receiver ? (
        <p>Loading…</p>
      ) : !receiver.endpoint ? (
        <p>No webhook endpoint: {receiver.problem}</p>
      ) : (
        <>
          <p>
            This demo's server receives the workspace's events at <code>{receiver.endpoint.url}</code>, checks each
            signature with <code>verifyWebhook</code> and processes each <code>webhook-id</code> once.
          </p>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={receiver.failing}
              onChange={(event) => void setFailing(event.target.checked)}
            />
            Simulate an outage: the receiver answers 503
          </label>
          <h3 id="received-title">Received by this demo's server</h3>
          {receiver.received.length === 0 ? (
            <p>Nothing yet. Alerts, top-ups, limits, refunds and grants arrive here.</p>
          ) : (
            <div className="table-scroll">
              <table aria-labelledby="received-title">
                <thead>
                  <tr>
                    <th scope="col">Received</th>
                    <th scope="col">Event</th>
                    <th scope="col">What it means</th>
                    <th scope="col">Deliveries</th>
                  </tr>
                </thead>
                <tbody>
                  {receiver.received.map((entry) => (
                    <tr key={entry.webhookId}>
                      <td>{formatDate(entry.receivedAt, { timeStyle: 'medium' })}</td>
                      <td>{entry.eventType}</td>
                      <td>{entry.summary}</td>
                      <td>{entry.deliveries === 1 ? '1' : `${entry.deliveries} (processed once)`}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <h3 id="delivery-log-title">Delivery log of the Credit API</h3>
          {!isAdmin ? (
            <p>Only workspace admins see the delivery log.</p>
          ) : !deliveries || deliveries.length === 0 ? (
            <p>No deliveries yet.</p>
          ) : (
            <div className="table-scroll">
              <table aria-labelledby="delivery-log-title">
                <thead>
                  <tr>
                    <th scope="col">Event</th>
                    <th scope="col">Status</th>
                    <th scope="col">Attempts</th>
                    <th scope="col">Last answer</th>
                    <th scope="col">
                      <span className="visually-hidden">Action</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {deliveries.map((delivery) => (
                    <tr key={delivery.id}>
                      <td>{delivery.eventType}</td>
                      <td>
                        {delivery.status}
                        {delivery.nextAttemptAt &&
                          ` · next try ${formatDate(delivery.nextAttemptAt, { timeStyle: 'medium' })}`}
                      </td>
                      <td>{delivery.attempts}</td>
                      <td>{delivery.lastStatusCode ?? delivery.lastError ?? '—'}</td>
                      <td>
                        <button
                          type="button"
                          onClick={() => void redeliver(delivery)}
                          aria-label={`Redeliver ${delivery.eventType} ${delivery.id}`}
                        >
                          Redeliver
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
      <p role="status">{message}</p>
    </section>
  );
}
