import type { EnrichmentColumn, WorkbookRecord } from '../shared/workbook';

/** A stable pseudo-random number per record and field, so the simulated provider answers the same every time. */
function hash(text: string): number {
  let value = 2166136261;
  for (const char of text) value = Math.imul(value ^ (char.codePointAt(0) ?? 0), 16777619);
  return value >>> 0;
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '');
}

/**
 * Whether the simulated provider has nothing for this record and field: about one in four, always the same
 * ones (the free domain lookup and the AI column always have something). The end-to-end tests read it to
 * know which rows are refunded.
 */
export function findsNoData(column: EnrichmentColumn, recordId: string): boolean {
  if (column.field === 'domain' || column.ai) return false;
  return hash(`${recordId}:${column.field}`) % 4 === 0;
}

/**
 * The data provider behind a column, simulated: it takes a moment, and for about one record in four it
 * has nothing (no mobile number, no profile), which the host refunds (R15).
 */
export async function lookUp(column: EnrichmentColumn, record: WorkbookRecord): Promise<string | null> {
  await wait(200 + (hash(record.id) % 200));
  const domain = `${slug(record.company)}.example`;
  const [first = '', last = ''] = record.name.toLowerCase().split(' ');
  if (findsNoData(column, record.id)) return null;
  switch (column.field) {
    case 'domain':
      return domain;
    case 'work_email':
      return `${first}.${last}@${domain}`;
    case 'linkedin_url':
      return `linkedin.com/in/${first}-${last}`;
    case 'mobile_phone':
      return `+1 555 01${String(hash(record.id) % 100).padStart(2, '0')}`;
    default:
      return `${record.name} works at ${record.company}.`;
  }
}

/** Token counts of one AI row: they vary around the column's typical row. */
export function aiUsage(column: EnrichmentColumn, record: WorkbookRecord) {
  const typical = column.ai ?? { inputTokens: 800, outputTokens: 200 };
  const spread = (hash(record.id) % 41) / 100 + 0.8;
  return {
    inputTokens: Math.round(typical.inputTokens * spread),
    outputTokens: Math.round(typical.outputTokens * spread),
  };
}
