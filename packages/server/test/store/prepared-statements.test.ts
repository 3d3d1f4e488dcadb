import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/store/database';
import { openPglite } from '../../src/store/pglite';
import { openPostgres } from '../../src/store/postgres';
import { postgresForTests, type ThrowawayPostgres } from '../support/postgres';

// Every statement of the store runs prepared (PGlite: store/pglite-statements.ts; PostgreSQL: named statements).
// What that must not change: values in and out, errors, and a schema change (the migrations) followed by the same
// statement text, which must then return what the new schema holds.

async function preparedStatementsBehave(db: Database): Promise<void> {
  await db.exec('DROP TABLE IF EXISTS prepared_probe; CREATE TABLE prepared_probe (id text PRIMARY KEY, n bigint)');
  await db.query('INSERT INTO prepared_probe (id, n) VALUES ($1, $2)', ['a', 1]);
  expect(await db.query('SELECT * FROM prepared_probe')).toEqual([{ id: 'a', n: 1 }]);

  // A migration adds a column: the same text now returns it (a statement prepared before would fail).
  await db.exec('ALTER TABLE prepared_probe ADD COLUMN at timestamptz');
  expect(await db.query('SELECT * FROM prepared_probe')).toEqual([{ id: 'a', n: 1, at: null }]);

  // Values in and out as the store sends them: dates, arrays, booleans, nulls, JSON.
  const at = new Date('2026-11-02T12:00:00.000Z');
  const [row] = await db.query<Record<string, unknown>>(
    `SELECT $1::timestamptz AS at, $2::text[] AS ids, $3::boolean[] AS flags, $4::bigint AS none,
            $5::jsonb AS data, cardinality($2::text[]) AS count`,
    [at, ['x', 'yz', 'é 😀'], [true, false], null, JSON.stringify({ a: [1, 'b'] })],
  );
  expect(row).toEqual({
    at,
    ids: ['x', 'yz', 'é 😀'],
    flags: [true, false],
    none: null,
    data: { a: [1, 'b'] },
    count: 3,
  });

  // An error is thrown and leaves the database (and the statement cache) usable, in a transaction and outside.
  await expect(db.query('SELECT * FROM no_such_table')).rejects.toThrow(/no_such_table/);
  await expect(db.query('INSERT INTO prepared_probe (id, n) VALUES ($1, $2)', ['a', 2])).rejects.toThrow(/duplicate/);
  await expect(
    db.transaction(async (tx) => {
      await tx.query('INSERT INTO prepared_probe (id, n) VALUES ($1, $2)', ['b', 2]);
      await tx.query('INSERT INTO prepared_probe (id, n) VALUES ($1, $2)', ['a', 3]);
    }),
  ).rejects.toThrow(/duplicate/);
  expect(await db.query('SELECT id, n FROM prepared_probe ORDER BY id')).toEqual([{ id: 'a', n: 1 }]);

  // More texts than the cache holds: the ones it let go are prepared again when they come back.
  for (let distinct = 0; distinct < 300; distinct++) {
    expect(await db.query(`SELECT $1::int + ${distinct} AS sum`, [1])).toEqual([{ sum: distinct + 1 }]);
  }
  expect(await db.query('SELECT $1::int + 0 AS sum', [41])).toEqual([{ sum: 41 }]);
  expect(await db.query('SELECT * FROM prepared_probe')).toEqual([{ id: 'a', n: 1, at: null }]);
}

describe('statements run prepared', () => {
  it('on PGlite', async () => {
    const db = await openPglite(undefined);
    try {
      await preparedStatementsBehave(db);
    } finally {
      await db.close();
    }
  });

  describe('on PostgreSQL', () => {
    let postgres: ThrowawayPostgres;
    beforeAll(async () => {
      postgres = await postgresForTests();
    });
    afterAll(() => postgres?.stop());

    it('on a pool of connections', async () => {
      const db = await openPostgres(postgres.url, 2);
      try {
        await preparedStatementsBehave(db);
      } finally {
        await db.close();
      }
    });
  });
});
