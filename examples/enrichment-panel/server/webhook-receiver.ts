import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CreditClient } from '@creditkit/sdk';
import { CreditError } from '@creditkit/sdk';
import { verifyWebhook, type WebhookEvent, WebhookVerificationError } from '@creditkit/sdk/webhooks';
import type { ReceivedWebhook, WebhookReceiverState } from '../shared/webhooks';

/**
 * What a host's backend listens for. `balance.updated` is left out: it follows every charge, and the browser
 * already hears it live; a backend acts on these.
 */
const eventTypes = [
  'alert.triggered',
  'topup.completed',
  'topup.capped',
  'limit.reached',
  'limit.cleared',
  'charge.refunded',
  'grant.created',
  'grant.expired',
  'renewal.completed',
];

/** The most deliveries kept to show; older ones are dropped (a real host would store them). */
const KEPT = 50;

interface EndpointFile {
  endpointId: string;
  url: string;
  secret: string;
}

const credits = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });

/** One line a person reads about an event, as a host's backend might log it. */
function summarise(event: WebhookEvent): string {
  switch (event.type) {
    case 'alert.triggered': {
      const { alert, balance, spend } = event.data;
      if (balance) {
        const threshold =
          alert.unit === 'percent'
            ? `${alert.threshold}% of the allowance`
            : `${credits.format(alert.threshold)} credits`;
        return `Balance at or below ${threshold}: ${credits.format(balance.spendable)} left, warn the team`;
      }
      return `${alert.scope} ${alert.scopeId}: ${credits.format(spend?.spent ?? 0)} of ${credits.format(spend?.limit ?? 0)} credits spent`;
    }
    case 'topup.completed':
      return `Topped up ${credits.format(event.data.topUp.credits)} credits: bill them (balance ${credits.format(event.data.spendableBefore)} → ${credits.format(event.data.spendable)})`;
    case 'topup.capped':
      return `No top-up of ${credits.format(event.data.credits)} credits: ${event.data.reason.replaceAll('_', ' ')}`;
    case 'limit.reached':
    case 'limit.cleared':
      return `The ${event.data.scope} limit of ${credits.format(event.data.limit)} credits ${event.type === 'limit.reached' ? 'was reached' : 'leaves room again'}`;
    case 'charge.refunded':
      return `Refunded ${credits.format(event.data.credits)} credits of ${event.data.actionId}`;
    case 'grant.created':
      return `Granted ${credits.format(event.data.credits)} credits (${event.data.reason ?? event.data.source})`;
    case 'grant.expired':
      return `${credits.format(event.data.expired)} granted credits expired`;
    case 'renewal.completed':
      return `Renewed: spendable ${credits.format(event.data.spendable)}`;
    case 'balance.updated':
      return `Balance: spendable ${credits.format(event.data.spendable)}`;
    case 'unknown':
      return `An event type this SDK does not know: ${event.sentType}`;
  }
}

/**
 * The demo host's webhook endpoint: registered once with the secret key (its signing secret kept in the data
 * folder beside the workspace key), then every delivery is verified with `verifyWebhook` and processed once per
 * `webhook-id`, however many times the Credit API sends it (deliveries are at least once). `failing` makes the
 * receiver answer 503, to watch the API retry with back-off.
 */
export class WebhookReceiver {
  private endpoint: EndpointFile | undefined;
  private problem: string | null = null;
  private failing = false;
  private readonly received: ReceivedWebhook[] = [];
  private readonly byWebhookId = new Map<string, ReceivedWebhook>();

  constructor(
    private readonly client: CreditClient,
    private readonly dataDir: string,
  ) {}

  /** Registers `url` as the workspace's endpoint, or takes the one registered on an earlier start. */
  async connect(url: string): Promise<void> {
    const file = join(this.dataDir, 'enrichment-panel-webhook.json');
    const kept = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as EndpointFile) : undefined;
    try {
      if (kept?.url === url) {
        const still = await this.client.webhookEndpoints.retrieve(kept.endpointId).catch(() => undefined);
        if (still) {
          this.endpoint = kept;
          return;
        }
      }
      if (kept) await this.client.webhookEndpoints.delete(kept.endpointId).catch(() => undefined);
      const created = await this.client.webhookEndpoints.create({ url, eventTypes });
      this.endpoint = { endpointId: created.id, url: created.url, secret: created.secret };
      writeFileSync(file, `${JSON.stringify(this.endpoint, null, 2)}\n`, { mode: 0o600 });
    } catch (error) {
      // e.g. an API outside --dev refuses a loopback URL: the demo runs on without webhooks and says why.
      this.problem = error instanceof CreditError ? error.message : String(error);
      console.error(`webhooks: no endpoint registered: ${this.problem}`);
    }
  }

  /** Answers one delivery: 204 once verified (new or a repeat), 400 when it does not verify, 503 while failing. */
  async receive(body: Uint8Array, headers: Headers): Promise<number> {
    if (!this.endpoint) return 404;
    if (this.failing) return 503;
    let event: WebhookEvent;
    try {
      event = await verifyWebhook(body, headers, this.endpoint.secret);
    } catch (error) {
      if (error instanceof WebhookVerificationError) return 400;
      throw error;
    }
    const webhookId = headers.get('webhook-id') as string;
    const repeat = this.byWebhookId.get(webhookId);
    if (repeat) {
      repeat.deliveries += 1;
      return 204;
    }
    const entry: ReceivedWebhook = {
      webhookId,
      eventType: event.type === 'unknown' ? event.sentType : event.type,
      summary: summarise(event),
      receivedAt: new Date().toISOString(),
      deliveries: 1,
    };
    this.byWebhookId.set(webhookId, entry);
    this.received.unshift(entry);
    for (const dropped of this.received.splice(KEPT)) this.byWebhookId.delete(dropped.webhookId);
    return 204;
  }

  setFailing(failing: boolean): void {
    this.failing = failing;
  }

  state(): WebhookReceiverState {
    return {
      endpoint: this.endpoint ? { id: this.endpoint.endpointId, url: this.endpoint.url, eventTypes } : null,
      problem: this.problem,
      failing: this.failing,
      received: this.received,
    };
  }
}
