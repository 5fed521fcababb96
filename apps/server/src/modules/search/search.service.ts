import { isValidInn, normalizePhone } from '@voronka/domain';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema';
import type { Actor } from '../access/actor';
import { visibleTo } from '../access/visibility';
import { prefixQuery } from '../deals/deals.queries';

export interface SearchHit {
  entity: 'lead' | 'contact' | 'company' | 'deal';
  id: string;
  title: string;
  subtitle: string | null;
  matchedOn: 'name' | 'phone' | 'email' | 'inn';
}

interface Row {
  id: string;
  title: string;
  subtitle: string | null;
}

type Table = 'leads' | 'contacts' | 'companies' | 'deals';

/**
 * How many of the most recently touched visible records a name search reads in date order first. The
 * recency indexes carry the search vector (migration 0016), so for "all" and department visibility the
 * window is read from the index alone and can be wide: for a department narrower, since it skips the
 * other departments' records on the way (1,500 of its own cost ~1.4 ms at 1,000,000 deals, 5,000 ~5 ms,
 * paid in full by a word too rare to be found there). A manager's own records are read through the
 * responsible person's index, one table row per record, so their window stays narrow.
 */
const recentWindows: Record<Actor['visibility'], number> = { all: 5000, department: 1500, own: 500 };
/** How many older matches a name search reads at most when the recent window has too few. */
const olderCap = 2000;

/**
 * One box over leads, contacts, companies and deals. What the text looks like decides how it is
 * matched: a phone in any spelling, an email, an INN, or words of a name (Russian stemming, the last
 * word as a prefix), newest first. Each kind of record is searched within what the actor may see.
 */
export async function search(
  db: Kysely<DB>,
  actor: Actor,
  text: string,
  perKind: number,
  recentWindow = recentWindows[actor.visibility],
): Promise<SearchHit[]> {
  const phone = /\d{5,}/.test(text.replace(/\D/g, '')) ? normalizePhone(text) : null;
  const email = /^\S+@\S+\.\S+$/.test(text.trim()) ? text.trim().toLowerCase() : null;
  const inn = isValidInn(text.trim()) ? text.trim() : null;
  const words = prefixQuery(text);

  const live = (table: Table) =>
    sql<boolean>`${sql.ref(`${table}.workspace_id`)} = ${actor.workspaceId} and ${sql.ref(`${table}.deleted_at`)} is null`;
  const scoped = (table: Table) =>
    sql<boolean>`${live(table)} and ${visibleTo(actor, `${table}.responsible_id`)}`;
  // The older matches are read at most `olderCap` rows of the table for every actor. A department sees
  // a fifth of the records or so: filtered inside the limit, its search would read five times as many
  // rows from the table to collect as many of its own. A person's own records are few enough for the
  // database to intersect the GIN index with the responsible person's index, so they stay inside.
  const olderScope = (table: Table) => (actor.visibility === 'department' ? live(table) : scoped(table));
  const olderVisible =
    actor.visibility === 'department' ? visibleTo(actor, 'older.responsible_id') : sql<boolean>`true`;
  const hits = (entity: SearchHit['entity'], matchedOn: SearchHit['matchedOn'], rows: Row[]) =>
    rows.map((row) => ({ entity, id: row.id, title: row.title, subtitle: row.subtitle, matchedOn }));
  const columns = (title: string, subtitle: string) =>
    sql`id, ${sql.raw(title)} as title, ${sql.raw(subtitle)} as subtitle, updated_at`;
  const run = async (
    table: Table,
    entity: SearchHit['entity'],
    title: string,
    subtitle: string,
    exact: ReturnType<typeof sql> | null,
    matchedOn: SearchHit['matchedOn'],
  ) => {
    if (exact) {
      // Exact keys match a handful of rows through their own indexes; fencing the match off in a CTE
      // keeps the planner from walking the date index instead, hoping to meet a match early.
      const result = await sql<Row>`
        with found as materialized (
          select ${columns(title, subtitle)} from ${sql.table(table)} where ${scoped(table)} and ${exact}
        )
        select * from found order by updated_at desc limit ${perKind}`.execute(db);
      return hits(entity, matchedOn, result.rows);
    }
    // Names: the newest matches first. A GIN index finds matches but not in order, and a common
    // prefix ("пост") matches tens of thousands of rows, so first look through the most recently
    // touched visible records in index order (only id, date and search vector: no table rows), taking
    // the first matches in that order; the window is read only as far as they go. Only when it holds
    // too few matches look at the older ones through the GIN index, reading at most `olderCap` of them
    // (a bitmap scan stops early under a limit) and taking the newest of those: exact unless a prefix
    // matches more than that many older records, and bounded either way; a prefix that rare in the
    // window is rare overall, so the bitmap is small. Titles are read for the chosen rows only. The
    // "+ interval" expressions keep the planner from walking the date index instead.
    const match = sql`${sql.ref(`${table}.search`)} @@ ${words}`;
    const result = await sql<Row>`
      with recent as materialized (
        select id, updated_at, search from ${sql.table(table)} where ${scoped(table)}
        order by updated_at desc, id desc limit ${recentWindow}
      ), found as (
        -- A CTE is read back in the order it was produced: newest first, without a sort.
        select id, updated_at from recent where search @@ ${words} limit ${perKind}
      ), chosen as (
        select id, updated_at from found
        union all (
          select id, updated_at from (
            select id, updated_at, responsible_id from ${sql.table(table)}
            where ${olderScope(table)} and ${match}
              and (select count(*) from found) < ${perKind}
              and (updated_at + interval '0 s', id) < (select updated_at, id from recent order by updated_at, id limit 1)
            limit ${olderCap}
          ) as older
          where ${olderVisible}
          order by updated_at desc, id desc limit ${perKind}
        )
        order by updated_at desc, id desc limit ${perKind}
      )
      select ${columns(title, subtitle)} from ${sql.table(table)}
      where workspace_id = ${actor.workspaceId} and id = any(array(select id from chosen))
      order by updated_at desc, id desc`.execute(db);
    return hits(entity, matchedOn, result.rows);
  };

  const byInn = inn
    ? run('companies', 'company', 'name', 'inn', sql`inn = ${inn}`, 'inn')
    : Promise.resolve([]);
  if (phone) {
    // Ten digits with a valid INN checksum may be either; look for both.
    const hits = await Promise.all([
      byInn,
      run('leads', 'lead', 'title', 'contact_name', sql`phone = ${phone}`, 'phone'),
      run('contacts', 'contact', 'name', 'position', sql`phones @> array[${phone}]::text[]`, 'phone'),
      run('companies', 'company', 'name', 'inn', sql`phones @> array[${phone}]::text[]`, 'phone'),
    ]);
    return hits.flat();
  }
  if (email) {
    const hits = await Promise.all([
      run('leads', 'lead', 'title', 'contact_name', sql`email = ${email}`, 'email'),
      run('contacts', 'contact', 'name', 'position', sql`emails @> array[${email}]::text[]`, 'email'),
      run('companies', 'company', 'name', 'inn', sql`emails @> array[${email}]::text[]`, 'email'),
    ]);
    return hits.flat();
  }
  const byName = Promise.all([
    run('leads', 'lead', 'title', 'contact_name', null, 'name'),
    run('contacts', 'contact', 'name', 'position', null, 'name'),
    run('companies', 'company', 'name', 'inn', null, 'name'),
    run('deals', 'deal', 'title', 'amount::text', null, 'name'),
  ]);
  const [names, inns] = await Promise.all([byName, byInn]);
  return [...inns, ...names.flat()];
}
