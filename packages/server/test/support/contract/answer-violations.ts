import type { Violation } from './answer-checker';

/** A violation and the test whose request it answered (none: a `beforeAll` or `afterAll` hook sent it). */
export interface RecordedViolation extends Violation {
  test: { id: string; name: string } | undefined;
}

/*
 * The violations found in this test file and not yet reported. They are collected rather than thrown where
 * they are found: thrown from fetch, one would reach the SDK as a network error, which it retries.
 */
const recorded: RecordedViolation[] = [];

/** Body checks still running, by the id of the test whose request they answer (`undefined`: a hook's). */
const running = new Map<string | undefined, Set<Promise<void>>>();

export function recordViolation(violation: RecordedViolation): void {
  recorded.push(violation);
}

/** Keeps `checked` (which never rejects) until it settles, so the violations it finds are waited for. */
export function trackCheck(testId: string | undefined, checked: Promise<void>): void {
  const checks = running.get(testId) ?? new Set();
  running.set(testId, checks);
  checks.add(checked);
  void checked.then(() => checks.delete(checked));
}

/** Resolves once the body checks of the test `testId` (of every test and hook without one) have settled. */
export async function checksSettled(testId?: string): Promise<void> {
  const checks = testId === undefined ? [...running.values()] : [running.get(testId) ?? new Set()];
  await Promise.all(checks.flatMap((set) => [...set]));
}

/** Removes and returns the violations `which` selects (all by default). */
export function takeViolations(which: (violation: RecordedViolation) => boolean = () => true): RecordedViolation[] {
  const taken = recorded.filter(which);
  for (const violation of taken) recorded.splice(recorded.indexOf(violation), 1);
  return taken;
}

/**
 * The violations as a readable list: operation, status, request id and path, each problem on its own line,
 * and, for violations reported after their test, the test that sent the request.
 */
export function describeViolations(
  heading: string,
  violations: readonly RecordedViolation[],
  options: { naming: 'test' | 'none' } = { naming: 'none' },
): string {
  const lines = [heading];
  for (const { operation, path, status, requestId, problems, test } of violations) {
    lines.push(`- ${operation} → ${status}, request ${requestId ?? '(no x-request-id)'}, path ${path}`);
    if (options.naming === 'test') {
      lines.push(test ? `  sent by the test "${test.name}"` : '  sent outside any test (a beforeAll or afterAll hook)');
    }
    for (const problem of problems) lines.push(`    ${problem}`);
  }
  return lines.join('\n');
}
