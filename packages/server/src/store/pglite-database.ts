import type { PGlite } from '@electric-sql/pglite';
import type { Database } from './database';

/**
 * An open PGlite as the store's `Database`, wherever it runs (Node or a web page). It has one connection, so
 * transactions run one at a time, which is also what makes each charge atomic here. `onClose` runs once the
 * database is closed (a Node server releases its data folder there).
 */
export function pgliteDatabase(db: PGlite, onClose: () => void = () => undefined): Database {
  return {
    kind: 'pglite',
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      return (await db.query<Row>(sql, params as unknown[])).rows;
    },
    async exec(sql: string) {
      await db.exec(sql);
    },
    transaction(work) {
      return db.transaction((tx) =>
        work({
          query: async <Row>(sql: string, params: readonly unknown[] = []) =>
            (await tx.query<Row>(sql, params as unknown[])).rows,
          exec: async (sql: string) => {
            await tx.exec(sql);
          },
        }),
      );
    },
    async close() {
      await db.close();
      onClose();
    },
  };
}
