import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { ids } from '../../../storybook/scenarios/histories';
import { withinPage } from '../../../storybook/story-helpers';
import { SpendLimitDialog } from './spend-limit-dialog';

const meta = {
  title: 'Widgets/SpendLimitDialog',
  component: SpendLimitDialog,
  tags: ['autodocs'],
  args: { workbookId: ids.outboundWorkbook, defaultOpen: true },
  argTypes: { theme: { control: 'inline-radio', options: ['light', 'dark'] } },
  parameters: {
    docs: {
      description: {
        component:
          "A workbook's (R11) or an enrichment's (R12) credit spend limit. In the `normal` scenario the Q4 " +
          'outbound workbook has spent 647 credits (its charges net of refunds) of a 5,000 limit: 4,353 ' +
          'remain. Admins change it; members see the controls disabled, with the reason (R20).',
      },
      // Each open modal dialog in its own frame on the docs page, or they would fight over focus.
      story: { inline: false, iframeHeight: 460 },
    },
  },
} satisfies Meta<typeof SpendLimitDialog>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The open dialog, once its limit has loaded. */
async function loadedDialog(
  canvasElement: HTMLElement,
  name = 'Workbook credit limit',
  switchName = 'Limit credit spend',
) {
  const dialog = await withinPage(canvasElement).findByRole('dialog', { name });
  await within(dialog).findByRole('switch', { name: switchName });
  return within(dialog);
}

/** R11: an admin sees the workbook's limit, what is spent and what remains. */
export const Admin: Story = {
  play: async ({ canvasElement }) => {
    const dialog = await loadedDialog(canvasElement);
    await expect(dialog.getByRole('textbox', { name: 'Limit (credits)' })).toHaveValue('5,000');
    await expect(dialog.getByText('647 credits spent')).toBeVisible();
    await expect(dialog.getByText('4,353 credits remaining')).toBeVisible();
  },
};

/** R20: a member reads the limit; the controls are disabled and say why. */
export const Member: Story = {
  globals: { role: 'member' },
  play: async ({ canvasElement }) => {
    const dialog = await loadedDialog(canvasElement);
    await expect(dialog.getByRole('switch', { name: 'Limit credit spend' })).toBeDisabled();
    await expect(dialog.getByRole('textbox', { name: 'Limit (credits)' })).toBeDisabled();
    await expect(dialog.getByText('Only workspace admins can change spend limits.')).toBeVisible();
  },
};

/** R12: an enrichment's limit: the Q4 mobile phone enrichment has spent 500 of 1,000. */
export const EnrichmentLimit: Story = {
  args: { workbookId: undefined, enrichmentId: ids.mobilePhonesEnrichment },
  play: async ({ canvasElement }) => {
    const dialog = await loadedDialog(canvasElement, 'Enrichment credit limit');
    await expect(dialog.getByText('500 credits remaining')).toBeVisible();
  },
};

/** A workbook with no limit yet: the switch is off and the spend is still counted. */
export const NoLimitYet: Story = {
  args: { workbookId: ids.partnerWorkbook },
  play: async ({ canvasElement }) => {
    const dialog = await loadedDialog(canvasElement);
    await expect(dialog.getByRole('switch', { name: 'Limit credit spend' })).toHaveAttribute('data-state', 'unchecked');
    await expect(dialog.getByText('No limit')).toBeVisible();
  },
};

/** R11: the limit is reached: 4 of 651 credits left, too few for a 10-credit mobile number. */
export const LimitReached: Story = {
  parameters: { creditkit: { scenario: 'limitReached' } },
  play: async ({ canvasElement }) => {
    const dialog = await loadedDialog(canvasElement);
    await expect(dialog.getByText('4 credits remaining')).toBeVisible();
  },
};

/** An admin raises the limit: the new remainder shows at once, then as the API saved it. */
export const SaveLimit: Story = {
  parameters: { creditkit: { scenario: 'limitReached' } },
  play: async ({ canvasElement }) => {
    const dialog = await loadedDialog(canvasElement);
    const input = dialog.getByRole('textbox', { name: 'Limit (credits)' });
    await userEvent.clear(input);
    await userEvent.type(input, '2,500');
    await userEvent.click(dialog.getByRole('button', { name: 'Save limit' }));
    await expect(await dialog.findByText('Limit saved')).toBeVisible();
    await expect(dialog.getByText('1,853 credits remaining')).toBeVisible();
    await waitFor(() => expect(dialog.getByRole('button', { name: 'Done' })).toHaveFocus());
  },
};

/** The limit being typed: what it would leave shows next to what the saved one leaves, until it is saved. */
export const RemainingOnceSaved: Story = {
  parameters: { creditkit: { scenario: 'limitReached' } },
  play: async ({ canvasElement }) => {
    const dialog = await loadedDialog(canvasElement);
    const input = dialog.getByRole('textbox', { name: 'Limit (credits)' });
    await userEvent.clear(input);
    await userEvent.type(input, '700');
    await expect(dialog.getByText('4 credits remaining')).toBeVisible();
    await expect(dialog.getByText('53 credits remaining once saved')).toBeVisible();
  },
};

