import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor } from 'storybook/test';
import { waitForWidgetState } from '../../../storybook/story-helpers';
import { AutoTopUpSettings } from './auto-top-up-settings';

const meta = {
  title: 'Widgets/AutoTopUpSettings',
  component: AutoTopUpSettings,
  tags: ['autodocs'],
  argTypes: { theme: { control: 'inline-radio', options: ['light', 'dark'] } },
  parameters: {
    creditkit: { scenario: 'autoTopUp' },
    docs: {
      description: {
        component:
          'The auto top-up (R27): what it adds below which balance, armed or waiting for the balance to come back, ' +
          'and the month’s top-ups against the cap, as the in-page API decided while replaying the `autoTopUp` ' +
          'workspace. Admins change it in place; members read it (R20).',
      },
    },
  },
} satisfies Meta<typeof AutoTopUpSettings>;

export default meta;
type Story = StoryObj<typeof meta>;

/** R27: an admin's view: the setting, its state, the month's top-ups and the form. */
export const Admin: Story = {
  play: async ({ canvas, canvasElement }) => {
    await waitForWidgetState(canvasElement, 'on');
    await expect(canvas.getByText('Adds 500 credits when the balance falls below 1,000 credits.')).toBeVisible();
    await expect(canvas.getByText('This month: 500 credits of 1,500 credits topped up.')).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Save auto top-up' })).toBeEnabled();
  },
};

/** R27: a cap below one top-up, said next to its field. */
export const CapBelowOneTopUp: Story = {
  play: async ({ canvas, canvasElement }) => {
    await waitForWidgetState(canvasElement, 'on');
    const cap = canvas.getByRole('textbox', { name: 'At most per month (credits)' });
    await userEvent.clear(cap);
    await userEvent.type(cap, '499.999');
    await expect(cap).toHaveAccessibleDescription(
      'The monthly cap must be at least one top-up. Counted per calendar month (UTC).',
    );
  },
};

/** R20: a member reads the setting and its month, with no control to change it. */
export const Member: Story = {
  globals: { role: 'member' },
  play: async ({ canvas, canvasElement }) => {
    await waitForWidgetState(canvasElement, 'on');
    await expect(canvas.getByText('Only workspace admins can change auto top-up.')).toBeVisible();
    await expect(canvas.queryByRole('button')).toBeNull();
  },
};

/** Live: a teammate's 50 mobile numbers take the balance below 1,000 again; the month line follows. */
export const ToppedUpWhileOpen: Story = {
  parameters: { creditkit: { scenario: 'autoTopUp', live: true } },
  play: async ({ canvas, canvasElement }) => {
    await waitForWidgetState(canvasElement, 'on');
    await waitFor(
      () => expect(canvas.getByText('This month: 1,000 credits of 1,500 credits topped up.')).toBeVisible(),
      {
        timeout: 30_000,
      },
    );
  },
};

/** A workspace that never set it: off, and the form to switch it on. */
export const Off: Story = {
  parameters: { creditkit: { scenario: 'normal' } },
  play: async ({ canvas, canvasElement }) => {
    await waitForWidgetState(canvasElement, 'off');
    await expect(canvas.getByText('Auto top-up is off.')).toBeVisible();
  },
};

/** Dark, opted in with `theme`. */
export const Dark: Story = {
  args: { theme: 'dark' },
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => waitForWidgetState(canvasElement, 'on'),
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
