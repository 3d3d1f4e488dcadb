import type { AiRunCreateParams, ChargeCreateParams } from '@creditkit/sdk';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { RefusedCharge } from '../../../storybook/refused-charge';
import { ids } from '../../../storybook/scenarios/histories';
import { waitForWidgetState, withinPage } from '../../../storybook/story-helpers';
import { LimitReachedNotice } from './limit-reached-notice';

/** A 10-credit mobile number for a record of the Q4 outbound workbook. */
const mobileNumber = (recordId: string, more: Partial<ChargeCreateParams> = {}): ChargeCreateParams => ({
  actionId: 'find-mobile-phone',
  workbookId: ids.outboundWorkbook,
  recordId,
  field: 'mobile_phone',
  ...more,
});

const workbookRefusal = [mobileNumber('rec_4120')];
const enrichmentRefusal = [mobileNumber('rec_4121', { enrichmentId: ids.mobilePhonesEnrichment })];
/** A GPT large row (4 credits) twice under a 5-credit run budget: the second is refused. */
const budgetRun: AiRunCreateParams = {
  runId: 'run_partner_summaries_7',
  workbookId: ids.partnerWorkbook,
  model: 'gpt-large',
  budget: 5,
};
const aiRow = (recordId: string): ChargeCreateParams => ({
  actionId: 'ai-write-gpt-large',
  workbookId: ids.partnerWorkbook,
  recordId,
  field: 'summary',
  runId: budgetRun.runId,
});
const runRefusal = [aiRow('rec_88'), aiRow('rec_89')];

/** The charges a story makes on load, `parameters.refusal` (and a run to open first). */
interface Refusal {
  charges: readonly ChargeCreateParams[];
  run?: AiRunCreateParams;
}

const meta = {
  title: 'Widgets/LimitReachedNotice',
  component: LimitReachedNotice,
  tags: ['autodocs'],
  args: { onBuyCredits: fn() },
  argTypes: { theme: { control: 'inline-radio', options: ['light', 'dark'] }, error: { control: false } },
  // The error each story shows is real: the SDK's, from the in-page API's 402 for a charge made on load.
  render: (args, { parameters }) => {
    const { charges, run } = (parameters.refusal ?? { charges: workbookRefusal }) as Refusal;
    return (
      <RefusedCharge charges={charges} {...(run ? { run } : {})}>
        {(error) => <LimitReachedNotice {...args} error={error} />}
      </RefusedCharge>
    );
  },
  parameters: {
    creditkit: { scenario: 'limitReached' },
    docs: {
      description: {
        component:
          'Says which limit refused a charge, with its numbers, and the way out for admins. Each story makes a ' +
          'real charge through the SDK on load and passes what it threw: in the `limitReached` scenario the Q4 ' +
          'outbound workbook has 4 of its 651 credits left (R11) and its mobile phone enrichment has spent ' +
          'all of its 500 (R12), so a 10-credit mobile number is refused.',
      },
    },
  },
} satisfies Meta<typeof LimitReachedNotice>;

export default meta;
type Story = StoryObj<typeof meta>;

/** R11, R20: the workbook limit, for an admin: a button opens the spend-limit dialog to raise it. */
export const WorkbookLimitAdmin: Story = {
  play: async ({ canvas, canvasElement }) => {
    await waitForWidgetState(canvasElement, 'reached');
    await expect(canvas.getByRole('alert')).toHaveTextContent(
      'This workbook has reached its credit limit.Limit 651 · spent 647 · 4 left',
    );
    await expect(canvas.getByRole('button', { name: 'Raise the limit' })).toBeVisible();
  },
};

/** R11, R20: the same refusal for a member, who is told to ask an admin. */
export const WorkbookLimitMember: Story = {
  globals: { role: 'member' },
  play: async ({ canvas, canvasElement }) => {
    await waitForWidgetState(canvasElement, 'reached');
    await expect(canvas.getByText('Ask a workspace admin to raise the limit.')).toBeVisible();
    await expect(canvas.queryByRole('button')).toBeNull();
  },
};

/** An admin raises the limit from the notice: the dialog starts from the limit that blocked. */
export const RaiseTheLimit: Story = {
  parameters: { docs: { story: { inline: false, iframeHeight: 460 } } },
  play: async ({ canvas, canvasElement }) => {
    await waitForWidgetState(canvasElement, 'reached');
    await userEvent.click(canvas.getByRole('button', { name: 'Raise the limit' }));
    const dialog = within(await withinPage(canvasElement).findByRole('dialog', { name: 'Workbook credit limit' }));
    await expect(await dialog.findByRole('textbox', { name: 'Limit (credits)' })).toHaveValue('651');
    await expect(dialog.getByText('4 credits remaining')).toBeVisible();
  },
};

/** R12: the enrichment's limit blocked first: all 500 spent. */
export const EnrichmentLimit: Story = {
  parameters: { refusal: { charges: enrichmentRefusal } },
  play: async ({ canvas, canvasElement }) => {
    await waitForWidgetState(canvasElement, 'reached');
    await expect(canvas.getByRole('alert')).toHaveTextContent(
      'This enrichment has reached its credit limit.Limit 500 · spent 500 · 0 left',
    );
  },
};

