import { createCreditClient, type Plan } from '@creditkit/sdk';
import { describe, expect, it } from 'vitest';
import { fixtures, pagesByCursor } from '../support/fixtures';
import { useStubApi } from '../support/stub-api';

const api = useStubApi();

const freePlan: Plan = {
  id: 'free',
  name: 'Free',
  interval: 'month',
  periodDays: null,
  credits: 100,
  tier: 0,
  rollover: { policy: 'fixed_max', value: 100 },
  thenPlanId: null,
};
const trialPlan: Plan = {
  id: 'trial',
  name: 'Trial',
  interval: 'trial',
  periodDays: 14,
  credits: 1000,
  tier: 0,
  rollover: { policy: 'fixed_max', value: 100 },
  thenPlanId: 'free',
};

describe('plans.list', () => {
  it('GETs /v1/plans without an idempotency key and resolves to the first page', async () => {
    api.on('GET /v1/plans', pagesByCursor([[freePlan, trialPlan], [fixtures.plan]]));
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    const page = await client.plans.list();

    expect(page.data).toEqual([freePlan, trialPlan]);
    expect(page.nextCursor).toBe('page-1');
    expect(api.requests).toHaveLength(1);
    expect(api.requests[0]?.method).toBe('GET');
    expect(api.requests[0]?.path).toBe('/v1/plans');
    expect(api.requests[0]?.query.toString()).toBe('');
    expect(api.requests[0]?.headers['idempotency-key']).toBeUndefined();
  });

  it('fetches the next page by its cursor with nextPage()', async () => {
    api.on('GET /v1/plans', pagesByCursor([[freePlan, trialPlan], [fixtures.plan]]));
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    const second = await (await client.plans.list()).nextPage();

    expect(second?.data).toEqual([fixtures.plan]);
    expect(second?.nextCursor).toBeNull();
    expect(api.requests[1]?.query.get('cursor')).toBe('page-1');
  });

  it('walks the whole catalogue with for await, following nextCursor', async () => {
    api.on('GET /v1/plans', pagesByCursor([[freePlan], [trialPlan], [fixtures.plan]]));
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    const ids: string[] = [];
    for await (const plan of client.plans.list()) ids.push(plan.id);

    expect(ids).toEqual(['free', 'trial', 'starter-monthly']);
    expect(api.requests.map((request) => request.query.get('cursor'))).toEqual([null, 'page-1', 'page-2']);
  });
});
