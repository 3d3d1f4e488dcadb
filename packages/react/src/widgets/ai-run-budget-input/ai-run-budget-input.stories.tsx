import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import { AiRunBudgetInput, type AiRunBudgetInputProps } from './ai-run-budget-input';

/**
 * A host page that holds the budget, as the controlled input needs; the `onValueChange` arg hears every value.
 * With `runButton`, the host's Run button too, enabled only while the field holds a budget.
 */
function ControlledBudget({ runButton, ...args }: AiRunBudgetInputProps & { runButton?: boolean }) {
  const [value, setValue] = useState(args.value);
  const input = (
    <AiRunBudgetInput
      {...args}
      value={value}
      onValueChange={(next, validity) => {
        setValue(next);
        args.onValueChange(next, validity);
      }}
    />
  );
  if (!runButton) return input;
  return (
    <div style={{ display: 'grid', gap: '0.5rem', justifyItems: 'start' }}>
      {input}
      <button type="button" disabled={value === null}>
        Run AI summary
      </button>
    </div>
  );
}

const meta = {
  title: 'Widgets/AiRunBudgetInput',
  component: AiRunBudgetInput,
  tags: ['autodocs'],
  render: (args) => <ControlledBudget {...args} />,
  // A run of 1,000 rows of GPT mini with 950 prompt and 180 output tokens each: 0.19 + 0.108 = 0.298 a row (R9).
  args: { model: 'gpt-mini', rows: 1_000, inputTokens: 950, outputTokens: 180, value: null, onValueChange: fn() },
  argTypes: {
    // The reference catalogue's models, and one it does not have.
    model: { control: 'select', options: ['gpt-mini', 'gpt-large', 'claude-haiku', 'gpt-unicorn'] },
    value: { control: { type: 'number', min: 0 } },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
  },
  parameters: {
    docs: {
      description: {
        component:
          "An AI run's budget, typed the locale's way, with the run's estimate from the model's rates per " +
          '1,000 tokens (R9) and warnings when the estimate passes the budget or the budget the spendable ' +
          'balance (21,672.68 credits in the `normal` scenario).',
      },
    },
  },
} satisfies Meta<typeof AiRunBudgetInput>;

export default meta;
type Story = StoryObj<typeof meta>;

const budgetInput = { name: 'Run budget (credits)' } as const;

/** No budget typed yet: the estimate is computed locally from the token counts, no request per keystroke. */
export const Empty: Story = {
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('≈0.298 / row · ≈298 credits for 1,000 rows')).toBeVisible();
  },
};

/** R9: a budget that covers the estimate. */
export const WithinBudget: Story = {
  args: { value: 400 },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('≈0.298 / row · ≈298 credits for 1,000 rows')).toBeVisible();
    await expect(canvas.queryByText(/is above the budget/)).toBeNull();
  },
};

/** R9: the estimate passes the budget: the run will stop once the budget is spent. */
export const OverBudget: Story = {
  args: { value: 200 },
  play: async ({ canvas }) => {
    await expect(
      await canvas.findByText(
        'The estimate (298 credits) is above the budget (200 credits): the run stops once the budget is spent.',
      ),
    ).toBeVisible();
  },
};

/** R1, R9: the budget is more than the workspace can spend. */
export const OverBalance: Story = {
  args: { value: 30_000 },
  play: async ({ canvas }) => {
    await expect(
      await canvas.findByText('The budget (30,000 credits) is more than your spendable balance (21,672.68 credits).'),
    ).toBeVisible();
  },
};

/** Typing a budget reports each valid amount to the host. */
export const Typing: Story = {
  play: async ({ args, canvas }) => {
    const input = canvas.getByRole('textbox', budgetInput);
    await userEvent.type(input, '1,250.5');
    await expect(args.onValueChange).toHaveBeenLastCalledWith(1250.5, { valid: true, problem: null });
    await userEvent.tab();
    await expect(input).toHaveValue('1,250.5');
  },
};

/** Text that is not an amount is marked invalid with the reason; the host hears no budget, and why. */
export const Invalid: Story = {
  play: async ({ args, canvas }) => {
    const input = canvas.getByRole('textbox', budgetInput);
    await userEvent.type(input, '12.5.0');
    await expect(input).toHaveAttribute('aria-invalid', 'true');
    await expect(canvas.getByText('Enter a number of credits.')).toBeVisible();
    await expect(args.onValueChange).toHaveBeenLastCalledWith(null, {
      valid: false,
      problem: 'Enter a number of credits.',
    });
  },
};

