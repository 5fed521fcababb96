import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeTestApps, startTestApp, type TestApp } from '../../test/test-app';
import { upkeepTables } from './maintenance';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(closeTestApps);

const workspace = '00000000-0000-4000-8000-000000000001';

describe('table upkeep where no autovacuum runs', () => {
  it('analyzes a table that filled up and vacuums one full of dead rows, then leaves both alone', async () => {
    await t.database.db.connection().execute(async (db) => {
      // Shaped like process_instances: looked up by (workspace, id), also indexed by workspace and time.
      await sql`create table upkeep_probe (
        id uuid primary key, workspace_id uuid not null, created_at timestamptz not null default now(),
        n int not null default 0, unique (workspace_id, id))`.execute(db);
      await sql`create index upkeep_probe_time on upkeep_probe (workspace_id, created_at)`.execute(db);
      await sql`insert into upkeep_probe (id, workspace_id)
        select gen_random_uuid(), ${workspace} from generate_series(1, 2000)`.execute(db);

      // 2,000 rows added to an empty table: due for an analyze and, as autovacuum counts (1,000
      // added plus a fifth of its rows), for a vacuum too, which analyzes it as well.
      const filled = await upkeepTables(db);
      expect(filled.vacuumed).toContain('upkeep_probe');
      const stats = await sql<{ reltuples: number }>`
        select reltuples from pg_class where relname = 'upkeep_probe'`.execute(db);
      expect(stats.rows[0]?.reltuples).toBe(2000);
      await sql`update upkeep_probe set n = n + 1 where n = 0 and random() < 0.6`.execute(db);
      const churned = await upkeepTables(db);
      expect(churned.vacuumed).toContain('upkeep_probe');
      const again = await upkeepTables(db);
      expect([...again.analyzed, ...again.vacuumed]).not.toContain('upkeep_probe');
      await sql`drop table upkeep_probe`.execute(db);
    });
  });

  it("follows a table's own thresholds: the stage visits are vacuumed after two added per thousand", async () => {
    await t.database.db.connection().execute(async (db) => {
      const options = await sql<{ reloptions: string[] | null }>`
        select reloptions from pg_class where relname = 'deal_stage_history'`.execute(db);
      expect(options.rows[0]?.reloptions).toEqual(
        expect.arrayContaining([
          'autovacuum_vacuum_scale_factor=0.002',
          'autovacuum_vacuum_insert_scale_factor=0.002',
        ]),
      );
      // Autovacuum off for this table alone, so that where one runs it cannot do the work first
      // (the upkeep does not read that setting).
      await sql`create table upkeep_visits (id int primary key, n int not null default 0)
        with (autovacuum_enabled = false)`.execute(db);
      await sql`insert into upkeep_visits (id) select generate_series(1, 20000)`.execute(db);
      expect((await upkeepTables(db)).vacuumed).toContain('upkeep_visits');
      // 1,100 more rows: over 1,000 plus 0.2 % of 20,000 (1,040), far under the default 5,000.
      await sql`insert into upkeep_visits (id) select generate_series(20001, 21100)`.execute(db);
      expect((await upkeepTables(db)).vacuumed).not.toContain('upkeep_visits');
      await sql`alter table upkeep_visits set (autovacuum_vacuum_insert_scale_factor = 0.002)`.execute(db);
      expect((await upkeepTables(db)).vacuumed).toContain('upkeep_visits');
      // And 100 dead rows: over 50 plus 0.2 % of 21,100 (92) with the table's own dead-row factor.
      await sql`update upkeep_visits set n = 1 where id <= 100`.execute(db);
      expect((await upkeepTables(db)).vacuumed).not.toContain('upkeep_visits');
      await sql`alter table upkeep_visits set (autovacuum_vacuum_scale_factor = 0.002)`.execute(db);
      expect((await upkeepTables(db)).vacuumed).toContain('upkeep_visits');
      await sql`drop table upkeep_visits`.execute(db);
    });
  });

  it('gives the foreign-key check behind every process step an index on the instance id', async () => {
    // The check PostgreSQL runs for each token, task and step row, with the plan it keeps per connection.
    const check = async (db: Parameters<typeof upkeepTables>[0]) => {
      await sql`set plan_cache_mode = force_generic_plan`.execute(db);
      await sql`prepare instance_check(uuid, uuid) as select 1 from only process_instances x
        where workspace_id = $1 and id = $2 for key share of x`.execute(db);
      const plan = await sql<{ 'QUERY PLAN': string }>`
        explain execute instance_check(${sql.lit(workspace)}, ${sql.lit(workspace)})`.execute(db);
      await sql`deallocate instance_check`.execute(db);
      await sql`reset plan_cache_mode`.execute(db);
      return plan.rows.map((row) => row['QUERY PLAN']).join('\n');
    };
    await t.database.db.connection().execute(async (db) => {
      const before = await check(db);
      // Seen on PostgreSQL 15: planned on the empty, never analyzed table, the check walks the
      // workspace's instances through another index and filters on the id.
      if (t.database.engine === 'postgres') expect(before).toMatch(/Filter: \(id = \$2\)/);
      // 2,000 instances of one workspace (references unchecked: only the table's shape matters here).
      await sql`set session_replication_role = replica`.execute(db);
      await sql`insert into process_instances (id, workspace_id, definition_id, version_id, status, variables)
        select gen_random_uuid(), ${workspace}, gen_random_uuid(), gen_random_uuid(), 'running', '{}'
        from generate_series(1, 2000)`.execute(db);
      await sql`set session_replication_role = origin`.execute(db);
      const done = await upkeepTables(db);
      expect([...done.analyzed, ...done.vacuumed]).toContain('process_instances');
      expect(await check(db)).toMatch(/Index Cond: .*id = \$2/);
      await sql`delete from process_instances where workspace_id = ${workspace}`.execute(db);
    });
  });
});
