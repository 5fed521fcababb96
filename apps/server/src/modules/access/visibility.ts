import { type Expression, type SqlBool, sql } from 'kysely';
import type { Actor } from './actor';

/**
 * The condition that a record whose responsible person is in `responsibleColumn` is visible to the actor:
 * all records, the records of the actor's department and every department below it (and of those it heads),
 * or only the actor's own. Every query over business records adds it; the UI never filters alone.
 *
 * @example db.selectFrom('leads').where(visibleTo(actor, 'leads.responsible_id'))
 */
export function visibleTo(actor: Actor, responsibleColumn: string): Expression<SqlBool> {
  const column = sql.ref(responsibleColumn);
  if (actor.visibility === 'all') return sql<SqlBool>`true`;
  if (actor.visibility === 'own') return sql<SqlBool>`${column} = ${actor.userId}`;
  return sql<SqlBool>`${column} in (${visibleResponsibles(actor)})`;
}

/**
 * The ids of the people whose records the actor sees, as a subquery: the actor, and for department
 * visibility everyone in the actor's department and the departments below it or headed by the actor.
 * Not for "all" visibility, which needs no list.
 */
export function visibleResponsibles(actor: Actor) {
  if (actor.visibility !== 'department') return sql`select ${actor.userId}::uuid as id`;
  return sql`
    with recursive tree as (
      select d.id from departments d
      where d.workspace_id = ${actor.workspaceId} and (d.head_id = ${actor.userId} or d.id = ${actor.departmentId})
      union
      select c.id from departments c join tree on c.parent_id = tree.id
      where c.workspace_id = ${actor.workspaceId}
    )
    select u.id from users u
    where u.workspace_id = ${actor.workspaceId} and (u.department_id in (select id from tree) or u.id = ${actor.userId})`;
}
