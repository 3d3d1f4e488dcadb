import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { waitForWidgetState } from '../../../storybook/story-helpers';
import { CreditCostBadge } from './credit-cost-badge';

const meta = {
  title: 'Widgets/CreditCostBadge',
  component: CreditCostBadge,
  tags: ['autodocs'],
  args: { actionId: 'find-work-email' },
  argTypes: {
    // The reference catalogue's actions, and one it does not have.
    actionId: {
      control: 'select',
      options: [
        'lookup-company-domain',
        'find-work-email',
        'verify-email',
        'find-linkedin-url',
        'enrich-person',
        'enrich-company',
        'find-phone-number',
        'find-mobile-phone',
        'ai-write-gpt-mini',
        'ai-write-gpt-large',
        'ai-write-claude-haiku',
        'find-unicorn',
      ],
    },
    rows: { control: { type: 'number', min: 1, step: 1 } },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
  },
  parameters: {
    docs: {
      description: {
        component:
          'The price of an action before it runs, for the enrichment panel. Badges rendered in the same tick ' +
          'share one `GET /v1/actions?ids=…` request. Prices come from the reference catalogue: lookups cost ' +
          '0–10 credits, AI actions are quoted per typical row (800 prompt + 200 output tokens) from the ' +
          "model's rates.",
      },
    },
  },
} satisfies Meta<typeof CreditCostBadge>;

export default meta;
type Story = StoryObj<typeof meta>;

const panel = ['lookup-company-domain', 'find-work-email', 'verify-email', 'find-mobile-phone', 'ai-write-gpt-mini'];

/** Several badges, as the enrichment panel shows them: one request prices them all. */
function Panel(args: Parameters<typeof CreditCostBadge>[0]) {
  return (
    <ul
      style={{ display: 'flex', flexWrap: 'wrap', gap: 'var(--ck-space-2)', listStyle: 'none', margin: 0, padding: 0 }}
    >
      {panel.map((actionId) => (
        <li key={actionId}>
          <CreditCostBadge {...args} actionId={actionId} />
        </li>
      ))}
    </ul>
  );
}

/** R8: a lookup's list price. */
export const Lookup: Story = {
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('group', { name: 'Find work email: 1 credit' })).toBeVisible();
    // Provider and data type show after the cost, for sighted readers too.
    await expect(canvas.getByText('Provider: mailfinder · Data: email')).toBeVisible();
  },
};

/** R8: for a dense panel, the provider and data type only describe the badge and show as a pointer's tooltip. */
export const DetailsHidden: Story = {
  args: { actionId: 'find-mobile-phone', showDetails: false },
  play: async ({ canvas }) => {
    const badge = await canvas.findByRole('group', { name: 'Find mobile phone number: 10 credits' });
    await expect(badge).toHaveAttribute('title', 'Provider: phonebook · Data: mobile_phone');
    await expect(badge).toHaveAttribute('data-details', 'hidden');
    // Clipped to a pixel: read as the description, not shown.
    const details = badge.querySelector('.ck-cost-badge__details');
    await expect(details?.getBoundingClientRect().width).toBeLessThanOrEqual(1);
  },
};

/** R8: harder data costs more: a mobile phone number is 10 credits. */
export const HarderData: Story = {
  args: { actionId: 'find-mobile-phone' },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('group', { name: 'Find mobile phone number: 10 credits' })).toBeVisible();
  },
};

/** A free action: the domain lookup costs nothing. */
export const Free: Story = {
  args: { actionId: 'lookup-company-domain' },
  play: async ({ canvasElement }) => waitForWidgetState(canvasElement, 'free'),
};

/** R9: an AI action is quoted per typical row: GPT mini at 0.2 / 0.6 credits per 1,000 tokens is 0.28 a row. */
export const AiPerRow: Story = {
  args: { actionId: 'ai-write-gpt-mini' },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('group', { name: 'Use AI (GPT mini): ≈0.28 credits / row' })).toBeVisible();
  },
};

