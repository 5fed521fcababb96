import type { Deal, DealCard } from '@voronka/domain';
import { type Expression, type Kysely, type RawBuilder, type Selectable, sql } from 'kysely';
import { type PreparedQuery, prepared, runNamed } from '../../db/prepared';
import type { DB, DealsTable } from '../../db/schema';
import { type CursorPosition, decodeCursor, isoTime, toEncodedPage } from '../../http/cursor';
import type { EncodedJson } from '../../http/serializer';
import { type Actor, type ActorParam, actorParams, actorValues } from '../access/actor';
import { visibleResponsibles, visibleTo } from '../access/visibility';

type DealRow = Selectable<DealsTable> & { no_next_step: boolean };
type Names = { company_name: string | null; contact_name: string | null };
export type NamedDealRow = DealRow & Names;

/**
 * A whole deal: what its card shows, and the rest. Added to the card with `Object.assign`, not as
 * `{ ...card, contactId, … }`: on Node 20 each new key written after a spread cost about 2 µs, and
 * this mapping took 24 µs a deal that way against 2.7 µs now (.probe, 2026-12-03). Many deal reads
 * are a fraction of a millisecond in all.
 */
export function toDeal(row: NamedDealRow): Deal {
  return Object.assign(toDealCard(row), {
    contactId: row.contact_id,
    companyId: row.company_id,
    leadId: row.lead_id,
    sourceDealId: row.source_deal_id,
    source: row.source,
    lostReason: row.lost_reason,
    closedAt: row.closed_at?.toISOString() ?? null,
    stageEnteredAt: row.stage_entered_at.toISOString(),
    custom: (row.custom ?? {}) as Record<string, unknown>,
    createdAt: row.created_at.toISOString(),
  });
}

/** A date column comes back as a local-midnight Date; print it as the calendar date it is. */
function formatDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Live deals the actor may see; `withNames` adds the "no next step" flag to the ones chosen. */
export function visibleDeals(db: Kysely<DB>, actor: Actor, deleted = false) {
  return db
    .selectFrom('deals')
    .where('deals.workspace_id', '=', actor.workspaceId)
    .where('deals.deleted_at', deleted ? 'is not' : 'is', null)
    .where(visibleTo(actor, 'deals.responsible_id'))
    .selectAll('deals');
}

/**
 * Open, and without an open task: the "no next step" warning, for the deals row called `alias`. The
 * open deals without one have a table of their own, kept by triggers on tasks and deals (migration
 * 0035), so the list, the card and the start page's count read one answer; here one primary-key probe.
 */
function noNextStep(alias: string) {
  const deal = (column: string) => sql.ref(`${alias}.${column}`);
  return sql<boolean>`exists (select 1 from deals_without_next_step as bare
    where bare.workspace_id = ${deal('workspace_id')} and bare.deal_id = ${deal('id')})`;
}

/**
 * Rows already chosen (a page, a board column, one deal) with the names of their contact and company
 * and their "no next step" flag. PostgreSQL does not flatten a subquery with a limit, so a page keeps
 * its own plan (index walk, filters, sort). A contact or company that is deleted or that the actor may
 * not see gives no name.
 *
 * Each name is a subquery per chosen row, one primary-key or index probe each. As joins (and the flag,
 * when it was a lookup of the deal's tasks, inside the page's query), the planner sized them by every
 * deal the index walk could reach rather than by the page's limit: on a workspace of 100,000 deals it
 * hashed all 42,000 open deal tasks, and for a department head all 10,000 companies and 15,000
 * contacts, to name 51 deals
 * (8–40 ms instead of about 1).
 *
 * @example await withNames(actor, visibleDeals(db, actor).where('deals.id', '=', id)).execute(db)
 */
function withNames<Row extends Pick<DealRow, 'id' | 'workspace_id' | 'company_id' | 'contact_id'>>(
  actor: Actor,
  chosen: Expression<Row>,
  order?: RawBuilder<unknown>,
) {
  return sql<Row & Names & { no_next_step: boolean }>`${namesOf(actor)} from (${chosen}) as chosen
    ${order ? sql`order by ${order}` : sql``}`;
}

