import type { FieldChange } from '@voronka/domain';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { Actor } from '../access/actor';
import { publish } from '../events/event-bus';
import { historyInsert } from './record-history';

export interface RecordChange {
  entity: 'lead' | 'deal' | 'company' | 'contact';
  recordId: string;
  responsibleId: string | null;
  action: 'create' | 'update' | 'delete';
  changes: FieldChange[];
}

/**
 * Writes a change of a CRM record into its history and queues the live event, both with the caller's
 * transaction: the history rows go in the COMMIT's round trip and the event after it (see `publish`),
 * so recording a change costs no round trip of its own. A later statement of the same transaction does
 * not see these rows. An update that changed nothing leaves no trace and wakes nobody.
 */
export async function recordChanged(trx: Kysely<DB>, actor: Actor, change: RecordChange): Promise<void> {
  if (change.action === 'update' && change.changes.length === 0) return;
  const history = historyInsert(trx, {
    workspaceId: actor.workspaceId,
    entity: change.entity,
    recordId: change.recordId,
    actorId: actor.userId,
    action: change.action,
    changes: change.changes,
  });
  await publish(
    trx,
    {
      workspaceId: actor.workspaceId,
      responsibleId: change.responsibleId,
      event: {
        type: 'record.changed',
        entity: change.entity,
        recordId: change.recordId,
        action: change.action,
        actorId: actor.userId,
      },
    },
    history,
  );
}
