import type { Activity, ActivityEntity, CreateActivityBody, TimelineItem } from '@voronka/domain';
import { recordLink, reviewVerdicts } from '@voronka/domain';
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { z } from 'zod';
import type { ActivitiesTable, DB } from '../../db/schema';
import { invalid, notFound } from '../../http/errors';
import type { Actor } from '../access/actor';
import { findVisibleRecord, requireVisibleRecord } from '../access/records';
import { publish } from '../events/event-bus';

export function toActivity(row: Selectable<ActivitiesTable>): Activity {
  return {
    id: row.id,
    kind: row.kind,
    subject: row.subject,
    body: row.body,
    direction: row.direction,
    durationSeconds: row.duration_seconds,
    result: row.result,
    recordingUrl: row.recording_url,
    occurredAt: row.occurred_at.toISOString(),
    entity: row.entity as ActivityEntity,
    recordId: row.record_id,
    authorId: row.author_id,
    mentions: row.mentions,
  };
}

type NewActivity = Pick<Insertable<ActivitiesTable>, 'workspace_id' | 'kind' | 'entity' | 'record_id'> &
  Partial<Insertable<ActivitiesTable>>;

/**
 * Writes one activity in the caller's transaction; what is not given is empty, and it happened now.
 * People log them through createActivity; integrations (a PBX's call, a website request, a sent
 * e-mail) write theirs here.
 */
