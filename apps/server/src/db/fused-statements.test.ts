import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeTestApps, startTestApp, type TestApp } from '../../test/test-app';
import { prepared } from './prepared';

let t: TestApp;

// A scratch table of its own, so that what each case wrote can be counted exactly.
const insertNote = prepared(
  (_db, param) =>
    sql<{ id: number; body: string; tags: string[]; data: unknown }>`
    insert into fused_notes (body, tags, data) values (${param('body')}, ${param('tags')}::text[], ${param('data')}::jsonb)
    returning id, body, tags, data`,
);
const notes = async () =>
  (await sql<{ body: string }>`select body from fused_notes order by id`.execute(t.database.db)).rows.map(
    (row) => row.body,
  );

beforeAll(async () => {
  t = await startTestApp();
  await sql`create table fused_notes (id serial primary key, body text not null, tags text[], data jsonb)`.execute(
    t.database.db,
  );
});
afterAll(async () => {
  await sql`drop table fused_notes`.execute(t.database.db);
  await closeTestApps();
});

describe('statements that carry their transaction’s BEGIN or COMMIT', () => {
  it('open and commit a transaction in two statements, the values going through as the driver sends them', async () => {
    const body = `It's "quoted" \\ back-slashed; -- not a comment`;
    const written = await t.database.db.transaction().execute(async (trx) => {
      const first = await insertNote.runFused(trx, { body, tags: ['a', "b'c"], data: { n: 1 } }, 'begin');
      await insertNote.runFused(trx, { body: 'second', tags: null, data: null }, 'commit');
      return first.rows[0];
    });
    expect(written).toMatchObject({ body, tags: ['a', "b'c"], data: { n: 1 } });
    expect(await notes()).toEqual([body, 'second']);
  });

  it('roll back everything when the work fails between them', async () => {
    await expect(
      t.database.db.transaction().execute(async (trx) => {
        await insertNote.runFused(trx, { body: 'lost', tags: null, data: null }, 'begin');
        await sql`insert into fused_notes (body) values ('also lost')`.execute(trx);
        throw new Error('the step failed');
      }),
    ).rejects.toThrow('the step failed');
    // The last statement failing (a NULL body) rolls back the first one too.
    await expect(
      t.database.db.transaction().execute(async (trx) => {
        await insertNote.runFused(trx, { body: 'lost too', tags: null, data: null }, 'begin');
        await insertNote.runFused(trx, { body: null, tags: null, data: null }, 'commit');
      }),
    ).rejects.toThrow(/null value/);
    expect(await notes()).toEqual([expect.any(String), 'second']);
    // The connection is usable afterwards: no transaction is left open on it.
    expect((await sql<{ ok: number }>`select 1 as ok`.execute(t.database.db)).rows).toEqual([{ ok: 1 }]);
  });

  it('refuse a statement after the commit, and run alone outside a transaction', async () => {
    await expect(
      t.database.db.transaction().execute(async (trx) => {
        await insertNote.runFused(trx, { body: 'kept', tags: null, data: null }, 'commit');
        await sql`insert into fused_notes (body) values ('after the commit')`.execute(trx);
      }),
    ).rejects.toThrow(/nothing may follow/);
    await insertNote.runFused(t.database.db, { body: 'alone', tags: null, data: null }, 'commit');
    expect((await notes()).slice(-2)).toEqual(['kept', 'alone']);
  });

  it('send a BEGIN held back before any other first statement, and none for a transaction that did nothing', async () => {
    await t.database.db.transaction().execute(async () => undefined);
    await t.database.db.transaction().execute(async (trx) => {
      await sql`insert into fused_notes (body) values ('plain')`.execute(trx);
      // A read came first: the fused statement runs inside the transaction already open.
      await insertNote.runFused(trx, { body: 'after a read', tags: null, data: null }, 'begin');
      // The inserts gave the transaction an id; a statement on its own would have none.
      const open = await sql<{
        open: boolean;
      }>`select pg_current_xact_id_if_assigned() is not null as open`.execute(trx);
      expect(open.rows[0]?.open).toBe(true);
    });
    expect((await notes()).slice(-2)).toEqual(['plain', 'after a read']);
  });
});