/** A limit below what is already spent stops every charge at once, so the dialog asks first. */
export const ConfirmBelowSpent: Story = {
  play: async ({ canvasElement }) => {
    const dialog = await loadedDialog(canvasElement);
    const input = dialog.getByRole('textbox', { name: 'Limit (credits)' });
    await userEvent.clear(input);
    await userEvent.type(input, '500');
    await userEvent.click(dialog.getByRole('button', { name: 'Save limit' }));
    await expect(dialog.getByRole('alert')).toHaveTextContent('A limit of 500 credits stops every further charge');
    await expect(dialog.getByRole('button', { name: 'Save anyway' })).toBeVisible();
  },
};

/** Text that is not an amount is marked invalid with the reason, and cannot be saved. */
export const InvalidAmount: Story = {
  play: async ({ canvasElement }) => {
    const dialog = await loadedDialog(canvasElement);
    const input = dialog.getByRole('textbox', { name: 'Limit (credits)' });
    await userEvent.clear(input);
    await userEvent.type(input, '12.5.0');
    await expect(input).toHaveAttribute('aria-invalid', 'true');
    await expect(input).toHaveAccessibleDescription('Enter a number of credits.');
    await expect(dialog.getByRole('button', { name: 'Save limit' })).toBeDisabled();
  },
};

/** The API refuses the save: the previous limit comes back, and the dialog says the save failed. */
export const SaveFails: Story = {
  parameters: { creditkit: { scenario: 'spendLimitSaveFails' } },
  play: async ({ canvasElement }) => {
    const dialog = await loadedDialog(canvasElement);
    const input = dialog.getByRole('textbox', { name: 'Limit (credits)' });
    await userEvent.clear(input);
    await userEvent.type(input, '6,000');
    await userEvent.click(dialog.getByRole('button', { name: 'Save limit' }));
    await expect(await dialog.findByText('The limit was not saved. Try again.')).toBeVisible();
    await expect(dialog.getByText('4,353 credits remaining')).toBeVisible();
  },
};

/** Closed: the default trigger, named after the dialog. */
export const Closed: Story = {
  args: { defaultOpen: false },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('button', { name: 'Workbook credit limit' })).toBeVisible();
  },
};

/** While the limit loads. */
export const Loading: Story = {
  parameters: { creditkit: { scenario: 'loading' } },
  play: async ({ canvasElement }) => {
    const dialog = await withinPage(canvasElement).findByRole('dialog', { name: 'Workbook credit limit' });
    await expect(within(dialog).getByRole('status')).toHaveTextContent('Loading credits…');
  },
};

/** The limit cannot be loaded: the dialog says so and offers to ask again. */
export const ServerError: Story = {
  parameters: { creditkit: { scenario: 'serverError' } },
  play: async ({ canvasElement }) => {
    const dialog = await withinPage(canvasElement).findByRole('dialog', { name: 'Workbook credit limit' });
    await expect(await within(dialog).findByRole('alert')).toHaveTextContent('Credits could not be loaded.');
    await expect(within(dialog).getByRole('button', { name: 'Try again' })).toBeVisible();
  },
};

/** The request never reaches the API. */
export const NetworkError: Story = {
  parameters: { creditkit: { scenario: 'networkError' } },
  play: async ({ canvasElement }) => {
    const dialog = await withinPage(canvasElement).findByRole('dialog', { name: 'Workbook credit limit' });
    await expect(await within(dialog).findByRole('alert')).toHaveTextContent('Credits could not be loaded.');
  },
};

/** The opt-in dark theme: the dialog renders at the end of `<body>` and takes the theme from its prop. */
export const DarkTheme: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    const dialog = await loadedDialog(canvasElement);
    await expect(dialog.getByText('4,353 credits remaining')).toBeVisible();
  },
};

/** A member in the dark theme: disabled controls must stay readable. */
export const DarkThemeMember: Story = {
  globals: { theme: 'dark', role: 'member' },
  play: async ({ canvasElement }) => {
    await loadedDialog(canvasElement);
  },
};

/** de-DE, in German: the limit reads and writes 5.000; `1.000,5` is one thousand and a half. */
export const German: Story = {
  globals: { locale: 'de-DE' },
  play: async ({ canvasElement }) => {
    const dialog = await loadedDialog(canvasElement, 'Credit-Limit der Arbeitsmappe', 'Credit-Ausgaben begrenzen');
    await expect(dialog.getByRole('textbox', { name: 'Limit (Credits)' })).toHaveValue('5.000');
    await expect(dialog.getByText('4.353 Credits verbleibend')).toBeVisible();
  },
};

/** ja-JP, in Japanese: fullwidth digits from a Japanese input method read as the same amount. */
export const Japanese: Story = {
  globals: { locale: 'ja-JP' },
  play: async ({ canvasElement }) => {
    const dialog = await loadedDialog(canvasElement, 'ワークブックのクレジット上限', 'クレジットの使用量を制限する');
    const input = dialog.getByRole('textbox', { name: '上限（クレジット）' });
    await userEvent.clear(input);
    await userEvent.type(input, '６，０００');
    await expect(input).not.toHaveAttribute('aria-invalid');
    await userEvent.click(dialog.getByRole('button', { name: '上限を保存' }));
    await expect(await dialog.findByText('残り5,353クレジット')).toBeVisible();
  },
};
