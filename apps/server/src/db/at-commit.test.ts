import { type Generated, type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sentTexts } from '../../test/sent-texts';
import { closeTestApps, startTestApp, type TestApp } from '../../test/test-app';
import { notifyAfterCommit, writeAtCommit } from './named-statements';
import { prepared } from './prepared';
import type { DB } from './schema';

let t: TestApp;
const channel = 'voronka_notify_test';
const heard: string[] = [];
let stopListening: () => Promise<void>;

const notify = (db: Kysely<DB>, payload: string) => notifyAfterCommit(db, channel, payload);
// The scratch table is not in the schema's types; this view of the database has only it.
type Notes = Kysely<{ notify_notes: { id: Generated<number>; body: string | null } }>;
const noteAtCommit = (db: Kysely<DB>, body: string | null) =>
  writeAtCommit(db, (db as unknown as Notes).insertInto('notify_notes').values({ body }));
const bodies = async () =>
  (await sql<{ body: string }>`select body from notify_notes order by id`.execute(t.database.db)).rows.map(
    (row) => row.body,
  );
const insertNote = prepared(
  (_db, param) => sql`insert into notify_notes (body) values (${param('body')}) returning id`,
);

// Notices arrive on the listening connection in the order they were sent: once `marker` is heard,
// everything sent before it has been too.
async function heardUpTo(marker: string): Promise<string[]> {
  await notify(t.database.db, marker);
  for (let i = 0; i < 200 && !heard.includes(marker); i++) await new Promise((r) => setTimeout(r, 10));
  expect(heard).toContain(marker);
  return heard.splice(0).filter((payload) => payload !== marker);
}

beforeAll(async () => {
  t = await startTestApp();
  await sql`create table notify_notes (id serial primary key, body text not null)`.execute(t.database.db);
  stopListening = await t.database.listen(channel, (payload) => heard.push(payload));
});
afterAll(async () => {
  await stopListening();
  await sql`drop table notify_notes`.execute(t.database.db);
  await closeTestApps();
});

describe('a NOTIFY queued in a transaction', () => {
  it('is sent after the COMMIT, in its round trip, with the payload intact', async () => {
    const payload = `{"title":"It's \\"quoted\\" \\\\ и по-русски; -- no comment"}`;
    const texts = await sentTexts(() =>
      t.database.db.transaction().execute(async (trx) => {
        await sql`insert into notify_notes (body) values ('first')`.execute(trx);
        await notify(trx, payload);
        await notify(trx, 'second');
        await sql`insert into notify_notes (body) values ('after the notice')`.execute(trx);
      }),
    );
    expect(texts.filter((text) => text.includes('pg_notify'))).toHaveLength(1);
    expect(texts.at(-1)).toMatch(/^commit; select pg_notify\(.*\), pg_notify\(.*\)$/);
    expect(await heardUpTo('marker 1')).toEqual([payload, 'second']);
  });

  it('is not sent when the transaction rolls back, and is not kept for the next one', async () => {
    await expect(
      t.database.db.transaction().execute(async (trx) => {
        await sql`insert into notify_notes (body) values ('lost')`.execute(trx);
        await notify(trx, 'never');
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    // A failing statement rolls back too; the pool has one connection on PGlite, several on PostgreSQL.
    await expect(
      t.database.db.transaction().execute(async (trx) => {
        await notify(trx, 'never either');
        await sql`insert into notify_notes (body) values (null)`.execute(trx);
      }),
    ).rejects.toThrow(/null value/);
    await t.database.db.transaction().execute(async (trx) => {
      await sql`insert into notify_notes (body) values ('kept')`.execute(trx);
      await notify(trx, 'kept');
    });
    expect(await heardUpTo('marker 2')).toEqual(['kept']);
    const bodies = await sql<{ body: string }>`select body from notify_notes order by id`.execute(
      t.database.db,
    );
    expect(bodies.rows.map((row) => row.body)).toEqual(['first', 'after the notice', 'kept']);
  });

  it('is sent alone after a transaction that sent nothing else or that its last statement committed', async () => {
    const nothingElse = await sentTexts(() =>
      t.database.db.transaction().execute((trx) => notify(trx, 'only a notice')),
    );
    expect(nothingElse).toEqual([expect.stringMatching(/^select pg_notify\(/)]);
    const fused = await sentTexts(() =>
      t.database.db.transaction().execute(async (trx) => {
        await notify(trx, 'after a fused commit');
        await insertNote.runFused(trx, { body: 'fused' }, 'commit');
      }),
    );
    expect(fused.at(-1)).toMatch(/^select pg_notify\(/);
    expect(fused.some((text) => /commit$/.test(text))).toBe(true);
    expect(await heardUpTo('marker 3')).toEqual(['only a notice', 'after a fused commit']);
  });

  it('is sent at once outside a transaction', async () => {
    const texts = await sentTexts(() => notify(t.database.db, 'at once'));
    expect(texts).toEqual(['select pg_notify($1, $2)']);
    expect(await heardUpTo('marker 4')).toEqual(['at once']);
  });
});

describe('a statement written at commit', () => {
  it('goes in the COMMIT’s round trip, before it, and is written with the transaction', async () => {
    await sql`truncate notify_notes`.execute(t.database.db);
    const body = `It's "quoted" \\ и по-русски; -- no comment`;
    let seenInside: string[] = [];
    const texts = await sentTexts(() =>
      t.database.db.transaction().execute(async (trx) => {
        await sql`insert into notify_notes (body) values ('direct')`.execute(trx);
        await noteAtCommit(trx, body);
        await notify(trx, 'with the notes');
        await noteAtCommit(trx, 'second');
        // Queued, not yet sent: the transaction's own reads do not see it.
        seenInside = (await sql<{ body: string }>`select body from notify_notes`.execute(trx)).rows.map(
          (r) => r.body,
        );
      }),
    );
    expect(seenInside).toEqual(['direct']);
    expect(texts.at(-1)).toMatch(/^execute \w+\(.*\); execute \w+\(.*\); commit; select pg_notify\(/);
    expect(await bodies()).toEqual(['direct', body, 'second']);
    expect(await heardUpTo('marker 5')).toEqual(['with the notes']);
  });

  it('fails the commit when it fails, leaving nothing of the transaction and no notice', async () => {
    await sql`truncate notify_notes`.execute(t.database.db);
    await expect(
      t.database.db.transaction().execute(async (trx) => {
        await sql`insert into notify_notes (body) values ('rolled back')`.execute(trx);
        await notify(trx, 'never sent');
        await noteAtCommit(trx, null);
      }),
    ).rejects.toThrow(/null value/);
    await expect(
      t.database.db.transaction().execute(async (trx) => {
        await noteAtCommit(trx, 'never written');
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await bodies()).toEqual([]);
    expect(await heardUpTo('marker 6')).toEqual([]);
    // The connection is usable afterwards: no transaction is left open on it.
    await noteAtCommit(t.database.db, 'at once, outside a transaction');
    expect(await bodies()).toEqual(['at once, outside a transaction']);
  });

  it('goes before the COMMIT of a statement that commits its own transaction', async () => {
    await sql`truncate notify_notes`.execute(t.database.db);
    const texts = await sentTexts(() =>
      t.database.db.transaction().execute(async (trx) => {
        await noteAtCommit(trx, 'queued');
        await insertNote.runFused(trx, { body: 'fused' }, 'commit');
      }),
    );
    expect(texts.at(-1)).toMatch(/^begin; execute \w+\(.*'fused'\); execute \w+\(.*'queued'\); commit$/);
    expect(await bodies()).toEqual(['fused', 'queued']);
  });
});
