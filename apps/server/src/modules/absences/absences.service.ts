import { type Absence, type AbsencesQuery, RecordAbsenceInput } from '@voronka/domain';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema';
import { invalid } from '../../http/errors';
import type { Actor } from '../access/actor';
import { insertAbsence, selectAbsences } from './absences.queries';

/**
 * Writes one absence into the chart, in the caller's transaction (a process step records it together
 * with the approval that allowed it). The person must be an active member of the workspace.
 *
 * @example await recordAbsence(trx, actor, { userId, kind: 'vacation', startsOn: '2025-07-01', endsOn: '2025-07-14' }, instanceId)
 */
export async function recordAbsence(
  trx: Kysely<DB>,
  actor: Actor,
  params: unknown,
  processInstanceId: string | null,
): Promise<{ id: string }> {
  const input = RecordAbsenceInput.parse(params);
  const user = await trx
    .selectFrom('users')
    .select('id')
    .where('workspace_id', '=', actor.workspaceId)
    .where('id', '=', input.userId)
    .where('active', '=', true)
    .executeTakeFirst();
  if (!user) throw invalid('userId', 'No such active user in this workspace');
  return insertAbsence(trx, {
    workspaceId: actor.workspaceId,
    userId: input.userId,
    kind: input.kind,
    startsOn: input.startsOn,
    endsOn: input.endsOn ?? input.startsOn,
    hours: input.hours ?? null,
    comment: input.comment ?? null,
    processInstanceId,
    createdBy: actor.userId,
  });
}

/** The team chart: everyone in the workspace sees everyone's absences, so work can be planned around them. */
export async function listAbsences(
  db: Kysely<DB>,
  actor: Actor,
  query: z.output<typeof AbsencesQuery>,
): Promise<Absence[]> {
  return selectAbsences(db, actor.workspaceId, query);
}
