import type { Company } from '@voronka/domain';
import { diffRecords } from '@voronka/domain';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { invalid, notFound } from '../../http/errors';
import type { Actor } from '../access/actor';
import { publish } from '../events/event-bus';
import { findCompany, toCompany } from './companies.queries';
import { deletedNow, recordChanged } from './record-changes';
import { fillObject, firstFilled, type Move, moveLinks, moveTrail, unionOf } from './record-merge';

/**
 * Merges the source company into the survivor in one transaction: the survivor takes the union of
 * phones and emails and fills its empty fields from the source; contacts, deals, leads, activities,
 * tasks and history move to the survivor; the source is soft-deleted and remembers where it went.
 */
export async function mergeCompanies(
  db: Kysely<DB>,
  actor: Actor,
  survivorId: string,
  sourceId: string,
): Promise<Company> {
  if (survivorId === sourceId) throw invalid('body.sourceId', 'A company cannot be merged into itself');
  return db.transaction().execute(async (trx) => {
    // Both rows are locked in id order, so two merges of the same pair in opposite directions cannot deadlock.
    const locked = new Map<string, Awaited<ReturnType<typeof findCompany>>>();
    for (const id of [survivorId, sourceId].sort()) locked.set(id, await findCompany(trx, actor, id, true));
    const survivor = locked.get(survivorId);
    const source = locked.get(sourceId);
    if (!survivor) throw notFound('Company');
    if (!source) throw invalid('body.sourceId', 'No such company that you can see');

    const move: Move = {
      workspaceId: actor.workspaceId,
      fromId: sourceId,
      toId: survivorId,
      actorId: actor.userId,
    };
    await moveLinks(trx, 'contacts', 'company_id', move);
    await moveLinks(trx, 'deals', 'company_id', move);
    await moveLinks(trx, 'leads', 'company_id', move);
    await moveTrail(trx, 'company', move);

    const row = await trx
      .updateTable('companies')
      .set({
        inn: firstFilled(survivor.inn, source.inn),
        kpp: firstFilled(survivor.kpp, source.kpp),
        address: firstFilled(survivor.address, source.address),
        requisites: JSON.stringify(fillObject(survivor.requisites, source.requisites)),
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
      .updateTable('companies')
      .set({ merged_into_id: survivorId, deleted_at: deletedNow, updated_at: new Date() })
      .where('workspace_id', '=', actor.workspaceId)
      .where('id', '=', sourceId)
      .execute();
    // Companies merged into the source earlier now lead straight to the survivor.
    await trx
      .updateTable('companies')
      .set({ merged_into_id: survivorId })
      .where('workspace_id', '=', actor.workspaceId)
      .where('merged_into_id', '=', sourceId)
      .execute();

    const company = toCompany(row);
    await recordChanged(trx, actor, {
      entity: 'company',
      recordId: survivorId,
      responsibleId: company.responsibleId,
      action: 'update',
      changes: [
        { field: 'mergedFrom', oldValue: null, newValue: { id: source.id, name: source.name } },
        ...diffRecords(toCompany(survivor), company),
      ],
    });
    // The source's own history now belongs to the survivor, so its end is announced but not written.
    await publish(trx, {
      workspaceId: actor.workspaceId,
      responsibleId: source.responsible_id,
      event: {
        type: 'record.changed',
        entity: 'company',
        recordId: sourceId,
        action: 'delete',
        actorId: actor.userId,
      },
    });
    return company;
  });
}
