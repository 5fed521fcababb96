import type { Contact } from '@voronka/domain';
import { normalizePhone } from '@voronka/domain';
import { type Kysely, type Selectable, sql } from 'kysely';
import type { ContactsTable, DB } from '../../db/schema';
import type { Actor } from '../access/actor';
import { visibleTo } from '../access/visibility';
import type { DuplicateGroup, DuplicateKeys } from '../companies/duplicates';
import { groupDuplicates } from '../companies/duplicates';
import { afterCursor, createdAtKey, type ListCursor, prefixPattern } from '../companies/list-cursor';
import { visibleLeads } from '../leads/leads.queries';

export type ContactRow = Selectable<ContactsTable>;

export function toContact(row: ContactRow): Contact {
  return {
    id: row.id,
    name: row.name,
    position: row.position,
    companyId: row.company_id,
    phones: row.phones,
    emails: row.emails,
    responsibleId: row.responsible_id,
    custom: row.custom as Record<string, unknown>,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** Live contacts the actor may see; every contact query starts here so the scope cannot be forgotten. */
export function visibleContacts(db: Kysely<DB>, actor: Actor) {
  return db
    .selectFrom('contacts')
    .where('contacts.workspace_id', '=', actor.workspaceId)
    .where('contacts.deleted_at', 'is', null)
    .where(visibleTo(actor, 'contacts.responsible_id'));
}

export interface ContactListOptions {
  limit: number;
  cursor?: ListCursor;
  q?: string;
  companyId?: string;
}

/**
 * One page, newest first, plus one row more to tell whether another page follows. `q` matches a name
 * prefix in any letter case, or exactly a phone (in any spelling) or an email.
 */
export function listContacts(db: Kysely<DB>, actor: Actor, options: ContactListOptions) {
  let query = visibleContacts(db, actor)
    .selectAll('contacts')
    .select(createdAtKey('contacts').as('cursor_at'));
  const q = options.q?.trim();
  if (q) {
    const phone = normalizePhone(q);
    query = query.where((eb) =>
      eb.or([
        eb('contacts.name', 'ilike', prefixPattern(q)),
        eb('contacts.emails', '@>', eb.val([q.toLowerCase()])),
        ...(phone ? [eb('contacts.phones', '@>', eb.val([phone]))] : []),
      ]),
    );
  }
  if (options.companyId) query = query.where('contacts.company_id', '=', options.companyId);
  if (options.cursor) query = query.where(afterCursor('contacts', options.cursor));
  return query
    .orderBy('contacts.created_at', 'desc')
    .orderBy('contacts.id', 'desc')
    .limit(options.limit + 1)
    .execute();
}

/** One visible contact, or undefined; `lock` holds the row until the transaction ends. */
export function findContact(db: Kysely<DB>, actor: Actor, id: string, lock = false) {
  const query = visibleContacts(db, actor).selectAll('contacts').where('contacts.id', '=', id);
  return (lock ? query.forUpdate() : query).executeTakeFirst();
}

/** Visible contacts sharing a phone or an email; the caller works out which one each shares. */
export function findContactsSharing(db: Kysely<DB>, actor: Actor, keys: DuplicateKeys) {
  return visibleContacts(db, actor)
    .select(['contacts.id', 'contacts.name', 'contacts.phones', 'contacts.emails'])
    .where((eb) =>
      eb.or([
        ...(keys.phones.length > 0 ? [eb('contacts.phones', '&&', eb.val([...keys.phones]))] : []),
        ...(keys.emails.length > 0 ? [eb('contacts.emails', '&&', eb.val([...keys.emails]))] : []),
      ]),
    )
    .orderBy('contacts.created_at')
    .limit(50)
    .execute();
}

/** Visible leads whose (normalised) phone or email is among the keys: the person may already be a lead. */
export async function findLeadsSharing(db: Kysely<DB>, actor: Actor, keys: DuplicateKeys) {
  const rows = await visibleLeads(db, actor)
    .select(['leads.id', 'leads.title', 'leads.phone', 'leads.email'])
    .where((eb) =>
      eb.or([
        ...(keys.phones.length > 0 ? [eb('leads.phone', 'in', [...keys.phones])] : []),
        ...(keys.emails.length > 0 ? [eb('leads.email', 'in', [...keys.emails])] : []),
      ]),
    )
    .orderBy('leads.created_at')
    .limit(50)
    .execute();
  return rows.map((row) => ({ id: row.id, name: row.title, phones: [row.phone], emails: [row.email] }));
}

/** Phones and emails that more than one visible contact holds. */
export function listContactDuplicates(
  db: Kysely<DB>,
  actor: Actor,
  limit: number,
): Promise<DuplicateGroup[]> {
  const keys = (matchedOn: 'phone' | 'email') =>
    visibleContacts(db, actor).select((eb) => [
      'contacts.id',
      'contacts.name',
      'contacts.created_at',
      sql<typeof matchedOn>`${sql.lit(matchedOn)}::text`.as('matched_on'),
      eb.fn<string>('unnest', [`contacts.${matchedOn}s`]).as('value'),
    ]);
  return groupDuplicates(db, keys('phone').unionAll(keys('email')), limit);
}
