import type { ReportFilterName, ReportQuery } from '@voronka/domain';
import { reportFilterNames } from '@voronka/domain';
import { type Expression, type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { DB } from '../../db/schema';
import { invalid } from '../../http/errors';
import type { Actor } from '../access/actor';
import { requireRow } from '../access/require-row';
import { visibleTo } from '../access/visibility';

const timezones = new Set([...Intl.supportedValuesOf('timeZone'), 'UTC']);
/** Reports are read over at most this many days, so a daily table stays a table. */
const maxPeriodDays = 3 * 366;

/** Days between two ISO days, both included. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The calendar day it is now in a time zone. */
export function today(timezone: string, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: timezone }).format(now);
}

/** The wall-clock time of an instant in a zone, as a Date whose UTC fields hold it. */
export function wallClock(instant: string, timezone: string): Date {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: timezone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(instant))
      .map((part) => [part.type, part.value]),
  );
  return new Date(
    Date.UTC(
      Number(parts.year),
      Number(parts.month) - 1,
      Number(parts.day),
      Number(parts.hour),
      Number(parts.minute),
      Number(parts.second),
    ),
  );
}

/** How much of the day it is now in a time zone has gone by, 0 to 1 (09:00 is 0.375). */
export function dayShare(timezone: string, now = new Date()): number {
  const clock = wallClock(now.toISOString(), timezone);
  // A day of a clock change is taken as 24 hours: the share is off by an hour's worth at most.
  return (clock.getUTCHours() * 3600 + clock.getUTCMinutes() * 60 + clock.getUTCSeconds()) / 86_400;
}

/** Refuses a period that ends before it starts or is too long, naming the parameter at fault. */
export function requirePeriod(
  from: string,
  to: string,
  where: 'querystring' | 'body',
  names: [string, string] = ['from', 'to'],
): void {
  if (to < from) throw invalid(`${where}.${names[1]}`, `The period ends before it starts (${from} > ${to})`);
  if (daysBetween(from, to) > maxPeriodDays)
    throw invalid(`${where}.${names[1]}`, `A period of at most ${maxPeriodDays} days`);
}

export function requireTimezone(timezone: string, path = 'querystring.timezone'): void {
  if (!timezones.has(timezone)) throw invalid(path, 'Unknown time zone');
}

/** The first moment of a calendar day in the zone, as SQL: a constant, so range scans use indexes. */
export function dayStart(day: string, timezone: string): RawBuilder<Date> {
  return sql<Date>`(${day}::date::timestamp at time zone ${timezone})`;
}

/**
 * What one report request is about, resolved and checked once: the period as instants, the people whose
 * numbers count (the actor's visibility narrowed by the manager and department filters), and the deal
 * filters. Every query of every report is built from it, so none can forget the workspace or visibility.
 */
export interface ReportScope {
  actor: Actor;
  workspaceId: string;
  query: ReportQuery;
  timezone: string;
  from: string;
  to: string;
  start: RawBuilder<Date>;
  end: RawBuilder<Date>;
  /** The condition that a user id in `column` is one of the people the report counts. */
  people(column: string): Expression<SqlBool>;
  /** Sales pipelines in scope: the one chosen, or every sales pipeline. */
  pipelines(column: string): Expression<SqlBool>;
  /** Source, product and region filters on the deals row called `alias`. */
  dealFilters(alias: string): Expression<SqlBool>;
  /** Whether `dealFilters` narrows anything (a report can then skip joining the deals). */
  filtersDeals: boolean;
  /** Won stages of the workspace: a deal in one is won. */
  won(column: string): Expression<SqlBool>;
}

