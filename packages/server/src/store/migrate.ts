import type { Database } from './database';
import { ledgerSchema } from './migrations/001-ledger';
import { dedupByActionSchema } from './migrations/002-dedup-by-action';
import { chargeTriggerSchema } from './migrations/003-charge-trigger';
import { chargesByDedupKeySchema } from './migrations/004-charges-by-dedup-key';
import { stoppedRunsSchema } from './migrations/005-stopped-runs';
import { grantedCreditsSchema } from './migrations/006-granted-credits';
import { alertsSchema } from './migrations/007-alerts';
import { webhooksSchema } from './migrations/008-webhooks';
import { autoTopUpSchema } from './migrations/009-auto-top-up';

/** Versioned migrations, applied once each and in order; the same SQL runs on PGlite and PostgreSQL. */
const migrations: readonly { version: number; sql: string }[] = [
  { version: 1, sql: ledgerSchema },
  { version: 2, sql: dedupByActionSchema },
  { version: 3, sql: chargeTriggerSchema },
  { version: 4, sql: chargesByDedupKeySchema },
  { version: 5, sql: stoppedRunsSchema },
  { version: 6, sql: grantedCreditsSchema },
  { version: 7, sql: alertsSchema },
  { version: 8, sql: webhooksSchema },
  { version: 9, sql: autoTopUpSchema },
];

/** The versions a database holds once migrated, in order: what a deployment's schema should read. */
export const schemaVersions: readonly number[] = migrations.map((migration) => migration.version);

/**
 * Any constant names the lock; this one spells "creditkit" in a bigint. Every instance of a deployment
 * takes it before any DDL, so instances started together against an empty PostgreSQL create the schema
 * once instead of racing on the catalogue (`pg_type_typname_nsp_index`).
 */
const migrationLock = 0x6372656469746b69n;

/**
 * Applies what is missing, all in one transaction under the migration lock: the migrations table itself
 * included, so the first instance creates everything and the others, waiting on the lock, find it done.
 * `through` stops at a version, as a deployment of an older release would have: the tests of a migration
 * write the data it must carry over into a database the previous one left.
 */
export async function migrate(db: Database, options: { through?: number } = {}): Promise<number[]> {
  const through = options.through ?? Number.POSITIVE_INFINITY;
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1::bigint)', [migrationLock.toString()]);
    await tx.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const done = new Set(
      (await tx.query<{ version: number }>('SELECT version FROM schema_migrations')).map((row) => row.version),
    );
    const applied: number[] = [];
    for (const migration of migrations) {
      if (done.has(migration.version) || migration.version > through) continue;
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (version) VALUES ($1)', [migration.version]);
      applied.push(migration.version);
    }
    return applied;
  });
}

/**
 * The migrations this server needs that the database does not hold: none once `migrate` has run, unless the
 * database was replaced under the server since (a restore from an older backup, a failover to a stale copy).
 */
export async function missingMigrations(db: Database): Promise<number[]> {
  const held = new Set(
    (await db.query<{ version: number }>('SELECT version FROM schema_migrations')).map((row) => row.version),
  );
  return schemaVersions.filter((version) => !held.has(version));
}
