import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { NamingClient } from './named-statements';
import type { DB } from './schema';

export type Listener = (payload: string) => void;
/** Told false when the listening connection drops (notices may be missed) and true once it listens again. */
export type Hearing = (hearing: boolean) => void;

/** One Kysely over either engine, plus the engine-specific LISTEN that Kysely does not cover. */
export interface Database {
  db: Kysely<DB>;
  engine: 'pglite' | 'postgres';
  listen(channel: string, listener: Listener, hearing?: Hearing): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl: string | null;
  dataDir: string;
  poolSize?: number;
  /** PostgreSQL's `max_parallel_workers_per_gather` for the server's connections; 0 unless given. */
  parallelWorkers?: number;
}

// timestamptz and timestamp come back as Date by default; bigint ids as strings stay strings.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => value);

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.databaseUrl
    ? openPostgres(options.databaseUrl, options.poolSize ?? 10, options.parallelWorkers ?? 0)
    : openPglite(options.dataDir);
}

async function openPglite(dataDir: string): Promise<Database> {
  const lite = await PGlite.create(dataDir);
  // PGlite has a single connection: a pool of one makes Kysely queue transactions instead of interleaving them.
  const pool = new pg.Pool({ ...createPgConfig(lite), max: 1, Client: NamingClient } as pg.PoolConfig);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    engine: 'pglite',
    // PGlite runs inside this process: its notices cannot be missed, so `hearing` is told true once.
    async listen(channel, listener, hearing) {
      const unsubscribe = await lite.listen(channel, listener);
      hearing?.(true);
      return async () => {
        hearing?.(false);
        await unsubscribe();
      };
    },
    async close() {
      await db.destroy();
      await lite.close();
    },
  };
}

export function connectionOptions(parallelWorkers: number): string {
  if (!Number.isInteger(parallelWorkers) || parallelWorkers < 0)
    throw new Error(`DATABASE_PARALLEL_WORKERS: expected a whole number ≥ 0, got ${parallelWorkers}`);
  return `-c jit=off -c max_parallel_workers_per_gather=${parallelWorkers}`;
}

async function openPostgres(
  connectionString: string,
  max: number,
  parallelWorkers: number,
): Promise<Database> {
  // JIT off for every connection: the server's statements are short or grouped reports, and PostgreSQL's
  // cost estimate sends quarter-long reports into 0.3–1.8 s of compilation to save milliseconds
  // (bench/reports at 1,000,000 deals).
  // No parallel workers unless DATABASE_PARALLEL_WORKERS says so: the server runs many statements at
  // once (a report runs its parts side by side, ten connections serve ten people), so the cores are
  // busy already, and each worker is a process to start and to share them with. On the 2-core bench
  // machine the funnel's three quarter-long statements took 0.45 s, 0.16 s and 0.05 s serially and
  // 0.75–0.93 s, 0.56–0.58 s and 0.23 s with PostgreSQL's default two workers (1,000,000 deals).
  const options = connectionOptions(parallelWorkers);
  const pool = new pg.Pool({ connectionString, max, options, Client: NamingClient });
  // An idle connection the server closed (restart, failover) is dropped by the pool and replaced on the
  // next query; without a listener its error would crash the process.
  pool.on('error', (error) => console.error('PostgreSQL connection lost:', error.message));
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  const listeners = new Map<string, Set<Listener>>();
  const hearings = new Set<Hearing>();
  let client: pg.Client | null = null;
  let closed = false;

  // One dedicated connection holds every LISTEN; it reconnects and re-subscribes if it drops.
  async function connectListener(): Promise<pg.Client> {
    const next = new pg.Client({ connectionString });
    next.on('notification', (message) => {
      for (const listener of listeners.get(message.channel) ?? []) listener(message.payload ?? '');
    });
    const lost = () => {
      if (client !== next) return;
      client = null;
      for (const hearing of hearings) hearing(false);
      if (!closed) setTimeout(retry, 1000);
    };
    next.on('error', lost);
    next.on('end', lost);
    await next.connect();
    for (const channel of listeners.keys()) await next.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    client = next;
    for (const hearing of hearings) hearing(true);
    return next;
  }
  function retry() {
    // A `listen` call may have connected in the meantime; a second connection would double every notice.
    if (closed || client) return;
    connectListener().catch(() => {
      if (!closed) setTimeout(retry, 1000);
    });
  }

  return {
    db,
    engine: 'postgres',
    async listen(channel, listener, hearing) {
      const set = listeners.get(channel) ?? new Set();
      const first = set.size === 0;
      set.add(listener);
      listeners.set(channel, set);
      const active = client ?? (await connectListener());
      if (first) await active.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      if (hearing) {
        hearings.add(hearing);
        hearing(true);
      }
      return async () => {
        set.delete(listener);
        if (hearing) {
          hearings.delete(hearing);
          hearing(false);
        }
      };
    },
    async close() {
      closed = true;
      await client?.end().catch(() => undefined);
      await db.destroy();
    },
  };
}
