import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeTestApps, startTestApp, type TestApp } from '../../test/test-app';
import { listTextCap } from './named-statements';
import { runNamed } from './prepared';
import type { DB } from './schema';

let t: TestApp;

// A scratch table of its own, so that what each case reads is known exactly.
const notesWith = (db: Kysely<DB>, minimum: number, body: string, limit: number) =>
  runNamed(
    db,
    sql<{ body: string; size: number }>`
    select body, size from named_notes where size >= ${minimum} and body like ${body}
    order by size limit ${sql.lit(limit)}`,
  );
// The statements this connection holds, by their text.
const preparedTexts = async (db: Kysely<DB>) =>
  (await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(db)).rows.map(
    (row) => row.statement,
  );

beforeAll(async () => {
  t = await startTestApp();
  await sql`create table named_notes (id serial primary key, body text not null, size int not null)`.execute(
    t.database.db,
  );
  await sql`insert into named_notes (body, size) values ('a', 1), ('b', 2), ('it''s', 3), ('b', 4)`.execute(
    t.database.db,
  );
});
afterAll(async () => {
  await sql`drop table named_notes`.execute(t.database.db);
  await closeTestApps();
});

describe('queries whose text varies, run as named statements', () => {
  it('answer each run with its own values from a statement the connection keeps', async () => {
    await t.database.db.connection().execute(async (db) => {
      const rows = async (minimum: number, body: string, limit: number) =>
        (await notesWith(db, minimum, body, limit)).rows.map((row) => [row.body, row.size]);
      expect(await rows(2, '%', 10)).toEqual([
        ['b', 2],
        ["it's", 3],
        ['b', 4],
      ]);
      expect(await rows(1, "it's", 10)).toEqual([["it's", 3]]);
      expect(await rows(5, '%', 10)).toEqual([]);
      expect(await rows(1, '%', 2)).toEqual([
        ['a', 1],
        ['b', 2],
      ]);
      // One statement per limit, each kept once however often it ran.
      const kept = (await preparedTexts(db)).filter((text) => text.includes('from named_notes'));
      expect(kept).toHaveLength(2);
      expect(kept.some((text) => text.includes('limit 10'))).toBe(true);
    });
  });

  it('stop naming at the cap: texts past it run as ordinary statements, with the same answers', async () => {
    await t.database.db.connection().execute(async (db) => {
      // Two texts were named above; these fill the cap and go past it by three.
      for (let limit = 11; limit < 11 + listTextCap + 1; limit++) {
        expect((await notesWith(db, 4, 'b', limit)).rows).toEqual([{ body: 'b', size: 4 }]);
      }
      const kept = (await preparedTexts(db)).filter((text) => text.includes('from named_notes'));
      expect(kept.some((text) => text.includes(`limit ${11 + listTextCap - 3}`))).toBe(true);
      expect(kept.some((text) => text.includes(`limit ${11 + listTextCap - 2}`))).toBe(false);
      // Texts named before the cap are still named.
      await notesWith(db, 1, '%', 10);
      expect(await preparedTexts(db)).toEqual(expect.arrayContaining(kept));
    });
  });
});
