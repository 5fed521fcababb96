import type { FieldChange } from '@voronka/domain';
import { type Kysely, sql, type Updateable } from 'kysely';
import type { CompaniesTable, DB } from '../../db/schema';
import { invalid } from '../../http/errors';
import type { Actor } from '../access/actor';
import { publish } from '../events/event-bus';
import { writeHistory } from '../history/record-history';
import { findUser } from '../users/users.queries';

/** The transaction's time, for `deleted_at` of companies and contacts. */
export const deletedNow = sql<Updateable<CompaniesTable>['deleted_at']>`now()`;

/** A responsible person must be an active member of the actor's workspace. */
export async function requireResponsible(db: Kysely<DB>, actor: Actor, userId: string): Promise<void> {
  const user = await findUser(db, actor.workspaceId, userId);
  if (!user?.active) throw invalid('body.responsibleId', 'No such active user in this workspace');
}

export interface RecordChange {
  entity: 'company' | 'contact';
  recordId: string;
  responsibleId: string | null;
  action: 'create' | 'update' | 'delete';
  changes: FieldChange[];
}

/**
 * Writes the change into the record's history and queues the live event, both inside the caller's
 * transaction. An update that changed nothing leaves no trace and wakes nobody.
 */
export async function recordChanged(trx: Kysely<DB>, actor: Actor, change: RecordChange): Promise<void> {
  await writeHistory(trx, {
    workspaceId: actor.workspaceId,
    entity: change.entity,
    recordId: change.recordId,
    actorId: actor.userId,
    action: change.action,
    changes: change.changes,
  });
  if (change.action === 'update' && change.changes.length === 0) return;
  await publish(trx, {
    workspaceId: actor.workspaceId,
    responsibleId: change.responsibleId,
    event: {
      type: 'record.changed',
      entity: change.entity,
      recordId: change.recordId,
      action: change.action,
      actorId: actor.userId,
    },
  });
}
