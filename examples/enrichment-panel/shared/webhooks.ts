// What the host server tells the browser about the webhooks it receives from the Credit API. The browser
// shows it on the settings page; the signing secret never leaves the host server.

/** One event the host's webhook endpoint received and verified. */
export interface ReceivedWebhook {
  /** The delivery's `webhook-id`: the same on every retry, so processed once. */
  webhookId: string;
  eventType: string;
  /** What it means to the host, in one line. */
  summary: string;
  /** When it was first received. */
  receivedAt: string;
  /** How many times it arrived: more than 1 when the API retried a delivery the host had already processed. */
  deliveries: number;
}

export interface WebhookReceiverState {
  /** The endpoint registered for this host; null when the API refused it (see `problem`). */
  endpoint: { id: string; url: string; eventTypes: readonly string[] } | null;
  problem: string | null;
  /** True while the receiver answers 503, to watch the API retry. */
  failing: boolean;
  /** Newest first. */
  received: readonly ReceivedWebhook[];
}
