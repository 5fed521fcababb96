import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { roleLabels } from './actors';
import { caseName, referenceFactor } from './cases';
import type { CaseResult } from './measure-case';

/** The targets of the issue: within 1.5× of the raw SQL, p95 under 50 ms at 1M deals. */
export const targets = { ratio: 1.5, p95Ms: 50 };

export interface RunInfo {
  command: string;
  date: string;
  commit: string;
  machine: string;
  software: string;
  dataset: string;
  budget: string;
  load: string;
}

const ms = (value: number) =>
  value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
const times = (value: number) => `${value.toFixed(2)}×`;
const mark = (ok: boolean) => (ok ? '✓' : '✗');

/** The endpoint's cost relative to the raw SQL at concurrency 10: raw req/s over endpoint req/s. */
export const throughputRatio = (result: CaseResult) => result.sql10.rate / result.http10.rate;

export function printResults(results: CaseResult[]): void {
  const rows = results.map((result) => ({
    case: caseName(result.item),
    'http p50/p95': `${ms(result.http1.p50)} / ${ms(result.http1.p95)}`,
    'sql p50/p95': `${ms(result.sql1.p50)} / ${ms(result.sql1.p95)}`,
    'ratio p50/p95': `${times(result.http1.p50 / result.sql1.p50)} / ${times(result.http1.p95 / result.sql1.p95)}`,
    'req/s http/sql (c10)': `${result.http10.rate.toFixed(0)} / ${result.sql10.rate.toFixed(0)}`,
    'cpu ms/req': result.serverCpuMs.toFixed(2),
  }));
  console.table(rows);
}

export function resultsMarkdown(deals: number, info: RunInfo, results: CaseResult[]): string {
  const latency = results.map((result) => {
    const { http1, sql1 } = result;
    const ratio50 = http1.p50 / sql1.p50;
    const ratio95 = http1.p95 / sql1.p95;
    return `| ${result.item.endpoint} | ${roleLabels[result.item.role]} | ${result.statements.toFixed(0)} / ${result.roundTrips.toFixed(0)} | ${http1.count} / ${sql1.count} | ${ms(http1.p50)} | ${ms(http1.p95)} | ${ms(http1.p99)} | ${ms(sql1.p50)} | ${ms(sql1.p95)} | ${ms(sql1.p99)} | ${times(ratio50)} ${mark(ratio50 <= targets.ratio)} | ${times(ratio95)} ${mark(ratio95 <= targets.ratio)} | ${mark(http1.p95 < targets.p95Ms)} |`;
  });
  const throughput = results.map((result) => {
    const { http10, sql10 } = result;
    const ratio = throughputRatio(result);
    const goal = result.item.reference ? result.item.reference.rate * referenceFactor : null;
    const versus = goal
      ? `${result.item.reference?.rate} → ${goal}: ${(http10.rate / (result.item.reference?.rate ?? 1)).toFixed(1)}× ${mark(http10.rate >= goal)}`
      : '';
    return `| ${result.item.endpoint} | ${roleLabels[result.item.role]} | ${http10.rate.toFixed(0)} | ${sql10.rate.toFixed(0)} | ${times(ratio)} ${mark(ratio <= targets.ratio)} | ${ms(http10.p50)} | ${ms(http10.p95)} | ${result.serverCpuMs.toFixed(2)} | ${versus} |`;
  });
  const targeted = results.filter((result) => result.item.targeted !== false);
  const count = (ok: (result: CaseResult) => boolean, among = results) =>
    `${among.filter(ok).length} of ${among.length}`;
  const metRatio = (r: CaseResult) =>
    r.http1.p50 / r.sql1.p50 <= targets.ratio && r.http1.p95 / r.sql1.p95 <= targets.ratio;
  const met = (among: CaseResult[]) =>
    `ratio ≤ ${targets.ratio}× at p50 and p95 in ${count(metRatio, among)}; p95 < ${targets.p95Ms} ms in ${count((r) => r.http1.p95 < targets.p95Ms, among)}; throughput ratio ≤ ${targets.ratio}× in ${count((r) => throughputRatio(r) <= targets.ratio, among)}`;
  return [
    `## ${deals.toLocaleString('en')} deals`,
    '',
    `Command: \`${info.command}\``,
    '',
    `- Date: ${info.date}, commit ${info.commit}`,
    `- Machine: ${info.machine}; load average at start ${info.load}`,
    `- Software: ${info.software}`,
    `- Dataset: ${info.dataset}`,
    `- Budget: ${info.budget}`,
    `- Targets met by the kanban, list and search cases (the endpoints the targets are set for): ${met(targeted)}.`,
    `- All cases, with a deal by id, create and the companies, contacts and leads lists: ${met(results)}.`,
    '',
    '### One client: latency in ms, endpoint over HTTP vs the raw SQL it runs',
    '',
    '| endpoint | actor | SQL statements / round trips | requests HTTP / SQL | HTTP p50 | p95 | p99 | raw SQL p50 | p95 | p99 | ratio p50 | ratio p95 | p95 < 50 ms |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...latency,
    '',
    '### Ten clients: throughput',
    '',
    `Ratio = raw SQL req/s ÷ endpoint req/s (the endpoint's cost per request relative to its SQL). Server CPU is the server process's user + system time per request. The last column compares with the reference platform on this machine at 100,000 deals and 10 clients (list page 60 req/s at p50 160 ms and ~15 ms of server CPU per request, record by id ~145 req/s, create ~110 req/s) and the ×${referenceFactor} aim.`,
    '',
    '| endpoint | actor | HTTP req/s | raw SQL req/s | ratio | HTTP p50 ms | p95 ms | server CPU ms/req | reference req/s → aim: ours vs reference |',
    '|---|---|---|---|---|---|---|---|---|',
    ...throughput,
    '',
  ].join('\n');
}

/**
 * Puts the section for this dataset size into RESULTS.md, replacing the previous run of the same
 * size and keeping everything else (other sizes, the written findings) as it is.
 */
export function writeResults(file: string, deals: number, section: string): void {
  const open = (n: number) => `<!-- bench:deals=${n} -->`;
  const close = (n: number) => `<!-- /bench:deals=${n} -->`;
  const block = `${open(deals)}\n${section}\n${close(deals)}`;
  let text = existsSync(file)
    ? readFileSync(file, 'utf8')
    : '# Benchmark results\n\nWritten by `npm run bench` (see [README.md](README.md) for what is measured and how).\n';
  const start = text.indexOf(open(deals));
  const end = text.indexOf(close(deals));
  if (start >= 0 && end > start) {
    text = text.slice(0, start) + block + text.slice(end + close(deals).length);
  } else {
    const sizes = [...text.matchAll(/<!-- \/bench:deals=(\d+) -->/g)].map((match) => Number(match[1]));
    const larger = sizes.filter((n) => n > deals).sort((a, b) => a - b)[0];
    const smaller = sizes.filter((n) => n < deals).sort((a, b) => b - a)[0];
    if (larger !== undefined) {
      const at = text.indexOf(open(larger));
      text = `${text.slice(0, at)}${block}\n\n${text.slice(at)}`;
    } else if (smaller !== undefined) {
      const at = text.indexOf(close(smaller)) + close(smaller).length;
      text = `${text.slice(0, at)}\n\n${block}${text.slice(at)}`;
    } else {
      text = `${text.trimEnd()}\n\n${block}\n`;
    }
  }
  writeFileSync(file, text);
}
