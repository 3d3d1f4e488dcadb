import type { AiEstimateCreateParams } from '@creditkit/sdk';
import type { ReactNode } from 'react';
import { useAiEstimate } from '../../hooks/use-ai-estimate';
import { useCreditFormat } from '../../hooks/use-credit-format';
import { useMessageGroup } from '../../hooks/use-message-group';
import { englishCommon } from '../../messages/english/common';
import { englishRunBudget } from '../../messages/english/run-budget';

interface RunEstimateProps {
  params: AiEstimateCreateParams;
  /** The valid budget typed, or null: no warning without one. */
  budget: number | null;
  /** So the budget input can point at the estimate with aria-describedby. */
  id: string;
}

/**
 * A run's estimate per row and in total (R9), free with the workspace's own key (R10), and a polite
 * warning when it exceeds the budget. Its own component so that the estimate is asked for only when
 * the host gives token counts or a prompt.
 */
export function RunEstimate({ params, budget, id }: RunEstimateProps): ReactNode {
  const text = useMessageGroup('runBudget', englishRunBudget);
  const common = useMessageGroup('common', englishCommon);
  const { formatCredits, formatCount } = useCreditFormat();
  const { data, status } = useAiEstimate(params);
  const credits = (amount: number) => common.credits(formatCredits(amount), amount);
  const over = data && budget !== null && data.total > budget;
  return (
    <>
      <p id={id} className="ck-run-budget-estimate" data-state={data ? (data.ownKey ? 'own-key' : 'ready') : status}>
        {!data
          ? status === 'error'
            ? text.estimateFailed
            : text.estimating
          : data.ownKey
            ? text.ownKey
            : text.estimate(
                formatCredits(data.perRow),
                formatCredits(data.total),
                formatCount(data.rows),
                data.rows,
                data.total,
              )}
      </p>
      <p role="status" className="ck-run-budget-warning" data-state={over ? 'over-budget' : 'within-budget'}>
        {over && text.overBudget(credits(data.total), credits(budget))}
      </p>
    </>
  );
}
