import { AiRunBudgetInput, type AiRunBudgetInputProps, type AiRunBudgetValidity } from '@creditkit/react';
import type { CreditClient } from '@creditkit/sdk';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { renderWithCredits } from '../../../test/support/render-with-credits';
import { createTestWorkspace } from '../../../test/support/test-workspace';

type HarnessProps = Omit<AiRunBudgetInputProps, 'value' | 'onValueChange'> & {
  initial?: number | null;
  /** Every value the widget reported, in order. */
  reported: (number | null)[];
};

/** A host page that holds the budget, as a controlled input needs. */
function Host({ initial = null, reported, ...props }: HarnessProps) {
  const [value, setValue] = useState<number | null>(initial);
  return (
    <AiRunBudgetInput
      {...props}
      value={value}
      onValueChange={(next) => {
        reported.push(next);
        setValue(next);
      }}
    />
  );
}

async function renderBudget(client: CreditClient, locale: string, props: Partial<HarnessProps> = {}) {
  const reported: (number | null)[] = [];
  renderWithCredits(<Host model="gpt-mini" rows={1000} reported={reported} {...props} />, { client, locale });
  const input = screen.getByRole('textbox', { name: 'Run budget (credits)' });
  return { input, reported };
}

/** A host with a Run button enabled only while the field holds a budget; `checks` hears every validity. */
function HostWithRun({ checks }: { checks: AiRunBudgetValidity[] }) {
  const [budget, setBudget] = useState<number | null>(5);
  return (
    <>
      <AiRunBudgetInput
        model="gpt-mini"
        rows={10}
        value={budget}
        onValueChange={(next, validity) => {
          checks.push(validity);
          setBudget(next);
        }}
      />
      <button type="button" disabled={budget === null}>
        Run with {String(budget)}
      </button>
    </>
  );
}

const member = async () => (await createTestWorkspace('starter-monthly')).connect('member');

