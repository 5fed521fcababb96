import { readFileSync } from 'node:fs';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../apps/server/src/db/schema';

const ticksPerSecond = 100;

/** The server processes serving this database's connections (the pool's backends). */
export async function backendPids(db: Kysely<DB>): Promise<number[]> {
  const { rows } = await sql<{ pid: number }>`
    select pid from pg_stat_activity where datname = current_database() and backend_type = 'client backend'
  `.execute(db);
  return rows.map((row) => row.pid);
}

/** CPU time (user + system, ms) each given PostgreSQL backend has used so far, from /proc. */
export function backendCpu(pids: readonly number[]): Map<number, number> {
  const used = new Map<number, number>();
  for (const pid of pids) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue; // closed meanwhile, or PostgreSQL runs elsewhere
    }
    // After "pid (command) ": state is field 3 of the line, utime and stime fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    used.set(pid, ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond);
  }
  return used;
}

/**
 * CPU the backends used between two readings; null when /proc showed none of them (PostgreSQL on
 * another machine). A backend that closed in between is not counted; one that opened counts whole.
 */
export function cpuBetween(before: Map<number, number>, after: Map<number, number>): number | null {
  if (after.size === 0) return null;
  let total = 0;
  for (const [pid, used] of after) total += used - (before.get(pid) ?? 0);
  return total;
}
