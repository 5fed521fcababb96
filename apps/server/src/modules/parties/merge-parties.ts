import { diffRecords } from '@voronka/domain';
import type { Kysely, Updateable } from 'kysely';
import type { CompaniesTable, ContactsTable, DB } from '../../db/schema';
import { invalid, notFound } from '../../http/errors';
import type { Actor } from '../access/actor';
import { publish } from '../events/event-bus';
import { recordChanged } from '../history/record-changed';
import { findParty, type PartyRow, type PartyTable } from './parties.queries';
import type { PartyKind } from './parties.service';
import { deletedNow } from './record-changes';
import {
  fillObject,
  firstFilled,
  type LinkColumn,
  type LinkTable,
  moveLinks,
  moveTrail,
  unionOf,
} from './record-merge';

export interface MergePlan<T extends PartyTable> {
  /** The rows that point at a party of this kind by a foreign key, to be pointed at the survivor. */
  links: readonly (readonly [LinkTable, LinkColumn])[];
  /** The kind's own fields of the survivor, filled from the source where the survivor's are empty. */
  fill(survivor: PartyRow<T>, source: PartyRow<T>): Updateable<CompaniesTable> | Updateable<ContactsTable>;
}

/**
 * Merges the source party into the survivor in one transaction: the survivor takes the union of
 * phones and emails and fills its empty fields from the source; what links to the source, its
 * activities, tasks and history move to the survivor; the source is soft-deleted and remembers where
 * it went.
 */
export async function mergeParties<T extends PartyTable, Item extends Record<string, unknown>>(
  kind: PartyKind<T, Item>,
  plan: MergePlan<T>,
  db: Kysely<DB>,
  actor: Actor,
  survivorId: string,
  sourceId: string,
): Promise<Item> {
  if (survivorId === sourceId)
    throw invalid('body.sourceId', `A ${kind.entity} cannot be merged into itself`);
  const table: PartyTable = kind.table;
  return db.transaction().execute(async (trx) => {
    // Both rows are locked in id order, so two merges of the same pair in opposite directions cannot deadlock.
    const locked = new Map<string, PartyRow<T> | undefined>();
    for (const id of [survivorId, sourceId].sort())
      locked.set(id, await findParty(trx, actor, kind.table, id, { lock: true }));
    const survivor = locked.get(survivorId);
    const source = locked.get(sourceId);
    if (!survivor) throw notFound(kind.noun);
    if (!source) throw invalid('body.sourceId', `No such ${kind.entity} that you can see`);

    const move = {
      workspaceId: actor.workspaceId,
      fromId: sourceId,
      toId: survivorId,
      actorId: actor.userId,
    };
    for (const [linkTable, column] of plan.links) await moveLinks(trx, linkTable, column, move);
    await moveTrail(trx, kind.entity, move);

    const row = await trx
      .updateTable(table)
      .set({
        ...plan.fill(survivor, source),
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
      .updateTable(table)
      .set({ merged_into_id: survivorId, deleted_at: deletedNow, updated_at: new Date() })
      .where('workspace_id', '=', actor.workspaceId)
      .where('id', '=', sourceId)
      .execute();
    // Parties merged into the source earlier now lead straight to the survivor.
    await trx
      .updateTable(table)
      .set({ merged_into_id: survivorId })
      .where('workspace_id', '=', actor.workspaceId)
      .where('merged_into_id', '=', sourceId)
      .execute();

    const merged = kind.toItem(row as PartyRow<T>);
    await recordChanged(trx, actor, {
      entity: kind.entity,
      recordId: survivorId,
      responsibleId: row.responsible_id,
      action: 'update',
      changes: [
        { field: 'mergedFrom', oldValue: null, newValue: { id: source.id, name: source.name } },
        ...diffRecords(kind.toItem(survivor), merged),
      ],
    });
    // The source's own history now belongs to the survivor, so its end is announced but not written.
    await publish(trx, {
      workspaceId: actor.workspaceId,
      responsibleId: source.responsible_id,
      event: {
        type: 'record.changed',
        entity: kind.entity,
        recordId: sourceId,
        action: 'delete',
        actorId: actor.userId,
      },
    });
    return merged;
  });
}