/** The host disables its Run button while the text is no budget: `0` over a budget of 5. */
export const InvalidDisablesRun: Story = {
  args: { value: 5 },
  render: (args) => <ControlledBudget {...args} runButton />,
  play: async ({ args, canvas }) => {
    const input = canvas.getByRole('textbox', budgetInput);
    const run = canvas.getByRole('button', { name: 'Run AI summary' });
    await expect(run).toBeEnabled();
    await userEvent.tripleClick(input);
    await userEvent.keyboard('0');
    await expect(canvas.getByText('A run budget must be more than 0 credits.')).toBeVisible();
    await expect(run).toBeDisabled();
    await expect(args.onValueChange).toHaveBeenLastCalledWith(null, {
      valid: false,
      problem: 'A run budget must be more than 0 credits.',
    });
  },
};

/** A budget must allow something. */
export const Zero: Story = {
  play: async ({ canvas }) => {
    await userEvent.type(canvas.getByRole('textbox', budgetInput), '0');
    await expect(canvas.getByText('A run budget must be more than 0 credits.')).toBeVisible();
  },
};

/** R9: with the prompt text instead of token counts, the API counts the tokens a pause after the last change. */
export const PromptCountedByTheApi: Story = {
  args: {
    model: 'gpt-large',
    rows: 250,
    prompt: 'Write a two-line opener for {{company}} that mentions their latest funding round.',
    outputTokens: 120,
    value: 500,
  },
  // Without token counts: the prompt is what is estimated.
  render: ({ inputTokens: _countedByTheApi, ...args }) => <ControlledBudget {...args} />,
  play: async ({ canvas }) => {
    // The API's tokenizer counts 16 tokens: 16 × 2.5 + 120 × 10 per 1,000 = 1.24 a row.
    await expect(await canvas.findByText('≈1.24 / row · ≈310 credits for 250 rows')).toBeVisible();
  },
};

/** R10: the workspace's own OpenAI key pays for the model: the run costs no credits. */
export const OwnKey: Story = {
  args: { value: 50 },
  parameters: { creditkit: { scenario: 'ownKey' } },
  play: async ({ canvas }) => {
    await expect(
      await canvas.findByText('Your own API key pays for this model, so the run costs no credits.'),
    ).toBeVisible();
  },
};

/** A model the API does not know: no estimate. */
export const UnknownModel: Story = {
  args: { model: 'gpt-unicorn' },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('No estimate available.')).toBeVisible();
  },
};

/** While the model rates load. */
export const Estimating: Story = {
  parameters: { creditkit: { scenario: 'loading' } },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Estimating…')).toBeVisible();
  },
};

/** The rates cannot be loaded (500): the input still works, without an estimate. */
export const ServerError: Story = {
  args: { value: 300 },
  parameters: { creditkit: { scenario: 'serverError' } },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('No estimate available.')).toBeVisible();
  },
};

/** The request never reaches the API. */
export const NetworkError: Story = {
  parameters: { creditkit: { scenario: 'networkError' } },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('No estimate available.')).toBeVisible();
  },
};

/** The opt-in dark theme, with both warnings showing. */
export const DarkTheme: Story = {
  args: { value: 30_000, rows: 150_000 },
  globals: { theme: 'dark' },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText(/is more than your spendable balance/)).toBeVisible();
    await expect(canvas.getByText(/is above the budget/)).toBeVisible();
  },
};

/** An invalid amount in the dark theme. */
export const DarkThemeInvalid: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvas }) => {
    await userEvent.type(canvas.getByRole('textbox', budgetInput), 'abc');
    await expect(canvas.getByText('Enter a number of credits.')).toBeVisible();
  },
};

/** de-DE, in German: `1.000,5` is one thousand and a half; `1,000.5` is refused as ambiguous. */
export const German: Story = {
  globals: { locale: 'de-DE' },
  play: async ({ args, canvas }) => {
    const input = canvas.getByRole('textbox', { name: 'Budget des Durchlaufs (Credits)' });
    await expect(await canvas.findByText('≈0,298 / Zeile · ≈298 Credits für 1.000 Zeilen')).toBeVisible();
    await userEvent.type(input, '1.000,5');
    await waitFor(() => expect(args.onValueChange).toHaveBeenLastCalledWith(1000.5, { valid: true, problem: null }));
  },
};

/** ja-JP, in Japanese: fullwidth digits from a Japanese input method read as the same amount. */
export const Japanese: Story = {
  globals: { locale: 'ja-JP' },
  play: async ({ args, canvas }) => {
    await userEvent.type(canvas.getByRole('textbox', { name: '実行の予算（クレジット）' }), '１，２５０．５');
    await waitFor(() => expect(args.onValueChange).toHaveBeenLastCalledWith(1250.5, { valid: true, problem: null }));
  },
};