/** `withNames`'s select list, for rows called `chosen`; with no actor, every name shows. */
function namesOf(actor: Actor | null, bare = noNextStep('chosen')) {
  const seen = (column: string) => (actor ? visibleTo(actor, column) : sql`true`);
  return sql`select chosen.*, ${bare} as no_next_step,
      (select company.name from companies as company
        where company.id = chosen.company_id and company.workspace_id = chosen.workspace_id
          and company.deleted_at is null and ${seen('company.responsible_id')}) as company_name,
      (select contact.name from contacts as contact
        where contact.id = chosen.contact_id and contact.workspace_id = chosen.workspace_id
          and contact.deleted_at is null and ${seen('contact.responsible_id')}) as contact_name`;
}

/**
 * A deal just inserted (`insert … returning *` called `chosen`) as `findDeal` reads it, with the names
 * of the contact and company its creator linked. It has no next step unless it is born closed: no
 * task can name a deal before it exists, and the statement cannot read what its own trigger adds to
 * the table of deals without one.
 */
export function namedNewDeal() {
  return sql<NamedDealRow>`${namesOf(null, sql`(chosen.closed_at is null)`)} from chosen`;
}

export async function findDeal(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  lock = false,
  deleted = false,
): Promise<NamedDealRow | undefined> {
  const shape = `${actor.visibility}:${lock}:${deleted}`;
  let query = dealById.get(shape);
  if (!query) {
    query = prepared((db, param) => {
      const asActor = { ...actor, ...actorParams(param) };
      const chosen = visibleDeals(db, asActor, deleted).where('deals.id', '=', param('id'));
      return withNames(asActor, lock ? chosen.forUpdate('deals') : chosen);
    });
    dealById.set(shape, query);
  }
  const { rows } = await query.run(db, Object.assign(actorValues(actor), { id }));
  return rows[0];
}

// A deal by id is the most frequent read: one prepared statement per visibility and mode (db/prepared.ts).
const dealById = new Map<string, PreparedQuery<ActorParam | 'id', NamedDealRow>>();

export const dealSorts = {
  updatedAt: 'updated_at',
  createdAt: 'created_at',
  amount: 'amount',
  title: 'title',
} as const;
export type DealSort = keyof typeof dealSorts;

export interface DealFilter {
  pipelineId?: string;
  stageId?: string;
  responsibleId?: string;
  companyId?: string;
  contactId?: string;
  q?: string;
  minAmount?: number;
  maxAmount?: number;
  open?: boolean;
  noNextStep?: boolean;
  /** The recycle bin: deleted deals, for restoring. */
  deleted?: boolean;
  /** A custom field's value, compared as text (`budget` = `500000`, `segment` = `A`). */
  customKey?: string;
  customValue?: string;
}

export interface DealPageOptions {
  filter: DealFilter;
  sort: DealSort;
  order: 'asc' | 'desc';
  limit: number;
  cursor?: string;
}

/**
 * The sort value as exact text: timestamps to the microsecond (a JavaScript Date keeps only
 * milliseconds, and a rounded cursor would skip rows) and amounts as written.
 */
