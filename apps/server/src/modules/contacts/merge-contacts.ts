import type { Contact } from '@voronka/domain';
import { diffRecords } from '@voronka/domain';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { invalid, notFound } from '../../http/errors';
import type { Actor } from '../access/actor';
import { deletedNow, recordChanged } from '../companies/record-changes';
import { fillObject, firstFilled, type Move, moveLinks, moveTrail, unionOf } from '../companies/record-merge';
import { publish } from '../events/event-bus';
import { findContact, toContact } from './contacts.queries';

/**
 * Merges the source contact into the survivor in one transaction: the survivor takes the union of
 * phones and emails and fills its empty fields from the source; deals, leads, activities, tasks and
 * history move to the survivor; the source is soft-deleted and remembers where it went.
 */
export async function mergeContacts(
  db: Kysely<DB>,
  actor: Actor,
  survivorId: string,
  sourceId: string,
): Promise<Contact> {
  if (survivorId === sourceId) throw invalid('body.sourceId', 'A contact cannot be merged into itself');
  return db.transaction().execute(async (trx) => {
    // Both rows are locked in id order, so two merges of the same pair in opposite directions cannot deadlock.
    const locked = new Map<string, Awaited<ReturnType<typeof findContact>>>();
    for (const id of [survivorId, sourceId].sort()) locked.set(id, await findContact(trx, actor, id, true));
    const survivor = locked.get(survivorId);
    const source = locked.get(sourceId);
    if (!survivor) throw notFound('Contact');
    if (!source) throw invalid('body.sourceId', 'No such contact that you can see');

    const move: Move = {
      workspaceId: actor.workspaceId,
      fromId: sourceId,
      toId: survivorId,
      actorId: actor.userId,
    };
    await moveLinks(trx, 'deals', 'contact_id', move);
    await moveLinks(trx, 'leads', 'contact_id', move);
    await moveTrail(trx, 'contact', move);

    const row = await trx
      .updateTable('contacts')
      .set({
        position: firstFilled(survivor.position, source.position),
        company_id: firstFilled(survivor.company_id, source.company_id),
        phones: unionOf(survivor.phones, source.phones),
        emails: unionOf(survivor.emails, source.emails),
        responsible_id: firstFilled(survivor.responsible_id, source.responsible_id),
        custom: JSON.stringify(fillObject(survivor.custom, source.custom)),
        updated_at: new Date(),
      })
      .where('workspace_id', '=', actor.workspaceId)
      .where('id', '=', survivorId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('contacts')
      .set({ merged_into_id: survivorId, deleted_at: deletedNow, updated_at: new Date() })
      .where('workspace_id', '=', actor.workspaceId)
      .where('id', '=', sourceId)
      .execute();
    // Contacts merged into the source earlier now lead straight to the survivor.
    await trx
      .updateTable('contacts')
      .set({ merged_into_id: survivorId })
      .where('workspace_id', '=', actor.workspaceId)
      .where('merged_into_id', '=', sourceId)
      .execute();

    const contact = toContact(row);
    await recordChanged(trx, actor, {
      entity: 'contact',
      recordId: survivorId,
      responsibleId: contact.responsibleId,
      action: 'update',
      changes: [
        { field: 'mergedFrom', oldValue: null, newValue: { id: source.id, name: source.name } },
        ...diffRecords(toContact(survivor), contact),
      ],
    });
    // The source's own history now belongs to the survivor, so its end is announced but not written.
    await publish(trx, {
      workspaceId: actor.workspaceId,
      responsibleId: source.responsible_id,
      event: {
        type: 'record.changed',
        entity: 'contact',
        recordId: sourceId,
        action: 'delete',
        actorId: actor.userId,
      },
    });
    return contact;
  });
}
