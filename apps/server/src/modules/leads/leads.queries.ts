import type { Lead } from '@voronka/domain';
import { normalizePhone } from '@voronka/domain';
import { type Kysely, sql } from 'kysely';
import { runNamed } from '../../db/prepared';
import type { DB, LeadRow } from '../../db/schema';
import { afterCursor, type CursorPosition, exactTime, isoTime, toEncodedPage } from '../../http/cursor';
import { preEncoded } from '../../http/serializer';
import type { Actor } from '../access/actor';
import { visibleTo } from '../access/visibility';
import { prefixQuery } from '../deals/deals.queries';

export function toLead(row: LeadRow): Lead {
  return {
    id: row.id,
    title: row.title,
    contactName: row.contact_name,
    phone: row.phone,
    email: row.email,
    source: row.source,
    region: row.region,
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

/** The JSON of `toLead` for the leads row called `alias`, written by PostgreSQL (see `listLeads`). */
function leadJson(alias: string) {
  const column = (name: string) => sql.ref(`${alias}.${name}`);
  return sql<string>`json_build_object('id', ${column('id')}, 'title', ${column('title')},
    'contactName', ${column('contact_name')}, 'phone', ${column('phone')}, 'email', ${column('email')},
    'source', ${column('source')}, 'region', ${column('region')}, 'channel', ${column('channel')},
    'utm', coalesce(${column('utm')}, '{}'::jsonb), 'status', ${column('status')},
    'refusalReason', ${column('refusal_reason')}, 'responsibleId', ${column('responsible_id')},
    'contactId', ${column('contact_id')}, 'companyId', ${column('company_id')}, 'dealId', ${column('deal_id')},
    'convertedAt', ${isoTime(`${alias}.converted_at`)}, 'custom', coalesce(${column('custom')}, '{}'::jsonb),
    'createdAt', ${isoTime(`${alias}.created_at`)}, 'updatedAt', ${isoTime(`${alias}.updated_at`)})`;
}

/**
 * Leads the actor may see, live or (for the recycle bin) deleted; every lead query starts here so the
 * scope cannot be forgotten.
 */
export function visibleLeads(db: Kysely<DB>, actor: Actor, deleted = false) {
  return db
    .selectFrom('leads')
    .where('leads.workspace_id', '=', actor.workspaceId)
    .where('leads.deleted_at', deleted ? 'is not' : 'is', null)
    .where(visibleTo(actor, 'leads.responsible_id'));
}

export const leadSorts = { createdAt: 'created_at', updatedAt: 'updated_at', title: 'title' } as const;
export type LeadSort = keyof typeof leadSorts;

export interface LeadListOptions {
  limit: number;
  status?: Lead['status'];
  responsibleId?: string;
  source?: string;
  q?: string;
  sort: LeadSort;
  order: 'asc' | 'desc';
  cursor?: CursorPosition;
  /** The recycle bin: deleted leads, for restoring. */
  deleted?: boolean;
}

/** One page of visible leads; `nextCursor` is null on the last page. */
export async function listLeads(db: Kysely<DB>, actor: Actor, options: LeadListOptions) {
  const sortColumn = `leads.${leadSorts[options.sort]}`;
  const column = sql.ref(sortColumn);
  // The sort value as exact text (timestamps to the microsecond), so a cursor never skips a row.
  const sortKey = options.sort === 'title' ? sql<string>`leads.title` : exactTime(sortColumn);
  let query = visibleLeads(db, actor, options.deleted).select([
    'leads.id',
    sortKey.as('sort_key'),
    sql<string>`${leadJson('leads')}::text`.as('json'),
  ]);
  if (options.status) query = query.where('status', '=', options.status);
  if (options.responsibleId) query = query.where('responsible_id', '=', options.responsibleId);
  if (options.source) query = query.where('source', '=', options.source);
  if (options.q) {
    const phone = normalizePhone(options.q);
    query = query.where((eb) =>
      eb.or([
        eb(sql<boolean>`leads.search @@ ${prefixQuery(options.q ?? '')}`, '=', true),
        ...(phone ? [eb('leads.phone', '=', phone)] : []),
      ]),
    );
  }
  if (options.cursor) {
    const type = options.sort === 'title' ? 'text' : 'timestamptz';
    const keyset = { column: sortColumn, type, id: 'leads.id', order: options.order } as const;
    query = query.where(afterCursor(keyset, options.cursor));
  }
  const page = query
    .orderBy(column, options.order)
    .orderBy('leads.id', options.order)
    .limit(sql.lit(options.limit + 1));
  // A named statement, planned once when its values do not change the plan (db/prepared.ts); not a
  // search, whose words decide it.
  const rows = options.q ? await page.execute() : (await runNamed(db, page)).rows;
  // The page as text, passed through: turning its rows into objects and JSON again cost about as much as the query.
  return preEncoded<{ items: Lead[]; nextCursor: string | null }>(toEncodedPage(rows, options.limit));
}

/** One visible lead, or undefined; `lock` holds the row, `deleted` looks in the recycle bin. */
export function findLead(db: Kysely<DB>, actor: Actor, id: string, lock = false, deleted = false) {
  const query = visibleLeads(db, actor, deleted).selectAll().where('id', '=', id);
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
