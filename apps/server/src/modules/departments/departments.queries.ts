import type { Department } from '@voronka/domain';
import type { Kysely } from 'kysely';
import type { DB, DepartmentRow } from '../../db/schema';
import { invalid } from '../../http/errors';

export function toDepartment(row: DepartmentRow): Department {
  return {
    id: row.id,
    name: row.name,
    parentId: row.parent_id,
    headId: row.head_id,
    createdAt: row.created_at.toISOString(),
  };
}

export function listDepartments(db: Kysely<DB>, workspaceId: string) {
  return db
    .selectFrom('departments')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('name')
    .execute();
}

export function findDepartment(db: Kysely<DB>, workspaceId: string, id: string, lock = false) {
  const query = db
    .selectFrom('departments')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id);
  return (lock ? query.forUpdate() : query).executeTakeFirst();
}

/** A department id from a request must exist in the actor's workspace; otherwise the field is at fault. */
export async function requireDepartment(
  db: Kysely<DB>,
  workspaceId: string,
  id: string,
  path: string,
): Promise<DepartmentRow> {
  const row = await findDepartment(db, workspaceId, id);
  if (!row) throw invalid(path, 'No such department');
  return row;
}

/** Ids of the department and everything below it, for cycle checks. */
export async function subtreeIds(db: Kysely<DB>, workspaceId: string, rootId: string): Promise<string[]> {
  const rows = await db
    .withRecursive('tree(id)', (qb) =>
      qb
        .selectFrom('departments')
        .select('id')
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', rootId)
        .union(
          qb
            .selectFrom('departments as c')
            .innerJoin('tree', 'tree.id', 'c.parent_id')
            .select('c.id')
            .where('c.workspace_id', '=', workspaceId),
        ),
    )
    .selectFrom('tree')
    .select('id')
    .execute();
  return rows.map((row) => row.id);
}
