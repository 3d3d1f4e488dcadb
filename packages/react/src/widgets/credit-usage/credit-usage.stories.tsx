import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { ids } from '../../../storybook/scenarios/histories';
import { waitForWidgetState } from '../../../storybook/story-helpers';
import { CreditUsage } from './credit-usage';

const meta = {
  title: 'Widgets/CreditUsage',
  component: CreditUsage,
  tags: ['autodocs'],
  args: { onGroupByChange: fn() },
  argTypes: {
    groupBy: { control: 'inline-radio', options: ['workbook', 'action', 'provider', 'model', 'trigger'] },
    defaultGroupBy: { control: 'inline-radio', options: ['workbook', 'action', 'provider', 'model', 'trigger'] },
    workbookId: {
      control: 'select',
      options: [undefined, ids.outboundWorkbook, ids.partnerWorkbook, ids.hiringWorkbook],
    },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
  },
  parameters: {
    docs: {
      description: {
        component:
          'Usage over the last 30 days (R18). In the `normal` scenario 431 charges cost 826.32 credits, of ' +
          'which 39 were refunded (R15): 787.32 net, whichever way it is grouped. Deduplicated asks (R13) and ' +
          'own-key charges (R10) count as charges at 0 credits.',
      },
    },
  },
} satisfies Meta<typeof CreditUsage>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The table's rows as text, header and totals included. */
async function tableRows(canvas: ReturnType<typeof within>, name: string) {
  const table = await canvas.findByRole('table', { name });
  return within(table)
    .getAllByRole('row')
    .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent));
}

/** R18: net credits per day, and the table by workbook. */
export const ByWorkbook: Story = {
  play: async ({ canvas }) => {
    await expect(
      await canvas.findByRole('group', {
        name: 'Net credits per day from Oct 22, 2026 to Nov 20, 2026: 787.32 credits in total',
      }),
    ).toBeVisible();
    await expect(await tableRows(canvas, 'By workbook')).toEqual([
      ['Workbook', 'Charges', 'Charged', 'Refunded', 'Net'],
      ['wb-q4-outbound', '217', '684', '37', '647'],
      ['wb-partner-accounts', '137', '84.88', '0', '84.88'],
      ['wb-hiring-research', '77', '57.44', '2', '55.44'],
      ['Total', '431', '826.32', '39', '787.32'],
    ]);
  },
};

/** R18: by action, biggest first; the free domain lookup counts its 300 charges at 0 credits. */
export const ByAction: Story = {
  args: { defaultGroupBy: 'action' },
  play: async ({ canvas }) => {
    const rows = await tableRows(canvas, 'By action');
    await expect(rows[1]).toEqual(['find-mobile-phone', '53', '530', '30', '500']);
    await expect(rows.at(-2)).toEqual(['lookup-company-domain', '30', '0', '0', '0']);
  },
};

/** R18: by provider. */
export const ByProvider: Story = {
  args: { defaultGroupBy: 'provider' },
  play: async ({ canvas }) => {
    await expect((await tableRows(canvas, 'By provider'))[1]).toEqual(['phonebook', '59', '548', '33', '515']);
  },
};

/** R18: by model: only AI charges count, totals included. */
export const ByModel: Story = {
  args: { defaultGroupBy: 'model' },
  play: async ({ canvas }) => {
    await expect((await tableRows(canvas, 'By model')).at(-1)).toEqual(['Total', '114', '62.32', '0', '62.32']);
  },
};

/** R24: by trigger, in the kit's words: Auto-Update refreshes and re-runs are charged again. */
export const ByTrigger: Story = {
  args: { defaultGroupBy: 'trigger' },
  parameters: { creditkit: { scenario: 'whyCharged' } },
  play: async ({ canvas }) => {
    await expect(await tableRows(canvas, 'By trigger')).toEqual([
      ['Trigger', 'Charges', 'Charged', 'Refunded', 'Net'],
      ['Auto-Update', '120', '120', '0', '120'],
      ['Runs', '93', '62.814', '2', '60.814'],
      ['Re-runs', '50', '50', '0', '50'],
      ['Total', '263', '232.814', '2', '230.814'],
    ]);
  },
};

/** Switching the grouping with the radio group tells the host. */
export const SwitchGrouping: Story = {
  play: async ({ args, canvas }) => {
    await userEvent.click(await canvas.findByRole('radio', { name: 'By model' }));
    await expect(await canvas.findByRole('table', { name: 'By model' })).toBeVisible();
    await expect(args.onGroupByChange).toHaveBeenCalledWith('model');
  },
};

/** R10: with its own Phonebook and OpenAI keys, their charges are recorded at 0 credits. */
export const OwnKeys: Story = {
  args: { defaultGroupBy: 'provider' },
  parameters: { creditkit: { scenario: 'ownKey' } },
  play: async ({ canvas }) => {
    const rows = await tableRows(canvas, 'By provider');
    await expect(rows).toContainEqual(['phonebook', '59', '0', '0', '0']);
    await expect(rows.at(-1)).toEqual(['Total', '431', '227.5', '6', '221.5']);
  },
};

/** One workbook's usage. */
export const OneWorkbook: Story = {
  args: { workbookId: ids.hiringWorkbook, defaultGroupBy: 'action' },
  play: async ({ canvas }) => {
    await expect((await tableRows(canvas, 'By action')).at(-1)).toEqual(['Total', '77', '57.44', '2', '55.44']);
  },
};

/** A new workspace: nothing to chart, table or download. */
export const Empty: Story = {
  parameters: { creditkit: { scenario: 'emptyUsage' } },
  play: async ({ canvas, canvasElement }) => {
    await waitForWidgetState(canvasElement, 'empty');
    await expect(canvas.getByText('No credits were used in this period.')).toBeVisible();
  },
};

/** While the reports load. */
export const Loading: Story = {
  parameters: { creditkit: { scenario: 'loading' } },
  play: async ({ canvasElement }) => waitForWidgetState(canvasElement, 'loading'),
};

/** The API answers 500: the widget says so and offers to ask again. */
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
  play: async ({ canvasElement }) => waitForWidgetState(canvasElement, 'ready'),
};

/** de-DE: in German, 3.411,2 and German dates. */
export const German: Story = {
  globals: { locale: 'de-DE' },
  play: async ({ canvas }) => {
    await expect((await tableRows(canvas, 'Nach Arbeitsmappe')).at(-1)).toEqual([
      'Gesamt',
      '431',
      '826,32',
      '39',
      '787,32',
    ]);
  },
};

/** ja-JP: in Japanese, with Japanese dates. */
export const Japanese: Story = {
  globals: { locale: 'ja-JP' },
  play: async ({ canvas }) => {
    await expect(
      await canvas.findByRole('group', { name: /^2026\/10\/22〜2026\/11\/20の日別の純使用クレジット/ }),
    ).toBeVisible();
  },
};
