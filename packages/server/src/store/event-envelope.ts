/** An event as the API sends it: the `data:` line of `GET /v1/events` and the body of a webhook delivery (R26). */
export interface EventEnvelope {
  id: string;
  type: string;
  createdAt: string;
  data: unknown;
}

/** An events row as the store reads it. */
export interface EventRow {
  id: number | string;
  type: string;
  data: unknown;
  created_at: Date | string;
}

/** The envelope of a stored event; its JSON is what subscribers and webhook receivers get, byte for byte. */
export function eventEnvelope(row: EventRow): EventEnvelope {
  return { id: String(row.id), type: row.type, createdAt: new Date(row.created_at).toISOString(), data: row.data };
}
