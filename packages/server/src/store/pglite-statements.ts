import type { PGlite, messages as protocolMessages } from '@electric-sql/pglite';

/**
 * PGlite's own `query` re-parses and re-plans its statement on every call and enters its WebAssembly engine six
 * times (parse, describe, bind, describe, execute, sync). The store runs a few dozen statement texts over and
 * over, so each is parsed once as a named prepared statement, and a call is then one entry into the engine: bind,
 * execute and sync together. PostgreSQL's plan cache keeps what it can of the plan (a generic plan after five runs
 * whose cost is no worse than the custom ones).
 */

/** The PGlite module's protocol helpers, loaded with PGlite itself (a page loads PGlite lazily). */
type PgliteModule = typeof import('@electric-sql/pglite');
let pgliteModule: Promise<PgliteModule> | undefined;
const loadPglite = () => {
  pgliteModule ??= import('@electric-sql/pglite');
  return pgliteModule;
};

interface Prepared {
  name: string;
  /** The parameters' types, which choose each value's serializer as PGlite's `query` does. */
  parameterTypes: number[];
  /** The columns of its rows; none for a statement that returns no rows. */
  fields: { name: string; dataTypeID: number }[];
}

/**
 * Statement texts are constants of the store, so the cache stays small; the bound only keeps a caller that
 * builds texts from data from growing it without end (the least recently used statement is closed).
 */
const maxStatements = 256;

function concat(parts: Uint8Array[]): Uint8Array {
  const joined = new Uint8Array(parts.reduce((length, part) => length + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }
  return joined;
}

/**
 * Runs statements on one PGlite as named prepared statements. The caller holds PGlite's query lock (and its
 * transaction lock outside a transaction): the protocol calls used here take none.
 */
export function pgliteStatements(db: PGlite) {
  const prepared = new Map<string, Prepared>();
  let counter = 0;

  async function prepare(pglite: PgliteModule, sql: string): Promise<Prepared> {
    const { serialize } = pglite.protocol;
    const name = `creditkit_${counter++}`;
    const evicted = prepared.size >= maxStatements ? prepared.keys().next().value : undefined;
    const closing = evicted === undefined ? undefined : (prepared.get(evicted) as Prepared).name;
    // Forgotten before the call: should the new text fail to parse, the evicted statement is closed all the same.
    if (evicted !== undefined) prepared.delete(evicted);
    const messages = await db.execProtocolStream(
      concat([
        ...(closing === undefined ? [] : [serialize.close({ type: 'S', name: closing })]),
        serialize.parse({ name, text: sql }),
        serialize.describe({ type: 'S', name }),
        serialize.sync(),
      ]),
      { syncToFs: false },
    );
    const statement: Prepared = { name, parameterTypes: [], fields: [] };
    for (const message of messages) {
      if (message.name === 'parameterDescription')
        statement.parameterTypes = (message as protocolMessages.ParameterDescriptionMessage).dataTypeIDs;
      if (message.name === 'rowDescription')
        statement.fields = (message as protocolMessages.RowDescriptionMessage).fields.map(({ name, dataTypeID }) => ({
          name,
          dataTypeID,
        }));
    }
    prepared.set(sql, statement);
    return statement;
  }

  return {
    /** Runs one statement; `syncToFs` when it is not inside a transaction (PGlite then persists after it). */
    async query<Row>(sql: string, params: readonly unknown[], syncToFs: boolean): Promise<Row[]> {
      const pglite = await loadPglite();
      let statement = prepared.get(sql);
      if (statement) {
        // Most recently used last: the eviction above closes the first.
        prepared.delete(sql);
        prepared.set(sql, statement);
      } else statement = await prepare(pglite, sql);
      const values = params.map((param, index) => {
        if (param === null || param === undefined) return null;
        const serializer = db.serializers[statement.parameterTypes[index] as number];
        return serializer ? serializer(param) : String(param);
      });
      const { serialize } = pglite.protocol;
      const messages = await db.execProtocolStream(
        concat([serialize.bind({ statement: statement.name, values }), serialize.execute(), serialize.sync()]),
        { syncToFs },
      );
      const { fields } = statement;
      const rows: Row[] = [];
      for (const message of messages) {
        if (message.name !== 'dataRow') continue;
        const row: Record<string, unknown> = {};
        (message as protocolMessages.DataRowMessage).fields.forEach((value, index) => {
          const field = fields[index] as Prepared['fields'][number];
          row[field.name] = pglite.types.parseType(value, field.dataTypeID, db.parsers);
        });
        rows.push(row as Row);
      }
      return rows;
    },

    /**
     * Forgets every prepared statement: after a change of schema (migrations), a statement such as `SELECT *`
     * could no longer return what it was prepared to return.
     */
    async forget(): Promise<void> {
      if (prepared.size === 0) return;
      prepared.clear();
      await db.execProtocolStream((await loadPglite()).protocol.serialize.query('DEALLOCATE ALL'), {
        syncToFs: false,
      });
    },
  };
}
