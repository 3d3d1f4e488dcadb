import { afterEach, describe, expect, it, vi } from 'vitest';
import { coalesceRefreshes } from './coalesce-refreshes';

// Internal to the quote hook, so imported by path; driven with fake timers, as its window is time.

afterEach(() => {
  vi.useRealTimers();
});

describe('coalesceRefreshes', () => {
  it('sends one request for every refresh of a key asked within the window, at its end', async () => {
    vi.useFakeTimers();
    const refresh = coalesceRefreshes(500);
    const send = vi.fn(async () => send.mock.calls.length);
    const answers = [refresh('a', send), refresh('a', send), refresh('a', send)];
    expect(send).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(500);
    expect(send).toHaveBeenCalledTimes(1);
    expect(await Promise.all(answers)).toEqual([1, 1, 1]);
  });

  it('opens a new window for a refresh asked after the request left, and keeps keys apart', async () => {
    vi.useFakeTimers();
    const refresh = coalesceRefreshes(500);
    const sendA = vi.fn(async () => 'a');
    const sendB = vi.fn(async () => 'b');
    const first = refresh('a', sendA);
    const other = refresh('b', sendB);
    await vi.advanceTimersByTimeAsync(500);
    expect(await first).toBe('a');
    expect(await other).toBe('b');
    const second = refresh('a', sendA);
    expect(sendA).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(500);
    expect(await second).toBe('a');
    expect(sendA).toHaveBeenCalledTimes(2);
    expect(sendB).toHaveBeenCalledTimes(1);
  });

  it('passes a failure to every refresh that shared the request, and the next one asks again', async () => {
    vi.useFakeTimers();
    const refresh = coalesceRefreshes(500);
    const send = vi.fn(async () => {
      throw new Error('offline');
    });
    const shared = [refresh('a', send), refresh('a', send)].map((answer) =>
      answer.catch((error: Error) => error.message),
    );
    await vi.advanceTimersByTimeAsync(500);
    expect(await Promise.all(shared)).toEqual(['offline', 'offline']);
    const again = refresh('a', send).catch((error: Error) => error.message);
    await vi.advanceTimersByTimeAsync(500);
    expect(await again).toBe('offline');
    expect(send).toHaveBeenCalledTimes(2);
  });
});
