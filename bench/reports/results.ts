import type { Summary } from '../runner/measure';
import { writeMarkedSection } from '../runner/sections';
import { type CaseRole, type ReportCase, roleNames } from './cases';

/** The issue's targets: the endpoint within 1.5× of the hand-written SQL, and under a second. */
export const targets = { ratio: 1.5, ms: 1000 };

export interface ReportResult {
  item: ReportCase;
  http: Summary;
  sql: Summary;
  /** Differences between the endpoint's numbers and the SQL's; empty when they agree. */
  mismatches: string[];
  /** Report rows compared. */
  rows: number;
}

export interface ReportsRunInfo {
  command: string;
  date: string;
  commit: string;
  machine: string;
  software: string;
  dataset: string;
  budget: string;
  /** What an endpoint costs before its own SQL, measured in the same run. */
  floor?: string;
  loadBefore: string;
  loadAfter: string;
  notMeasured: string[];
}

const ms = (value: number) =>
  Number.isNaN(value)
    ? '—'
    : value >= 100
      ? value.toFixed(0)
      : value >= 10
        ? value.toFixed(1)
        : value.toFixed(2);
const times = (value: number) => (Number.isFinite(value) ? `${value.toFixed(2)}×` : '—');
const mark = (ok: boolean) => (ok ? '✓' : '✗');

export const ratioOf = (result: ReportResult, at: 'p50' | 'p95') => result.http[at] / result.sql[at];
export const meetsTargets = (result: ReportResult) =>
  result.mismatches.length === 0 &&
  ratioOf(result, 'p50') <= targets.ratio &&
  ratioOf(result, 'p95') <= targets.ratio &&
  result.http.p95 < targets.ms;

export function resultsMarkdown(
  deals: number,
  label: string | null,
  info: ReportsRunInfo,
  results: ReportResult[],
) {
  const count = (ok: (result: ReportResult) => boolean) =>
    `${results.filter(ok).length} of ${results.length}`;
  const lines = results.map((result) => {
    const { item, http, sql } = result;
    const r50 = ratioOf(result, 'p50');
    const r95 = ratioOf(result, 'p95');
    const same = result.mismatches.length === 0 ? `✓ ${result.rows}` : `✗ ${result.mismatches.length} differ`;
    return `| ${item.name} | ${item.period.label} | ${roleNames[item.actor.role as CaseRole]} | ${same} | ${http.count} / ${sql.count} | ${ms(http.p50)} | ${ms(http.p95)} | ${ms(sql.p50)} | ${ms(sql.p95)} | ${times(r50)} ${mark(r50 <= targets.ratio)} | ${times(r95)} ${mark(r95 <= targets.ratio)} | ${mark(http.p95 < targets.ms)} |`;
  });
  return [
    `## Reports: ${deals.toLocaleString('en')} deals${label ? ` (${label})` : ''}`,
    '',
    `Command: \`${info.command}\` (see [README.md](README.md#reports))`,
    '',
    `- Date: ${info.date}, commit ${info.commit}`,
    `- Machine: ${info.machine}; load average at start ${info.loadBefore}, at the end ${info.loadAfter}`,
    `- Software: ${info.software}`,
    `- Dataset: ${info.dataset}`,
    `- Budget: ${info.budget}`,
    ...(info.floor ? [`- Floor: ${info.floor}`] : []),
    `- Same numbers as the hand-written SQL in ${count((r) => r.mismatches.length === 0)} cases; ratio ≤ ${targets.ratio}× at p50 and p95 in ${count((r) => ratioOf(r, 'p50') <= targets.ratio && ratioOf(r, 'p95') <= targets.ratio)}; endpoint p95 under 1 s in ${count((r) => r.http.p95 < targets.ms)}; all three in ${count(meetsTargets)}.`,
    ...info.notMeasured.map((line) => `- Not measured: ${line}`),
    '',
    '| report | period | actor | same numbers (rows) | requests HTTP / SQL | HTTP p50 ms | p95 | SQL p50 ms | p95 | ratio p50 | ratio p95 | HTTP p95 < 1 s |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...lines,
    '',
  ].join('\n');
}

/** Replaces this run's own section of RESULTS.md (same size and label), or appends it. */
export function writeReportsResults(
  file: string,
  deals: number,
  label: string | null,
  section: string,
): void {
  writeMarkedSection(file, `bench:reports deals=${deals}${label ? ` ${label}` : ''}`, section);
}
