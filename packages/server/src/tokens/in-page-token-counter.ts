import { MAX_PROMPT_LENGTH } from '@creditkit/sdk/schemas';
import { nextTurn } from '../runtime/next-turn';
import type { TokenCounter } from './token-counter';
import { queueRetryAfterSeconds, TokenCounterBusyError } from './token-counter-busy-error';

export interface InPageCountingSettings {
  /**
   * Characters of prompt text waiting or being counted. A prompt that would go past it is refused (503) unless
   * nothing is queued, so one prompt of any admitted length always gets counted.
   */
  maxQueuedCharacters: number;
}

/** As one thread of the Node pool: five prompts of the longest kind, which drain in 2–4 s. */
const defaultSettings: InPageCountingSettings = { maxQueuedCharacters: 5 * MAX_PROMPT_LENGTH };

interface Job {
  text: string;
  resolve: (tokens: number) => void;
  reject: (error: Error) => void;
}

const closedError = () => new Error('The token counter is closed.');

/**
 * Counts prompts on the page's own thread, where there are no worker threads to give the work to: one prompt at a
 * time, first come first served, in slices of at most `maxSliceLength` characters (about 10 ms of the slowest
 * text) with a turn of the event loop between them, so a long prompt never freezes the page or the other
 * requests of the in-page API. The tokenizer (a few MB) is loaded on the first count.
 */
class InPageTokenCounter implements TokenCounter {
  private readonly waiting: Job[] = [];
  private queuedCharacters = 0;
  private counting = false;
  private closed = false;

  constructor(private readonly settings: InPageCountingSettings) {}

  count(text: string): Promise<number> {
    if (this.closed) return Promise.reject(closedError());
    // Checked and reserved in the same tick, so concurrent requests cannot all slip under the cap.
    if (this.queuedCharacters > 0 && this.queuedCharacters + text.length > this.settings.maxQueuedCharacters) {
      return Promise.reject(new TokenCounterBusyError(queueRetryAfterSeconds));
    }
    this.queuedCharacters += text.length;
    return new Promise((resolve, reject) => {
      this.waiting.push({ text, resolve, reject });
      if (!this.counting) void this.countWaiting();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.waiting.splice(0)) this.settle(job, closedError());
  }

  private async countWaiting(): Promise<void> {
    this.counting = true;
    for (let job = this.waiting.shift(); job; job = this.waiting.shift()) {
      try {
        this.settle(job, await this.countInSlices(job.text));
      } catch (error) {
        this.settle(job, error instanceof Error ? error : new Error(String(error)));
      }
    }
    this.counting = false;
  }

  private async countInSlices(text: string): Promise<number> {
    const { countPieceTokens, maxSliceLength, promptPieces } = await import('./prompt-tokens');
    let tokens = 0;
    let sinceTurn = 0;
    for (const piece of promptPieces(text)) {
      tokens += countPieceTokens(piece);
      sinceTurn += piece.length;
      if (sinceTurn >= maxSliceLength) {
        sinceTurn = 0;
        await nextTurn();
        if (this.closed) throw closedError();
      }
    }
    return tokens;
  }

  private settle(job: Job, outcome: number | Error): void {
    this.queuedCharacters -= job.text.length;
    if (typeof outcome === 'number') job.resolve(outcome);
    else job.reject(outcome);
  }
}

/** A token counter for a runtime without threads (a web page): counts in slices between turns of the event loop. */
export function startInPageTokenCounter(settings: InPageCountingSettings = defaultSettings): TokenCounter {
  return new InPageTokenCounter(settings);
}
