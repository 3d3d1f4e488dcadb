import '../../styles/styles.css';
import { AiRunBudgetInput, type AiRunBudgetInputProps } from '@creditkit/react';
import type { CreditClient } from '@creditkit/sdk';
import { screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { expectNoAxeViolations } from '../../../test/support/axe';
import { waitingClient } from '../../../test/support/clients';
import { renderWithCredits } from '../../../test/support/render-with-credits';
import { createTestWorkspace } from '../../../test/support/test-workspace';

// Runs in Chromium against the reference server: real focus, real key presses, the real stylesheet.

type HostProps = Omit<AiRunBudgetInputProps, 'value' | 'onValueChange'> & {
  initial?: number | null;
  reported?: (number | null)[];
};

function Host({ initial = null, reported = [], ...props }: HostProps) {
  const [value, setValue] = useState<number | null>(initial);
  const onValueChange = (next: number | null) => {
    reported.push(next);
    setValue(next);
  };
  return <AiRunBudgetInput {...props} value={value} onValueChange={onValueChange} />;
}

function renderBudget(client: CreditClient, locale: string, props: Partial<HostProps> = {}) {
  const view = renderWithCredits(
    <Host model="gpt-mini" rows={1000} inputTokens={800} outputTokens={200} {...props} />,
    {
      client,
      locale,
    },
  );
  return { container: view.container, input: within(view.container).getByRole('textbox') };
}

/** A host with a Run button enabled only while the field holds a budget. */
function HostWithRun() {
  const [budget, setBudget] = useState<number | null>(5);
  return (
    <>
      <AiRunBudgetInput model="gpt-mini" rows={10} inputTokens={800} value={budget} onValueChange={setBudget} />
      <button type="button" disabled={budget === null}>
        Run
      </button>
    </>
  );
}

const member = async () => (await createTestWorkspace('starter-monthly')).connect('member');

describe('AiRunBudgetInput in Chromium', () => {
  it('R9: is typed with the keyboard alone, shows its focus, and reads 1.000,5 in de-DE as 1000.5', async () => {
    const { client } = await member();
    const reported: (number | null)[] = [];
    const { input } = renderBudget(client, 'de-DE', { reported });
    await userEvent.tab();
    expect(input).toHaveFocus();
    expect(getComputedStyle(input).outlineStyle).toBe('solid');

    await userEvent.keyboard('1.000,5');
    expect(reported.at(-1)).toBe(1000.5);
    await userEvent.tab();
    expect(input).not.toHaveFocus();
    expect(input).toHaveValue('1.000,5');

    await userEvent.tab({ shift: true });
    await userEvent.keyboard('{Control>}a{/Control}-3');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription(expect.stringContaining('Credits cannot be negative.'));
    expect(reported.at(-1)).toBeNull();
  });

  it('R9: a host’s Run button follows the field’s validity from the keyboard: disabled on 0 and on abc, axe clean', async () => {
    const { client } = await member();
    const view = renderWithCredits(<HostWithRun />, { client, locale: 'en-US' });
    const input = within(view.container).getByRole('textbox');
    const run = within(view.container).getByRole('button', { name: 'Run' });
    await userEvent.tab();
    expect(input).toHaveFocus();
    await userEvent.keyboard('{Control>}a{/Control}0');
    expect(input).toHaveValue('0');
    expect(run).toBeDisabled();
    // A disabled button is no stop on the way: Tab leaves the page's controls.
    await userEvent.tab();
    expect(run).not.toHaveFocus();
    await userEvent.tab({ shift: true });
    await userEvent.keyboard('{Control>}a{/Control}7');
    expect(run).toBeEnabled();
    await userEvent.keyboard('abc');
    expect(run).toBeDisabled();
    await screen.findByText('≈0.16 / row · ≈1.6 credits for 10 rows');
    await expectNoAxeViolations(view.container);
    await userEvent.keyboard('{Backspace}{Backspace}{Backspace}');
    expect(run).toBeEnabled();
    await userEvent.tab();
    expect(run).toHaveFocus();
  });

  it('reads fullwidth digits typed in ja-JP', async () => {
    const { client } = await member();
    const reported: (number | null)[] = [];
    const { input } = renderBudget(client, 'ja-JP', { reported });
    await userEvent.fill(input, '１，２３４．５');
    expect(reported.at(-1)).toBe(1234.5);
    await userEvent.tab();
    expect(input).toHaveValue('1,234.5');
  });

  it('has no axe violations while loading', async () => {
    const { container } = renderBudget(waitingClient(), 'en-US', { initial: 100 });
    expect(screen.getByText('Estimating…')).toHaveAttribute('data-state', 'loading');
    await expectNoAxeViolations(container);
  });

  it('has no axe violations with an estimate, and none with both warnings', async () => {
    const { client } = await member();
    const { container } = renderBudget(client, 'en-US', { initial: 100 });
    await screen.findByText('≈0.28 / row · ≈280 credits for 1,000 rows');
    await expectNoAxeViolations(container);

    // 50,000 rows estimate 14,000 credits: above a 5,000 budget, itself above the 2,000 spendable.
    const warned = renderBudget(client, 'en-US', { rows: 50_000, initial: 5000 });
    await waitFor(() => expect(warned.container.querySelector('[data-state="over-budget"]')).not.toBeEmptyDOMElement());
    await waitFor(() =>
      expect(warned.container.querySelector('[data-state="over-balance"]')).not.toBeEmptyDOMElement(),
    );
    await expectNoAxeViolations(warned.container);
  });

  it('has no axe violations with invalid text, nor when the estimate failed', async () => {
    const { client } = await member();
    const { container, input } = renderBudget(client, 'en-US', { model: 'gpt-unicorn' });
    await userEvent.fill(input, '1.23456');
    await screen.findByText('No estimate available.');
    expect(screen.getByText('Use at most 3 decimals.')).toBeVisible();
    await expectNoAxeViolations(container);
  });

  it('R10: has no axe violations when the own key makes the run free', async () => {
    const workspace = await createTestWorkspace('starter-monthly');
    await (await workspace.connect('admin')).client.integrations.setKey('openai', { apiKey: 'own-openai-key-0002' });
    const { client } = await workspace.connect('member');
    const { container } = renderBudget(client, 'en-US', { initial: 10 });
    await screen.findByText('Your own API key pays for this model, so the run costs no credits.');
    await expectNoAxeViolations(container);
  });

  it.each(['de-DE', 'ja-JP'])('has no axe violations in %s', async (locale) => {
    const { client } = await member();
    const { container } = renderBudget(client, locale, { initial: 1234.5 });
    await screen.findByText(/row/);
    await expectNoAxeViolations(container);
  });

  it('has no axe violations in the dark theme, warnings shown', async () => {
    const { client } = await member();
    const { container } = renderBudget(client, 'en-US', { theme: 'dark', rows: 50_000, initial: 5000 });
    expect(container.querySelector('.ck-root')).toHaveAttribute('data-theme', 'dark');
    await waitFor(() => expect(container.querySelector('[data-state="over-balance"]')).not.toBeEmptyDOMElement());
    await screen.findByText(/is above the budget/);
    await expectNoAxeViolations(container);
  });
});
