import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { waitForWidgetState } from '../../../storybook/story-helpers';
import { FillRate, type FillRateField } from './fill-rate';

/**
 * An audience of 940 prospects, as the host's data layer counts its fields. Names, titles and locations
 * come from `enrich-person` (2 credits), LinkedIn URLs and work emails from 1-credit lookups, mobile
 * numbers from the 10-credit `find-mobile-phone`, domains from the free domain lookup; nothing fills
 * the industry.
 */
const prospects: FillRateField[] = [
  { field: 'name', label: 'Full name', filled: 940, actionId: 'enrich-person' },
  { field: 'title', label: 'Job title', filled: 812, actionId: 'enrich-person' },
  { field: 'location', label: 'Location', filled: 655, actionId: 'enrich-person' },
  { field: 'linkedin_url', label: 'LinkedIn URL', filled: 498, actionId: 'find-linkedin-url' },
  { field: 'email', label: 'Work email', filled: 701, actionId: 'find-work-email' },
  { field: 'mobile_phone', label: 'Mobile phone', filled: 143, actionId: 'find-mobile-phone' },
  { field: 'domain', label: 'Company domain', filled: 921, actionId: 'lookup-company-domain' },
  { field: 'industry', label: 'Industry', filled: 880 },
];

const meta = {
  title: 'Widgets/FillRate',
  component: FillRate,
  tags: ['autodocs'],
  args: { audienceSize: 940, fields: prospects },
  argTypes: { theme: { control: 'inline-radio', options: ['light', 'dark'] } },
  parameters: {
    docs: {
      description: {
        component:
          "The Data Hub's fill rate (R22): per field, how many of the audience's records have it and what " +
          "filling the gaps would cost: missing records × the action's effective cost (R8), 0 with the " +
          "workspace's own key (R10). The counts are the host's; the costs come from the API in one request.",
      },
    },
  },
} satisfies Meta<typeof FillRate>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The table's rows as text, no-break spaces (de-DE writes `15,2 %`) read as spaces. */
async function tableRows(canvasElement: HTMLElement, name = 'Fill rate') {
  await waitForWidgetState(canvasElement, 'ready');
  const table = within(canvasElement).getByRole('table', { name });
  return within(table)
    .getAllByRole('row')
    .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent?.replace(/[\u00a0\u202f]/g, ' ')));
}

/** R22: 797 missing mobile numbers at 10 credits cost far more than 442 missing LinkedIn URLs at 1. */
export const Ready: Story = {
  play: async ({ canvasElement }) => {
    const rows = await tableRows(canvasElement);
    await expect(rows).toContainEqual(['Mobile phone', '15.2%143 of 940 records', '797', '≈7,970 credits']);
    await expect(rows).toContainEqual(['Full name', '100%940 of 940 records', '0', 'Complete']);
    await expect(rows).toContainEqual(['Industry', '93.6%880 of 940 records', '60', 'No action fills this field']);
    await expect(rows.at(-1)).toEqual(['Total', '', '1,970', '≈9,477 credits']);
  },
};

/** R10: the workspace's own Phonebook key fills the mobile numbers for free. */
export const OwnKey: Story = {
  parameters: { creditkit: { scenario: 'ownKey' } },
  play: async ({ canvasElement }) => {
    const rows = await tableRows(canvasElement);
    await expect(rows).toContainEqual(['Mobile phone', '15.2%143 of 940 records', '797', 'Free · own key']);
    await expect(rows.at(-1)).toEqual(['Total', '', '1,970', '≈1,507 credits']);
  },
};

/** Every field complete: nothing to fill, nothing to pay. */
export const Complete: Story = {
  args: { fields: prospects.map((field) => ({ ...field, filled: 940 })) },
  play: async ({ canvasElement }) => {
    await expect((await tableRows(canvasElement)).at(-1)).toEqual(['Total', '', '0', '≈0 credits']);
  },
};

/** An action the API does not know: its cost is unavailable, and there is nothing to retry. */
export const UnknownAction: Story = {
  args: { fields: [...prospects.slice(0, 2), { field: 'pet', label: 'Pet’s name', filled: 12, actionId: 'find-pet' }] },
  play: async ({ canvasElement }) => {
    await waitForWidgetState(canvasElement, 'error');
    await expect(within(canvasElement).getAllByText('Cost unavailable')[0]).toBeVisible();
    await expect(within(canvasElement).queryByRole('button', { name: 'Try again' })).toBeNull();
  },
};

/** An audience with no records: nothing to rate. */
export const Empty: Story = {
  args: { audienceSize: 0, fields: [] },
  play: async ({ canvasElement }) => waitForWidgetState(canvasElement, 'empty'),
};

/** While the costs load: the fill rates show at once, they are the host's. */
export const Loading: Story = {
  parameters: { creditkit: { scenario: 'loading' } },
  play: async ({ canvasElement }) => waitForWidgetState(canvasElement, 'loading'),
};

/** The API answers 500: the costs cannot be shown, and can be asked for again. */
export const ServerError: Story = {
  parameters: { creditkit: { scenario: 'serverError' } },
  play: async ({ canvasElement }) => {
    await waitForWidgetState(canvasElement, 'error');
    await expect(within(canvasElement).getByRole('button', { name: 'Try again' })).toBeVisible();
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
  play: async ({ canvasElement }) => waitForWidgetState(canvasElement, 'ready'),
};

/** de-DE: in German, 15,2 % and 9.477. */
export const German: Story = {
  globals: { locale: 'de-DE' },
  play: async ({ canvasElement }) => {
    const rows = await tableRows(canvasElement, 'Füllgrad');
    await expect(rows).toContainEqual(['Mobile phone', '15,2 %143 von 940 Datensätzen', '797', '≈7.970 Credits']);
  },
};

/** ja-JP, in Japanese. */
export const Japanese: Story = {
  globals: { locale: 'ja-JP' },
  play: async ({ canvasElement }) => {
    await expect((await tableRows(canvasElement, '充足率')).at(-1)).toEqual(['合計', '', '1,970', '約9,477クレジット']);
  },
};
