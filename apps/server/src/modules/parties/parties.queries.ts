import { normalizePhone } from '@voronka/domain';
import { type Expression, type Kysely, type RawBuilder, type Selectable, type SqlBool, sql } from 'kysely';
import { runNamed } from '../../db/prepared';
import type { CompaniesTable, ContactsTable, DB } from '../../db/schema';
import {
  afterCursor,
  type CursorPosition,
  exactTime,
  type KeysetOrder,
  prefixPattern,
} from '../../http/cursor';
import type { Actor } from '../access/actor';
import { visibleTo } from '../access/visibility';
import { type DuplicateGroup, type DuplicateKeys, groupDuplicates } from './duplicates';

/** Companies and contacts: the two kinds of party a CRM keeps, stored alike. */
export type PartyTable = 'companies' | 'contacts';
export type CompanyRow = Selectable<CompaniesTable>;
export type ContactRow = Selectable<ContactsTable>;
export type PartyRow<T extends PartyTable> = T extends 'companies' ? CompanyRow : ContactRow;

/**
 * Parties the actor may see, live or (for the recycle bin) deleted; every party query starts here so
 * the scope cannot be forgotten. Records merged into another are gone for good and never listed.
 */
export function visibleParties(db: Kysely<DB>, actor: Actor, table: PartyTable, deleted = false) {
  const query = db
    .selectFrom(table)
    .where(`${table}.workspace_id`, '=', actor.workspaceId)
    .where(`${table}.deleted_at`, deleted ? 'is not' : 'is', null)
    .where(visibleTo(actor, `${table}.responsible_id`));
  return deleted ? query.where(`${table}.merged_into_id`, 'is', null) : query;
}

/** One visible party, or undefined; `lock` holds the row until the transaction ends. */
export async function findParty<T extends PartyTable>(
  db: Kysely<DB>,
  actor: Actor,
  table: T,
  id: string,
  options: { lock?: boolean; deleted?: boolean } = {},
): Promise<PartyRow<T> | undefined> {
  const from: PartyTable = table;
  const query = visibleParties(db, actor, from, options.deleted).selectAll(from).where(`${from}.id`, '=', id);
  return (await (options.lock ? query.forUpdate() : query).executeTakeFirst()) as PartyRow<T> | undefined;
}

export interface PartyListOptions {
  limit: number;
  cursor?: CursorPosition;
  q?: string;
  /** The recycle bin: deleted records, for restoring. */
  deleted?: boolean;
}

/**
 * One page, newest first, plus one row more to tell whether another page follows. `q` matches a name
 * prefix in any letter case, or exactly a phone (in any spelling) or an email, or what `alsoMatch` adds.
 */
export async function listParties(
  db: Kysely<DB>,
  actor: Actor,
  table: PartyTable,
  options: PartyListOptions & {
    /** A record's JSON as the API gives it, for the table's row called by the table's name. */
    json: (alias: string) => RawBuilder<string>;
    alsoMatch?: (q: string) => Expression<SqlBool>[];
    filters?: Expression<SqlBool>[];
  },
): Promise<{ id: string; sort_key: string; json: string }[]> {
  const column = (name: string) => sql.ref(`${table}.${name}`);
  let query = visibleParties(db, actor, table, options.deleted).select([
    `${table}.id`,
    exactTime(`${table}.created_at`).as('sort_key'),
    sql<string>`${options.json(table)}::text`.as('json'),
  ]);
  const q = options.q?.trim();
  if (q) {
    const phone = normalizePhone(q);
    query = query.where((eb) =>
      eb.or([
        sql<SqlBool>`${column('name')} ilike ${prefixPattern(q)}`,
        sql<SqlBool>`${column('emails')} @> ${[q.toLowerCase()]}`,
        ...(phone ? [sql<SqlBool>`${column('phones')} @> ${[phone]}`] : []),
        ...(options.alsoMatch?.(q) ?? []),
      ]),
    );
  }
  for (const filter of options.filters ?? []) query = query.where(filter);
  if (options.cursor) {
    const keyset: KeysetOrder = {
      column: `${table}.created_at`,
      type: 'timestamptz',
      id: `${table}.id`,
      order: 'desc',
    };
    query = query.where(afterCursor(keyset, options.cursor));
  }
  const page = query
    .orderBy(column('created_at'), 'desc')
    .orderBy(column('id'), 'desc')
    .limit(sql.lit(options.limit + 1));
  // A named statement, planned once when its values do not change the plan (db/prepared.ts); not a
  // search, whose text decides it.
  return q ? await page.execute() : (await runNamed(db, page)).rows;
}

/** Visible parties sharing a phone, an email or (companies) the INN; the caller works out which. */
export function findPartiesSharing(db: Kysely<DB>, actor: Actor, table: PartyTable, keys: DuplicateKeys) {
  const column = (name: string) => sql.ref(`${table}.${name}`);
  return visibleParties(db, actor, table)
    .select([
      `${table}.id`,
      `${table}.name`,
      `${table}.phones`,
      `${table}.emails`,
      table === 'companies' ? sql<string | null>`companies.inn`.as('inn') : sql<null>`null`.as('inn'),
    ])
    .where((eb) =>
      eb.or([
        ...(keys.phones.length > 0 ? [sql<SqlBool>`${column('phones')} && ${[...keys.phones]}`] : []),
        ...(keys.emails.length > 0 ? [sql<SqlBool>`${column('emails')} && ${[...keys.emails]}`] : []),
        ...(keys.inn && table === 'companies' ? [sql<SqlBool>`companies.inn = ${keys.inn}`] : []),
      ]),
    )
    .orderBy(column('created_at'))
    .limit(50)
    .execute();
}

/** Phones, emails and (companies) INNs that more than one visible party holds. */
export function listPartyDuplicates(
  db: Kysely<DB>,
  actor: Actor,
  table: PartyTable,
  limit: number,
): Promise<DuplicateGroup[]> {
  const column = (name: string) => sql.ref(`${table}.${name}`);
  const keys = (matchedOn: 'phone' | 'email' | 'inn') =>
    visibleParties(db, actor, table).select([
      sql<string>`${column('id')}`.as('id'),
      sql<string>`${column('name')}`.as('name'),
      sql<Date>`${column('created_at')}`.as('created_at'),
      sql<typeof matchedOn>`${sql.lit(matchedOn)}::text`.as('matched_on'),
      (matchedOn === 'inn' ? sql<string>`companies.inn` : sql<string>`unnest(${column(`${matchedOn}s`)})`).as(
        'value',
      ),
    ]);
  const phonesAndEmails = keys('phone').unionAll(keys('email'));
  return groupDuplicates(
    db,
    table === 'companies'
      ? phonesAndEmails.unionAll(keys('inn').where('companies.inn', 'is not', null))
      : phonesAndEmails,
    limit,
  );
}
