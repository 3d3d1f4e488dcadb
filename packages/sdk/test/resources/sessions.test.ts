import {
  createCreditClient,
  PermissionDeniedError,
  type Session,
  type SessionCreateParams,
  ValidationError,
} from '@creditkit/sdk';
import { describe, expect, it } from 'vitest';
import { fixtures } from '../support/fixtures';
import { problemReply, useStubApi } from '../support/stub-api';

const api = useStubApi();

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const adminSession: Session = { ...fixtures.session, role: 'admin', expiresAt: '2026-11-02T00:10:00.000Z' };

describe('sessions.create', () => {
  it('POSTs { userId, role } to /v1/sessions with the caller idempotency key and returns the session', async () => {
    api.on('POST /v1/sessions', { status: 201, body: fixtures.session });
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    await expect(
      client.sessions.create({ userId: 'user_1', role: 'member' }, { idempotencyKey: 'idem-session-1' }),
    ).resolves.toEqual(fixtures.session);
    expect(api.requests).toHaveLength(1);
    expect(api.requests[0]?.method).toBe('POST');
    expect(api.requests[0]?.path).toBe('/v1/sessions');
    expect(api.requests[0]?.query.toString()).toBe('');
    expect(api.requests[0]?.body).toEqual({ userId: 'user_1', role: 'member' });
    expect(api.requests[0]?.headers.authorization).toBe('Bearer sk_test_1');
    expect(api.requests[0]?.headers['idempotency-key']).toBe('idem-session-1');
  });

  it('sends expiresIn as given and generates a UUID idempotency key', async () => {
    api.on('POST /v1/sessions', { status: 201, body: adminSession });
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    await expect(client.sessions.create({ userId: 'user_1', role: 'admin', expiresIn: 600 })).resolves.toEqual(
      adminSession,
    );
    expect(api.requests[0]?.body).toEqual({ userId: 'user_1', role: 'admin', expiresIn: 600 });
    expect(api.requests[0]?.headers['idempotency-key']).toMatch(uuid);
  });

  it.each<[string, SessionCreateParams, PropertyKey[]]>([
    ['a lifetime over an hour (7200 s)', { userId: 'user_1', role: 'member', expiresIn: 7200 }, ['expiresIn']],
    ['a lifetime under a minute', { userId: 'user_1', role: 'member', expiresIn: 59 }, ['expiresIn']],
    ['a fractional lifetime', { userId: 'user_1', role: 'member', expiresIn: 600.5 }, ['expiresIn']],
    ['a NaN lifetime', { userId: 'user_1', role: 'member', expiresIn: Number.NaN }, ['expiresIn']],
    // @ts-expect-error: 'owner' is not a role
    ['an unknown role', { userId: 'user_1', role: 'owner' }, ['role']],
    ['an empty user id', { userId: '', role: 'member' }, ['userId']],
    ['a user id with a slash', { userId: 'user/1', role: 'member' }, ['userId']],
    ['a user id with a control character', { userId: 'user\u00011', role: 'member' }, ['userId']],
  ])('refuses %s with ValidationError before sending anything', async (_, params, path) => {
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    const error = await Promise.resolve()
      .then(() => client.sessions.create(params))
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ code: 'validation_failed' });
    expect((error as ValidationError).details.issues.map((issue) => issue.path)).toContainEqual(path);
    expect(api.requests).toEqual([]);
  });

  it('raises PermissionDeniedError when a session token tries to mint sessions', async () => {
    const reply = problemReply(403, 'forbidden');
    api.on('POST /v1/sessions', reply);
    const client = createCreditClient({ baseUrl: api.url, token: () => 'st_abc' });

    const error = await client.sessions.create({ userId: 'user_1', role: 'member' }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect(error).toMatchObject({
      code: 'forbidden',
      status: 403,
      requestId: (reply.body as { requestId: string }).requestId,
    });
    expect(api.requests[0]?.headers.authorization).toBe('Bearer st_abc');
  });
});
