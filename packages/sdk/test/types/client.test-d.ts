import {
  type Balance,
  type Charge,
  type ChargeCreateParams,
  type CreditClient,
  type CreditEvent,
  createCreditClient,
  type LedgerEntry,
  type LimitDetails,
  type Page,
  type PagePromise,
  type SessionTokenClientOptions,
  type SpendLimit,
  SpendLimitReachedError,
  type SpendLimitTarget,
} from '@creditkit/sdk';
import { describe, expectTypeOf, it } from 'vitest';

declare const client: CreditClient;
declare const caught: unknown;

const baseUrl = 'http://127.0.0.1:4010';
const chargeParams = { actionId: 'find-mobile-phone', workbookId: 'wb_1', recordId: 'rec_1', field: 'mobile_phone' };

/** The literal members of an open enum, without the `string & {}` that keeps it open. */
type KnownValues<T> = T extends string ? (string extends T ? never : T) : never;

describe('createCreditClient options', () => {
  it('accepts baseUrl with a secret key, or baseUrl with a token function, and returns a CreditClient', () => {
    expectTypeOf(createCreditClient({ baseUrl, apiKey: 'sk_test_1' })).toEqualTypeOf<CreditClient>();
    expectTypeOf(createCreditClient({ baseUrl, token: () => 'st_abc' })).toEqualTypeOf<CreditClient>();
  });

  it('requires baseUrl', () => {
    // @ts-expect-error: baseUrl is required
    createCreditClient({ apiKey: 'sk_test_1' });
    // @ts-expect-error: baseUrl is required
    createCreditClient({ token: () => 'st_abc' });
  });

  it('requires exactly one of apiKey and token', () => {
    // @ts-expect-error: a client takes one credential, not both
    createCreditClient({ baseUrl, apiKey: 'sk_test_1', token: () => 'st_abc' });
    // @ts-expect-error: a client needs a credential
    createCreditClient({ baseUrl });
  });

  it('takes a token function returning a string or a promise of one, and nothing else', () => {
    expectTypeOf<SessionTokenClientOptions['token']>().toEqualTypeOf<() => string | Promise<string>>();
    createCreditClient({ baseUrl, token: () => 'st_abc' });
    createCreditClient({ baseUrl, token: async () => 'st_abc' });
    // @ts-expect-error: the token is fetched by a function, so it can be refreshed
    createCreditClient({ baseUrl, token: 'st_abc' });
    // @ts-expect-error: a token is a string
    createCreditClient({ baseUrl, token: () => 42 });
  });
});

describe('charges', () => {
  it('create takes ChargeCreateParams and resolves to a Charge', () => {
    expectTypeOf(client.charges.create).parameter(0).toEqualTypeOf<ChargeCreateParams>();
    expectTypeOf(client.charges.create(chargeParams)).toEqualTypeOf<Promise<Charge>>();
  });

  it('create requires actionId, workbookId, recordId and field', () => {
    const { actionId, workbookId, recordId, field } = chargeParams;
    // @ts-expect-error: actionId is required
    void client.charges.create({ workbookId, recordId, field });
    // @ts-expect-error: workbookId is required
    void client.charges.create({ actionId, recordId, field });
    // @ts-expect-error: recordId is required
    void client.charges.create({ actionId, workbookId, field });
    // @ts-expect-error: field is required
    void client.charges.create({ actionId, workbookId, recordId });
  });

  it('Charge status is an open enum: the known statuses stay literal and other strings are allowed', () => {
    expectTypeOf<KnownValues<Charge['status']>>().toEqualTypeOf<'charged' | 'own_key' | 'deduplicated' | 'refunded'>();
    expectTypeOf<'charged'>().toExtend<Charge['status']>();
    expectTypeOf<'refunded'>().toExtend<Charge['status']>();
    expectTypeOf<'settled_by_a_newer_server'>().toExtend<Charge['status']>();
    expectTypeOf<Charge['status']>().not.toEqualTypeOf<string>();
  });
});

describe('spendLimits.update', () => {
  it('takes a { workbookId } or { enrichmentId } target and { enabled, limit }, resolving to a SpendLimit', () => {
    expectTypeOf(client.spendLimits.update).parameter(0).toEqualTypeOf<SpendLimitTarget>();
    expectTypeOf(client.spendLimits.update).parameter(1).toEqualTypeOf<{ enabled: boolean; limit: number }>();
    expectTypeOf(client.spendLimits.update({ workbookId: 'wb_1' }, { enabled: true, limit: 1000 })).toEqualTypeOf<
      Promise<SpendLimit>
    >();
    expectTypeOf(client.spendLimits.update({ enrichmentId: 'enr_1' }, { enabled: false, limit: 0 })).toEqualTypeOf<
      Promise<SpendLimit>
    >();
  });

  it('refuses an unknown scope and an incomplete body at compile time', () => {
    // @ts-expect-error: folders have no spend limit
    void client.spendLimits.update({ folderId: 'x' }, { enabled: true, limit: 10 });
    // @ts-expect-error: the limit is required
    void client.spendLimits.update({ workbookId: 'wb_1' }, { enabled: true });
  });
});

describe('ledger.list', () => {
  it('is both a promise of the first page and an async iterable of every entry', () => {
    const list = client.ledger.list();
    expectTypeOf(list).toEqualTypeOf<PagePromise<LedgerEntry>>();
    expectTypeOf(list).toExtend<Promise<Page<LedgerEntry>>>();
    expectTypeOf(list).toExtend<AsyncIterable<LedgerEntry>>();
    expectTypeOf<Awaited<typeof list>>().toEqualTypeOf<Page<LedgerEntry>>();
    expectTypeOf<Page<LedgerEntry>['nextPage']>().returns.toEqualTypeOf<Promise<Page<LedgerEntry> | null>>();
  });
});

describe('SpendLimitReachedError.is', () => {
  it('narrows an unknown error to SpendLimitReachedError with typed details and scope', () => {
    if (SpendLimitReachedError.is(caught)) {
      expectTypeOf(caught).toEqualTypeOf<SpendLimitReachedError>();
      expectTypeOf(caught.details).toEqualTypeOf<LimitDetails>();
      expectTypeOf(caught.scope).toEqualTypeOf<LimitDetails['scope']>();
      expectTypeOf(caught.code).toEqualTypeOf<string>();
      expectTypeOf(caught.status).toEqualTypeOf<number>();
    } else {
      expectTypeOf(caught).toEqualTypeOf<unknown>();
    }
  });
});

describe('events.subscribe', () => {
  it('hands the handler a CreditEvent union that narrows on type', () => {
    const unsubscribe = client.events.subscribe((event) => {
      expectTypeOf(event).toEqualTypeOf<CreditEvent>();
      if (event.type === 'limit.reached') expectTypeOf(event.data).toEqualTypeOf<LimitDetails>();
      if (event.type === 'limit.cleared') expectTypeOf(event.data).toEqualTypeOf<LimitDetails>();
      if (event.type === 'balance.updated') expectTypeOf(event.data).toEqualTypeOf<Balance>();
      if (event.type === 'charge.refunded') expectTypeOf(event.data).toEqualTypeOf<Charge>();
    });
    expectTypeOf(unsubscribe).toEqualTypeOf<() => void>();
  });
});