/** R9: with `rows`, the run's total: GPT large at 2.5 / 10 per 1,000 tokens is 4 a row, 5,000 over 1,250 rows. */
export const AiRunTotal: Story = {
  args: { actionId: 'ai-write-gpt-large', rows: 1_250 },
  play: async ({ canvas }) => {
    await expect(
      await canvas.findByRole('group', { name: 'Use AI (GPT large): ≈5,000 credits for 1,250 rows' }),
    ).toBeVisible();
  },
};

/** R10: the workspace's own Phonebook key pays, so the mobile number costs 0 credits. */
export const OwnKey: Story = {
  args: { actionId: 'find-mobile-phone' },
  parameters: { creditkit: { scenario: 'ownKey' } },
  play: async ({ canvas }) => {
    const badge = await canvas.findByRole('group', { name: 'Find mobile phone number: Free · own key' });
    await expect(badge).toHaveAccessibleDescription(
      'Provider: phonebook · Data: mobile_phone Your own phonebook API key is used, so no credits are charged.',
    );
  },
};

/** R9, R10: an AI action is free too when the workspace has its own key for the model's provider. */
export const OwnKeyAi: Story = {
  args: { actionId: 'ai-write-gpt-large' },
  parameters: { creditkit: { scenario: 'ownKey' } },
  play: async ({ canvasElement }) => waitForWidgetState(canvasElement, 'own-key'),
};

/** The enrichment panel: five badges, one request. */
export const EnrichmentPanel: Story = {
  render: (args) => <Panel {...args} />,
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('group', { name: 'Verify email: 0.5 credits' })).toBeVisible();
  },
};

/** The same panel when the workspace has its own Phonebook and OpenAI keys. */
export const EnrichmentPanelWithOwnKeys: Story = {
  render: (args) => <Panel {...args} />,
  parameters: { creditkit: { scenario: 'ownKey' } },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('group', { name: 'Use AI (GPT mini): Free · own key' })).toBeVisible();
  },
};

/** An action the API does not know: the badge says so instead of failing the panel. */
export const UnknownAction: Story = {
  args: { actionId: 'find-unicorn' },
  play: async ({ canvasElement }) => waitForWidgetState(canvasElement, 'not-found'),
};

/** Before the price arrives. */
export const Loading: Story = {
  parameters: { creditkit: { scenario: 'loading' } },
  play: async ({ canvasElement }) => waitForWidgetState(canvasElement, 'loading'),
};

/** The API answers 500. */
export const ServerError: Story = {
  parameters: { creditkit: { scenario: 'serverError' } },
  play: async ({ canvasElement }) => waitForWidgetState(canvasElement, 'error'),
};

/** The request never reaches the API. */
export const NetworkError: Story = {
  parameters: { creditkit: { scenario: 'networkError' } },
  play: async ({ canvasElement }) => waitForWidgetState(canvasElement, 'error'),
};

/** The opt-in dark theme. */
export const DarkTheme: Story = {
  render: (args) => <Panel {...args} />,
  globals: { theme: 'dark' },
  play: async ({ canvas, canvasElement }) => {
    await expect(await canvas.findByRole('group', { name: 'Verify email: 0.5 credits' })).toBeVisible();
    await expect(canvasElement.querySelector('.ck-cost-badge')).toHaveAttribute('data-theme', 'dark');
  },
};

/** de-DE: in German, 1.234 Zeilen and 345,52 Credits (the action's name is the host's). */
export const German: Story = {
  args: { actionId: 'ai-write-gpt-mini', rows: 1_234 },
  globals: { locale: 'de-DE' },
  play: async ({ canvas }) => {
    await expect(
      await canvas.findByRole('group', { name: 'Use AI (GPT mini): ≈345,52 Credits für 1.234 Zeilen' }),
    ).toBeVisible();
  },
};

/** ja-JP: in Japanese, 1,234行 and 345.52クレジット. */
export const Japanese: Story = {
  args: { actionId: 'ai-write-gpt-mini', rows: 1_234 },
  globals: { locale: 'ja-JP' },
  play: async ({ canvas }) => {
    await expect(
      await canvas.findByRole('group', { name: 'Use AI (GPT mini)：1,234行で約345.52クレジット' }),
    ).toBeVisible();
  },
};
