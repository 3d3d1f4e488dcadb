import type {
  AiEstimate,
  AiEstimateCreateParams,
  AiRun,
  Balance,
  Charge,
  ChargeCreateParams,
  LimitDetails,
  SpendLimit,
  UsageExportParams,
  UsageParams,
  UsageReport,
} from '@creditkit/sdk';
import { describe, expectTypeOf, it } from 'vitest';
import type { components, paths } from '../generated/credit-api';

/**
 * The types openapi-typescript generates from `@creditkit/sdk/openapi.json` (scripts/generate-api-types.ts)
 * are as precise as the SDK's own: what a client written from the document alone gets.
 */

type Schemas = components['schemas'];
type JsonBody<Operation> = Operation extends { requestBody: { content: { 'application/json': infer Body } } }
  ? Body
  : never;
type ChargeBody = JsonBody<paths['/v1/charges']['post']>;
type EstimateBody = JsonBody<paths['/v1/ai/estimates']['post']>;
type ChargeRefusal = paths['/v1/charges']['post']['responses'][402]['content']['application/problem+json'];
type UsageQuery = NonNullable<paths['/v1/usage']['get']['parameters']['query']>;
type UsageExportQuery = NonNullable<paths['/v1/usage/export']['get']['parameters']['query']>;
/** The keys a value of `T` must have. */
type RequiredKeys<T> = { [K in keyof T]-?: Record<never, never> extends Pick<T, K> ? never : K }[keyof T];

describe("the generated types are as precise as the SDK's", () => {
  it('amounts are numbers', () => {
    expectTypeOf<Schemas['Balance']['spendable']>().toEqualTypeOf<Balance['spendable']>();
    expectTypeOf<Schemas['Charge']['credits']>().toEqualTypeOf<Charge['credits']>();
    expectTypeOf<Schemas['SpendLimit']['limit']>().toEqualTypeOf<SpendLimit['limit']>();
    expectTypeOf<Schemas['UsageReport']['totals']['net']>().toEqualTypeOf<UsageReport['totals']['net']>();
    expectTypeOf<Schemas['AiEstimate']['total']>().toEqualTypeOf<AiEstimate['total']>();
    expectTypeOf<ChargeRefusal['details']['remaining']>().toEqualTypeOf<LimitDetails['remaining']>();
  });

  it('open enums keep their known values, which autocomplete, and accept values added later', () => {
    expectTypeOf<Schemas['Charge']['status']>().toEqualTypeOf<Charge['status']>();
    expectTypeOf<Schemas['SpendLimit']['scope']>().toEqualTypeOf<SpendLimit['scope']>();
    expectTypeOf<Schemas['UsageReport']['groupBy']>().toEqualTypeOf<UsageReport['groupBy']>();
    expectTypeOf<ChargeRefusal['details']['scope']>().toEqualTypeOf<LimitDetails['scope']>();
    // The same, spelled out: `'workspace'` is a member of the type, so it is not plain `string`.
    expectTypeOf<Extract<ChargeRefusal['details']['scope'], 'workspace'>>().toEqualTypeOf<'workspace'>();
    expectTypeOf<'a-scope-added-later'>().toExtend<ChargeRefusal['details']['scope']>();
  });

  it('closed enums in requests stay closed', () => {
    expectTypeOf<UsageQuery['groupBy']>().toEqualTypeOf<UsageParams['groupBy']>();
    expectTypeOf<UsageExportQuery['totals']>().toEqualTypeOf<UsageExportParams['totals']>();
  });

  it('timestamps are strings', () => {
    expectTypeOf<Schemas['Charge']['createdAt']>().toEqualTypeOf<Charge['createdAt']>();
    expectTypeOf<Schemas['AiRun']['completedAt']>().toEqualTypeOf<AiRun['completedAt']>();
  });

  it('request bodies require what the SDK requires and allow nothing it refuses', () => {
    expectTypeOf<RequiredKeys<ChargeBody>>().toEqualTypeOf<RequiredKeys<ChargeCreateParams>>();
    expectTypeOf<ChargeBody>().toExtend<ChargeCreateParams>();

    // An estimate needs `inputTokens` or `prompt`: a rule the SDK checks when it parses, the type here.
    expectTypeOf<EstimateBody>().not.toBeUnknown();
    expectTypeOf<EstimateBody>().toExtend<AiEstimateCreateParams>();
    expectTypeOf<{ model: string; rows: number; outputTokens: number; inputTokens: number }>().toExtend<EstimateBody>();
    expectTypeOf<{ model: string; rows: number; outputTokens: number; prompt: string }>().toExtend<EstimateBody>();
    expectTypeOf<{ model: string; rows: number; outputTokens: number }>().not.toExtend<EstimateBody>();
  });
});
