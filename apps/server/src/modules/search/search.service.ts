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

type Table = 'leads' | 'contacts' | 'companies' | 'deals';

/**
 * One box over leads, contacts, companies and deals. What the text looks like decides how it is
 * matched: a phone in any spelling, an email, an INN, or words of a name (Russian stemming, the last
 * word as a prefix). Each kind of record is searched within what the actor may see.
 */
export async function search(
  db: Kysely<DB>,
  actor: Actor,
  text: string,
  perKind: number,
): Promise<SearchHit[]> {
  const phone = /\d{5,}/.test(text.replace(/\D/g, '')) ? normalizePhone(text) : null;
  const email = /^\S+@\S+\.\S+$/.test(text.trim()) ? text.trim().toLowerCase() : null;
  const inn = isValidInn(text.trim()) ? text.trim() : null;
  const words = prefixQuery(text);

  const scoped = (table: Table) =>
    sql<boolean>`${sql.ref(`${table}.workspace_id`)} = ${actor.workspaceId} and ${sql.ref(`${table}.deleted_at`)} is null and ${visibleTo(actor, `${table}.responsible_id`)}`;
  const run = async (
    table: Table,
    entity: SearchHit['entity'],
    title: string,
    subtitle: string,
    exact: ReturnType<typeof sql> | null,
    matchedOn: SearchHit['matchedOn'],
  ) => {
    const match = exact ?? sql`${sql.ref(`${table}.search`)} @@ ${words}`;
    const result = await sql<{ id: string; title: string; subtitle: string | null }>`
      select id, ${sql.raw(title)} as title, ${sql.raw(subtitle)} as subtitle from ${sql.table(table)}
      where ${scoped(table)} and ${match}
      order by ${exact ? sql`updated_at desc` : sql`ts_rank(${sql.ref(`${table}.search`)}, ${words}) desc, updated_at desc`}
      limit ${perKind}
    `.execute(db);
    return result.rows.map((row) => ({
      entity,
      id: row.id,
      title: row.title,
      subtitle: row.subtitle,
      matchedOn,
    }));
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
