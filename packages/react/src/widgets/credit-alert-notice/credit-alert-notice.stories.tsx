import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor } from 'storybook/test';
import { CreditAlertNotice } from './credit-alert-notice';

const meta = {
  title: 'Widgets/CreditAlertNotice',
  component: CreditAlertNotice,
  tags: ['autodocs'],
  argTypes: { theme: { control: 'inline-radio', options: ['light', 'dark'] } },
  parameters: {
    creditkit: { scenario: 'alerts', live: true },
    docs: {
      description: {
        component:
          'The latest `alert.triggered` of the workspace (R25), announced politely. In the `alerts` workspace a ' +
          'teammate charges 10 work emails in the lead research workbook once the page follows the event stream, ' +
          'crossing its alert at 50% of a 20-credit limit.',
      },
    },
  },
} satisfies Meta<typeof CreditAlertNotice>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Waits for the teammate's charges to cross the alert, then checks what the notice says. */
const showsTheCrossedAlert: NonNullable<Story['play']> = async ({ canvas }) => {
  await waitFor(
    () =>
      expect(canvas.getByRole('status')).toHaveTextContent(
        'Credit alert: Workbook limit wb-lead-research: 50% used10 credits of 20 credits spent.',
      ),
    { timeout: 30_000 },
  );
  await expect(canvas.getByRole('button', { name: 'Dismiss' })).toBeVisible();
};

/** R25: the alert that fired, its numbers, and Dismiss. */
export const Triggered: Story = { play: showsTheCrossedAlert };

/** Nothing fired yet: an empty polite live region, so the notice is announced when it appears. */
export const Idle: Story = {
  parameters: { creditkit: { scenario: 'normal', live: false } },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('status')).toBeEmptyDOMElement();
  },
};

/** Dark, opted in with `theme`. */
export const Dark: Story = {
  args: { theme: 'dark' },
  globals: { theme: 'dark' },
  play: showsTheCrossedAlert,
};
