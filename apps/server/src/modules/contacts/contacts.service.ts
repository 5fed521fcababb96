import type { Contact, CreateContactBody, DuplicateMatch, UpdateContactBody } from '@voronka/domain';
import { diffRecords } from '@voronka/domain';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema';
import { inTransaction } from '../../db/transaction';
import { invalid, notFound } from '../../http/errors';
import type { Actor } from '../access/actor';
import { findCompany } from '../companies/companies.queries';
import {
  type DuplicateGroup,
  type DuplicateKeys,
  duplicatesConflict,
  matchesOf,
} from '../companies/duplicates';
import { toPage } from '../companies/list-cursor';
import { deletedNow, recordChanged, requireResponsible } from '../companies/record-changes';
import { unionOf } from '../companies/record-merge';
import { requireValidCustom } from '../custom-fields/custom-fields.service';
import { createdFields } from '../history/record-history';
import {
  type ContactListOptions,
  findContact,
  findContactsSharing,
  findLeadsSharing,
  listContactDuplicates,
  listContacts,
  toContact,
} from './contacts.queries';

/** A contact may only be linked to a company the actor can see in the same workspace. */
async function requireCompany(db: Kysely<DB>, actor: Actor, companyId: string): Promise<void> {
  if (!(await findCompany(db, actor, companyId))) {
    throw invalid('body.companyId', 'No such company that you can see');
  }
}

/** Contacts and leads the actor can see that share a phone or an email with the keys. */
async function findDuplicates(db: Kysely<DB>, actor: Actor, keys: DuplicateKeys): Promise<DuplicateMatch[]> {
  if (keys.phones.length === 0 && keys.emails.length === 0) return [];
  return [
    ...matchesOf('contact', await findContactsSharing(db, actor, keys), keys),
    ...matchesOf('lead', await findLeadsSharing(db, actor, keys), keys),
  ];
}

export async function findContacts(
  db: Kysely<DB>,
  actor: Actor,
  options: ContactListOptions,
): Promise<{ items: Contact[]; nextCursor: string | null }> {
  return toPage(await listContacts(db, actor, options), options.limit, toContact);
}

export async function getContact(db: Kysely<DB>, actor: Actor, id: string): Promise<Contact> {
  const row = await findContact(db, actor, id);
  if (!row) throw notFound('Contact');
  return toContact(row);
}

export async function findContactDuplicates(
  db: Kysely<DB>,
  actor: Actor,
  limit: number,
): Promise<{ items: DuplicateGroup[] }> {
  return { items: await listContactDuplicates(db, actor, limit) };
}

/**
 * Creates a contact unless a contact or lead the actor can see already has one of its phones or
 * emails: then the answer is a conflict listing them, and `allowDuplicates` overrides it.
 */
export async function createContact(
  db: Kysely<DB>,
  actor: Actor,
  input: z.output<typeof CreateContactBody>,
  options: { allowDuplicates: boolean },
): Promise<Contact> {
  // A contact someone creates is theirs unless they name another responsible person.
  const responsibleId = input.responsibleId === undefined ? actor.userId : input.responsibleId;
  const phones = unionOf(input.phones, []);
  const emails = unionOf(input.emails, []);
  return inTransaction(db, async (trx) => {
    if (input.companyId) await requireCompany(trx, actor, input.companyId);
    if (responsibleId) await requireResponsible(trx, actor, responsibleId);
    await requireValidCustom(trx, actor, 'contact', input.custom);
    if (!options.allowDuplicates) {
      const duplicates = await findDuplicates(trx, actor, { phones, emails });
      if (duplicates.length > 0) throw duplicatesConflict(duplicates);
    }
    const row = await trx
      .insertInto('contacts')
      .values({
        workspace_id: actor.workspaceId,
        name: input.name,
        position: input.position,
        company_id: input.companyId,
        phones,
        emails,
        responsible_id: responsibleId,
        custom: JSON.stringify(input.custom),
        created_by: actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const contact = toContact(row);
    await recordChanged(trx, actor, {
      entity: 'contact',
      recordId: contact.id,
      responsibleId: contact.responsibleId,
      action: 'create',
      changes: createdFields(contact),
    });
    return contact;
  });
}

export async function updateContact(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  input: z.output<typeof UpdateContactBody>,
): Promise<Contact> {
  return db.transaction().execute(async (trx) => {
    const current = await findContact(trx, actor, id, true);
    if (!current) throw notFound('Contact');
    // Keeping the company it already has needs no check, even if the actor cannot see that company.
    if (input.companyId && input.companyId !== current.company_id) {
      await requireCompany(trx, actor, input.companyId);
    }
    if (input.responsibleId) await requireResponsible(trx, actor, input.responsibleId);
    await requireValidCustom(trx, actor, 'contact', input.custom);
    const row = await trx
      .updateTable('contacts')
      .set({
        name: input.name,
        position: input.position,
        company_id: input.companyId,
        phones: input.phones && unionOf(input.phones, []),
        emails: input.emails && unionOf(input.emails, []),
        responsible_id: input.responsibleId,
        custom: input.custom && JSON.stringify(input.custom),
        updated_at: new Date(),
      })
      .where('workspace_id', '=', actor.workspaceId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const contact = toContact(row);
    await recordChanged(trx, actor, {
      entity: 'contact',
      recordId: id,
      responsibleId: contact.responsibleId,
      action: 'update',
      changes: diffRecords(toContact(current), contact),
    });
    return contact;
  });
}

/** Soft delete: the row and its history stay, so a deletion can be audited and undone. */
export async function deleteContact(db: Kysely<DB>, actor: Actor, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const current = await findContact(trx, actor, id, true);
    if (!current) throw notFound('Contact');
    await trx
      .updateTable('contacts')
      .set({ deleted_at: deletedNow })
      .where('workspace_id', '=', actor.workspaceId)
      .where('id', '=', id)
      .execute();
    await recordChanged(trx, actor, {
      entity: 'contact',
      recordId: id,
      responsibleId: current.responsible_id,
      action: 'delete',
      changes: [],
    });
  });
}
