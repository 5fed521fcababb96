import {
  type ActivityEntity,
  CreateTaskBody,
  callResultOf,
  canAdminister,
  formatPhone,
  type TelephonyCallBody,
  type TelephonyCallResult,
} from '@voronka/domain';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema';
import { forbidden, invalid } from '../../http/errors';
import type { Actor } from '../access/actor';
import { insertActivity, toActivity } from '../activities/activities.service';
import { publish } from '../events/event-bus';
import { insertLead } from '../leads/leads.service';
import { emitProcessEvent } from '../processes/triggers';
import { insertTask } from '../tasks/tasks.service';

type Trx = Kysely<DB>;

interface CallRecord {
  entity: ActivityEntity;
  id: string;
  responsibleId: string | null;
}

/** A PBX reports calls for the whole workspace, so its token must be an owner's or an admin's. */
function requireTelephony(actor: Actor): void {
  if (!canAdminister(actor.role) || !actor.scopes.includes('write')) {
    throw forbidden('Connect telephony with an owner’s or an admin’s API token that may write');
  }
}

/**
 * Who is on the line: the newest open lead with this number, else the newest open deal of a contact
 * with it, else that contact. Deleted, converted and refused records are not called back about.
 */
async function recordForPhone(trx: Trx, workspaceId: string, phone: string) {
  const lead = await trx
    .selectFrom('leads')
    .select(['id', 'responsible_id'])
    .where('workspace_id', '=', workspaceId)
    .where('phone', '=', phone)
    .where('deleted_at', 'is', null)
    .where('status', 'not in', ['converted', 'refused'])
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (lead)
    return { record: { entity: 'lead', id: lead.id, responsibleId: lead.responsible_id } as CallRecord };
  const contact = await trx
    .selectFrom('contacts')
    .select(['id', 'name', 'responsible_id'])
    .where('workspace_id', '=', workspaceId)
    .where('phones', '@>', sql<string[]>`array[${phone}]::text[]`)
    .where('deleted_at', 'is', null)
    .orderBy('updated_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!contact) return { record: null, contact: null };
  const deal = await trx
    .selectFrom('deals')
    .select(['id', 'responsible_id'])
    .where('workspace_id', '=', workspaceId)
    .where('contact_id', '=', contact.id)
    .where('closed_at', 'is', null)
    .where('deleted_at', 'is', null)
    .orderBy('updated_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  const record: CallRecord = deal
    ? { entity: 'deal', id: deal.id, responsibleId: deal.responsible_id }
    : { entity: 'contact', id: contact.id, responsibleId: contact.responsible_id };
  return { record, contact };
}

/** The manager the PBX names must be one of ours: a mistyped id is refused, not silently dropped. */
async function knownUser(trx: Trx, workspaceId: string, userId: string | null): Promise<string | null> {
  if (!userId) return null;
  const user = await trx
    .selectFrom('users')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!user) throw invalid('body.userId', 'No such user in this workspace');
  return user.id;
}

async function alreadyReported(trx: Trx, workspaceId: string, callId: string) {
  return trx
    .selectFrom('activities')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('external_id', '=', callId)
    .executeTakeFirst();
}

/**
 * Logs a call the PBX reports on the record of the number (seed: "call events become activities").
 * A number nobody knows becomes a lead, and so does a known contact's missed call when the contact
 * has no open deal (a missed call is a request). A missed incoming call leaves a call-back task for
 * the record's responsible person and starts the processes waiting for `call.missed`. All of it is
 * one transaction; the same call id reported again changes nothing.
 */
export async function reportCall(
  db: Kysely<DB>,
  actor: Actor,
  input: TelephonyCallBody,
): Promise<TelephonyCallResult> {
  requireTelephony(actor);
  return db.transaction().execute(async (trx) => {
    // One number at a time: a retried webhook, or two calls from a new number, make one lead.
    await sql`select pg_advisory_xact_lock(hashtext(${`call:${actor.workspaceId}:${input.phone}`}))`.execute(
      trx,
    );
    const previous = await alreadyReported(trx, actor.workspaceId, input.callId);
    if (previous) {
      return {
        activity: toActivity(previous),
        entity: previous.entity as ActivityEntity,
        recordId: previous.record_id,
        leadCreated: false,
        taskId: null,
        duplicate: true,
      };
    }
    const manager = await knownUser(trx, actor.workspaceId, input.userId);
    const missedCall = input.direction === 'in' && input.status === 'missed';
    const found = await recordForPhone(trx, actor.workspaceId, input.phone);
    let record = found.record;
    let leadCreated = false;
    if (!record || (missedCall && record.entity === 'contact')) {
      const title = `${input.direction === 'in' ? 'Входящий звонок' : 'Звонок'} ${formatPhone(input.phone)}`;
      const lead = await insertLead(trx, actor, {
        title,
        contactName: found.contact?.name ?? null,
        phone: input.phone,
        email: null,
        source: 'phone',
        region: null,
        channel: input.line,
        utm: {},
        custom: {},
        status: 'new',
        // A known client stays with their manager; a new one goes to the manager whose line rang.
        responsibleId: found.contact?.responsible_id ?? manager,
      });
      record = { entity: 'lead', id: lead.id, responsibleId: lead.responsibleId };
      leadCreated = true;
    }
    const row = await insertActivity(trx, {
      workspace_id: actor.workspaceId,
      kind: 'call',
      direction: input.direction,
      duration_seconds: input.durationSeconds,
      result: callResultOf(input),
      recording_url: input.recordingUrl,
      occurred_at: input.startedAt ?? new Date(),
      entity: record.entity,
      record_id: record.id,
      author_id: manager,
      external_id: input.callId,
    });
    let taskId: string | null = null;
    if (missedCall && record.responsibleId) {
      const task = await insertTask(
        trx,
        actor,
        // The task schema's defaults fill in what a call-back task leaves out.
        CreateTaskBody.parse({
          title: `Перезвонить: ${formatPhone(input.phone)}`,
          assigneeId: record.responsibleId,
          dueAt: new Date(row.occurred_at.getTime() + 15 * 60_000).toISOString(),
          priority: 'high',
          entity: record.entity,
          recordId: record.id,
        }),
      );
      taskId = task.id;
    }
    if (missedCall && (record.entity === 'lead' || record.entity === 'deal')) {
      await emitProcessEvent(trx, {
        workspaceId: actor.workspaceId,
        event: 'call.missed',
        entity: record.entity,
        recordId: record.id,
        data: { phone: input.phone, line: input.line, callId: input.callId, activityId: row.id },
      });
    }
    await publish(trx, {
      workspaceId: actor.workspaceId,
      responsibleId: record.responsibleId,
      event: {
        type: 'record.changed',
        entity: record.entity,
        recordId: record.id,
        action: 'update',
        actorId: actor.userId,
      },
    });
    return {
      activity: toActivity(row),
      entity: record.entity,
      recordId: record.id,
      leadCreated,
      taskId,
      duplicate: false,
    };
  });
}
