import type { BulkRecordsBody, BulkResult, CreateLeadBody, Lead, UpdateLeadBody } from '@voronka/domain';
import { diffRecords } from '@voronka/domain';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema';
import { inTransaction } from '../../db/transaction';
import { AppError, invalid, notFound } from '../../http/errors';
import type { Actor } from '../access/actor';
import { requireValidCustom } from '../custom-fields/custom-fields.service';
import { publish } from '../events/event-bus';
import { recordChanged } from '../history/record-changed';
import { createdFields } from '../history/record-history';
import { applyBulk } from '../parties/bulk-records';
import { requireResponsible } from '../parties/record-changes';
import { findLead, type LeadListOptions, listLeads, refusalReasonsFor, toLead } from './leads.queries';

type Trx = Kysely<DB>;

export async function announceLead(
  trx: Trx,
  actor: Actor,
  lead: { id: string; responsibleId: string | null },
  action: 'create' | 'update' | 'delete',
) {
  await publish(trx, {
    workspaceId: actor.workspaceId,
    responsibleId: lead.responsibleId,
    event: { type: 'record.changed', entity: 'lead', recordId: lead.id, action, actorId: actor.userId },
  });
}

export function findLeads(db: Kysely<DB>, actor: Actor, options: LeadListOptions) {
  return listLeads(db, actor, options);
}

export async function getLead(db: Kysely<DB>, actor: Actor, id: string): Promise<Lead> {
  const row = await findLead(db, actor, id);
  if (!row) throw notFound('Lead');
  return toLead(row);
}

export async function createLead(
  db: Kysely<DB>,
  actor: Actor,
  input: z.output<typeof CreateLeadBody>,
): Promise<Lead> {
  return db.transaction().execute((trx) => insertLead(trx, actor, input));
}

/** Creates a lead inside the caller's transaction, with history and event. */
export async function insertLead(
  trx: Trx,
  actor: Actor,
  input: z.output<typeof CreateLeadBody>,
): Promise<Lead> {
  // A lead someone creates is theirs unless they name another responsible person.
  const responsibleId = input.responsibleId === undefined ? actor.userId : input.responsibleId;
  if (responsibleId) await requireResponsible(trx, actor, responsibleId);
  await requireValidCustom(trx, actor, 'lead', input.custom);
  const row = await trx
    .insertInto('leads')
    .values({
      workspace_id: actor.workspaceId,
      title: input.title,
      contact_name: input.contactName,
      phone: input.phone,
      email: input.email,
      source: input.source,
      region: input.region,
      channel: input.channel,
      utm: JSON.stringify(input.utm),
      custom: JSON.stringify(input.custom),
      status: input.status,
      responsible_id: responsibleId,
      created_by: actor.userId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const lead = toLead(row);
  await recordChanged(trx, actor, {
    entity: 'lead',
    recordId: lead.id,
    responsibleId: lead.responsibleId,
    action: 'create',
    changes: createdFields(lead),
  });
  return lead;
}

/** A refusal needs a reason from the list the actor's role may use; leaving "refused" clears it. */
async function refusalReason(
  trx: Trx,
  actor: Actor,
  status: Lead['status'],
  reason: string | null | undefined,
  current: string | null,
): Promise<string | null> {
  if (status !== 'refused') return null;
  const chosen = reason === undefined ? current : reason;
  if (!chosen) throw invalid('body.refusalReason', 'Choose a refusal reason');
  const allowed = await refusalReasonsFor(trx, actor);
  if (allowed.length > 0 && !allowed.some((item) => item.name === chosen)) {
    throw invalid('body.refusalReason', `"${chosen}" is not a refusal reason you can choose`);
  }
  return chosen;
}

export async function updateLead(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  input: z.output<typeof UpdateLeadBody>,
): Promise<Lead> {
  return inTransaction(db, async (trx) => {
    const current = await findLead(trx, actor, id, true);
    if (!current) throw notFound('Lead');
    if (current.status === 'converted')
      throw new AppError(
        'conflict',
        'A converted lead is kept as it was; change its deal, contact or company',
      );
    if (input.responsibleId) await requireResponsible(trx, actor, input.responsibleId);
    await requireValidCustom(trx, actor, 'lead', input.custom);
    const status = input.status ?? current.status;
    const reason = await refusalReason(trx, actor, status, input.refusalReason, current.refusal_reason);
    const row = await trx
      .updateTable('leads')
      .set({
        title: input.title,
        contact_name: input.contactName,
        phone: input.phone,
        email: input.email,
        source: input.source,
        region: input.region,
        channel: input.channel,
        utm: input.utm === undefined ? undefined : JSON.stringify(input.utm),
        custom: input.custom === undefined ? undefined : JSON.stringify(input.custom),
        status: input.status,
        refusal_reason: reason,
        responsible_id: input.responsibleId,
        updated_at: new Date(),
      })
      .where('workspace_id', '=', actor.workspaceId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const lead = toLead(row);
    const changes = diffRecords(toLead(current), lead);
    await recordChanged(trx, actor, {
      entity: 'lead',
      recordId: id,
      responsibleId: lead.responsibleId,
      action: 'update',
      changes,
    });
    return lead;
  });
}

/** Soft delete: the row and its history stay, so a deletion can be audited and undone. */
export async function deleteLead(db: Kysely<DB>, actor: Actor, id: string): Promise<void> {
  await inTransaction(db, async (trx) => {
    const current = await findLead(trx, actor, id, true);
    if (!current) throw notFound('Lead');
    await trx
      .updateTable('leads')
      .set({ deleted_at: new Date() })
      .where('workspace_id', '=', actor.workspaceId)
      .where('id', '=', id)
      .execute();
    await recordChanged(trx, actor, {
      entity: 'lead',
      recordId: id,
      responsibleId: current.responsible_id,
      action: 'delete',
      changes: [],
    });
  });
}

/** Brings a deleted lead back from the recycle bin, as the actor may see it. */
export async function restoreLead(db: Kysely<DB>, actor: Actor, id: string): Promise<Lead> {
  return inTransaction(db, async (trx) => {
    if (!(await findLead(trx, actor, id, true, true))) throw notFound('Lead');
    const row = await trx
      .updateTable('leads')
      .set({ deleted_at: null, updated_at: new Date() })
      .where('workspace_id', '=', actor.workspaceId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const lead = toLead(row);
    await recordChanged(trx, actor, {
      entity: 'lead',
      recordId: id,
      responsibleId: lead.responsibleId,
      action: 'update',
      changes: [{ field: 'deleted', oldValue: true, newValue: false }],
    });
    return lead;
  });
}

/** Assign, delete or restore many leads in one transaction: all of them, or none. */
export function bulkLeads(db: Kysely<DB>, actor: Actor, input: BulkRecordsBody): Promise<BulkResult> {
  return applyBulk(db, actor, input, {
    assign: (trx, id, responsibleId) => updateLead(trx, actor, id, { responsibleId }),
    delete: (trx, id) => deleteLead(trx, actor, id),
    restore: (trx, id) => restoreLead(trx, actor, id),
  });
}
