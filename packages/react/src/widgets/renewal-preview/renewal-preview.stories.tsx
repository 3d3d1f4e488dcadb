import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { waitForWidgetState } from '../../../storybook/story-helpers';
import { RenewalPreview } from './renewal-preview';

const meta = {
  title: 'Widgets/RenewalPreview',
  component: RenewalPreview,
  tags: ['autodocs'],
  argTypes: { theme: { control: 'inline-radio', options: ['light', 'dark'] } },
  parameters: {
    docs: {
      description: {
        component:
          'What the next renewal keeps and what expires, from the balance, the plan and the catalogue. In the ' +
          '`normal` scenario 9,289.62 plan + 9,883.06 rollover credits are unused; the monthly cap (R3) keeps at ' +
          'most 10,000 of them, so 9,172.68 expire, and the 2,500 purchased credits stay (R17).',
      },
    },
  },
} satisfies Meta<typeof RenewalPreview>;

export default meta;
type Story = StoryObj<typeof meta>;

/** R3: a monthly plan keeps at most 2× its allowance after renewal: 10,000 roll over, 1,361.2 expire. */
export const CreditsExpire: Story = {
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('10,000 credits roll over')).toBeVisible();
    await expect(canvas.getByText('9,172.68 credits expire')).toBeVisible();
    await expect(canvas.getByText('2,500 purchased credits never expire')).toBeVisible();
    await expect(canvas.getByText('Balance after renewal: 22,500 credits')).toBeVisible();
  },
};

/** R3: everything unused fits under the cap: nothing expires. */
export const NothingExpires: Story = {
  parameters: { creditkit: { scenario: 'emptyUsage' } },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('0 credits expire')).toBeVisible();
    await expect(canvas.getByText('Balance after renewal: 4,000 credits')).toBeVisible();
  },
};

/** R6: a downgrade to Starter at the period's end: only 2,000 may roll over, 9,361.2 expire. */
export const DowngradeScheduled: Story = {
  parameters: { creditkit: { scenario: 'downgradeScheduled' } },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('Renews into the Starter (monthly) plan')).toBeVisible();
    await expect(canvas.getByText('17,172.68 credits expire')).toBeVisible();
    await expect(canvas.getByText('Balance after renewal: 6,500 credits')).toBeVisible();
  },
};

/** R5: a trial becomes Free, and at most 100 of its credits survive. */
export const TrialEnding: Story = {
  parameters: { creditkit: { scenario: 'trial' } },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('Renews into the Free plan')).toBeVisible();
    await expect(canvas.getByText('100 credits roll over')).toBeVisible();
    await expect(canvas.getByText('486 credits expire')).toBeVisible();
  },
};

/** R4: an annual plan keeps 15% of what is unused: 6,462.75 of 43,085. */
export const AnnualPlan: Story = {
  parameters: { creditkit: { scenario: 'annual' } },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('9,860.1 credits roll over')).toBeVisible();
    await expect(canvas.getByText('55,873.9 credits expire')).toBeVisible();
  },
};

/** R7: right after a renewal, while its credits are still on their way. */
export const RenewalProcessing: Story = {
  parameters: { creditkit: { scenario: 'renewalProcessing' } },
  play: async ({ canvasElement }) => waitForWidgetState(canvasElement, 'loaded'),
};

/** Before the balance, the plan and the catalogue arrive. */
export const Loading: Story = {
  parameters: { creditkit: { scenario: 'loading' } },
  play: async ({ canvasElement }) => waitForWidgetState(canvasElement, 'loading'),
};

/** The API answers 500. */
export const ServerError: Story = {
  parameters: { creditkit: { scenario: 'serverError' } },
  play: async ({ canvas, canvasElement }) => {
    await waitForWidgetState(canvasElement, 'error');
    await expect(canvas.getByRole('button', { name: 'Try again' })).toBeVisible();
  },
};

/** The requests never reach the API. */
export const NetworkError: Story = {
  parameters: { creditkit: { scenario: 'networkError' } },
  play: async ({ canvasElement }) => waitForWidgetState(canvasElement, 'error'),
};

/** The opt-in dark theme. */
export const DarkTheme: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('9,172.68 credits expire')).toBeVisible();
  },
};

/** de-DE: in German, 1.361,2 and a German percentage in the annual rule. */
export const German: Story = {
  globals: { locale: 'de-DE' },
  parameters: { creditkit: { scenario: 'annual' } },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('9.860,1 Credits werden übertragen')).toBeVisible();
  },
};

/** ja-JP, in Japanese. */
export const Japanese: Story = {
  globals: { locale: 'ja-JP' },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('9,172.68クレジットが失効')).toBeVisible();
  },
};
