import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createCreditClient } from '@creditkit/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chargeFixture, fixtures } from '../support/fixtures';

/** A small seeded PRNG (mulberry32), so a failing run replays with the same faults. */
function seededRandom(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const seed = Number(process.env.FAULT_SEED ?? Math.floor(Math.random() * 2 ** 31));
const faultRate = 0.2;
const calls = 60;

type Fault = 'drop-before' | 'drop-after' | '503' | '429';

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
}

/**
 * A flaky Credit API: on 20% of attempts it drops the connection (before or after doing the work),
 * or answers 503 or 429 with Retry-After. No call gets more faults than the client's 2 retries can
 * absorb. Charges are stored by idempotency key, as the real server does, so a retry after a lost
 * answer returns the first result instead of charging again.
 */
function startFlakyApi(random: () => number) {
  const attemptsByCall = new Map<string, number>();
  const faultsByCall = new Map<string, number>();
  const keysByCall = new Map<string, Set<string>>();
  const chargesByKey = new Map<string, unknown>();
  const chargesByRecord = new Map<string, number>();
  const faults: Record<Fault, number> = { 'drop-before': 0, 'drop-after': 0, '503': 0, '429': 0 };

  const server = createServer(async (request, response) => {
    const body = await readJson(request);
    const call = String(request.headers['x-test-call']);
    attemptsByCall.set(call, (attemptsByCall.get(call) ?? 0) + 1);
    const key = request.headers['idempotency-key'];
    if (typeof key === 'string') keysByCall.set(call, (keysByCall.get(call) ?? new Set()).add(key));

    const canFail = (faultsByCall.get(call) ?? 0) < 2;
    const fault: Fault | undefined =
      canFail && random() < faultRate
        ? (['drop-before', 'drop-after', '503', '429'] as const)[Math.floor(random() * 4)]
        : undefined;
    if (fault) {
      faults[fault] += 1;
      faultsByCall.set(call, (faultsByCall.get(call) ?? 0) + 1);
    }
    if (fault === 'drop-before') return request.socket.destroy();
    if (fault === '503' || fault === '429') {
      response.writeHead(Number(fault), { 'content-type': 'application/problem+json', 'retry-after': '0' });
      return response.end(
        JSON.stringify({
          type: 'about:blank',
          status: Number(fault),
          code: 'unavailable',
          message: 'flaky',
          requestId: 'r',
        }),
      );
    }

    let answer: unknown = fixtures.balance;
    if (request.method === 'POST' && typeof key === 'string') {
      answer = chargesByKey.get(key);
      if (!answer) {
        answer = { ...chargeFixture, id: `charge_${call}`, recordId: String(body.recordId) };
        chargesByKey.set(key, answer);
        chargesByRecord.set(call, (chargesByRecord.get(call) ?? 0) + 1);
      }
    }
    if (fault === 'drop-after') return request.socket.destroy();
    response.writeHead(200, { 'content-type': 'application/json', 'x-request-id': `req_${call}` });
    response.end(JSON.stringify(answer));
  });
  return { server, attemptsByCall, keysByCall, chargesByRecord, faults };
}

describe(`fault injection (seed ${seed}; replay with FAULT_SEED=${seed})`, () => {
  const flaky = startFlakyApi(seededRandom(seed));
  let baseUrl = '';

  beforeAll(async () => {
    console.log(`fault-injection seed: ${seed} (replay with FAULT_SEED=${seed})`);
    await new Promise<void>((resolve) => flaky.server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(flaky.server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    flaky.server.closeAllConnections();
    flaky.server.close();
  });

  it('every call succeeds within 3 attempts and every mutation charges exactly once under one key', async () => {
    const results = await Promise.all(
      Array.from({ length: calls }, (_, index) => {
        // One client per call, tagged so the server can count each call's attempts.
        const client = createCreditClient({
          baseUrl,
          apiKey: 'sk_test_flaky',
          headers: { 'x-test-call': `call_${index}` },
        });
        return index % 2 === 0
          ? client.charges.create({
              actionId: 'find-email',
              workbookId: 'wb_1',
              recordId: `rec_${index}`,
              field: 'email',
            })
          : client.balance.retrieve();
      }),
    );

    expect(results).toHaveLength(calls);
    const injected = Object.values(flaky.faults).reduce((sum, count) => sum + count, 0);
    console.log(`fault-injection: ${injected} faults injected over ${calls} calls`, flaky.faults);
    expect(injected).toBeGreaterThan(0);
    for (const [call, attempts] of flaky.attemptsByCall) expect(attempts, call).toBeLessThanOrEqual(3);
    for (let index = 0; index < calls; index += 2) {
      const call = `call_${index}`;
      expect(flaky.keysByCall.get(call)?.size, `${call} kept one idempotency key`).toBe(1);
      expect(flaky.chargesByRecord.get(call), `${call} charged once`).toBe(1);
    }
    const allKeys = [...flaky.keysByCall.values()].flatMap((keys) => [...keys]);
    expect(new Set(allKeys).size, 'each call has its own key').toBe(calls / 2);
  });
});
