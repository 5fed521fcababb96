import type { Contact } from '@voronka/domain';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema';
import { isoTime } from '../../http/cursor';
import type { Actor } from '../access/actor';
import { visibleLeads } from '../leads/leads.queries';
import type { DuplicateKeys } from '../parties/duplicates';
import type { ContactRow } from '../parties/parties.queries';

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

/** The JSON of `toContact` for the contacts row called `alias`, written by PostgreSQL (see `findParties`). */
export function contactJson(alias: string) {
  const column = (name: string) => sql.ref(`${alias}.${name}`);
  return sql<string>`json_build_object('id', ${column('id')}, 'name', ${column('name')},
    'position', ${column('position')}, 'companyId', ${column('company_id')},
    'phones', ${column('phones')}, 'emails', ${column('emails')},
    'responsibleId', ${column('responsible_id')}, 'custom', ${column('custom')},
    'createdAt', ${isoTime(`${alias}.created_at`)}, 'updatedAt', ${isoTime(`${alias}.updated_at`)})`;
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