/** R12, R20: the enrichment limit for a member. */
export const EnrichmentLimitMember: Story = {
  globals: { role: 'member' },
  parameters: { refusal: { charges: enrichmentRefusal } },
  play: async ({ canvas, canvasElement }) => {
    await waitForWidgetState(canvasElement, 'reached');
    await expect(canvas.getByText('Ask a workspace admin to raise the limit.')).toBeVisible();
  },
};

/** R14, R17: the workspace is out of credits (3 left): an admin is offered to buy more. */
export const OutOfCreditsAdmin: Story = {
  parameters: { creditkit: { scenario: 'outOfCredits' } },
  play: async ({ args, canvas, canvasElement }) => {
    await waitForWidgetState(canvasElement, 'reached');
    await expect(canvas.getByRole('alert')).toHaveTextContent('Your workspace is out of credits.3 credits available');
    await userEvent.click(canvas.getByRole('button', { name: 'Buy credits' }));
    await expect(args.onBuyCredits).toHaveBeenCalledOnce();
  },
};

/** R14, R20: out of credits, for a member. */
export const OutOfCreditsMember: Story = {
  globals: { role: 'member' },
  parameters: { creditkit: { scenario: 'outOfCredits' } },
  play: async ({ canvas, canvasElement }) => {
    await waitForWidgetState(canvasElement, 'reached');
    await expect(canvas.getByText('Ask a workspace admin to buy credits.')).toBeVisible();
  },
};

/** R9: an AI run used its budget (4 of 5, and a row costs 4): said as a budget; without `onContinueRun`, no way on. */
export const RunBudgetExhausted: Story = {
  parameters: { creditkit: { scenario: 'normal' }, refusal: { run: budgetRun, charges: runRefusal } },
  play: async ({ canvas, canvasElement }) => {
    await waitForWidgetState(canvasElement, 'reached');
    await expect(canvas.getByRole('alert')).toHaveTextContent(
      'This run used its 5-credit budget.4 credits spent · 1 credit left, not enough for the next row.',
    );
    await expect(canvas.queryByRole('button')).toBeNull();
  },
};

/** R9: the host wires `onContinueRun`: a new run with a bigger budget for the rows not yet done. */
export const RunBudgetContinue: Story = {
  args: { onContinueRun: fn() },
  globals: { role: 'member' },
  parameters: { creditkit: { scenario: 'normal' }, refusal: { run: budgetRun, charges: runRefusal } },
  play: async ({ args, canvas, canvasElement }) => {
    await waitForWidgetState(canvasElement, 'reached');
    await userEvent.click(canvas.getByRole('button', { name: 'Continue with a bigger budget' }));
    await expect(args.onContinueRun).toHaveBeenCalledOnce();
  },
};

/** R11: raised from its own dialog, the notice clears once the dialog says Done, though the host still holds the error. */
export const ClearedAfterRaise: Story = {
  parameters: { docs: { story: { inline: false, iframeHeight: 460 } } },
  play: async ({ canvas, canvasElement }) => {
    await waitForWidgetState(canvasElement, 'reached');
    await userEvent.click(canvas.getByRole('button', { name: 'Raise the limit' }));
    const dialog = within(await withinPage(canvasElement).findByRole('dialog', { name: 'Workbook credit limit' }));
    const input = await dialog.findByRole('textbox', { name: 'Limit (credits)' });
    await userEvent.clear(input);
    await userEvent.type(input, '1,000{Enter}');
    await userEvent.click(await dialog.findByRole('button', { name: 'Done' }));
    await waitForWidgetState(canvasElement, 'idle');
    await expect(canvas.getByRole('alert')).toBeEmptyDOMElement();
  },
};

/**
 * Without an error to show, the notice follows the workspace's event stream: here a charge made elsewhere
 * (another tab, a bulk enrichment) runs into the workbook limit while the page is open (R11, R12).
 */
export const FromTheEventStream: Story = {
  render: (args) => <LimitReachedNotice {...args} />,
  parameters: { creditkit: { scenario: 'limitReached', live: true } },
  play: async ({ canvas, canvasElement }) => {
    await waitForWidgetState(canvasElement, 'reached');
    await expect(canvas.getByRole('alert')).toHaveTextContent(
      'This workbook has reached its credit limit.Limit 651 · spent 647 · 4 left',
    );
  },
};

/** Nothing blocked: an empty live region, present so that a notice is announced when it appears. */
export const NothingBlocked: Story = {
  parameters: { creditkit: { scenario: 'normal' }, refusal: { charges: [mobileNumber('rec_17')] } },
  play: async ({ canvasElement }) => waitForWidgetState(canvasElement, 'idle'),
};

/** The opt-in dark theme. */
export const DarkTheme: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => waitForWidgetState(canvasElement, 'reached'),
};

/** de-DE, in German. */
export const German: Story = {
  globals: { locale: 'de-DE' },
  play: async ({ canvas, canvasElement }) => {
    await waitForWidgetState(canvasElement, 'reached');
    await expect(canvas.getByRole('alert')).toHaveTextContent('Limit 651 · ausgegeben 647 · 4 übrig');
  },
};

/** ja-JP, in Japanese. */
export const Japanese: Story = {
  globals: { locale: 'ja-JP' },
  play: async ({ canvas, canvasElement }) => {
    await waitForWidgetState(canvasElement, 'reached');
    await expect(canvas.getByRole('alert')).toHaveTextContent('上限651 · 使用済み647 · 残り4');
  },
};