function sortKey(sort: DealSort) {
  if (sort === 'amount') return sql<string>`deals.amount::text`;
  if (sort === 'title') return sql<string>`deals.title`;
  return sql<string>`to_char(${sql.ref(`deals.${dealSorts[sort]}`)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}
const sortTypes: Record<DealSort, string> = {
  updatedAt: 'timestamptz',
  createdAt: 'timestamptz',
  amount: 'numeric',
  title: 'text',
};

/** One page of deals by filter and sort, as the JSON of `{ items, nextCursor }`; `nextCursor` is null on the last page. */
export async function listDeals(db: Kysely<DB>, actor: Actor, options: DealPageOptions) {
  const { filter, limit } = options;
  const after = options.cursor ? decodeCursor(options.cursor) : null;
  // Not `{ ...actorValues(actor), pipelineId, … }`: new keys after a spread are slow (see `toDeal`).
  const values: Record<PageParam, unknown> = Object.assign(actorValues(actor), {
    pipelineId: filter.pipelineId,
    stageId: filter.stageId,
    responsibleId: filter.responsibleId,
    companyId: filter.companyId,
    contactId: filter.contactId,
    minAmount: filter.minAmount === undefined ? undefined : String(filter.minAmount),
    maxAmount: filter.maxAmount === undefined ? undefined : String(filter.maxAmount),
    customKey: filter.customKey,
    customValue: filter.customValue,
    q: filter.q,
    afterValue: after ? String(after.value) : undefined,
    afterId: after?.id,
  });
  const { rows } = await runPage(db, actor, options, after, values);
  return toEncodedPage(rows, limit);
}

type PageParam =
  | ActorParam
  | 'pipelineId'
  | 'stageId'
  | 'responsibleId'
  | 'companyId'
  | 'contactId'
  | 'minAmount'
  | 'maxAmount'
  | 'customKey'
  | 'customValue'
  | 'q'
  | 'afterValue'
  | 'afterId';
type PageRow = { sort_key: string; id: string; json: string };

// A page's query per shape (which filters, sort, order, limit, visibility), built once (db/prepared.ts).
const pageShapes = new Map<string, PreparedQuery<PageParam, PageRow>>();
const pageShapeCap = 64;

/**
 * The page's rows. Building and compiling the query with Kysely took 0.17 ms of the server's 0.8–1.0 ms
 * per page, so each shape is built once and each request only binds its values. As a named statement
 * with its LIMIT in the text it is also parsed once per connection and, when PostgreSQL finds that
 * its values do not change the plan, planned once: 0.9–1.0 ms instead of 1.5–1.7 for the SQL of a page
 * at 100,000 deals. Not a search or a custom field: what the words or the value are decides the plan.
 */
function runPage(
  db: Kysely<DB>,
  actor: Actor,
  options: DealPageOptions,
  after: CursorPosition | null,
  values: Record<PageParam, unknown>,
) {
  const { filter } = options;
  const hasCursor = after !== null;
  const asGiven = (name: PageParam) => values[name];
  if (filter.q || filter.customKey) return pageQuery(db, actor, options, hasCursor, asGiven).execute(db);
  const present = Object.entries(filter).flatMap(([key, value]) =>
    value === undefined ? [] : [typeof value === 'boolean' ? `${key}=${value}` : key],
  );
  const shape = [actor.visibility, options.sort, options.order, options.limit, hasCursor, ...present.sort()];
  const key = shape.join(' ');
  let query = pageShapes.get(key);
  if (!query) {
    if (pageShapes.size >= pageShapeCap)
      return runNamed(db, pageQuery(db, actor, options, hasCursor, asGiven));
    query = prepared((db, param) =>
      pageQuery(db, { ...actor, ...actorParams(param) }, options, hasCursor, param),
    );
    pageShapes.set(key, query);
  }
  return query.run(db, values);
}

/** The page's query, with `value(name)` wherever a value goes: the value itself, or a prepared query's stand-in. */
function pageQuery(
  db: Kysely<DB>,
  actor: Actor,
  { filter, sort, order, limit }: DealPageOptions,
  hasCursor: boolean,
  value: (name: PageParam) => unknown,
) {
  const column = sql.ref(`deals.${dealSorts[sort]}`);
  const given = (name: PageParam) => value(name) as string;
  let query = visibleDeals(db, actor, filter.deleted).select(sortKey(sort).as('sort_key'));
  if (filter.pipelineId) query = query.where('deals.pipeline_id', '=', given('pipelineId'));
  if (filter.stageId) query = query.where('deals.stage_id', '=', given('stageId'));
  if (filter.responsibleId) query = query.where('deals.responsible_id', '=', given('responsibleId'));
  if (filter.companyId) query = query.where('deals.company_id', '=', given('companyId'));
  if (filter.contactId) query = query.where('deals.contact_id', '=', given('contactId'));
  if (filter.minAmount !== undefined) query = query.where('deals.amount', '>=', given('minAmount'));
  if (filter.maxAmount !== undefined) query = query.where('deals.amount', '<=', given('maxAmount'));
  if (filter.open !== undefined) query = query.where('deals.closed_at', filter.open ? 'is' : 'is not', null);
  if (filter.customKey && filter.customValue !== undefined) {
    query = query.where(sql<boolean>`deals.custom ->> ${given('customKey')} = ${given('customValue')}`);
  }
  if (filter.q) query = query.where(sql<boolean>`deals.search @@ ${prefixQuery(given('q'))}`);
  if (filter.noNextStep) {
    query = query.where(noNextStep('deals'));
  }
  if (hasCursor) {
    const comparison = order === 'desc' ? sql.raw('<') : sql.raw('>');
    const after = sql`cast(${given('afterValue')} as ${sql.raw(sortTypes[sort])})`;
    query = query.where(
      sql<boolean>`(${column}, deals.id) ${comparison} (${after}, ${given('afterId')}::uuid)`,
    );
  }
  const chosen = query
    .orderBy(column, order)
    .orderBy('deals.id', order)
    .limit(sql.lit(limit + 1));
  const direction = sql.raw(order);
  const named = withNames(
    actor,
    chosen,
    sql`${sql.ref(`chosen.${dealSorts[sort]}`)} ${direction}, chosen.id ${direction}`,
  );
  // The outer order repeats the inner one; PostgreSQL keeps the subquery's order and sorts nothing.
  return sql<PageRow>`
    select named.sort_key, named.id, ${dealJson('named')}::text as json
    from (${named}) as named
    order by ${sql.ref(`named.${dealSorts[sort]}`)} ${direction}, named.id ${direction}`;
}

/** The pairs of `toDealCard`'s JSON for a row of `withNames`, as `json_build_object` arguments. */
function cardPairs(alias: string) {
  const column = (name: string) => sql.ref(`${alias}.${name}`);
  return sql`'id', ${column('id')}, 'title', ${column('title')},
    'pipelineId', ${column('pipeline_id')}, 'stageId', ${column('stage_id')},
    'amount', ${column('amount')}, 'currency', ${column('currency')}, 'probability', ${column('probability')},
    'expectedCloseDate', to_char(${column('expected_close_date')}, 'YYYY-MM-DD'),
    'responsibleId', ${column('responsible_id')},
    'contactName', ${column('contact_name')}, 'companyName', ${column('company_name')},
    'updatedAt', ${isoTime(`${alias}.updated_at`)}, 'noNextStep', ${column('no_next_step')}`;
}

/**
 * The JSON of `toDeal` for a row of `withNames`, written by PostgreSQL. A list page is the busiest
 * read: turning 50 rows of 25 columns into objects, dates and JSON cost the server about 2 ms a page,
 * as much as the query itself; as text it passes through. The deals tests compare a page's items with
 * the same deals read one by one through `toDeal`, and the board's cards with the page's items.
 */
function dealJson(alias: string) {
  const column = (name: string) => sql.ref(`${alias}.${name}`);
  return sql<string>`json_build_object(${cardPairs(alias)},
    'contactId', ${column('contact_id')}, 'companyId', ${column('company_id')}, 'leadId', ${column('lead_id')},
    'sourceDealId', ${column('source_deal_id')}, 'source', ${column('source')},
    'lostReason', ${column('lost_reason')}, 'closedAt', ${isoTime(`${alias}.closed_at`)},
    'stageEnteredAt', ${isoTime(`${alias}.stage_entered_at`)},
    'custom', coalesce(${column('custom')}, '{}'::jsonb), 'createdAt', ${isoTime(`${alias}.created_at`)})`;
}

/**
 * A full-text query from what a person typed: every word must match, the last one as a prefix, with
 * Russian stemming ("сделк" finds "сделки").
 */
export function prefixQuery(text: string) {
  const words = text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 8);
  if (words.length === 0) return sql`to_tsquery('simple', '')`;
  const terms = words.map((word, i) => (i === words.length - 1 ? `${word}:*` : word)).join(' & ');
  return sql`to_tsquery('russian', ${terms})`;
}

/**
 * The kanban, as one statement: per stage of the pipeline in order, the count and sum of all visible
 * deals and the most recently touched few; as the JSON of a `DealBoard`, or null when the pipeline has
 * no stages here.
 *
 * Counts and sums come from the trigger-kept totals: a few rows per stage, not every deal. Each
 * column's cards are a subquery per stage. As a statement per column (under Promise.all) the board
 * cost the server twelve round trips and twelve pooled connections per request, which under ten
 * clients was a third more than the SQL itself (bench/RESULTS.md).
 */
export async function boardOf(
  db: Kysely<DB>,
  actor: Actor,
  pipelineId: string,
  perStage: number,
): Promise<EncodedJson | null> {
  // A named statement with its limits written in, planned once (see listDeals): 0.8 ms of parse and plan.
  const { rows } = await runNamed(
    db,
    sql<{ stage_id: string; count: string | null; sum: string | null; cards: string }>`
    select s.id as stage_id, totals.count, totals.sum, (${boardColumn(actor, pipelineId, perStage)}) as cards
    from stages s
    left join lateral (
      select sum(t.deals) as count, sum(t.amount) as sum from deal_stage_totals t
      where t.workspace_id = s.workspace_id and t.stage_id = s.id and ${visibleTo(actor, 't.responsible_id')}
    ) as totals on true
    where s.workspace_id = ${actor.workspaceId} and s.pipeline_id = ${pipelineId}
    order by s.position`,
  );
  if (rows.length === 0) return null;
  // Each column's cards stay the string PostgreSQL sent, a part of their own (see `encodedOnce`).
  const parts = [`{"pipelineId":${JSON.stringify(pipelineId)},"columns":[`];
  rows.forEach((stage, i) => {
    parts.push(
      `${i === 0 ? '' : ','}{"stageId":${JSON.stringify(stage.stage_id)},"count":${Number(stage.count ?? 0)},` +
        `"sum":${Number(stage.sum ?? 0)},"deals":`,
      stage.cards,
      '}',
    );
  });
  parts.push(']}');
  return parts;
}

// What a kanban card shows, plus what its names and "no next step" flag are looked up by.
const cardColumns = [
  'id',
  'workspace_id',
  'title',
  'pipeline_id',
  'stage_id',
  'amount',
  'currency',
  'probability',
  'expected_close_date',
  'responsible_id',
  'company_id',
  'contact_id',
  'updated_at',
] as const;
type CardRow = Pick<DealRow, (typeof cardColumns)[number] | 'no_next_step'> & Names;

function toDealCard(row: CardRow): DealCard {
  return {
    id: row.id,
    title: row.title,
    pipelineId: row.pipeline_id,
    stageId: row.stage_id,
    amount: Number(row.amount),
    currency: row.currency,
    probability: row.probability,
    expectedCloseDate: row.expected_close_date ? formatDate(row.expected_close_date) : null,
    responsibleId: row.responsible_id,
    contactName: row.contact_name,
    companyName: row.company_name,
    updatedAt: row.updated_at.toISOString(),
    noNextStep: row.no_next_step,
  };
}

/**
 * The newest deals of the kanban column of stage `s.id` (the board's row), as the JSON array of
 * `toDealCard`s (see `dealJson`). Seeing everything, one walk down the stage's index does it; seeing
 * some people's deals, each person's newest are taken from their own index range and merged, rather
 * than walking the whole stage and skipping other people's deals.
 */
function boardColumn(actor: Actor, pipelineId: string, perStage: number) {
  const newestFirst = sql`chosen.updated_at desc, chosen.id desc`;
  const columns = (alias: string) => sql.join(cardColumns.map((column) => sql.ref(`${alias}.${column}`)));
  const chosen =
    actor.visibility === 'all'
      ? sql<Omit<CardRow, 'no_next_step'>>`
    select ${columns('deals')} from deals
    where deals.workspace_id = ${actor.workspaceId} and deals.deleted_at is null
      and deals.pipeline_id = ${pipelineId} and deals.stage_id = s.id
    order by deals.updated_at desc, deals.id desc
    limit ${sql.lit(perStage)}`
      : sql<Omit<CardRow, 'no_next_step'>>`
    select ${columns('d')}
    from (${visibleResponsibles(actor)}) as people
    cross join lateral (
      select ${columns('deals')} from deals
      where deals.workspace_id = ${actor.workspaceId} and deals.responsible_id = people.id
        and deals.stage_id = s.id and deals.deleted_at is null
      order by deals.updated_at desc, deals.id desc
      limit ${sql.lit(perStage)}
    ) d
    order by d.updated_at desc, d.id desc
    limit ${sql.lit(perStage)}`;
  return sql<string>`
    select coalesce(json_agg(json_build_object(${cardPairs('named')})
      order by named.updated_at desc, named.id desc), '[]')::text
    from (${withNames(actor, chosen, newestFirst)}) as named`;
}
