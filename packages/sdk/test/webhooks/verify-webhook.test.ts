import { CreditError } from '@creditkit/sdk';
import { signWebhook, verifyWebhook, WebhookVerificationError } from '@creditkit/sdk/webhooks';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

// The Standard Webhooks specification's own example: this secret, id, time and body sign to this signature.
const specSecret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const specDelivery = {
  id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestamp: new Date(1614265330 * 1000),
  body: '{"test": 2432232314}',
};
const specSignature = 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=';

const secret = `whsec_${btoa('a secret of thirty-two bytes!!!!')}`;
const sentAt = new Date('2026-12-03T12:00:00.000Z');
const limitReached = JSON.stringify({
  id: '42',
  type: 'limit.reached',
  createdAt: sentAt.toISOString(),
  data: { scope: 'workbook', id: 'wb_people', limit: 25, spent: 24, remaining: 1 },
});

async function delivery(body = limitReached, signingSecret = secret, timestamp = sentAt) {
  return { body, headers: await signWebhook({ id: 'evt_42', timestamp, body }, signingSecret) };
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(WebhookVerificationError);
  expect(error).toBeInstanceOf(CreditError);
  return (error as WebhookVerificationError).code;
}

describe('signWebhook', () => {
  it('signs the specification’s example to the specification’s signature', async () => {
    expect(await signWebhook(specDelivery, specSecret)).toEqual({
      'webhook-id': specDelivery.id,
      'webhook-timestamp': '1614265330',
      'webhook-signature': specSignature,
    });
  });
});

describe('verifyWebhook', () => {
  it('returns the typed event of a delivery signed with the secret', async () => {
    const { body, headers } = await delivery();
    const event = await verifyWebhook(body, headers, secret, { now: sentAt });
    expect(event).toEqual(JSON.parse(limitReached));
    if (event.type === 'limit.reached') expect(event.data.remaining).toBe(1);
  });

  it('accepts the specification’s example, with or without the whsec_ prefix, from a Fetch Headers', async () => {
    const headers = new Headers({
      'Webhook-Id': specDelivery.id,
      'Webhook-Timestamp': '1614265330',
      'Webhook-Signature': specSignature,
    });
    const now = specDelivery.timestamp;
    // The example's body is not an event: the signature passes and the body is what is refused.
    expect(await refusal(verifyWebhook(specDelivery.body, headers, specSecret, { now }))).toBe(
      'webhook_payload_invalid',
    );
    expect(await refusal(verifyWebhook(specDelivery.body, headers, specSecret.slice(6), { now }))).toBe(
      'webhook_payload_invalid',
    );
  });

  it('verifies the raw bytes as well as text, and Node-style header objects with any case', async () => {
    const { body, headers } = await delivery();
    const nodeHeaders = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toUpperCase(), value]));
    await expect(
      verifyWebhook(new TextEncoder().encode(body), nodeHeaders, secret, { now: sentAt }),
    ).resolves.toMatchObject({
      type: 'limit.reached',
    });
  });

  it('accepts any of several signatures and any of several secrets while a secret is rotated', async () => {
    const oldSecret = `whsec_${btoa('the old secret, thirty-two bytes')}`;
    const { body, headers } = await delivery(limitReached, secret);
    const signedTwice = {
      ...headers,
      'webhook-signature': `v1,${btoa('x'.repeat(32))} v2,abc ${headers['webhook-signature']}`,
    };
    await expect(verifyWebhook(body, signedTwice, [oldSecret, secret], { now: sentAt })).resolves.toMatchObject({
      id: '42',
    });
  });

  it('refuses a changed body, a wrong secret and a truncated signature', async () => {
    const { body, headers } = await delivery();
    const changed = body.replace('"remaining":1', '"remaining":9');
    expect(await refusal(verifyWebhook(changed, headers, secret, { now: sentAt }))).toBe('webhook_signature_mismatch');
    const other = `whsec_${btoa('another secret of thirty-two by!')}`;
    expect(await refusal(verifyWebhook(body, headers, other, { now: sentAt }))).toBe('webhook_signature_mismatch');
    const truncated = { ...headers, 'webhook-signature': headers['webhook-signature'].slice(0, 12) };
    expect(await refusal(verifyWebhook(body, truncated, secret, { now: sentAt }))).toBe('webhook_signature_mismatch');
  });

  it('refuses any one-byte change of the body', async () => {
    const { body, headers } = await delivery();
    const bytes = new TextEncoder().encode(body);
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: bytes.length - 1 }), fc.integer({ min: 1, max: 255 }), async (at, flip) => {
        const changed = bytes.slice();
        changed[at] = (changed[at] ?? 0) ^ flip;
        expect(await refusal(verifyWebhook(changed, headers, secret, { now: sentAt }))).toBe(
          'webhook_signature_mismatch',
        );
      }),
      { numRuns: 50 },
    );
  });

  it('refuses a delivery older or newer than the tolerance, and accepts one at its edge', async () => {
    const { body, headers } = await delivery();
    const later = (seconds: number) => new Date(sentAt.getTime() + seconds * 1000);
    await expect(verifyWebhook(body, headers, secret, { now: later(300) })).resolves.toMatchObject({ id: '42' });
    expect(await refusal(verifyWebhook(body, headers, secret, { now: later(301) }))).toBe(
      'webhook_timestamp_out_of_tolerance',
    );
    expect(await refusal(verifyWebhook(body, headers, secret, { now: later(-301) }))).toBe(
      'webhook_timestamp_out_of_tolerance',
    );
    await expect(
      verifyWebhook(body, headers, secret, { now: later(3600), toleranceSeconds: 3600 }),
    ).resolves.toMatchObject({
      id: '42',
    });
    const garbled = { ...headers, 'webhook-timestamp': '1.7e9' };
    expect(await refusal(verifyWebhook(body, garbled, secret, { now: sentAt }))).toBe(
      'webhook_timestamp_out_of_tolerance',
    );
  });

  it('refuses a delivery missing any of the three headers', async () => {
    const { body, headers } = await delivery();
    for (const name of ['webhook-id', 'webhook-timestamp', 'webhook-signature'] as const) {
      const { [name]: _left, ...rest } = headers;
      expect(await refusal(verifyWebhook(body, rest, secret, { now: sentAt }))).toBe('webhook_headers_missing');
    }
  });

  it('refuses a signed body that is not a valid event of its type', async () => {
    const wrongShape = JSON.stringify({ ...JSON.parse(limitReached), data: { scope: 'workbook' } });
    const signed = await delivery(wrongShape);
    expect(await refusal(verifyWebhook(signed.body, signed.headers, secret, { now: sentAt }))).toBe(
      'webhook_payload_invalid',
    );
  });

  it('returns an event of a type this SDK does not know as unknown, with the type sent', async () => {
    const later = JSON.stringify({ id: '43', type: 'invoice.paid', createdAt: sentAt.toISOString(), data: { x: 1 } });
    const { body, headers } = await delivery(later);
    expect(await verifyWebhook(body, headers, secret, { now: sentAt })).toEqual({
      id: '43',
      type: 'unknown',
      sentType: 'invoice.paid',
      createdAt: sentAt.toISOString(),
      data: { x: 1 },
    });
  });

  it('refuses a secret that is not base64 with a clear error', async () => {
    const { body, headers } = await delivery();
    await expect(verifyWebhook(body, headers, 'whsec_not base64!', { now: sentAt })).rejects.toMatchObject({
      code: 'webhook_secret_invalid',
    });
  });
});
