import { CreditError } from '../core/errors/credit-error';
import { RateLimitError } from '../core/errors/rate-limit-error';
import { ResponseValidationError } from '../core/errors/response-validation-error';
import type { Transport } from '../internal/http';
import { backoff, defaultRetryPolicy } from '../internal/retry';
import { readServerSentEvents } from '../internal/sse';
import { toIssues } from '../internal/validate';
import { type CreditEvent, creditEvent, creditEventEnvelope, creditEventTypes } from '../schemas/events';

/** Callbacks of an `events.subscribe` subscription, besides the event handler. */
export interface SubscribeOptions {
  /** Told of every failure; the subscription goes on reconnecting unless the error is final (401, 403, 404). */
  onError?: (error: unknown) => void;
  /** Called each time the stream is (re)connected. */
  onOpen?: () => void;
}

/** Statuses after which reconnecting cannot help. */
const finalStatuses = new Set([400, 401, 403, 404]);

function parseEvent(data: string): CreditEvent | undefined | Error {
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    json = undefined;
  }
  const envelope = creditEventEnvelope.safeParse(json);
  if (!envelope.success) {
    return new ResponseValidationError('An event does not match the contract.', {
      code: 'response_validation_failed',
      details: { issues: toIssues(envelope.error) },
    });
  }
  // A type a later server added: skipped, so an older client keeps working.
  if (!(creditEventTypes as readonly string[]).includes(envelope.data.type)) return undefined;
  const event = creditEvent.safeParse(json);
  if (!event.success) {
    return new ResponseValidationError(`A ${envelope.data.type} event does not match the contract.`, {
      code: 'response_validation_failed',
      details: { issues: toIssues(event.error) },
    });
  }
  return event.data;
}

/** Live workspace events over server-sent events (`GET /v1/events`). */
export class EventsResource {
  constructor(private readonly transport: Transport) {}

  /**
   * Calls `handler` for each event until the returned function is called. Reads the stream with
   * fetch so the Authorization header is sent, and reconnects with jittered back-off and
   * `Last-Event-ID`, so no event is missed across a dropped connection.
   */
  subscribe(handler: (event: CreditEvent) => void, options: SubscribeOptions = {}): () => void {
    const controller = new AbortController();
    const { signal } = controller;
    let lastEventId: string | undefined;
    let serverRetry: number | undefined;

    const wait = (ms: number) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, ms);
        signal.addEventListener(
          'abort',
          () => {
            clearTimeout(timer);
            resolve();
          },
          { once: true },
        );
      });

    // A throwing handler is the host's bug, not a reason to drop the connection.
    const deliver = (event: CreditEvent) => {
      try {
        handler(event);
      } catch (error) {
        options.onError?.(error);
      }
    };

    const run = async () => {
      for (let failures = 0; !signal.aborted; ) {
        let retryAfter: number | undefined;
        try {
          const headers: Record<string, string> = lastEventId === undefined ? {} : { 'last-event-id': lastEventId };
          const response = await this.transport.stream(
            { method: 'GET', path: '/v1/events', options: { signal } },
            headers,
          );
          options.onOpen?.();
          failures = 0;
          for await (const message of readServerSentEvents(response.body ?? new ReadableStream())) {
            if (message.id !== undefined) lastEventId = message.id;
            if (message.retry !== undefined) serverRetry = message.retry;
            const event = parseEvent(message.data);
            if (event instanceof Error) options.onError?.(event);
            else if (event) deliver(event);
          }
        } catch (error) {
          if (signal.aborted) return;
          options.onError?.(error);
          if (error instanceof CreditError && error.status !== undefined && finalStatuses.has(error.status)) return;
          if (error instanceof RateLimitError && error.retryAfter !== undefined) retryAfter = error.retryAfter * 1000;
        }
        failures += 1;
        const delay = Math.min(backoff(defaultRetryPolicy, failures), defaultRetryPolicy.maxDelay);
        await wait(retryAfter ?? Math.max(serverRetry ?? 0, Math.random() * delay));
      }
    };
    void run();
    return () => controller.abort();
  }
}
