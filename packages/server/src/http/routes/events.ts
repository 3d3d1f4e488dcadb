import { eventId, eventStreamParams } from '@creditkit/sdk/schemas';
import type { Context, Hono } from 'hono';
import { type SSEStreamingApi, streamSSE } from 'hono/streaming';
import type { Queryable } from '../../store/database';
import { type EventEnvelope, type EventRow, eventEnvelope } from '../../store/event-envelope';
import type { AppEnv, EventStreamSettings, ServerOptions } from '../env';
import { ApiProblem } from '../problem';
import { parse, readQuery } from '../validate';

export const defaultEventStreamSettings: EventStreamSettings = {
  maxStreamsPerWorkspace: 20,
  pollIntervalMs: 250,
  keepAliveMs: 15_000,
};

/** Seconds a refused subscriber is asked to wait: long enough for a stream of a closed tab to be noticed. */
const retryAfterSeconds = 5;
/** Events per read; a replay of a long history goes out in batches, paced by how fast the client reads. */
const batchSize = 100;

/** Where a subscriber asking for no history starts: after the workspace's newest event. */
async function latestEventId(db: Queryable, workspaceId: string): Promise<string> {
  const [row] = await db.query<{ id: number | string }>(
    'SELECT COALESCE(MAX(id), 0)::bigint AS id FROM events WHERE workspace_id = $1',
    [workspaceId],
  );
  return String(row?.id ?? 0);
}

/**
 * A workspace's events after `afterId`, oldest first. The store writes each event in the transaction of the
 * change it reports, so an event is read only once its change is committed.
 */
async function readEventsAfter(db: Queryable, workspaceId: string, afterId: string): Promise<EventEnvelope[]> {
  const rows = await db.query<EventRow>(
    `SELECT id, type, data, created_at FROM events
      WHERE workspace_id = $1 AND id > $2::bigint
      ORDER BY id
      LIMIT $3`,
    [workspaceId, afterId, batchSize],
  );
  return rows.map(eventEnvelope);
}

/**
 * `Last-Event-ID` (what EventSource sends when it reconnects) or else `?lastEventId=` (for a first connection
 * that resumes where an earlier one left off): the id of an event, or undefined to start with the next change.
 */
function resumePoint(context: Context<AppEnv>): string | undefined {
  const { lastEventId } = parse(eventStreamParams, readQuery(context), 'event stream parameters');
  const header = context.req.header('last-event-id');
  return header === undefined ? lastEventId : parse(eventId, header, 'Last-Event-ID');
}

/** One event as the SDK reads it: `id` lets a reconnecting client resume, `data` is the whole envelope. */
function formatEvent(event: EventEnvelope): string {
  return `id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
}

interface Subscription {
  db: Queryable;
  workspaceId: string;
  cursor: string;
  settings: EventStreamSettings;
  /** Aborted when the client goes away or the server stops taking connections. */
  signal: AbortSignal;
  /** True once the credential the stream was opened with has expired: a session token lives an hour at most. */
  expired: () => boolean;
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const wake = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', wake);
      resolve();
    }, ms);
    signal.addEventListener('abort', wake, { once: true });
  });
}

/**
 * Sends the workspace's events after the cursor, then every new one, until the client disconnects, its token
 * expires or the server stops. Then the stream ends: the client reconnects (with a fresh token) and its
 * Last-Event-ID.
 */
async function pump(sse: SSEStreamingApi, subscription: Subscription): Promise<void> {
  const { db, workspaceId, settings, signal, expired } = subscription;
  let cursor = subscription.cursor;
  // A first byte right away, so the client knows it is subscribed even when nothing happens for a while.
  await sse.write(': connected\n\n');
  let lastWrite = Date.now();
  while (!signal.aborted) {
    if (expired()) {
      await sse.write(': session expired, reconnect with a fresh token\n\n');
      return;
    }
    const events = await readEventsAfter(db, workspaceId, cursor);
    for (const event of events) {
      await sse.write(formatEvent(event));
      cursor = event.id;
      lastWrite = Date.now();
    }
    // A full batch means more are waiting (a replay): read on without pausing.
    if (events.length === batchSize) continue;
    if (Date.now() - lastWrite >= settings.keepAliveMs) {
      await sse.write(': keep-alive\n\n');
      lastWrite = Date.now();
    }
    await pause(settings.pollIntervalMs, signal);
  }
}

/** `GET /v1/events`: the caller's workspace's events as server-sent events (R21: never another workspace's). */
export function eventRoutes(app: Hono<AppEnv>, options: ServerOptions): void {
  const settings: EventStreamSettings = { ...defaultEventStreamSettings, ...options.eventStream };
  const openStreams = new Map<string, number>();
  const release = (workspaceId: string) => {
    const open = (openStreams.get(workspaceId) ?? 1) - 1;
    if (open > 0) openStreams.set(workspaceId, open);
    else openStreams.delete(workspaceId);
  };

  app.get('/v1/events', async (context) => {
    const { workspaceId, expiresAt } = context.get('caller');
    const resumeAfter = resumePoint(context);
    const open = openStreams.get(workspaceId) ?? 0;
    if (open >= settings.maxStreamsPerWorkspace) {
      throw new ApiProblem(
        429,
        'rate_limited',
        `This workspace already has ${open} open event streams; close one or retry later.`,
        undefined,
        { 'retry-after': String(retryAfterSeconds) },
      );
    }
    // Counted before the first await, so concurrent subscribers cannot all slip under the bound.
    openStreams.set(workspaceId, open + 1);
    let cursor: string;
    try {
      // Read before answering: once the client has the response, every later event reaches it.
      cursor = resumeAfter ?? (await latestEventId(options.db, workspaceId));
    } catch (error) {
      release(workspaceId);
      throw error;
    }

    const requestId = context.get('requestId');
    const disconnected = new AbortController();
    const stop = () => disconnected.abort();
    context.req.raw.signal.addEventListener('abort', stop, { once: true });
    // A stopping server ends its streams: each client reconnects with its Last-Event-ID, through the balancer to
    // another instance, and misses nothing.
    const closing = options.lifecycle?.closing;
    closing?.addEventListener('abort', stop, { once: true });
    if (closing?.aborted) stop();
    // Proxies such as nginx would otherwise hold events back in their buffer.
    context.header('x-accel-buffering', 'no');
    return streamSSE(context, async (sse) => {
      sse.onAbort(stop);
      try {
        await pump(sse, {
          db: options.db,
          workspaceId,
          cursor,
          settings,
          signal: disconnected.signal,
          expired: () => expiresAt !== null && options.now() >= expiresAt,
        });
      } catch (error) {
        // The client reconnects with Last-Event-ID and misses nothing; a closing server is no news.
        if (!disconnected.signal.aborted) console.error(`[${requestId}] event stream ended:`, error);
      } finally {
        stop();
        context.req.raw.signal.removeEventListener('abort', stop);
        closing?.removeEventListener('abort', stop);
        release(workspaceId);
      }
    });
  });
}
