import { waitTimeoutMs } from './timeouts';

/**
 * Resolves once `check` holds (it may ask the API or the database), polling every 20 ms; fails naming what it
 * waited for after `waitTimeoutMs`. A bound on a hang, never a measure of speed.
 */
export async function waitUntil(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > waitTimeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
