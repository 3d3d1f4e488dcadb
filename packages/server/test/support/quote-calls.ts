/** An answer as the tests read it: the status and the JSON body. */
export interface JsonAnswer {
  status: number;
  body: Record<string, unknown>;
}

/** A POST with a bearer credential over plain fetch, so a test sees every status and body as the server sent it. */
export async function postJson(
  baseUrl: string,
  path: string,
  credential: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<JsonAnswer> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${credential}`, 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** A quoted row's outcome as its charge answers it: the status of a 201, or the code of a 402. */
export const chargeStatusOf = {
  charge: 'charged',
  already_paid: 'deduplicated',
  own_key: 'own_key',
} as const;

export interface QuotedRow {
  recordId: string;
  outcome: string;
  credits: number;
}

export interface QuoteAnswer {
  actionId: string;
  rows: number;
  chargedRows: number;
  alreadyPaidRows: number;
  ownKeyRows: number;
  notReachedRows: number;
  perRow: number;
  credits: number;
  balance: number;
  balanceAfter: number;
  stop: {
    code: string;
    afterRows: number;
    limit: { scope: string; id: string | null; limit: number; spent: number; remaining: number };
  } | null;
  records: QuotedRow[];
}

/** What a run of charges did: each row's status (or the refusal it stopped at), in order. */
export interface RunResult {
  statuses: string[];
  credits: number;
  stop: { code: string; afterRows: number; limit: unknown } | null;
}

/**
 * "The run": the records charged in order through POST /v1/charges, each as the quote described it, stopping at
 * the first 402 as a host's run does. Credits are summed in thousandths so float sums never decide a test.
 */
export async function runCharges(
  baseUrl: string,
  credential: string,
  charge: Record<string, unknown>,
  recordIds: readonly string[],
): Promise<RunResult> {
  const statuses: string[] = [];
  let thousandths = 0;
  for (const recordId of recordIds) {
    const answer = await postJson(baseUrl, '/v1/charges', credential, { ...charge, recordId });
    if (answer.status === 402) {
      return {
        statuses,
        credits: thousandths / 1000,
        stop: { code: String(answer.body.code), afterRows: statuses.length, limit: answer.body.details },
      };
    }
    if (answer.status !== 201)
      throw new Error(`charge of ${recordId} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    statuses.push(String(answer.body.status));
    thousandths += Math.round(Number(answer.body.credits) * 1000);
  }
  return { statuses, credits: thousandths / 1000, stop: null };
}
