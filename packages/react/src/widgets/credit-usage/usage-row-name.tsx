import type { ReactNode } from 'react';
import { useActionCost } from '../../hooks/use-action-cost';
import { useAiModels } from '../../hooks/use-ai-models';
import { useMessageGroup } from '../../hooks/use-message-group';
import { englishUsage } from '../../messages/english/usage';
import type { UsageTableGroup } from './usage-table-group';

/** An action's name, from the same batched, cached query as its cost badge; its id until then. */
function ActionName({ id }: { id: string }) {
  return useActionCost(id).data?.name ?? id;
}

/** A model's display name, from the cached model list; its id until then. */
function ModelName({ id }: { id: string }) {
  return useAiModels().data?.find((model) => model.id === id)?.name ?? id;
}

/** A trigger's name in the kit's words (R24); a trigger this version does not know keeps its id. */
function TriggerName({ id }: { id: string }) {
  const names: Record<string, string> = useMessageGroup('usage', englishUsage).triggerNames;
  return names[id] ?? id;
}

/**
 * What a usage row is called: the host's own name for it (a workbook's, say) when `rowLabel` gives one,
 * else an action's or a model's name as the API knows it, a trigger's in the kit's words, else the id the API grouped by. Only the shown
 * grouping asks for names, so a table by workbook sends no extra request.
 */
export function UsageRowName({
  group,
  id,
  rowLabel,
}: {
  group: UsageTableGroup;
  id: string;
  rowLabel: ((group: UsageTableGroup, id: string) => string | undefined) | undefined;
}): ReactNode {
  const hostLabel = rowLabel?.(group, id);
  if (hostLabel !== undefined) return hostLabel;
  if (group === 'action') return <ActionName id={id} />;
  if (group === 'model') return <ModelName id={id} />;
  if (group === 'trigger') return <TriggerName id={id} />;
  return id;
}