export function insertActivity(trx: Kysely<DB>, activity: NewActivity): Promise<Selectable<ActivitiesTable>> {
  return trx
    .insertInto('activities')
    .values({
      subject: null,
      body: null,
      direction: null,
      duration_seconds: null,
      result: null,
      recording_url: null,
      occurred_at: new Date(),
      author_id: null,
      ...activity,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Logs a call, meeting, email, note or comment on a record; people mentioned get a notification. */
export async function createActivity(
  db: Kysely<DB>,
  actor: Actor,
  input: z.output<typeof CreateActivityBody>,
): Promise<Activity> {
  return db.transaction().execute(async (trx) => {
    const record = await requireVisibleRecord(trx, actor, input.entity, input.recordId, 'body.recordId');
    if (
      input.kind === 'review' &&
      !reviewVerdicts.includes(input.result as (typeof reviewVerdicts)[number])
    ) {
      throw invalid('body.result', `A review's result is one of: ${reviewVerdicts.join(', ')}`);
    }
    const mentions = [...new Set(input.mentions)];
    if (mentions.length > 0) {
      const found = await trx
        .selectFrom('users')
        .select('id')
        .where('workspace_id', '=', actor.workspaceId)
        .where('id', 'in', mentions)
        .execute();
      const known = new Set(found.map((row) => row.id));
      const unknown = mentions.findIndex((id) => !known.has(id));
      if (unknown >= 0) throw invalid(`body.mentions.${unknown}`, 'No such user in this workspace');
    }
    const row = await insertActivity(trx, {
      workspace_id: actor.workspaceId,
      kind: input.kind,
      subject: input.subject,
      body: input.body,
      direction: input.direction,
      duration_seconds: input.durationSeconds,
      result: input.result,
      recording_url: input.recordingUrl,
      occurred_at: input.occurredAt ?? new Date(),
      entity: input.entity,
      record_id: input.recordId,
      author_id: actor.userId,
      mentions,
    });
    await publish(trx, {
      workspaceId: actor.workspaceId,
      responsibleId: record.responsibleId,
      event: {
        type: 'record.changed',
        entity: input.entity,
        recordId: input.recordId,
        action: 'update',
        actorId: actor.userId,
      },
    });
    const others = mentions.filter((id) => id !== actor.userId);
    if (others.length > 0) {
      await publish(trx, {
        workspaceId: actor.workspaceId,
        userIds: others,
        event: {
          type: 'notification',
          title: `${actor.name} упомянул(а) вас`,
          body: input.body?.slice(0, 200),
          link: recordLink(input.entity, input.recordId),
        },
      });
    }
    return toActivity(row);
  });
}

/**
 * Everything that happened on a record, newest first: activities, tasks and field changes. A deal
 * converted from a lead shows the lead's timeline too, marked as such.
 */
export async function timelineOf(
  db: Kysely<DB>,
  actor: Actor,
  entity: ActivityEntity,
  id: string,
  limit: number,
): Promise<TimelineItem[]> {
  const record = await findVisibleRecord(db, actor, entity, id);
  if (!record) throw notFound(entity);
  const sources: { entity: ActivityEntity; id: string; fromLead: boolean }[] = [
    { entity, id, fromLead: false },
  ];
  if (record.leadId) sources.push({ entity: 'lead', id: record.leadId, fromLead: true });
  const items: TimelineItem[] = [];
  for (const source of sources) {
    const [activities, tasks, changes] = await Promise.all([
      db
        .selectFrom('activities')
        .selectAll()
        .where('workspace_id', '=', actor.workspaceId)
        .where('entity', '=', source.entity)
        .where('record_id', '=', source.id)
        .orderBy('occurred_at', 'desc')
        .limit(limit)
        .execute(),
      db
        .selectFrom('tasks')
        .select(['id', 'title', 'status', 'due_at', 'assignee_id', 'created_at'])
        .where('workspace_id', '=', actor.workspaceId)
        .where('entity', '=', source.entity)
        .where('record_id', '=', source.id)
        .where('deleted_at', 'is', null)
        .orderBy('created_at', 'desc')
        .limit(limit)
        .execute(),
      db
        .selectFrom('record_history as h')
        .leftJoin('users as u', 'u.id', 'h.actor_id')
        .select(['h.action', 'h.field', 'h.old_value', 'h.new_value', 'h.at', 'u.name'])
        .where('h.workspace_id', '=', actor.workspaceId)
        .where('h.entity', '=', source.entity)
        .where('h.record_id', '=', source.id)
        .orderBy('h.id', 'desc')
        .limit(limit)
        .execute(),
    ]);
    const fromLead = source.fromLead;
    for (const row of activities)
      items.push({
        kind: 'activity',
        at: row.occurred_at.toISOString(),
        activity: toActivity(row),
        fromLead,
      });
    for (const row of tasks) {
      items.push({
        kind: 'task',
        at: row.created_at.toISOString(),
        task: {
          id: row.id,
          title: row.title,
          status: row.status,
          dueAt: row.due_at?.toISOString() ?? null,
          assigneeId: row.assignee_id,
        },
        fromLead,
      });
    }
    for (const row of changes) {
      items.push({
        kind: 'change',
        at: row.at.toISOString(),
        change: {
          action: row.action,
          field: row.field,
          oldValue: row.old_value,
          newValue: row.new_value,
          actorName: row.name,
        },
        fromLead,
      });
    }
  }
  return items.sort((a, b) => b.at.localeCompare(a.at)).slice(0, limit);
}

/**
 * The reviews about a client: those left on the company or contact itself and on any of its deals,
 * newest first, and whether any is negative (the red flag on the client's card).
 */
export async function reviewsOf(
  db: Kysely<DB>,
  actor: Actor,
  entity: 'company' | 'contact' | 'deal',
  id: string,
) {
  if (!(await findVisibleRecord(db, actor, entity, id))) throw notFound(entity);
  const link = entity === 'company' ? 'company_id' : 'contact_id';
  const reviews = () =>
    db
      .selectFrom('activities')
      .selectAll()
      .where('workspace_id', '=', actor.workspaceId)
      .where('kind', '=', 'review');
  const own = reviews().where('entity', '=', entity).where('record_id', '=', id);
  // Two ranges of activities_record rather than one OR: with the OR PostgreSQL read every review of
  // the workspace (a third of a second at 1,000,000 deals) to find a client's few.
  const onDeals = reviews()
    .where('entity', '=', 'deal')
    .where('record_id', 'in', (eb) =>
      eb
        .selectFrom('deals')
        .select('deals.id')
        .where('deals.workspace_id', '=', actor.workspaceId)
        .where(`deals.${link}`, '=', id),
    );
  const rows = await db
    .selectFrom((entity === 'deal' ? own : own.unionAll(onDeals)).as('review'))
    .selectAll()
    .orderBy('review.occurred_at', 'desc')
    .execute();
  const items = rows.map(toActivity);
  return { items, hasNegative: items.some((review) => review.result === 'negative') };
}
