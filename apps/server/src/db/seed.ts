import type { Kysely } from 'kysely';
import { addMember, createWorkspace } from '../modules/workspaces/workspaces.service';
import { seedCrmHistory } from './demo/crm-history';
import { seedPlanning } from './demo/planning';
import { seedProcesses } from './demo/processes';
import type { DB } from './schema';

export const demoPassword = 'voronka-demo';

/** The department of seed 004: a head of sales and four managers (hunter, two closers, farmer). */
export const demoPeople = [
  { email: 'owner@demo.voronka.dev', name: 'Сергей Волков', role: 'owner', function: null },
  { email: 'head@demo.voronka.dev', name: 'Ирина Соколова', role: 'head_of_sales', function: null },
  { email: 'hunter@demo.voronka.dev', name: 'Алексей Петров', role: 'manager', function: 'hunter' },
  { email: 'closer1@demo.voronka.dev', name: 'Мария Иванова', role: 'manager', function: 'closer' },
  { email: 'closer2@demo.voronka.dev', name: 'Дмитрий Смирнов', role: 'manager', function: 'closer' },
  { email: 'farmer@demo.voronka.dev', name: 'Ольга Кузнецова', role: 'manager', function: 'farmer' },
] as const;

/** Creates the demo workspace once; a database that has any workspace is left alone. */
export async function seedDemo(db: Kysely<DB>): Promise<boolean> {
  const existing = await db.selectFrom('workspaces').select('id').limit(1).executeTakeFirst();
  if (existing) return false;
  const [ownerPerson, ...others] = demoPeople;
  const { workspace, owner } = await createWorkspace(db, 'Демо: отдел продаж', {
    ...ownerPerson,
    password: demoPassword,
  });
  const department = await db
    .insertInto('departments')
    .values({ workspace_id: workspace.id, name: 'Отдел продаж' })
    .returningAll()
    .executeTakeFirstOrThrow();
  const ids = [owner.id];
  for (const person of others) {
    const user = await addMember(db, workspace.id, {
      ...person,
      password: demoPassword,
      departmentId: department.id,
    });
    ids.push(user.id);
  }
  await db.updateTable('departments').set({ head_id: ids[1] }).where('id', '=', department.id).execute();
  const [, head, hunter, closer1, closer2, farmer] = ids as [string, string, string, string, string, string];
  const people = { owner: owner.id, head, hunter, closers: [closer1, closer2] as [string, string], farmer };
  await seedCrmHistory(db, workspace.id, people);
  await seedPlanning(db, workspace.id, people);
  await seedProcesses(db, workspace.id, people);
  return true;
}
