import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor } from 'storybook/test';
import { waitForWidgetState } from '../../../storybook/story-helpers';
import { CreditAlertSettings } from './credit-alert-settings';

const meta = {
  title: 'Widgets/CreditAlertSettings',
  component: CreditAlertSettings,
  tags: ['autodocs'],
  argTypes: { theme: { control: 'inline-radio', options: ['light', 'dark'] } },
  parameters: {
    creditkit: { scenario: 'alerts' },
    docs: {
      description: {
        component:
          'Threshold alerts on the balance, spend limits and run budgets (R25), each armed or triggered as the ' +
          'in-page API decided while replaying the `alerts` workspace. Admins add, edit and remove them; members ' +
          'read them (R20).',
      },
    },
  },
} satisfies Meta<typeof CreditAlertSettings>;

export default meta;
type Story = StoryObj<typeof meta>;

/** R25: an admin's view: every alert with its state, and Edit, Remove and Add. */
export const Admin: Story = {
  play: async ({ canvas, canvasElement }) => {
    await waitForWidgetState(canvasElement, 'ready');
    const list = canvas.getByRole('list', { name: 'Alerts' });
    await expect(list.querySelectorAll('li')).toHaveLength(5);
    await expect(canvas.getByText('Balance at or below 500 credits')).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Add alert' })).toBeEnabled();
  },
};

/** R25: adding an alert, with the problem of a percentage that is not a whole number from 1 to 100 said inline. */
export const AddingWithAProblem: Story = {
  play: async ({ canvas, canvasElement }) => {
    await waitForWidgetState(canvasElement, 'ready');
    await userEvent.click(canvas.getByRole('button', { name: 'Add alert' }));
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Watch' }), 'run');
    await userEvent.type(canvas.getByRole('textbox', { name: 'Workbook, enrichment or run id' }), 'run_partner_7');
    const threshold = canvas.getByRole('textbox', { name: 'Threshold (Percent)' });
    await userEvent.type(threshold, '150');
    await expect(threshold).toHaveAccessibleDescription('Enter a whole percentage from 1 to 100.');
  },
};

/** R20: a member reads the alerts and their state, with no control to change them. */
export const Member: Story = {
  globals: { role: 'member' },
  play: async ({ canvas, canvasElement }) => {
    await waitForWidgetState(canvasElement, 'ready');
    await expect(canvas.getByText('Only workspace admins can change alerts.')).toBeVisible();
    await expect(canvas.queryByRole('button')).toBeNull();
  },
};

/** Live: a teammate's charges cross the lead research workbook's alert while the page is open; it turns triggered. */
export const CrossedWhileOpen: Story = {
  parameters: { creditkit: { scenario: 'alerts', live: true } },
  play: async ({ canvas, canvasElement }) => {
    await waitForWidgetState(canvasElement, 'ready');
    const lead = () => canvas.getByText('Workbook limit wb-lead-research: 50% used').closest('li');
    await waitFor(() => expect(lead()).toHaveAttribute('data-state', 'triggered'), { timeout: 30_000 });
  },
};

/** A workspace without alerts. */
export const Empty: Story = {
  parameters: { creditkit: { scenario: 'normal' } },
  play: async ({ canvas, canvasElement }) => {
    await waitForWidgetState(canvasElement, 'empty');
    await expect(canvas.getByText('No alerts yet.')).toBeVisible();
  },
};

/** Dark, opted in with `theme`. */
export const Dark: Story = {
  args: { theme: 'dark' },
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => waitForWidgetState(canvasElement, 'ready'),
};

/** Waiting for the API. */
export const Loading: Story = {
  parameters: { creditkit: { scenario: 'loading' } },
  play: async ({ canvasElement }) => waitForWidgetState(canvasElement, 'loading'),
};

/** The API failed: said, with Try again. */
export const LoadFailed: Story = {
  parameters: { creditkit: { scenario: 'serverError' } },
  play: async ({ canvas, canvasElement }) => {
    await waitForWidgetState(canvasElement, 'error');
    await expect(canvas.getByRole('button', { name: 'Try again' })).toBeVisible();
  },
};
