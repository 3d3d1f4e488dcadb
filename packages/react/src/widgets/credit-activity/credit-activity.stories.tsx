import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { ids, scenarioNow } from '../../../storybook/scenarios/histories';
import { waitForWidgetState } from '../../../storybook/story-helpers';
import { CreditActivity } from './credit-activity';

/** The host's names for its workbooks: the kit never invents one. */
const workbookNames: Record<string, string> = {
  [ids.outboundWorkbook]: 'Q4 outbound',
  [ids.partnerWorkbook]: 'Partner accounts',
  [ids.hiringWorkbook]: 'Hiring research',
};

const meta = {
  title: 'Widgets/CreditActivity',
  component: CreditActivity,
  tags: ['autodocs'],
  args: {
    // The stories' API rests at the scenarios' moment, so their periods end on that day.
    today: scenarioNow.slice(0, 10),
    workbookName: (id: string) => workbookNames[id],
    refundReasonLabel: (reason: string) =>
      reason === 'provider returned no data' ? 'provider returned nothing' : undefined,
  },
  argTypes: {
    defaultPeriodDays: { control: 'inline-radio', options: [7, 30, 90] },
    defaultTrigger: { control: 'inline-radio', options: [undefined, 'run', 'rerun', 'auto_update'] },
    defaultWorkbookId: {
      control: 'select',
      options: [undefined, ids.outboundWorkbook, ids.partnerWorkbook, ids.hiringWorkbook],
    },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
  },
  parameters: {
    creditkit: { scenario: 'whyCharged' },
    docs: {
      description: {
        component:
          '"Why was I charged?" (R24): the charges in words, by day and workbook, from `GET /v1/usage/activity`. ' +
          'In the `whyCharged` scenario: an Auto-Update refresh and a re-run charged again, AI rows charged ' +
          'whatever the output, a run stopped midway whose requests stayed charged, and refunds netted.',
      },
    },
  },
} satisfies Meta<typeof CreditActivity>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The widget's sentences, in order. */
async function lines(canvasElement: HTMLElement) {
  await waitForWidgetState(canvasElement, 'ready');
  return [...canvasElement.querySelectorAll('.ck-activity-line')].map((line) => line.textContent);
}

/** Re-runs and Auto-Update charged again, AI rows, a stopped run and refunds, day by day. */
export const WhyCharged: Story = {
  play: async ({ canvas, canvasElement }) => {
    await waitFor(async () =>
      expect(await lines(canvasElement)).toEqual([
        'Run of Use AI (GPT mini) in Hiring research stopped midway: 3 requests already sent stayed charged, 0.894 credits',
        'Use AI (GPT mini) in Partner accounts: 40 rows, 11.92 credits, charged whatever the output',
        'Auto-Update refreshed 120 records in Partner accounts with Enrich company: 120 credits',
        'Re-run of Find work email on 50 rows in Q4 outbound: 50 credits',
        'Find work email on 50 rows in Q4 outbound: 48 credits (2 refunded: provider returned nothing)',
      ]),
    );
    await expect(canvas.getAllByRole('heading', { level: 3 }).map((heading) => heading.textContent)).toEqual([
      'Thursday, November 19, 2026',
      'Wednesday, November 18, 2026',
      'Tuesday, November 17, 2026',
    ]);
  },
};

/** R16: the run stopped midway, alone. */
export const StoppedRun: Story = {
  args: { defaultWorkbookId: ids.hiringWorkbook },
  play: async ({ canvasElement }) => {
    await waitFor(async () => expect((await lines(canvasElement))[0]).toMatch(/stopped midway: 3 requests/));
  },
};

/** R9: AI rows cost their tokens whatever the model answered. */
export const AiRows: Story = {
  args: { defaultWorkbookId: ids.partnerWorkbook, defaultTrigger: 'run' },
  play: async ({ canvasElement }) => {
    await waitFor(async () =>
      expect(await lines(canvasElement)).toEqual([expect.stringMatching(/charged whatever the output$/)]),
    );
  },
};

/** R15: refunds netted, with the host's words for their reason. */
export const Refunds: Story = {
  args: { defaultWorkbookId: ids.outboundWorkbook, defaultTrigger: 'run' },
  play: async ({ canvasElement }) => {
    await waitFor(async () =>
      expect(await lines(canvasElement)).toEqual([
        'Find work email on 50 rows in Q4 outbound: 48 credits (2 refunded: provider returned nothing)',
      ]),
    );
  },
};

/** Choosing a trigger: the polite status says what the new selection shows once it has loaded. */
export const Filters: Story = {
  play: async ({ canvas, canvasElement }) => {
    await lines(canvasElement);
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Trigger' }), 'Auto-Update');
    await expect(await canvas.findByText('1 line for Last 30 days, All workbooks, Auto-Update')).toBeVisible();
    await expect(canvas.getByRole('status')).toHaveTextContent('1 line for Last 30 days, All workbooks, Auto-Update');
  },
};

/** Seven weeks of charges (18 days of them) in the `normal` scenario over 90 days, ten rows a page. */
export const ManyDays: Story = {
  args: { pageSize: 10, defaultPeriodDays: 90 },
  parameters: { creditkit: { scenario: 'normal' } },
  play: async ({ canvas, canvasElement }) => {
    await waitFor(async () => expect(await lines(canvasElement)).toHaveLength(10));
    await expect(canvas.getAllByRole('heading', { level: 3 })).toHaveLength(10);
    await userEvent.click(canvas.getByRole('button', { name: 'Show older charges' }));
    await waitFor(async () => expect(await lines(canvasElement)).toHaveLength(18));
    await expect((await lines(canvasElement)).at(-1)).toMatch(/^Enrich company on 40 rows/);
    await expect(canvas.queryByRole('button', { name: 'Show older charges' })).toBeNull();
  },
};

/** A new workspace: nothing charged yet. */
export const Empty: Story = {
  parameters: { creditkit: { scenario: 'emptyUsage' } },
  play: async ({ canvas, canvasElement }) => {
    await waitForWidgetState(canvasElement, 'empty');
    await expect(canvas.getByText('No credits were charged for this selection.')).toBeVisible();
  },
};

/** While the activity loads. */
export const Loading: Story = {
  parameters: { creditkit: { scenario: 'loading' } },
  play: async ({ canvasElement }) => waitForWidgetState(canvasElement, 'loading'),
};

/** The API answers 500: the widget says so and offers to ask again. */
export const ServerError: Story = {
  parameters: { creditkit: { scenario: 'serverError' } },
  play: async ({ canvas, canvasElement }) => {
    await waitForWidgetState(canvasElement, 'error');
    await expect(within(canvas.getByRole('alert')).getByRole('button', { name: 'Try again' })).toBeVisible();
  },
};

/** The opt-in dark theme. */
export const DarkTheme: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => waitForWidgetState(canvasElement, 'ready'),
};

/** de-DE: the German pack's sentences, German numbers and dates. */
export const German: Story = {
  globals: { locale: 'de-DE' },
  play: async ({ canvasElement }) => {
    await waitFor(async () => expect((await lines(canvasElement))[1]).toContain('11,92 Credits'));
  },
};
