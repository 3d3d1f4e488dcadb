import type { QuoteCreateParams } from '@creditkit/sdk';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import type { StoryLocale } from '../../../storybook/credit-story-frame';
import { ids, leadPrefix } from '../../../storybook/scenarios/histories';
import { waitForWidgetState, withinPage } from '../../../storybook/story-helpers';
import { RunCostSummary } from './run-cost-summary';

/** The summary's visible line (the same words are also in its announcement, read only by assistive technology). */
const summaryOf = (canvasElement: HTMLElement) => canvasElement.querySelector('.ck-run-cost__summary');

/** Leads `from`…`to` of the lead research scenario, as record ids. */
const leads = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, index) => `${leadPrefix}${from + index}`);

/** A run of `actionId` over leads 1–24 of `workbookId`, on the field its charges name. */
const run = (actionId: string, field: string, more: Partial<QuoteCreateParams> = {}): QuoteCreateParams => ({
  actionId,
  workbookId: ids.partnerWorkbook,
  field,
  recordIds: leads(1, 24),
  ...more,
});

const workEmails = (more: Partial<QuoteCreateParams> = {}) => run('find-work-email', 'work_email', more);
const mobileNumbers = (more: Partial<QuoteCreateParams> = {}) => run('find-mobile-phone', 'mobile_phone', more);

/**
 * The host's own accessible name for its Run button (`runLabel`), as the host writes it in the toolbar's
 * language: it begins with the button's visible text (the pack's `runCost.run`), then says what runs.
 */
const hostRunLabels: Record<string, Record<StoryLocale, string>> = {
  'Run Work email on 24 rows': {
    'en-US': 'Run Work email on 24 rows',
    'de-DE': 'Ausführen: Work email auf 24 Zeilen',
    'fr-FR': 'Lancer Work email sur 24 lignes',
    'es-ES': 'Ejecutar Work email en 24 filas',
    'ja-JP': '実行：Work email（24行）',
    'pt-BR': 'Executar Work email em 24 linhas',
  },
  'Run Mobile phone on 24 rows': {
    'en-US': 'Run Mobile phone on 24 rows',
    'de-DE': 'Ausführen: Mobile phone auf 24 Zeilen',
    'fr-FR': 'Lancer Mobile phone sur 24 lignes',
    'es-ES': 'Ejecutar Mobile phone en 24 filas',
    'ja-JP': '実行：Mobile phone（24行）',
    'pt-BR': 'Executar Mobile phone em 24 linhas',
  },
};

const meta = {
  title: 'Widgets/RunCostSummary',
  component: RunCostSummary,
  render: (args, { globals }) => (
    <RunCostSummary
      {...args}
      runLabel={args.runLabel && (hostRunLabels[args.runLabel]?.[globals.locale as StoryLocale] ?? args.runLabel)}
    />
  ),
  tags: ['autodocs'],
  args: { params: workEmails({ recordIds: leads(5, 28) }), onRun: fn(), runLabel: 'Run Work email on 24 rows' },
  argTypes: {
    confirmAbove: { control: { type: 'number', min: 0 } },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
  },
  parameters: {
    creditkit: { scenario: 'leads' },
    docs: {
      description: {
        component:
          'What a run over the selected rows would cost, beside its Run button, before the click (R23): rows, ' +
          'credits, rows already paid (R13) or free by own key (R10), the balance after, and the limit that would ' +
          'stop it. In the `leads` scenario the lead research workbook is limited to 14 credits and the work ' +
          'emails of leads 1–4 are paid. The widget renders the Run button, so `confirmAbove` cannot be bypassed.',
      },
      // The confirmation is a modal dialog: each story in its own frame on the docs page.
      story: { inline: false, iframeHeight: 320 },
    },
  },
} satisfies Meta<typeof RunCostSummary>;

export default meta;
type Story = StoryObj<typeof meta>;

/** R23: 24 rows nobody paid for yet, in a workbook without a limit: each row is charged. */
export const Quoted: Story = {
  play: async ({ canvas, canvasElement }) => {
    await waitForWidgetState(canvasElement, 'quoted');
    await expect(summaryOf(canvasElement)).toHaveTextContent('Run on 24 rows · up to 24 credits');
    await expect(canvas.getByText('Balance after: 1,972 credits')).toBeVisible();
  },
};

/** R13: the work emails of leads 1–4 are paid, so a run over leads 1–24 charges 20. */
export const SomeAlreadyPaid: Story = {
  args: { params: workEmails() },
  play: async ({ canvasElement }) => {
    await waitForWidgetState(canvasElement, 'quoted');
    await expect(summaryOf(canvasElement)).toHaveTextContent('Run on 24 rows · up to 20 credits · 4 already paid');
  },
};

/** R11: in the lead research workbook, 14 credits allowed and 4 spent: the run stops after 14 rows. */
export const StopsEarly: Story = {
  args: { params: workEmails({ workbookId: ids.leadWorkbook }) },
  play: async ({ canvas, canvasElement }) => {
    await waitForWidgetState(canvasElement, 'stops-early');
    await expect(summaryOf(canvasElement)).toHaveTextContent(
      'Run on 24 rows · up to 10 credits · 4 already paid · stops after 14 rows: workbook limit',
    );
    await userEvent.click(canvas.getByText('Limit details'));
    await expect(canvas.getByText('Limit 14 · spent 14 · 0 left')).toBeVisible();
  },
};