describe('AiRunBudgetInput against the reference server', () => {
  it('R9: reads 1.000,5 in de-DE as 1000.5, and writes the budget for the locale when not focused', async () => {
    const { client } = await member();
    const { input, reported } = await renderBudget(client, 'de-DE', { initial: 2500 });
    expect(input).toHaveValue('2.500');
    expect(input).toHaveAttribute('inputmode', 'decimal');

    await userEvent.clear(input);
    await userEvent.type(input, '1.000,5');
    // Cleared, then each prefix: `1.`, `1.0` and `1.00` are no German numbers, so no budget; `1.000` is 1000.
    expect(reported).toEqual([null, 1, null, null, null, 1000, 1000, 1000.5]);
    await userEvent.tab();
    expect(input).toHaveValue('1.000,5');
    expect(input).toHaveAttribute('aria-invalid', 'false');

    await userEvent.clear(input);
    await userEvent.type(input, '12345,25');
    await userEvent.tab();
    expect(reported.at(-1)).toBe(12345.25);
    expect(input).toHaveValue('12.345,25');
  });

  it.each([
    ['-5', 'Credits cannot be negative.'],
    ['1.2345', 'Use at most 3 decimals.'],
    ['Infinity', 'Enter a number of credits.'],
    ['2000000000', 'That is more credits than can be set.'],
    ['0.0', 'A run budget must be more than 0 credits.'],
  ])(
    'refuses %s in en-US: keeps the text, marks it invalid and says why, and reports no budget',
    async (typed, why) => {
      const { client } = await member();
      const { input, reported } = await renderBudget(client, 'en-US', { initial: 50 });
      await userEvent.clear(input);
      await userEvent.type(input, typed.slice(0, -1));
      await userEvent.type(input, typed.slice(-1));
      await userEvent.tab();
      expect(reported.at(-1)).toBeNull();
      expect(input).toHaveValue(typed);
      expect(input).toHaveAttribute('aria-invalid', 'true');
      expect(input).toHaveAccessibleDescription(expect.stringContaining(why));
      expect(screen.getByText(why)).toHaveAttribute('aria-live', 'polite');
      expect(input.closest('.ck-root')).toHaveAttribute('data-state', 'invalid');
    },
  );

  it('refuses 1,000.5 in de-DE as ambiguous, then reports null when cleared', async () => {
    const { client } = await member();
    const { input, reported } = await renderBudget(client, 'de-DE', { initial: 7 });
    await userEvent.clear(input);
    await userEvent.type(input, '1,000.5');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription(expect.stringContaining('Enter a number of credits.'));
    // `1,000` is one in de-DE; the `.` after it makes the text ambiguous, so no budget.
    expect(reported).toEqual([null, 1, 1, 1, 1, 1, null, null]);

    await userEvent.clear(input);
    expect(reported.at(-1)).toBeNull();
    expect(input).toHaveAttribute('aria-invalid', 'false');
    expect(input.closest('.ck-root')).toHaveAttribute('data-state', 'empty');
  });

  it('R9: estimates locally from token counts, per row and in total, and warns politely when it exceeds the budget', async () => {
    const { client, requests } = await member();
    // gpt-mini: 0.2 credits per 1,000 prompt tokens, 0.6 per 1,000 output tokens.
    const { input } = await renderBudget(client, 'en-US', { inputTokens: 800, outputTokens: 200, initial: 100 });
    expect(await screen.findByText('≈0.28 / row · ≈280 credits for 1,000 rows')).toBeInTheDocument();
    expect(input).toHaveAccessibleDescription(expect.stringContaining('≈280 credits for 1,000 rows'));
    const warning = screen.getAllByRole('status').find((status) => status.dataset.state === 'over-budget');
    expect(warning).toHaveTextContent(
      'The estimate (280 credits) is above the budget (100 credits): the run stops once the budget is spent.',
    );

    await userEvent.clear(input);
    await userEvent.type(input, '280');
    expect(screen.queryByText(/is above the budget/)).not.toBeInTheDocument();
    expect(requests).not.toContain('/v1/ai/estimates');
  });

  it('R9: has the server count the prompt, and quotes what the API quotes', async () => {
    const { client, requests } = await member();
    const prompt = 'Write a two-line opener for {{company}} that mentions their latest funding round.';
    const quoted = await client.ai.estimates.create({ model: 'gpt-large', rows: 250, prompt, outputTokens: 120 });
    await renderBudget(client, 'en-US', { model: 'gpt-large', rows: 250, prompt, outputTokens: 120, initial: 1 });
    const format = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });
    expect(
      await screen.findByText(
        `≈${format.format(quoted.perRow)} / row · ≈${format.format(quoted.total)} credits for 250 rows`,
      ),
    ).toBeInTheDocument();
    expect(requests.filter((request) => request === '/v1/ai/estimates')).toHaveLength(2);
  });

  it('R9: asks the server to count a prompt being typed only once it pauses', async () => {
    const { client, requests } = await member();
    const props = { model: 'gpt-mini', rows: 10, outputTokens: 10, reported: [] };
    const view = renderWithCredits(<Host {...props} prompt="Hi" />, { client, locale: 'en-US' });
    await screen.findByText(/for 10 rows/);
    for (const prompt of ['Hi t', 'Hi th', 'Hi the', 'Hi there, {{name}}'])
      view.rerender(<Host {...props} prompt={prompt} />);
    const estimates = () => requests.filter((request) => request === '/v1/ai/estimates');
    await waitFor(() => expect(estimates()).toHaveLength(2));
    const quoted = await client.ai.estimates.create({ ...props, prompt: 'Hi there, {{name}}' });
    await screen.findByText(`≈${quoted.perRow} / row · ≈${quoted.total} credits for 10 rows`);
    expect(estimates()).toHaveLength(3);
  });

  it('R1: warns when the budget is more than the spendable balance', async () => {
    const { client } = await member();
    const { spendable } = await client.balance.retrieve();
    const { input } = await renderBudget(client, 'en-US');
    await userEvent.type(input, '2500');
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent(
        `The budget (2,500 credits) is more than your spendable balance (${new Intl.NumberFormat('en-US').format(spendable)} credits).`,
      ),
    );
    await userEvent.clear(input);
    await userEvent.type(input, String(spendable));
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
  });

  it('R10: says the run is free when the workspace has its own key for the model, and warns of no overrun', async () => {
    const workspace = await createTestWorkspace('starter-monthly');
    const admin = await workspace.connect('admin');
    await admin.client.integrations.setKey('openai', { apiKey: 'own-openai-key-0001' });
    const { client } = await workspace.connect('member');
    await renderBudget(client, 'en-US', { inputTokens: 5000, outputTokens: 5000, initial: 0.001 });
    expect(
      await screen.findByText('Your own API key pays for this model, so the run costs no credits.'),
    ).toHaveAttribute('data-state', 'own-key');
    expect(screen.queryByText(/is above the budget/)).not.toBeInTheDocument();
  });

  it('says no estimate is available for a model the API does not know', async () => {
    const { client } = await member();
    await renderBudget(client, 'en-US', { model: 'gpt-unicorn', inputTokens: 10, outputTokens: 10 });
    expect(await screen.findByText('No estimate available.')).toHaveAttribute('data-state', 'error');
  });

  it('R9: tells the host when the text is no budget, so a Run button is disabled, never run on a stale or default budget', async () => {
    const { client } = await member();
    const checks: AiRunBudgetValidity[] = [];
    renderWithCredits(<HostWithRun checks={checks} />, { client, locale: 'en-US' });
    const input = screen.getByRole('textbox', { name: 'Run budget (credits)' });
    const run = () => screen.getByRole('button', { name: /^Run with/ });
    expect(run()).toBeEnabled();

    // Typed over the selected 5, as a reader replaces a value: no empty text on the way.
    await userEvent.type(input, '0', { initialSelectionStart: 0, initialSelectionEnd: 1 });
    expect(input).toHaveValue('0');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(run()).toBeDisabled();
    expect(checks.at(-1)).toEqual({ valid: false, problem: 'A run budget must be more than 0 credits.' });

    await userEvent.clear(input);
    await userEvent.type(input, '7');
    expect(run()).toHaveAccessibleName('Run with 7');
    expect(checks.at(-1)).toEqual({ valid: true, problem: null });
    await userEvent.type(input, 'abc');
    // Not the last valid budget (7): the text means none.
    expect(run()).toBeDisabled();
    expect(checks.at(-1)).toEqual({ valid: false, problem: 'Enter a number of credits.' });
    await userEvent.tab();
    expect(input).toHaveValue('7abc');
    expect(run()).toBeDisabled();

    await userEvent.clear(input);
    expect(checks.at(-1)).toEqual({ valid: true, problem: null });
    await userEvent.type(input, '12.5');
    expect(run()).toHaveAccessibleName('Run with 12.5');
  });

  it('takes the host id and label, so a host label can name it', async () => {
    const { client } = await member();
    renderWithCredits(
      <Host model="gpt-mini" rows={1} reported={[]} id="enrichment-budget" label="Budget for this column" />,
      { client, locale: 'en-US' },
    );
    expect(screen.getByRole('textbox', { name: 'Budget for this column' })).toHaveAttribute('id', 'enrichment-budget');
  });
});
