import { type Expression, type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../../db/schema';
import type { Actor } from '../access/actor';
import type { RecordEntity } from '../access/records';
import { visibleTo } from '../access/visibility';

const sources: { entity: RecordEntity; table: string; alias: string; title: string }[] = [
  { entity: 'lead', table: 'leads', alias: 'record_lead', title: 'title' },
  { entity: 'deal', table: 'deals', alias: 'record_deal', title: 'title' },
  { entity: 'contact', table: 'contacts', alias: 'record_contact', title: 'name' },
  { entity: 'company', table: 'companies', alias: 'record_company', title: 'name' },
];

/**
 * Rows already chosen (tasks, meetings: anything with `workspace_id`, `entity` and `record_id`) with the
 * title of the record each is on, as `record_title`. Each record is looked up by primary key after the
 * rows are chosen (a subquery with a limit is not flattened into the joins); one that is deleted or that
 * the actor may not see gives null, so no title leaks.
 *
 * @example await withRecordTitles(actor, visibleTasks(db, actor).selectAll('tasks').limit(50)).execute(db)
 */
export function withRecordTitles<Row>(actor: Actor, chosen: Expression<Row>, order?: RawBuilder<unknown>) {
  const joins = sources.map(
    ({ entity, table, alias }) => sql`
    left join ${sql.table(table)} as ${sql.id(alias)}
      on chosen.entity = ${entity} and ${sql.ref(`${alias}.id`)} = chosen.record_id
      and ${sql.ref(`${alias}.workspace_id`)} = chosen.workspace_id and ${sql.ref(`${alias}.deleted_at`)} is null
      and ${visibleTo(actor, `${alias}.responsible_id`)}`,
  );
  const title = sql.join(
    sources.map(({ alias, title }) => sql.ref(`${alias}.${title}`)),
    sql`, `,
  );
  return sql<Row & { record_title: string | null }>`
    select chosen.*, coalesce(${title}) as record_title
    from (${chosen}) as chosen
    ${sql.join(joins, sql``)}
    ${order ? sql`order by ${order}` : sql``}`;
}

/** The title of one record as the actor sees it: null when there is none, or it is deleted or hidden. */
export async function recordTitleOf(
  db: Kysely<DB>,
  actor: Actor,
  entity: RecordEntity | null,
  recordId: string | null,
): Promise<string | null> {
  if (!entity || !recordId) return null;
  const record = sql<{ workspace_id: string; entity: string; record_id: string }>`
    select ${actor.workspaceId}::uuid as workspace_id, ${entity}::text as entity, ${recordId}::uuid as record_id`;
  const { rows } = await withRecordTitles(actor, record).execute(db);
  return rows[0]?.record_title ?? null;
}
