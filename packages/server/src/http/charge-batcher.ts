import { nextTurn } from '../runtime/next-turn';
import {
  type ChargeOutcome,
  type ChargeRequest,
  createCharges,
  loadGroupState,
  refusalDetails,
} from '../store/charges';
import type { Queryable } from '../store/database';
import { type KeyClaim, storeAnswers } from '../store/idempotency-keys';
import { readWorkspace } from '../store/workspaces';
import type { ServerOptions } from './env';
import { replay, type StoredAnswer } from './idempotency';
import { ApiProblem, notFound } from './problem';
import { refusalAnswer } from './refusal';

export interface ChargeJob {
  request: ChargeRequest;
  /** The request's Idempotency-Key, claimed in the transaction that charges (R19). */
  claim: KeyClaim | undefined;
  requestId: string;
}

type JobResult = { answer: StoredAnswer } | { problem: ApiProblem };

interface QueuedJob extends ChargeJob {
  settle: (result: JobResult) => void;
  fail: (error: unknown) => void;
}

/** Enough to amortise a transaction; small enough that one group never holds the workspace for long. */
const maxGroupSize = 128;

/**
 * Group commit for charges. A workspace's charges are serialised by its row lock anyway, so instead of
 * queueing transactions behind that lock, the charges that arrive while one transaction runs wait here
 * and go together in the next one: one lock, one commit and a handful of set-based statements for the
 * whole group, each charge still decided in arrival order against the state the previous one left.
 * All or nothing per group: a crash before the commit loses the group's charges and their idempotency
 * keys together, so retries charge them exactly once.
 */
export function createChargeBatcher(options: Pick<ServerOptions, 'db' | 'now'>) {
  const queues = new Map<string, QueuedJob[]>();

  async function runGroup(workspaceId: string, group: QueuedJob[]): Promise<void> {
    try {
      const results = await options.db.transaction((tx) => chargeGroup(tx, workspaceId, group, options.now));
      for (const [index, job] of group.entries()) job.settle(results[index] as JobResult);
    } catch (error) {
      // One bad charge (or a lost connection) must not fail the others: retry them one by one.
      if (group.length === 1) (group[0] as QueuedJob).fail(error);
      else for (const job of group) await runGroup(workspaceId, [job]);
    }
  }

  async function drain(workspaceId: string, queue: QueuedJob[]): Promise<void> {
    // One turn of the event loop lets requests that arrived together start as one group.
    await nextTurn();
    while (queue.length > 0) await runGroup(workspaceId, queue.splice(0, maxGroupSize));
    queues.delete(workspaceId);
  }

  return {
    /** Charges once the job's group commits; a refusal is an answer, an unknown action or run a problem. */
    submit(workspaceId: string, job: ChargeJob): Promise<StoredAnswer> {
      return new Promise<JobResult>((settle, fail) => {
        const queue = queues.get(workspaceId);
        if (queue) {
          queue.push({ ...job, settle, fail });
          return;
        }
        const fresh = [{ ...job, settle, fail }];
        queues.set(workspaceId, fresh);
        void drain(workspaceId, fresh);
      }).then((result) => {
        if ('problem' in result) throw result.problem;
        return result.answer;
      });
    },
  };
}

export type ChargeBatcher = ReturnType<typeof createChargeBatcher>;

/**
 * One group in one transaction: read what it depends on with its keys, replay the repeats, charge the rest, store
 * the answers with their keys. The keys are looked up in the state's statement and stored at the end, not claimed
 * first: the workspace row lock, taken first, keeps every other writer of this workspace's keys out until the commit.
 */
async function chargeGroup(tx: Queryable, workspaceId: string, jobs: readonly ChargeJob[], clock: () => Date) {
  // The workspace row before the keys, the order every mutation takes its locks in.
  const workspace = await readWorkspace(tx, workspaceId, true);
  if (!workspace) throw new Error(`workspace ${workspaceId} of an authenticated caller is gone`);
  // The time is read once the lock is ours: a grant that a purchase made while this group waited is
  // effective by then, so it is spendable here and the ledger's balances stay in commit order.
  const now = clock();
  const owners = new Map<string, ChargeJob>();
  for (const job of jobs) if (job.claim && !owners.has(job.claim.key)) owners.set(job.claim.key, job);
  const state = await loadGroupState(
    tx,
    workspaceId,
    jobs.map((job) => job.request),
    [...owners.keys()],
  );

  const results = new Map<ChargeJob, JobResult>();
  const toCharge: ChargeJob[] = [];
  for (const job of jobs) {
    const held = job.claim && state.heldKeys.get(job.claim.key);
    if (job.claim && held) results.set(job, settleReplay(job.claim, { claimed: false, ...held }));
    else if (job.claim && owners.get(job.claim.key) !== job)
      continue; // a repeat within the group: below
    else toCharge.push(job);
  }

  const outcomes = await createCharges(
    tx,
    workspace,
    toCharge.map((job) => job.request),
    now,
    state,
  );
  const answers: { claim: KeyClaim; status: number; answer: StoredAnswer }[] = [];
  toCharge.forEach((job, index) => {
    const result = toResult(job, outcomes[index] as ChargeOutcome);
    results.set(job, result);
    if (job.claim && 'answer' in result)
      answers.push({ claim: job.claim, status: result.answer.status, answer: result.answer });
  });
  await storeAnswers(tx, workspaceId, answers);

  return jobs.map((job): JobResult => {
    const own = results.get(job);
    if (own) return own;
    // The same key twice in one group: the second gets what the first got, as it would one request later.
    const claim = job.claim as KeyClaim;
    const owner = owners.get(claim.key) as ChargeJob;
    const first = results.get(owner) as JobResult;
    const ownerHash = (owner.claim as KeyClaim).bodyHash;
    if ('problem' in first) return claim.bodyHash === ownerHash ? first : settleReplay(claim, undefined);
    return settleReplay(claim, { claimed: false, bodyHash: ownerHash, answer: first.answer });
  });
}

function settleReplay(claim: KeyClaim, found: Parameters<typeof replay>[1]): JobResult {
  try {
    return { answer: replay(claim, found) };
  } catch (problem) {
    if (problem instanceof ApiProblem) return { problem };
    throw problem;
  }
}

function toResult(job: ChargeJob, outcome: ChargeOutcome): JobResult {
  if (outcome.outcome === 'unknown') return { problem: notFound(outcome.what) };
  if (outcome.outcome === 'done') return { answer: { status: 201, body: outcome.charge } };
  const { refusal } = outcome;
  return {
    answer: refusalAnswer(
      job.requestId,
      refusal.code,
      `Refused: ${refusal.code.replaceAll('_', ' ')}. Nothing was charged.`,
      refusalDetails(refusal),
    ),
  };
}
