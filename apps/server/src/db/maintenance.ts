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
 * A table is due by autovacuum's own default thresholds: 50 rows plus 10 % changed since the last
 * analyze, or 50 plus 20 % dead. One server at a time does it (an advisory lock); the others skip.
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
        select s.schemaname as schema, s.relname as name,
          s.n_mod_since_analyze > 50 + 0.1 * greatest(c.reltuples, 0) as analyze,
          s.n_dead_tup > 50 + 0.2 * greatest(c.reltuples, 0) as vacuum
        from pg_stat_user_tables s join pg_class c on c.oid = s.relid
        order by s.schemaname, s.relname`.execute(connection);
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
