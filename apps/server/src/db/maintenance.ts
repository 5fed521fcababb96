import { type Kysely, sql } from 'kysely';
import type { Database } from './database';
import type { DB } from './schema';

export interface UpkeepResult {
  analyzed: string[];
  vacuumed: string[];
}

/**
 * Autovacuum's work, for where none runs: PGlite has no autovacuum, and a PostgreSQL may run with it
 * off. Without statistics the planner keeps the plans it made on empty tables: the foreign-key check
 * behind every process step then walked all of a workspace's instances (bench/processes: 250
 * completions/s before the tables were analyzed, 900 after). Without vacuum, dead rows pile up.
 * A table is due by autovacuum's own rules: by default 50 rows plus 10 % changed since the last
 * analyze, 50 plus 20 % dead, or 1,000 plus 20 % added since the last vacuum (which marks pages
 * all-visible for index-only scans); a table's own storage settings replace those numbers. One
 * server at a time does it (an advisory lock); the others skip.
 */
export async function upkeepTables(db: Kysely<DB>): Promise<UpkeepResult> {
  return db.connection().execute(async (connection) => {
    const { rows: locked } = await sql<{ ok: boolean }>`
      select pg_try_advisory_lock(hashtext('voronka.table-upkeep')) as ok`.execute(connection);
    if (!locked[0]?.ok) return { analyzed: [], vacuumed: [] };
    try {
      // This backend's own recent changes are counted only once flushed (PGlite has no other backend).
      await sql`select pg_stat_force_next_flush()`.execute(connection);
      const { rows } = await sql<{ schema: string; name: string; analyze: boolean; vacuum: boolean }>`
        with tables as (
          select s.schemaname, s.relname, s.n_mod_since_analyze, s.n_dead_tup, s.n_ins_since_vacuum,
            greatest(c.reltuples, 0) as tuples,
            (select jsonb_object_agg(o.option_name, o.option_value)
              from pg_options_to_table(c.reloptions) o) as own
          from pg_stat_user_tables s join pg_class c on c.oid = s.relid
        )
        select schemaname as schema, relname as name,
          n_mod_since_analyze > ${setting('analyze_threshold', 50)}
            + ${setting('analyze_scale_factor', 0.1)} * tuples as analyze,
          n_dead_tup > ${setting('vacuum_threshold', 50)} + ${setting('vacuum_scale_factor', 0.2)} * tuples
          or n_ins_since_vacuum > ${setting('vacuum_insert_threshold', 1000)}
            + ${setting('vacuum_insert_scale_factor', 0.2)} * tuples as vacuum
        from tables
        order by schemaname, relname`.execute(connection);
      const result: UpkeepResult = { analyzed: [], vacuumed: [] };
      for (const table of rows) {
        const name = sql.table(`${table.schema}.${table.name}`);
        if (table.vacuum) {
          await sql`vacuum (analyze) ${name}`.execute(connection);
          result.vacuumed.push(table.name);
        } else if (table.analyze) {
          await sql`analyze ${name}`.execute(connection);
          result.analyzed.push(table.name);
        }
      }
      return result;
    } finally {
      await sql`select pg_advisory_unlock(hashtext('voronka.table-upkeep'))`.execute(connection);
    }
  });
}

/**
 * A table's own autovacuum setting (its reloptions, e.g. migration 0036), or autovacuum's default.
 * It reads the upkeep statement's `own` column. `autovacuum_enabled` is not read: where this upkeep
 * runs, it stands in for autovacuum on every table.
 */
function setting(name: string, fallback: number) {
  return sql`coalesce((own->>${sql.lit(`autovacuum_${name}`)})::float8, ${sql.lit(fallback)})`;
}

/** Whether the database keeps its own statistics: PostgreSQL with autovacuum on. */
async function autovacuumRuns(database: Database): Promise<boolean> {
  if (database.engine === 'pglite') return false;
  const { rows } = await sql<{ setting: string }>`
    select current_setting('autovacuum') as setting`.execute(database.db);
  return rows[0]?.setting === 'on';
}

/**
 * Runs the upkeep every `everyMs` where no autovacuum does, starting soon after start-up (a fresh
 * database fills fastest then). Returns a stop function; with autovacuum on it does nothing.
 */
export async function startTableUpkeep(
  database: Database,
  everyMs = 60_000,
  onError: (error: unknown) => void = (error) => console.error('Table upkeep failed:', error),
): Promise<() => Promise<void>> {
  if (await autovacuumRuns(database)) return async () => undefined;
  let running: Promise<unknown> = Promise.resolve();
  const run = () => {
    running = upkeepTables(database.db).catch(onError);
  };
  const first = setTimeout(run, Math.min(everyMs, 10_000));
  const timer = setInterval(run, everyMs);
  first.unref();
  timer.unref();
  return async () => {
    clearTimeout(first);
    clearInterval(timer);
    await running;
  };
}
