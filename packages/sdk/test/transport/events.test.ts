import type { ServerResponse } from 'node:http';
import { type CreditEvent, createCreditClient } from '@creditkit/sdk';
import { describe, expect, it } from 'vitest';
import { fixtures } from '../support/fixtures';
import { problemReply, useStubApi } from '../support/stub-api';
import { waitTimeoutMs } from '../support/timeouts';

const api = useStubApi();

function openStream(response: ServerResponse) {
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  response.write(': connected\n\n');
}

function send(response: ServerResponse, id: string, type: string, data: unknown) {
  const envelope = JSON.stringify({ id, type, createdAt: '2026-11-02T00:00:00.000Z', data });
  response.write(`id: ${id}\nevent: ${type}\ndata: ${envelope}\n\n`);
}

const limitDetails = { scope: 'workbook', id: 'wb_1', limit: 10, spent: 10, remaining: 0 };

function waitFor(check: () => boolean, timeout = waitTimeoutMs) {
  return new Promise<void>((resolve, reject) => {
    const started = Date.now();
    const poll = () => {
      if (check()) resolve();
      else if (Date.now() - started > timeout) reject(new Error('condition not met in time'));
      else setTimeout(poll, 10);
    };
    poll();
  });
}

describe('events.subscribe', () => {
  it('delivers typed events read from the stream, with the auth header sent', async () => {
    api.on('GET /v1/events', (_request, response) => {
      openStream(response);
      send(response, '1', 'balance.updated', fixtures.balance);
      send(response, '2', 'limit.reached', limitDetails);
      return undefined;
    });
    const client = createCreditClient({ baseUrl: api.url, token: () => 'st_events' });
    const received: CreditEvent[] = [];

    const unsubscribe = client.events.subscribe((event) => received.push(event));
    await waitFor(() => received.length === 2);
    unsubscribe();

    expect(received[0]).toMatchObject({ id: '1', type: 'balance.updated', data: fixtures.balance });
    expect(received[1]).toMatchObject({ id: '2', type: 'limit.reached', data: limitDetails });
    expect(api.requests[0]?.headers.authorization).toBe('Bearer st_events');
    expect(api.requests[0]?.headers.accept).toBe('text/event-stream');
  });

  it('reconnects after a dropped connection and resumes from Last-Event-ID', async () => {
    api.on('GET /v1/events', (request, response) => {
      openStream(response);
      if (request.headers['last-event-id'] === undefined) {
        send(response, '41', 'limit.reached', limitDetails);
        setTimeout(() => response.socket?.destroy(), 20);
      } else {
        send(response, '42', 'limit.cleared', { ...limitDetails, limit: 20, remaining: 10 });
      }
      return undefined;
    });
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test' });
    const received: string[] = [];

    const unsubscribe = client.events.subscribe((event) => received.push(event.id));
    await waitFor(() => received.length === 2);
    unsubscribe();

    expect(received).toEqual(['41', '42']);
    expect(api.requests[1]?.headers['last-event-id']).toBe('41');
  });

  it('skips event types it does not know and reports malformed ones without stopping', async () => {
    api.on('GET /v1/events', (_request, response) => {
      openStream(response);
      send(response, '1', 'workspace.renamed', { name: 'Acme' });
      send(response, '2', 'limit.reached', { scope: 'workbook' });
      send(response, '3', 'charge.refunded', { bogus: true });
      send(response, '4', 'balance.updated', fixtures.balance);
      return undefined;
    });
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test' });
    const received: string[] = [];
    const errors: unknown[] = [];

    const unsubscribe = client.events.subscribe((event) => received.push(event.id), {
      onError: (error) => errors.push(error),
    });
    await waitFor(() => received.length === 1);
    unsubscribe();

    expect(received).toEqual(['4']);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatchObject({ code: 'response_validation_failed' });
  });

  it('stops for good on 403 and tells onError', async () => {
    api.on('GET /v1/events', problemReply(403, 'forbidden'));
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test' });
    const errors: unknown[] = [];

    client.events.subscribe(() => undefined, { onError: (error) => errors.push(error) });
    await waitFor(() => errors.length === 1);
    await new Promise((resolve) => setTimeout(resolve, 1_200));

    expect(errors[0]).toMatchObject({ status: 403 });
    expect(api.requests).toHaveLength(1);
  });

  it('stops reading when unsubscribed', async () => {
    api.on('GET /v1/events', (_request, response) => {
      openStream(response);
      return undefined;
    });
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test' });
    let opened = 0;

    const unsubscribe = client.events.subscribe(() => undefined, { onOpen: () => opened++ });
    await waitFor(() => opened === 1);
    unsubscribe();
    await new Promise((resolve) => setTimeout(resolve, 1_000));

    expect(api.requests).toHaveLength(1);
  });
});
