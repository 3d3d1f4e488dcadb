// What the host product knows about its workbook: the records and the enrichment columns. Both the
// browser and the host server read this file; the credit API only keys spend by these ids.

export const workbookId = 'wb_demo_people';

export interface WorkbookRecord {
  id: string;
  name: string;
  company: string;
}

export interface EnrichmentColumn {
  /** Also the charged field. */
  field: string;
  label: string;
  actionId: string;
  /** AI columns run against a budget (R9) and charge by tokens. */
  ai?: { model: string; inputTokens: number; outputTokens: number };
}

export const records: readonly WorkbookRecord[] = [
  { id: 'rec_ada', name: 'Ada Lovelace', company: 'Analytical Engines' },
  { id: 'rec_grace', name: 'Grace Hopper', company: 'Compiler Works' },
  { id: 'rec_alan', name: 'Alan Turing', company: 'Bletchley Labs' },
  { id: 'rec_katherine', name: 'Katherine Johnson', company: 'Orbit Analytics' },
  { id: 'rec_linus', name: 'Linus Torvalds', company: 'Kernel Co' },
  { id: 'rec_margaret', name: 'Margaret Hamilton', company: 'Apollo Software' },
  { id: 'rec_edsger', name: 'Edsger Dijkstra', company: 'Shortest Path BV' },
  { id: 'rec_barbara', name: 'Barbara Liskov', company: 'Substitution Inc' },
  { id: 'rec_dennis', name: 'Dennis Ritchie', company: 'Unix Systems' },
  { id: 'rec_radia', name: 'Radia Perlman', company: 'Spanning Tree Ltd' },
  { id: 'rec_donald', name: 'Donald Knuth', company: 'Literate Press' },
  { id: 'rec_frances', name: 'Frances Allen', company: 'Optimizing Compilers' },
  { id: 'rec_john', name: 'John Backus', company: 'Formula Translation' },
  { id: 'rec_hedy', name: 'Hedy Lamarr', company: 'Frequency Hopping' },
  { id: 'rec_tim', name: 'Tim Berners-Lee', company: 'Hypertext Labs' },
  { id: 'rec_sophie', name: 'Sophie Wilson', company: 'Acorn Instruments' },
  { id: 'rec_ken', name: 'Ken Thompson', company: 'Regular Expressions' },
  { id: 'rec_adele', name: 'Adele Goldberg', company: 'Smalltalk Systems' },
  { id: 'rec_guido', name: 'Guido van Rossum', company: 'Indentation Ltd' },
  { id: 'rec_shafi', name: 'Shafi Goldwasser', company: 'Zero Knowledge' },
  { id: 'rec_whitfield', name: 'Whitfield Diffie', company: 'Key Exchange' },
  { id: 'rec_lynn', name: 'Lynn Conway', company: 'VLSI Design' },
  { id: 'rec_leslie', name: 'Leslie Lamport', company: 'Logical Clocks' },
  { id: 'rec_jean', name: 'Jean Sammet', company: 'Business Languages' },
];

export interface Audience {
  id: string;
  name: string;
  recordIds: readonly string[];
}

const recordIdsOf = (from: number, to: number) => records.slice(from, to).map((record) => record.id);

/**
 * Two saved segments of the workbook's people that overlap in six records. Running the same column on
 * both charges each record and field once (R13): the overlap is deduplicated by the credit API.
 */
export const audiences: readonly Audience[] = [
  { id: 'aud_speakers', name: 'Conference speakers', recordIds: recordIdsOf(0, 14) },
  { id: 'aud_readers', name: 'Newsletter readers', recordIds: recordIdsOf(8, 24) },
];

export function findAudience(id: string): Audience | undefined {
  return audiences.find((audience) => audience.id === id);
}

export const columns: readonly EnrichmentColumn[] = [
  { field: 'domain', label: 'Company domain', actionId: 'lookup-company-domain' },
  { field: 'work_email', label: 'Work email', actionId: 'find-work-email' },
  { field: 'linkedin_url', label: 'LinkedIn URL', actionId: 'find-linkedin-url' },
  { field: 'mobile_phone', label: 'Mobile phone', actionId: 'find-mobile-phone' },
  {
    field: 'ai_summary',
    label: 'AI summary',
    actionId: 'ai-write-gpt-mini',
    ai: { model: 'gpt-mini', inputTokens: 800, outputTokens: 200 },
  },
];

export function findColumn(field: string): EnrichmentColumn | undefined {
  return columns.find((column) => column.field === field);
}

/** One line of the `POST /run-column` answer (newline-delimited JSON). */
export type RunEvent =
  /** First: the key to stop the run with (`POST /run-column/:runKey/stop`). */
  | { type: 'started'; runKey: string }
  | {
      type: 'row';
      recordId: string;
      status: 'charged' | 'own_key' | 'deduplicated' | 'refunded';
      credits: number;
      value: string | null;
    }
  | { type: 'blocked'; recordId: string; problem: RunProblem }
  | { type: 'done'; stopped: boolean };

/** A refused charge as the API described it, so the browser can show the kit's notice. */
export interface RunProblem {
  name: string;
  code: string;
  status: number | undefined;
  message: string;
  requestId: string | undefined;
  details: unknown;
}

export interface RunColumnRequest {
  field: string;
  recordIds: string[];
  /** When the rows are an audience's, its id goes with each charge. */
  audienceId?: string;
  /** AI columns: the run's budget in credits. */
  budget?: number;
  /**
   * Why the rows run (R24): a first run when omitted, deduplicated per record and field; `auto_update` for a
   * refresh of values already found, which is charged again.
   */
  trigger?: 'auto_update';
}

export interface SessionAnswer {
  token: string;
  expiresAt: string;
  apiBaseUrl: string;
}

/** Cell values by record id, then by field. */
export type WorkbookCells = Record<string, Record<string, string | null>>;
