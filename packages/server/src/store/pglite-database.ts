import type { PGlite } from '@electric-sql/pglite';
import type { Database } from './database';
import { pgliteStatements } from './pglite-statements';

/**
 * An open PGlite as the store's `Database`, wherever it runs (Node or a web page). It has one connection, so
 * transactions run one at a time, which is also what makes each charge atomic here. `onClose` runs once the
 * database is closed (a Node server releases its data folder there). Statements run prepared
 * (`pglite-statements.ts`), under the locks PGlite's own `query` takes, so a caller's other use of the same
 * PGlite still waits its turn.
 */
export function pgliteDatabase(db: PGlite, onClose: () => void = () => undefined): Database {
  const statements = pgliteStatements(db);
  const alone = <T>(work: () => Promise<T>) => db._runExclusiveTransaction(() => db._runExclusiveQuery(work));
  return {
    kind: 'pglite',
    query<Row>(sql: string, params: readonly unknown[] = []) {
      return alone(() => statements.query<Row>(sql, params, true));
    },
    async exec(sql: string) {
      await db.exec(sql);
      await alone(() => statements.forget());
    },
    transaction(work) {
      return db.transaction((tx) =>
        work({
          query: <Row>(sql: string, params: readonly unknown[] = []) =>
            db._runExclusiveQuery(() => statements.query<Row>(sql, params, false)),
          exec: async (sql: string) => {
            await tx.exec(sql);
            await db._runExclusiveQuery(() => statements.forget());
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
