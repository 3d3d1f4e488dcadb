import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent } from 'storybook/test';
import { waitForWidgetState } from '../../../storybook/story-helpers';
import { CreditBalance } from './credit-balance';

const meta = {
  title: 'Widgets/CreditBalance',
  component: CreditBalance,
  tags: ['autodocs'],
  argTypes: { theme: { control: 'inline-radio', options: ['light', 'dark'] } },
  parameters: {
    docs: {
      description: {
        component:
          'The balance meter. In the `normal` scenario an Explorer workspace (10,000 a month, rollover capped ' +
          'at 2×) rolled 9,883.06 unused October credits over (R3) and has spent 710.38 this period, drawn from ' +
          'its plan grant first (R2): 9,289.62 plan + 9,883.06 rollover + 2,500 purchased = 21,672.68 spendable (R1).',
      },
    },
  },
} satisfies Meta<typeof CreditBalance>;

export default meta;
type Story = StoryObj<typeof meta>;

/** R1, R3, R17: spendable credits by source against the allowance, the rollover cap and the renewal date. */
export const Loaded: Story = {
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('21,672.68 credits available')).toBeVisible();
    await expect(canvas.getByText('Rollover capped at 20,000 credits')).toBeVisible();
    await expect(canvas.getByText(/^Renews on /)).toBeVisible();
  },
};

/** R1: a teammate's charge elsewhere moves the balance through the event stream, announced politely. */
export const LiveUpdate: Story = {
  parameters: { creditkit: { live: true } },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('21,662.68 credits available')).toBeVisible();
    await expect(canvas.getByText('21,662.68 credits available').closest('p')).toHaveAttribute('aria-live', 'polite');
  },
};

/** R7: a renewal's credits are on their way: 35.5 spendable now, 2,000 pending, and when they are expected. */
export const RenewalProcessing: Story = {
  parameters: { creditkit: { scenario: 'renewalProcessing' } },
  play: async ({ canvas, canvasElement }) => {
    await waitForWidgetState(canvasElement, 'processing');
    await expect(canvas.getByRole('status')).toHaveTextContent(/Your renewal is processing/);
    await expect(canvas.getByText('2,000 credits pending')).toBeVisible();
  },
};

/** A new workspace: its whole allowance, nothing spent. */
export const FullAllowance: Story = {
  parameters: { creditkit: { scenario: 'emptyUsage' } },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('2,000 credits available')).toBeVisible();
  },
};

/** R5: a trial has no rollover cap to show: at most 100 credits carry into the free plan. */
export const Trial: Story = {
  parameters: { creditkit: { scenario: 'trial' } },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('586 credits available')).toBeVisible();
    await expect(canvas.queryByText(/Rollover capped/)).toBeNull();
  },
};

/**
 * R28: credits granted by the host (500 compensation until year end, 250 promotional that never expire) show
 * as their own source; the 300 credits spent came from the plan allowance, which expires first (R2).
 */
export const GrantedCredits: Story = {
  parameters: { creditkit: { scenario: 'granted' } },
  play: async ({ canvas, canvasElement }) => {
    await expect(await canvas.findByText('2,450 credits available')).toBeVisible();
    const granted = canvasElement.querySelector('.ck-balance__sources [data-source="granted"]');
    await expect(granted).toHaveTextContent('Granted750 credits');
    await expect(canvasElement.querySelector('.ck-balance__sources [data-source="plan"]')).toHaveTextContent(
      'Plan1,700 credits',
    );
  },
};

/** R4: an annual plan eight months in. */
export const AnnualPlan: Story = {
  parameters: { creditkit: { scenario: 'annual' } },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('65,734 credits available')).toBeVisible();
  },
};

/** Before the balance arrives. */
export const Loading: Story = {
  parameters: { creditkit: { scenario: 'loading' } },
  play: async ({ canvasElement }) => waitForWidgetState(canvasElement, 'loading'),
};

/** The API answers 500: the widget says so and offers to ask again. */
export const ServerError: Story = {
  parameters: { creditkit: { scenario: 'serverError' } },
  play: async ({ canvas, canvasElement }) => {
    await waitForWidgetState(canvasElement, 'error');
    await userEvent.click(canvas.getByRole('button', { name: 'Try again' }));
    await waitForWidgetState(canvasElement, 'error');
  },
};

/** The request never reaches the API. */
export const NetworkError: Story = {
  parameters: { creditkit: { scenario: 'networkError' } },
  play: async ({ canvasElement }) => waitForWidgetState(canvasElement, 'error'),
};

/** The opt-in dark theme. */
export const DarkTheme: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvas, canvasElement }) => {
    await expect(await canvas.findByText('21,672.68 credits available')).toBeVisible();
    await expect(canvasElement.querySelector('.ck-balance')).toHaveAttribute('data-theme', 'dark');
  },
};

/** The renewal notice in the dark theme. */
export const DarkThemeRenewalProcessing: Story = {
  globals: { theme: 'dark' },
  parameters: { creditkit: { scenario: 'renewalProcessing' } },
  play: async ({ canvasElement }) => waitForWidgetState(canvasElement, 'processing'),
};

/** de-DE: in German, 21.672,68 and its dates the German way. */
export const German: Story = {
  globals: { locale: 'de-DE' },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('21.672,68 Credits verfügbar')).toBeVisible();
  },
};

/** ja-JP: in Japanese, 21,672.68 and its dates the Japanese way. */
export const Japanese: Story = {
  globals: { locale: 'ja-JP' },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('利用可能：21,672.68クレジット')).toBeVisible();
  },
};

/** German, while a renewal is processing: the expected time in German. */
export const GermanRenewalProcessing: Story = {
  globals: { locale: 'de-DE' },
  parameters: { creditkit: { scenario: 'renewalProcessing' } },
  play: async ({ canvasElement }) => waitForWidgetState(canvasElement, 'processing'),
};
