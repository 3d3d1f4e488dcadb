import { screen, waitFor } from '@testing-library/react';
import { expect } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { BrowserSession } from './clients';

/**
 * In Chromium, with the keyboard alone: Tab reaches the Try again button, which shows a visible focus ring,
 * and Enter makes `session` ask again (for `path`, when given; for anything otherwise).
 */
export async function retryFromKeyboard(session: BrowserSession, path?: string): Promise<void> {
  const asked = () => (path === undefined ? session.requests.length : session.sentTo(path));
  const retry = await screen.findByRole('button', { name: 'Try again' });
  const before = asked();

  await userEvent.tab();
  expect(retry).toHaveFocus();
  expect(retry.matches(':focus-visible')).toBe(true);
  expect(getComputedStyle(retry).outlineStyle).toBe('solid');
  await userEvent.keyboard('{Enter}');
  await waitFor(() => expect(asked()).toBeGreaterThan(before));
}
