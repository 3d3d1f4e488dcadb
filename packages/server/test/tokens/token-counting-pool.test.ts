import { afterEach, describe, expect, it } from 'vitest';
import { countPromptTokens } from '../../src/tokens/prompt-tokens';
import type { TokenCounter } from '../../src/tokens/token-counter';
import { TokenCounterBusyError } from '../../src/tokens/token-counter-busy-error';
import { startTokenCountingPool } from '../../src/tokens/token-counting-pool';
import { worstPrompts } from '../support/worst-prompts';

let pool: TokenCounter | undefined;
afterEach(() => pool?.close());

describe('the token-counting pool', () => {
  it('counts on its threads what countPromptTokens counts, several prompts at once', async () => {
    pool = startTokenCountingPool({ workers: 2, maxQueuedCharacters: 1_000_000 });
    const prompts = ['Write a one-line opener for {{name}}.', '', ...worstPrompts(20_000).map(({ text }) => text)];
    const counted = await Promise.all(prompts.map((prompt) => (pool as TokenCounter).count(prompt)));
    expect(counted).toEqual(prompts.map(countPromptTokens));
  }, 60_000);

  it('refuses a prompt that would queue more text than the cap, and counts again once the queue drains', async () => {
    pool = startTokenCountingPool({ workers: 1, maxQueuedCharacters: 10 });
    // Both asked in the same tick: the first is still waiting for its thread when the second is refused.
    const first = pool.count('0123456789');
    const refused = pool.count('x').catch((error: unknown) => error);
    expect(await refused).toBeInstanceOf(TokenCounterBusyError);
    expect(await refused).toMatchObject({ retryAfterSeconds: expect.any(Number) });
    expect(await first).toBe(countPromptTokens('0123456789'));
    expect(await pool.count('x'.repeat(11))).toBe(countPromptTokens('x'.repeat(11)));
  }, 60_000);

  it('rejects what is still waiting when closed, and every count after', async () => {
    pool = startTokenCountingPool({ workers: 1, maxQueuedCharacters: 1_000_000 });
    const counts = [pool.count('first'), pool.count('second')].map((count) => count.catch((error: unknown) => error));
    await pool.close();
    for (const outcome of await Promise.all(counts)) expect(outcome).toBeInstanceOf(Error);
    await expect(pool.count('later')).rejects.toThrow(/closed/);
  }, 60_000);
});