/** R13: every row is paid already: the run charges nothing. */
export const AllAlreadyPaid: Story = {
  args: { params: workEmails({ recordIds: leads(1, 4) }) },
  play: async ({ canvasElement }) => {
    await waitForWidgetState(canvasElement, 'already-paid');
    await expect(summaryOf(canvasElement)).toHaveTextContent('Run on 4 rows · all already paid');
  },
};

/** R10: the workspace's own Phonebook key pays for mobile numbers. */
export const OwnKey: Story = {
  args: { params: mobileNumbers() },
  parameters: { creditkit: { scenario: 'ownKey' } },
  play: async ({ canvasElement }) => {
    await waitForWidgetState(canvasElement, 'own-key');
    await expect(summaryOf(canvasElement)).toHaveTextContent('Run on 24 rows · no credits · 24 free with your own key');
  },
};

/** R14: a Free workspace with 3 credits left cannot pay the first 10-credit mobile number. */
export const OutOfCredits: Story = {
  args: { params: mobileNumbers() },
  parameters: { creditkit: { scenario: 'outOfCredits' } },
  play: async ({ canvasElement }) => {
    await waitForWidgetState(canvasElement, 'stops-early');
    await expect(summaryOf(canvasElement)).toHaveTextContent(
      'Run on 24 rows · no credits · stops after 0 rows: not enough credits',
    );
  },
};

/** R9: an AI action quoted from one row's tokens (800 prompt, 200 output on GPT mini: 0.28 a row). */
export const AiRun: Story = {
  args: {
    params: run('ai-write-gpt-mini', 'ai_summary', { usage: { inputTokens: 800, outputTokens: 200 } }),
  },
  play: async ({ canvasElement }) => {
    await waitForWidgetState(canvasElement, 'quoted');
    await expect(summaryOf(canvasElement)).toHaveTextContent('Run on 24 rows · up to 6.72 credits');
  },
};

/** Above `confirmAbove` (100), Run asks first: 24 mobile numbers are 240 credits. */
export const ConfirmAbove: Story = {
  args: { params: mobileNumbers(), confirmAbove: 100, runLabel: 'Run Mobile phone on 24 rows' },
  play: async ({ args, canvas, canvasElement }) => {
    await waitForWidgetState(canvasElement, 'quoted');
    await userEvent.click(canvas.getByRole('button', { name: 'Run Mobile phone on 24 rows' }));
    const dialog = within(await withinPage(canvasElement).findByRole('dialog', { name: 'Run on 24 rows?' }));
    await expect(dialog.getByText('This run charges up to 240 credits.')).toBeVisible();
    await expect(args.onRun).not.toHaveBeenCalled();
  },
};

/** Nothing selected: nothing is asked, and Run is disabled. */
export const NothingSelected: Story = {
  args: { params: null },
  play: async ({ canvas, canvasElement }) => {
    await waitForWidgetState(canvasElement, 'idle');
    await expect(canvas.getByRole('button', { name: 'Run Work email on 24 rows' })).toBeDisabled();
  },
};

/** Before the quote arrives. */
export const Loading: Story = {
  parameters: { creditkit: { scenario: 'loading' } },
  play: async ({ canvasElement }) => {
    await waitForWidgetState(canvasElement, 'loading');
    await expect(summaryOf(canvasElement)).toHaveTextContent('Run on 24 rows · checking the cost…');
  },
};

/** The API answers 500: the summary says the cost could not be checked; Run stays available. */
export const ServerError: Story = {
  parameters: { creditkit: { scenario: 'serverError' } },
  play: async ({ canvas, canvasElement }) => {
    await waitForWidgetState(canvasElement, 'error');
    await expect(canvas.getByRole('button', { name: 'Run Work email on 24 rows' })).toBeEnabled();
  },
};

/** The opt-in dark theme, stopping early. */
export const DarkTheme: Story = {
  args: { params: workEmails({ workbookId: ids.leadWorkbook }), theme: 'dark' },
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    await waitForWidgetState(canvasElement, 'stops-early');
    await expect(canvasElement.querySelector('.ck-run-cost')).toHaveAttribute('data-theme', 'dark');
  },
};

/** de-DE: in German, 1.989,28 Credits and 6,72 Credits. */
export const German: Story = {
  args: {
    params: run('ai-write-gpt-mini', 'ai_summary', { usage: { inputTokens: 800, outputTokens: 200 } }),
  },
  globals: { locale: 'de-DE' },
  play: async ({ canvas, canvasElement }) => {
    await waitForWidgetState(canvasElement, 'quoted');
    await expect(summaryOf(canvasElement)).toHaveTextContent('Auf 24 Zeilen ausführen · bis zu 6,72 Credits');
    await expect(canvas.getByText('Guthaben danach: 1.989,28 Credits')).toBeVisible();
  },
};
