import pg from 'pg';
import type { Database } from './database';

// bigint columns hold thousandths of a credit, far below 2^53: read them as numbers.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

/**
 * Each statement text runs as a named prepared statement: parsed once per connection, then only bound and
 * executed, with its plan cached by PostgreSQL (a generic plan once five runs show it costs no more). A change of
 * schema (`exec`: the migrations) starts new names, so no statement prepared before it is run after it (a
 * `SELECT *` would no longer return what it was prepared to return).
 */
function statementNames() {
  const names = new Map<string, string>();
  let generation = 0;
  return {
    of(sql: string): string {
      let name = names.get(sql);
      if (name === undefined) {
        name = `creditkit_${generation}_${names.size}`;
        names.set(sql, name);
      }
      return name;
    },
    schemaChanged() {
      names.clear();
      generation++;
    },
  };
}

/** PostgreSQL through a connection pool, for when one process's embedded storage is outgrown. */
export async function openPostgres(connectionString: string, maxConnections = 16): Promise<Database> {
  const pool = new pg.Pool({ connectionString, max: maxConnections });
  // An idle connection the database drops (restart, failover, a proxy's timeout) must not crash the
  // server: the pool replaces it, so say so and go on.
  pool.on('error', (error) => console.error('PostgreSQL connection lost; the pool will reconnect:', error.message));
  await pool.query('SELECT 1');
  const statements = statementNames();
  const prepared = (sql: string, params: readonly unknown[]) => ({
    name: statements.of(sql),
    text: sql,
    values: params as unknown[],
  });
  return {
    kind: 'postgres',
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      return (await pool.query(prepared(sql, params))).rows as Row[];
    },
    async exec(sql: string) {
      await pool.query(sql);
      statements.schemaChanged();
    },
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work({
          query: async <Row>(sql: string, params: readonly unknown[] = []) =>
            (await client.query(prepared(sql, params))).rows as Row[],
          exec: async (sql: string) => {
            await client.query(sql);
            statements.schemaChanged();
          },
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
