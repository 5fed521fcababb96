import type { Lead } from '@voronka/domain';
import { type Kysely, sql } from 'kysely';
import type { DB, LeadRow } from '../../db/schema';
import type { Actor } from '../access/actor';
import { visibleTo } from '../access/visibility';

export function toLead(row: LeadRow): Lead {
  return {
    id: row.id,
    title: row.title,
    contactName: row.contact_name,
    phone: row.phone,
    email: row.email,
    source: row.source,
    channel: row.channel,
    utm: (row.utm ?? {}) as Lead['utm'],
    status: row.status,
    refusalReason: row.refusal_reason,
    responsibleId: row.responsible_id,
    contactId: row.contact_id,
    companyId: row.company_id,
    dealId: row.deal_id,
    convertedAt: row.converted_at?.toISOString() ?? null,
    custom: (row.custom ?? {}) as Record<string, unknown>,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** Live leads the actor may see; every lead query starts here so the scope cannot be forgotten. */
export function visibleLeads(db: Kysely<DB>, actor: Actor) {
  return db
    .selectFrom('leads')
    .where('leads.workspace_id', '=', actor.workspaceId)
    .where('leads.deleted_at', 'is', null)
    .where(visibleTo(actor, 'leads.responsible_id'));
}

export function listLeads(db: Kysely<DB>, actor: Actor, options: { limit: number; status?: Lead['status'] }) {
  let query = visibleLeads(db, actor).selectAll();
  if (options.status) query = query.where('status', '=', options.status);
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(options.limit).execute();
}

export function findLead(db: Kysely<DB>, actor: Actor, id: string, lock = false) {
  const query = visibleLeads(db, actor).selectAll().where('id', '=', id);
  return (lock ? query.forUpdate() : query).executeTakeFirst();
}

/** The refusal reasons a role may pick: those listed for it, and those listed for nobody in particular. */
export function refusalReasonsFor(db: Kysely<DB>, actor: Actor) {
  return db
    .selectFrom('refusal_reasons')
    .select(['id', 'name', 'roles'])
    .where('workspace_id', '=', actor.workspaceId)
    .where(sql<boolean>`(cardinality(roles) = 0 or ${actor.role} = any(roles))`)
    .orderBy('position')
    .execute();
}
