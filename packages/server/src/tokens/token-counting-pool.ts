import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { MAX_PROMPT_LENGTH } from '@creditkit/sdk/schemas';
import type { TokenCounter } from './token-counter';
import { queueRetryAfterSeconds, TokenCounterBusyError } from './token-counter-busy-error';

export interface TokenCountingSettings {
  /** Threads that count; each is started on first need and holds its own copy of the tokenizer (80–120 MB measured). */
  workers: number;
  /**
   * Characters of prompt text waiting or being counted, all workspaces together. A prompt that would go past it
   * is refused (503) unless nothing is queued, so one prompt of any admitted length always gets counted.
   */
  maxQueuedCharacters: number;
}

/**
 * One thread less than the machine's cores, so the event loop keeps one, and at most 4. The queue holds five
 * prompts of the longest kind per thread: at the slowest rate measured (2–3.5 µs a character of random CJK text
 * on a busy 2-core machine) a full queue drains in 2–4 s; a refusal asks the caller to wait 2 s.
 */
export function defaultTokenCountingSettings(): TokenCountingSettings {
  const workers = Math.max(1, Math.min(4, availableParallelism() - 1));
  return { workers, maxQueuedCharacters: workers * 5 * MAX_PROMPT_LENGTH };
}

/*
 * The built server runs dist/count-worker.js beside its bundle; its tests run the TypeScript sources, where the
 * thread starts through count-worker-from-source.mjs, which registers the TypeScript loader first.
 */
const workerUrl = import.meta.url.endsWith('.ts')
  ? new URL('./count-worker-from-source.mjs', import.meta.url)
  : new URL('./count-worker.js', import.meta.url);

interface Job {
  text: string;
  resolve: (tokens: number) => void;
  reject: (error: Error) => void;
}

/** Counts prompts on worker threads, first come first served, with a cap on the text waiting. */
class TokenCountingPool implements TokenCounter {
  private readonly idle: Worker[] = [];
  private readonly counting = new Map<Worker, Job>();
  private readonly waiting: Job[] = [];
  private queuedCharacters = 0;
  private closed = false;

  constructor(private readonly settings: TokenCountingSettings) {}

  count(text: string): Promise<number> {
    if (this.closed) return Promise.reject(new Error('The token counter is closed.'));
    // Checked and reserved in the same tick, so concurrent requests cannot all slip under the cap.
    if (this.queuedCharacters > 0 && this.queuedCharacters + text.length > this.settings.maxQueuedCharacters) {
      return Promise.reject(new TokenCounterBusyError(queueRetryAfterSeconds));
    }
    this.queuedCharacters += text.length;
    return new Promise((resolve, reject) => {
      this.waiting.push({ text, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.waiting.splice(0)) this.settle(job, new Error('The token counter is closed.'));
    await Promise.all([...this.idle, ...this.counting.keys()].map((worker) => worker.terminate()));
  }

  private dispatch(): void {
    while (this.waiting.length > 0) {
      const worker =
        this.idle.pop() ?? (this.idle.length + this.counting.size < this.settings.workers ? this.spawn() : undefined);
      const job = worker && this.waiting.shift();
      if (!worker || !job) return;
      this.counting.set(worker, job);
      // A thread with work keeps the process alive; an idle one does not.
      worker.ref();
      worker.postMessage(job.text);
    }
  }

  private spawn(): Worker {
    const worker = new Worker(workerUrl);
    worker.on('message', (tokens: number) => {
      const job = this.counting.get(worker);
      this.counting.delete(worker);
      worker.unref();
      this.idle.push(worker);
      if (job) this.settle(job, tokens);
      this.dispatch();
    });
    // A thread that throws or dies takes its prompt with it; the next prompt starts a new thread.
    const retire = (error: Error) => {
      const job = this.counting.get(worker);
      this.counting.delete(worker);
      const idleAt = this.idle.indexOf(worker);
      if (idleAt >= 0) this.idle.splice(idleAt, 1);
      if (job) this.settle(job, error);
      if (!this.closed) this.dispatch();
    };
    worker.on('error', retire);
    worker.on('exit', (code) => retire(new Error(`A token-counting thread exited with code ${code}.`)));
    return worker;
  }

  private settle(job: Job, outcome: number | Error): void {
    this.queuedCharacters -= job.text.length;
    if (typeof outcome === 'number') job.resolve(outcome);
    else job.reject(outcome);
  }
}

/** A pool of worker threads that count prompt tokens off the event loop; threads start on the first count. */
export function startTokenCountingPool(settings: TokenCountingSettings = defaultTokenCountingSettings()): TokenCounter {
  return new TokenCountingPool(settings);
}