export async function resolveScope(
  db: Kysely<DB>,
  actor: Actor,
  query: ReportQuery,
  allowed: readonly ReportFilterName[],
): Promise<ReportScope> {
  for (const name of reportFilterNames) {
    if (query[name] !== undefined && !allowed.includes(name))
      throw invalid(`querystring.${name}`, 'This filter does not apply to this report');
  }
  requireTimezone(query.timezone);
  requirePeriod(query.from, query.to, 'querystring');
  if ((query.compareFrom === undefined) !== (query.compareTo === undefined))
    throw invalid(
      `querystring.${query.compareFrom === undefined ? 'compareFrom' : 'compareTo'}`,
      'Give both ends of the period to compare with',
    );
  if (query.compareFrom && query.compareTo)
    requirePeriod(query.compareFrom, query.compareTo, 'querystring', ['compareFrom', 'compareTo']);
  const ws = actor.workspaceId;
  if (query.managerId) {
    const manager = await sql<{ id: string }>`
      select id from users where workspace_id = ${ws} and id = ${query.managerId}
        and ${visibleTo(actor, 'users.id')}`.execute(db);
    if (manager.rows.length === 0)
      throw invalid('querystring.managerId', 'No such person among those whose numbers you see');
  }
  await requireRow(db, 'departments', ws, query.departmentId, 'querystring.departmentId', 'department');
  await requireRow(db, 'pipelines', ws, query.pipelineId, 'querystring.pipelineId', 'pipeline');
  await requireRow(db, 'products', ws, query.productId, 'querystring.productId', 'product');

  const inDepartment = (column: RawBuilder<unknown>) => sql`${column} in (
    with recursive tree as (
      select id from departments where workspace_id = ${ws} and id = ${query.departmentId}
      union
      select c.id from departments c join tree on c.parent_id = tree.id where c.workspace_id = ${ws}
    )
    select u.id from users u where u.workspace_id = ${ws} and u.department_id in (select id from tree))`;

  return {
    actor,
    workspaceId: ws,
    query,
    timezone: query.timezone,
    from: query.from,
    to: query.to,
    start: dayStart(query.from, query.timezone),
    end: dayStart(addDays(query.to, 1), query.timezone),
    people(column) {
      const ref = sql.ref(column);
      const conditions: Expression<SqlBool>[] = [visibleTo(actor, column)];
      if (query.managerId) conditions.push(sql<SqlBool>`${ref} = ${query.managerId}`);
      if (query.departmentId) conditions.push(sql<SqlBool>`${inDepartment(ref)}`);
      return sql<SqlBool>`(${sql.join(conditions, sql` and `)})`;
    },
    pipelines(column) {
      const ref = sql.ref(column);
      if (query.pipelineId) return sql<SqlBool>`${ref} = ${query.pipelineId}`;
      return sql<SqlBool>`${ref} in (select id from pipelines where workspace_id = ${ws} and kind = 'sales')`;
    },
    dealFilters(alias) {
      const deal = (column: string) => sql.ref(`${alias}.${column}`);
      const conditions: Expression<SqlBool>[] = [sql<SqlBool>`true`];
      if (query.source) conditions.push(sql<SqlBool>`${deal('source')} = ${query.source}`);
      if (query.productId)
        conditions.push(sql<SqlBool>`exists (select 1 from deal_products p
          where p.workspace_id = ${ws} and p.deal_id = ${deal('id')} and p.product_id = ${query.productId})`);
      // A deal's region is its company's; a deal with only a contact takes the contact's company's.
      if (query.region)
        conditions.push(sql<SqlBool>`${query.region} = (select c.region from companies c
          where c.workspace_id = ${ws} and c.id = coalesce(${deal('company_id')}, (select ct.company_id
            from contacts ct where ct.workspace_id = ${ws} and ct.id = ${deal('contact_id')})))`);
      return sql<SqlBool>`(${sql.join(conditions, sql` and `)})`;
    },
    filtersDeals: Boolean(query.source || query.productId || query.region),
    won(column) {
      return sql<SqlBool>`${sql.ref(column)} in (select id from stages where workspace_id = ${ws} and kind = 'won')`;
    },
  };
}

/** Names of the workspace's people, for the rows of a report. */
export async function peopleNames(db: Kysely<DB>, workspaceId: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('users')
    .select(['id', 'name'])
    .where('workspace_id', '=', workspaceId)
    .execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

/**
 * The people a per-manager report lists even with nothing to show: managers and heads of sales in the
 * scope, active ones only.
 */
export async function listedPeople(db: Kysely<DB>, scope: ReportScope): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    select id from users
    where workspace_id = ${scope.workspaceId} and active and role in ('manager', 'head_of_sales')
      and ${scope.people('users.id')}
    order by name, id`.execute(db);
  return rows.map((row) => row.id);
}
