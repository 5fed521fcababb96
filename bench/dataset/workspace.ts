import type { Kysely } from 'kysely';
import type pg from 'pg';
import type { DB } from '../../apps/server/src/db/schema';
import { createWorkspace } from '../../apps/server/src/modules/workspaces/workspaces.service';

/** Every generated user signs in with this password (they share the owner's argon2 hash). */
export const benchPassword = 'voronka-bench';
export const benchEmailDomain = 'bench.voronka.dev';
export const departmentCount = 5;
export const managersPerDepartment = 8;

/** The people the benchmark signs in as, one per visibility. */
export const benchLogins = {
  owner: `owner@${benchEmailDomain}`,
  head: `head01@${benchEmailDomain}`,
  manager: `manager01@${benchEmailDomain}`,
} as const;

export interface Stage {
  id: string;
  kind: 'open' | 'won' | 'lost';
  probability: number;
}

export interface Organisation {
  workspaceId: string;
  /** Managers in department order: the first eight are department 1's. */
  managerIds: string[];
  headIds: string[];
  pipelineId: string;
  /** The stages of «Продажи B2B» by position: eight open, then won and lost. */
  stages: Stage[];
}

const departmentCities = ['Москва', 'Санкт-Петербург', 'Казань', 'Новосибирск', 'Екатеринбург'];
const functions = ['hunter', 'closer', 'closer', 'farmer', 'hunter', 'closer', 'farmer', 'key_account'];

/**
 * One workspace as a sales organisation of fifty: the owner, a commercial director heading
 * «Коммерческая дирекция», five city departments under it (a head of sales and eight managers each),
 * an admin, a curator and an accountant. The workspace and its owner come from the product's own
 * `createWorkspace` (so role settings and default pipelines are the real ones); the rest is inserted
 * with the session's generators, so user and department ids follow from the seed.
 */
export async function createOrganisation(db: Kysely<DB>, client: pg.Client): Promise<Organisation> {
  const { workspace, owner } = await createWorkspace(db, 'Бенчмарк: отдел продаж', {
    email: `owner@${benchEmailDomain}`,
    password: benchPassword,
    name: 'Сергей Волков',
    role: 'owner',
  });
  const ws = workspace.id;
  await client.query(
    `insert into departments (id, workspace_id, name, parent_id)
     values (pg_temp.uid('department', 0), $1, 'Коммерческая дирекция', null)`,
    [ws],
  );
  await client.query(
    `insert into departments (id, workspace_id, name, parent_id)
     select pg_temp.uid('department', d), $1, 'Отдел продаж: ' || ($2::text[])[d], pg_temp.uid('department', 0)
     from generate_series(1, $3::int) d`,
    [ws, departmentCities, departmentCount],
  );
  // Users 1..5 head the city departments, 6..45 are managers (eight per department in order),
  // 46 is the commercial director, 47..49 the admin, curator and accountant.
  const managers = departmentCount * managersPerDepartment;
  await client.query(
    `insert into users (id, workspace_id, email, password_hash, name, role, function, department_id)
     select pg_temp.uid('user', n), $1,
       case
         when n <= c.heads then 'head' || lpad(n::text, 2, '0')
         when n <= c.heads + c.managers then 'manager' || lpad((n - c.heads)::text, 2, '0')
         else (array['director', 'admin', 'curator', 'accountant'])[n - c.heads - c.managers]
       end || '@' || $5,
       $2, pg_temp.person(50, n),
       case
         when n <= c.heads then 'head_of_sales'
         when n <= c.heads + c.managers then 'manager'
         else (array['head_of_sales', 'admin', 'curator', 'accountant'])[n - c.heads - c.managers]
       end,
       case when n > c.heads and n <= c.heads + c.managers then ($6::text[])[1 + (n - c.heads - 1) % 8] end,
       case
         when n <= c.heads then pg_temp.uid('department', n)
         when n <= c.heads + c.managers then pg_temp.uid('department', 1 + (n - c.heads - 1) / c.per_department)
         when n = c.heads + c.managers + 1 then pg_temp.uid('department', 0)
       end
     from (select $3::int as heads, $4::int as managers, $7::int as per_department) c
     cross join generate_series(1, c.heads + c.managers + 4) n`,
    [ws, owner.password_hash, departmentCount, managers, benchEmailDomain, functions, managersPerDepartment],
  );
  await client.query(
    `update departments set head_id = case
       when id = pg_temp.uid('department', 0) then pg_temp.uid('user', $2::int + 1)
       else (select u.id from users u where u.department_id = departments.id and u.role = 'head_of_sales')
     end
     where workspace_id = $1`,
    [ws, departmentCount + managers],
  );
  const users = await client.query<{ id: string; role: string }>(
    `select id, role from users where workspace_id = $1 and id = any($2::uuid[]) order by email`,
    [ws, await userIds(client, departmentCount + managers)],
  );
  const pipeline = await client.query<{ id: string }>(
    `select id from pipelines where workspace_id = $1 and name = 'Продажи B2B'`,
    [ws],
  );
  const pipelineId = pipeline.rows[0]?.id;
  if (!pipelineId) throw new Error('createWorkspace made no «Продажи B2B» pipeline');
  const stages = await client.query<Stage>(
    `select id, kind, probability from stages where workspace_id = $1 and pipeline_id = $2 order by position`,
    [ws, pipelineId],
  );
  return {
    workspaceId: ws,
    headIds: users.rows.filter((user) => user.role === 'head_of_sales').map((user) => user.id),
    managerIds: users.rows.filter((user) => user.role === 'manager').map((user) => user.id),
    pipelineId,
    stages: stages.rows,
  };
}

async function userIds(client: pg.Client, count: number): Promise<string[]> {
  const result = await client.query<{ id: string }>(
    `select pg_temp.uid('user', n)::text as id from generate_series(1, $1::int) n order by n`,
    [count],
  );
  return result.rows.map((row) => row.id);
}
