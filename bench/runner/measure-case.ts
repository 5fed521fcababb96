import type pg from 'pg';
import type { Case } from './cases';
import type { HttpClient } from './http';
import { type Budget, drive, type Sample, type Summary, summarize } from './measure';
import type { RunningServer } from './server';
import { type Replay, replay } from './sql-replay';

export interface CaseResult {
  item: Case;
  /** SQL statements per request and how many of them had to wait for an earlier one (round trips). */
  statements: number;
  roundTrips: number;
  http1: Summary;
  sql1: Summary;
  http10: Summary;
  sql10: Summary;
  /** Server process CPU per request at concurrency 10, in milliseconds. */
  serverCpuMs: number;
}

export interface CaseDeps {
  http: HttpClient;
  pool: pg.Pool;
  server: RunningServer;
}

/**
 * Measures one case: the endpoint over HTTP and the raw SQL it runs, sent from this same process at
 * the same concurrency, first one at a time (latency) and then ten at a time (throughput). The two
 * sides alternate in two rounds each, so a change of background load touches both alike.
 */
export async function measureCase(
  item: Case,
  plans: Replay[],
  { http, pool, server }: CaseDeps,
  limits: { seconds: number; requests: number; warmup: number },
): Promise<CaseResult> {
  const endpoint = async (i: number) => {
    const spec = item.variants[i % item.variants.length];
    if (!spec) return;
    const response = await http.request(spec, item.actor.headers);
    if (response.status !== 200)
      throw new Error(`${spec.method} ${spec.path} answered ${response.status}: ${response.body.toString()}`);
  };
  const sql = async (i: number) => {
    const plan = plans[i % plans.length];
    if (plan) await replay(pool, plan);
  };
  const half = (concurrency: number): Budget => ({
    concurrency,
    maxRequests: Math.ceil((limits.requests * concurrency) / 2),
    maxSeconds: limits.seconds / 2,
  });

  // V8 optimises a route's code over its first few thousand requests (a deal by id's server CPU fell
  // from 0.75 to 0.34 ms a request over rounds of 2,000), so each side runs unmeasured first.
  const warmUp: Budget = { concurrency: 10, maxRequests: limits.warmup, maxSeconds: 2 };
  if (limits.warmup > 0) {
    await drive(endpoint, warmUp);
    await drive(sql, warmUp);
  }

  const http1: Sample[] = [];
  const sql1: Sample[] = [];
  const http10: Sample[] = [];
  const sql10: Sample[] = [];
  let cpuMs = 0;
  for (let round = 0; round < 2; round++) {
    http1.push(await drive(endpoint, half(1)));
    sql1.push(await drive(sql, half(1)));
  }
  for (let round = 0; round < 2; round++) {
    const before = server.cpuMs();
    http10.push(await drive(endpoint, half(10)));
    cpuMs += server.cpuMs() - before;
    sql10.push(await drive(sql, half(10)));
  }
  const http10Summary = summarize(http10);
  return {
    item,
    statements: average(plans.map((plan) => plan.statementCount)),
    roundTrips: average(plans.map(roundTrips)),
    http1: summarize(http1),
    sql1: summarize(sql1),
    http10: http10Summary,
    sql10: summarize(sql10),
    serverCpuMs: http10Summary.count > 0 ? cpuMs / http10Summary.count : Number.NaN,
  };
}

/** The longest chain of statements that each waited for the one before: sequential round trips. */
function roundTrips(plan: Replay): number {
  const depth: number[] = [];
  plan.units.forEach((unit, i) => {
    const waited = Math.max(0, ...unit.after.map((j) => depth[j] ?? 0));
    depth[i] = waited + unit.statements.length;
  });
  return Math.max(0, ...depth);
}

function average(values: number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}
