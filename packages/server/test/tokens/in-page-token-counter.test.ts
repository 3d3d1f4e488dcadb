import { afterEach, describe, expect, it } from 'vitest';
import { nextTurn } from '../../src/runtime/next-turn';
import { startInPageTokenCounter } from '../../src/tokens/in-page-token-counter';
import { countPromptTokens, maxSliceLength } from '../../src/tokens/prompt-tokens';
import type { TokenCounter } from '../../src/tokens/token-counter';
import { TokenCounterBusyError } from '../../src/tokens/token-counter-busy-error';
import { worstPrompts } from '../support/worst-prompts';

let counter: TokenCounter | undefined;
afterEach(() => counter?.close());

describe('the in-page token counter (a web page has no threads)', () => {
  it('counts what countPromptTokens counts, several prompts at once', async () => {
    counter = startInPageTokenCounter();
    const prompts = ['Write a one-line opener for {{name}}.', ...worstPrompts(20_000).map(({ text }) => text)];
    expect(await Promise.all(prompts.map((prompt) => counter?.count(prompt)))).toEqual(prompts.map(countPromptTokens));
  });

  it('lets the event loop turn while it counts a long prompt', async () => {
    counter = startInPageTokenCounter();
    const prompt = 'Tell {{name}} about our product. '.repeat(6_000);
    let done = false;
    let turns = 0;
    const counted = counter.count(prompt).finally(() => {
      done = true;
    });
    while (!done) {
      await nextTurn();
      turns += 1;
    }
    expect(await counted).toBe(countPromptTokens(prompt));
    // One turn at least per slice: a counter that held the loop for the whole prompt would allow a couple.
    expect(turns).toBeGreaterThanOrEqual(Math.floor(prompt.length / maxSliceLength));
  });

  it('refuses a prompt that would queue more text than the cap, and counts again once the queue drains', async () => {
    counter = startInPageTokenCounter({ maxQueuedCharacters: 20 });
    const first = counter.count('0123456789');
    const refused = await counter.count('x'.repeat(11)).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(TokenCounterBusyError);
    expect(refused).toMatchObject({ retryAfterSeconds: 2 });
    expect(await first).toBe(countPromptTokens('0123456789'));
    expect(await counter.count('x'.repeat(11))).toBe(countPromptTokens('x'.repeat(11)));
  });

  it('rejects what is waiting or being counted when closed, and every count after', async () => {
    counter = startInPageTokenCounter();
    const counts = [counter.count('word '.repeat(50_000)), counter.count('later')].map((count) =>
      count.catch((error: unknown) => error),
    );
    await counter.close();
    for (const outcome of await Promise.all(counts)) expect(outcome).toBeInstanceOf(Error);
    await expect(counter.count('after')).rejects.toThrow(/closed/);
  });
});
