import { type RunQuote, type Thousandths, toCredits } from '@creditkit/rules';
import { quoteCreateParams } from '@creditkit/sdk/schemas';
import type { Hono } from 'hono';
import { findAction } from '../../catalogue/actions';
import { refusalDetails } from '../../store/charges';
import { quote } from '../../store/quotes';
import type { AppEnv, ServerOptions } from '../env';
import { notFound } from '../problem';
import { promptTokens } from '../prompt-tokens';
import { invalidValue, parse, readJson } from '../validate';

function quoteView(
  actionId: string,
  recordIds: readonly string[],
  { quote: run, price, ownKey }: { quote: RunQuote; price: Thousandths; ownKey: boolean },
) {
  const perRow = toCredits(price);
  return {
    actionId,
    rows: run.outcomes.length,
    chargedRows: run.chargedRows,
    alreadyPaidRows: run.alreadyPaidRows,
    ownKeyRows: run.ownKeyRows,
    notReachedRows: run.notReachedRows,
    // As an action's `effectiveCredits` and an AI estimate say it: nothing per row with the workspace's own key.
    perRow: ownKey ? 0 : perRow,
    credits: toCredits(run.credits),
    balance: toCredits(run.balance),
    balanceAfter: toCredits(run.balanceAfter),
    stop: run.stop && {
      code: run.stop.refusal.code,
      afterRows: run.stop.afterRows,
      limit: refusalDetails(run.stop.refusal),
    },
    records: recordIds.map((recordId, row) => {
      const outcome = run.outcomes[row] ?? 'not_reached';
      return { recordId, outcome, credits: outcome === 'charge' ? perRow : 0 };
    }),
  };
}

export function quoteRoutes(app: Hono<AppEnv>, options: ServerOptions): void {
  // R23: what a run would cost and where it would stop, decided as its charges would be; nothing is written.
  app.post('/v1/quotes', async (context) => {
    const params = parse(quoteCreateParams, await readJson(context), 'quote');
    const action = findAction(params.actionId);
    if (!action) throw notFound('action');
    // A quote prices rows as their charges will be priced: an AI row by its tokens, a lookup at its list price.
    if (action.kind === 'ai' && !params.usage) {
      throw invalidValue(['usage'], `${action.id} is priced by its tokens: give usage.`, 'usage_required');
    }
    if (action.kind === 'lookup' && params.usage) {
      throw invalidValue(['usage'], `${action.id} has a fixed price: leave usage out.`, 'usage_not_applicable');
    }
    const usage = params.usage && {
      inputTokens: params.usage.inputTokens ?? (await promptTokens(options.tokenCounter, params.usage.prompt ?? '')),
      outputTokens: params.usage.outputTokens,
    };
    const quoted = await quote(
      options.db,
      context.get('caller').workspaceId,
      action,
      { ...params, usage },
      options.now(),
    );
    if (quoted.outcome === 'unknown') throw notFound(quoted.what);
    return context.json(quoteView(action.id, params.recordIds ?? [], quoted));
  });
}
