import type { ManagerFunction, Role } from '@voronka/domain';
import { defaultVisibility, roles } from '@voronka/domain';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { hashPassword } from '../auth/secrets';
import { createdFields, writeHistory } from '../history/record-history';
import { createDefaultPipelines } from '../pipelines/pipelines.service';
import { insertUser, toUser } from '../users/users.queries';

/** Everyone may refuse for the usual reasons; only those who police data quality may mark duplicates and spam. */
const defaultRefusalReasons: { name: string; roles: Role[] }[] = [
  { name: 'Дорого', roles: [] },
  { name: 'Выбрали конкурента', roles: [] },
  { name: 'Нет потребности', roles: [] },
  { name: 'Не выходит на связь', roles: [] },
  { name: 'Дубль', roles: ['owner', 'admin', 'head_of_sales', 'curator'] },
  { name: 'Спам', roles: ['owner', 'admin', 'head_of_sales', 'curator'] },
];

export interface NewMember {
  email: string;
  password: string;
  name: string;
  role: Role;
  function?: ManagerFunction | null;
  departmentId?: string | null;
  locale?: 'ru' | 'en';
}

/** A workspace with its role settings, its first owner and the default pipelines, in one transaction. */
export async function createWorkspace(db: Kysely<DB>, name: string, owner: NewMember) {
  const passwordHash = await hashPassword(owner.password);
  return db.transaction().execute(async (trx) => {
    const workspace = await trx
      .insertInto('workspaces')
      .values({ name })
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('role_settings')
      .values(
        roles.map((role) => ({ workspace_id: workspace.id, role, visibility: defaultVisibility[role] })),
      )
      .execute();
    const user = await insertUser(trx, {
      workspace_id: workspace.id,
      email: owner.email,
      password_hash: passwordHash,
      name: owner.name,
      role: owner.role,
      function: owner.function ?? null,
      department_id: null,
      locale: owner.locale ?? 'ru',
    });
    await writeHistory(trx, {
      workspaceId: workspace.id,
      entity: 'user',
      recordId: user.id,
      actorId: null,
      action: 'create',
      changes: createdFields(toUser(user)),
    });
    await createDefaultPipelines(trx, workspace.id);
    await trx
      .insertInto('refusal_reasons')
      .values(
        defaultRefusalReasons.map((reason, position) => ({
          workspace_id: workspace.id,
          name: reason.name,
          roles: reason.roles,
          position,
        })),
      )
      .execute();
    return { workspace, owner: user };
  });
}

/** Adds a member directly (seeds, tests, admin tooling); people normally join by invitation. */
export async function addMember(db: Kysely<DB>, workspaceId: string, member: NewMember) {
  const passwordHash = await hashPassword(member.password);
  return db.transaction().execute(async (trx) => {
    const user = await insertUser(trx, {
      workspace_id: workspaceId,
      email: member.email,
      password_hash: passwordHash,
      name: member.name,
      role: member.role,
      function: member.function ?? null,
      department_id: member.departmentId ?? null,
      locale: member.locale ?? 'ru',
    });
    await writeHistory(trx, {
      workspaceId,
      entity: 'user',
      recordId: user.id,
      actorId: null,
      action: 'create',
      changes: createdFields(toUser(user)),
    });
    return user;
  });
}
