import type { User } from '@voronka/domain';
import type { Kysely } from 'kysely';
import type { DB, NewUser, UserRow, UserUpdate } from '../../db/schema';
import { announceActorChange } from '../../http/actor-cache';

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    function: row.function,
    departmentId: row.department_id,
    locale: row.locale,
    active: row.active,
    createdAt: row.created_at.toISOString(),
  };
}

export function findUserByEmail(db: Kysely<DB>, email: string) {
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

export function findUser(db: Kysely<DB>, workspaceId: string, id: string) {
  return db
    .selectFrom('users')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Locks the row so two concurrent edits of one user are applied one after the other. */
export function findUserForUpdate(db: Kysely<DB>, workspaceId: string, id: string) {
  return db
    .selectFrom('users')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export function listUsers(db: Kysely<DB>, workspaceId: string) {
  return db.selectFrom('users').selectAll().where('workspace_id', '=', workspaceId).orderBy('name').execute();
}

/** Emails are stored trimmed and lower-case, the form login compares against. */
export function insertUser(db: Kysely<DB>, user: NewUser) {
  return db
    .insertInto('users')
    .values({ ...user, email: user.email.trim().toLowerCase() })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateUser(db: Kysely<DB>, workspaceId: string, id: string, changes: UserUpdate) {
  const user = await db
    .updateTable('users')
    .set({ ...changes, updated_at: new Date() })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  // Name, role, department or being active are part of who the user is on every request.
  await announceActorChange(db, workspaceId);
  return user;
}

export async function countActiveOwners(db: Kysely<DB>, workspaceId: string): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('workspace_id', '=', workspaceId)
    .where('role', '=', 'owner')
    .where('active', '=', true)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
