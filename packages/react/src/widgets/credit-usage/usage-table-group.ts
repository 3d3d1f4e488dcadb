import type { UsageParams } from '@creditkit/sdk';

/** What the usage table can be grouped by; days are the chart's. */
export type UsageTableGroup = Exclude<UsageParams['groupBy'], 'day'>;

export const usageTableGroups: readonly UsageTableGroup[] = ['workbook', 'action', 'provider', 'model', 'trigger'];
