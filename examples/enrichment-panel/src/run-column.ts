import { CreditError, InsufficientCreditsError, SpendLimitReachedError } from '@creditkit/sdk';
import type { RunColumnRequest, RunEvent, RunProblem } from '../shared/workbook';

/** The refusal as the SDK error it was on the host server, so `LimitReachedNotice` can explain it. */
export function errorOf(problem: RunProblem): Error {
  const fields = { code: problem.code, status: problem.status, requestId: problem.requestId, details: problem.details };
  if (problem.name === 'SpendLimitReachedError') return new SpendLimitReachedError(problem.message, fields);
  if (problem.name === 'InsufficientCreditsError') return new InsufficientCreditsError(problem.message, fields);
  return new CreditError(problem.message, fields);
}

/**
 * Asks the host server to run a column and reads its answer line by line as the rows finish. Aborting
 * `signal` closes the request, which also stops the run, but then the row in flight is never reported:
 * `stopRun` is the way to stop a run and still hear how it ended.
 */
export async function runColumn(
  request: RunColumnRequest,
  onEvent: (event: RunEvent) => void,
  signal: AbortSignal,
): Promise<void> {
  const response = await fetch('/run-column', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request),
    signal,
  });
  if (!response.ok || !response.body) throw new Error(`The host server answered ${response.status}.`);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffered += value;
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) if (line.trim() !== '') onEvent(JSON.parse(line) as RunEvent);
  }
}

/** Asks the host to stop a run after its current row; the run's answer then reports that row and ends. */
export async function stopRun(runKey: string): Promise<void> {
  const response = await fetch(`/run-column/${encodeURIComponent(runKey)}/stop`, { method: 'POST' });
  if (!response.ok) throw new Error(`The host server answered ${response.status} to stop the run.`);
}
