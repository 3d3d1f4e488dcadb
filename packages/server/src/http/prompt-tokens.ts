import type { TokenCounter } from '../tokens/token-counter';
import { TokenCounterBusyError } from '../tokens/token-counter-busy-error';
import { ApiProblem } from './problem';

/** A prompt's tokens; a full counting queue is the server's state, not the caller's fault: 503, retry later. */
export async function promptTokens(counter: TokenCounter, prompt: string): Promise<number> {
  try {
    return await counter.count(prompt);
  } catch (error) {
    if (!(error instanceof TokenCounterBusyError)) throw error;
    throw new ApiProblem(
      503,
      'server_busy',
      `Too many prompts are being counted; retry in ${error.retryAfterSeconds} s, or send inputTokens.`,
      undefined,
      { 'retry-after': String(error.retryAfterSeconds) },
    );
  }
}
