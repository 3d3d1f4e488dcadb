import type { ChargeCreateParams, CreditClient, SpendLimitTarget } from '@creditkit/sdk';

/** A work-email lookup on one record of workbook `wb_1`, unless `more` says otherwise: 1 credit. */
export const emailCharge = (recordId: string, more: Partial<ChargeCreateParams> = {}): ChargeCreateParams => ({
  actionId: 'find-work-email',
  workbookId: 'wb_1',
  recordId,
  field: 'email',
  ...more,
});

/** What a request threw, such as the refusal of `client.charges.create` that a host catches and hands on. */
export async function refusalOf(request: Promise<unknown>): Promise<unknown> {
  return request.then(
    () => {
      throw new Error('The request was expected to be refused.');
    },
    (error: unknown) => error,
  );
}

/** An admin limits `target` to `limit` credits; a member spends them on email lookups, and the next is refused. */
async function reachLimit(admin: CreditClient, member: CreditClient, target: SpendLimitTarget, limit: number) {
  await admin.spendLimits.update(target, { enabled: true, limit });
  for (let record = 1; record <= limit; record += 1) await member.charges.create(emailCharge(`rec_${record}`, target));
  return refusalOf(member.charges.create(emailCharge(`rec_${limit + 1}`, target)));
}

/** Spends workbook `wb_1`'s limit of 2 credits with two charges; answers the third's refusal. */
export const reachWorkbookLimit = (admin: CreditClient, member: CreditClient) =>
  reachLimit(admin, member, { workbookId: 'wb_1' }, 2);

/** Spends enrichment `en_1`'s limit of 1 credit with one charge; answers the second's refusal. */
export const reachEnrichmentLimit = (admin: CreditClient, member: CreditClient) =>
  reachLimit(admin, member, { enrichmentId: 'en_1' }, 1);

/**
 * Opens AI run `runId` on workbook `wb_1` with a 0.3-credit budget and charges GPT mini rows of 800 prompt and
 * 200 output tokens (0.28 credits each): the first is charged, the second would pass the budget. Answers its refusal.
 */
export async function exhaustRunBudget(member: CreditClient, runId: string): Promise<unknown> {
  await member.ai.runs.create({ runId, workbookId: 'wb_1', model: 'gpt-mini', budget: 0.3 });
  const aiRow = (recordId: string) =>
    member.charges.create({
      actionId: 'ai-write-gpt-mini',
      workbookId: 'wb_1',
      recordId,
      field: 'summary',
      runId,
      usage: { inputTokens: 800, outputTokens: 200 },
    });
  await aiRow('rec_1');
  return refusalOf(aiRow('rec_2'));
}
