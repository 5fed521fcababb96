import type { Contact, CreateContactBody, DuplicateMatch, UpdateContactBody } from '@voronka/domain';
import { diffRecords } from '@voronka/domain';
import { type Kysely, type SqlBool, sql } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema';
import { inTransaction } from '../../db/transaction';
import { invalid, notFound } from '../../http/errors';
import type { Actor } from '../access/actor';
import { requireValidCustom } from '../custom-fields/custom-fields.service';
import { recordChanged } from '../history/record-changed';
import { createdFields } from '../history/record-history';
import { type DuplicateKeys, duplicatesConflict, matchesOf } from '../parties/duplicates';
import { mergeParties } from '../parties/merge-parties';
import {
  type ContactRow,
  findPartiesSharing,
  findParty,
  type PartyListOptions,
} from '../parties/parties.queries';
import { findParties, type PartyKind } from '../parties/parties.service';
import { requireResponsible } from '../parties/record-changes';
import { firstFilled, unionOf } from '../parties/record-merge';
import { contactJson, findLeadsSharing, toContact } from './contacts.queries';

export const contactKind: PartyKind<'contacts', Contact> = {
  table: 'contacts',
  entity: 'contact',
  noun: 'Contact',
  toItem: toContact,
  json: contactJson,
  update: (trx, actor, id, input) => updateContact(trx, actor, id, input),
};

/** A contact may only be linked to a company the actor can see in the same workspace. */
async function requireCompany(db: Kysely<DB>, actor: Actor, companyId: string): Promise<void> {
  if (!(await findParty(db, actor, 'companies', companyId))) {
    throw invalid('body.companyId', 'No such company that you can see');
  }
}

/** Contacts and leads the actor can see that share a phone or an email with the keys. */
async function findDuplicates(db: Kysely<DB>, actor: Actor, keys: DuplicateKeys): Promise<DuplicateMatch[]> {
  if (keys.phones.length === 0 && keys.emails.length === 0) return [];
  return [
    ...matchesOf('contact', await findPartiesSharing(db, actor, 'contacts', keys), keys),
    ...matchesOf('lead', await findLeadsSharing(db, actor, keys), keys),
  ];
}

/** `companyId` narrows the list to one company's people. */
export function findContacts(
  db: Kysely<DB>,
  actor: Actor,
  options: PartyListOptions & { companyId?: string },
) {
  const { companyId, ...rest } = options;
  return findParties(contactKind, db, actor, {
    ...rest,
    filters: companyId ? [sql<SqlBool>`contacts.company_id = ${companyId}`] : [],
  });
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
  return inTransaction(db, async (trx) => {
    const current = await findParty(trx, actor, 'contacts', id, { lock: true });
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

/** Deals and leads of the source move to the survivor; its empty position and company are filled in. */
export function mergeContacts(
  db: Kysely<DB>,
  actor: Actor,
  survivorId: string,
  sourceId: string,
): Promise<Contact> {
  const plan = {
    links: [
      ['deals', 'contact_id'],
      ['leads', 'contact_id'],
    ] as const,
    fill: (survivor: ContactRow, source: ContactRow) => ({
      position: firstFilled(survivor.position, source.position),
      company_id: firstFilled(survivor.company_id, source.company_id),
    }),
  };
  return mergeParties(contactKind, plan, db, actor, survivorId, sourceId);
}
