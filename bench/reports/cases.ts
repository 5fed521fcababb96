import type { ReportTable } from '@voronka/domain';
import type pg from 'pg';
import type { BenchActor } from '../runner/actors';
import type { RequestSpec } from '../runner/http';
import { differences, endpointNumbers, sqlRows } from './compare';
import { expectedReports, type Span, type Viewer } from './expected';
import { type Statement, statement } from './statement';

export interface Period {
  label: string;
  from: string;
  to: string;
}

export interface ReportCase {
  /** The report (or endpoint) measured, e.g. "clients". */
  name: string;
  period: Period;
  actor: BenchActor;
  request: RequestSpec;
  sql: Statement;
  /** Differences between the endpoint's answer and the hand-written SQL's rows; none when they agree. */
  compare(body: Buffer, result: pg.QueryResult): string[];
}

export const roleNames = { owner: 'owner (all)', head: 'head of sales (department)' } as const;
export type CaseRole = keyof typeof roleNames;

export function caseName(item: ReportCase): string {
  return `${item.name} · ${item.period.label} · ${roleNames[item.actor.role as CaseRole]}`;
}

const day = (at: Date) => at.toISOString().slice(0, 10);

/**
 * The periods measured, at the end of the dataset's history (the day before the anchor, in UTC):
 * the last calendar month and the last three calendar months.
 */
export function periodsOf(anchor: string): Period[] {
  const last = new Date(Date.parse(anchor) - 1);
  const monthStart = (back: number) =>
    day(new Date(Date.UTC(last.getUTCFullYear(), last.getUTCMonth() - back, 1)));
  return [
    { label: `month ${monthStart(0)}…${day(last)}`, from: monthStart(0), to: day(last) },
    { label: `quarter ${monthStart(2)}…${day(last)}`, from: monthStart(2), to: day(last) },
  ];
}

export const timezone = 'Europe/Moscow';

/** Every report, over every period, as the owner and as a head of sales. */
export function reportCases(actors: BenchActor[], periods: Period[]): ReportCase[] {
  const cases: ReportCase[] = [];
  for (const [name, expected] of Object.entries(expectedReports)) {
    for (const period of periods) {
      for (const actor of actors) {
        const viewer: Viewer = {
          role: actor.role as CaseRole,
          workspaceId: actor.workspaceId,
          userId: actor.userId,
          departmentId: actor.departmentId,
        };
        const span: Span = { from: period.from, to: period.to, timezone };
        const hand = expected(viewer, span);
        cases.push({
          name,
          period,
          actor,
          request: { method: 'GET', path: `/api/reports/${name}?from=${period.from}&to=${period.to}` },
          sql: statement(hand.statement),
          compare(body, result) {
            const { table, types } = endpointNumbers(JSON.parse(body.toString()) as ReportTable);
            const rows = sqlRows(result.rows);
            return differences(table, { rows, totals: hand.totals(rows) }, types);
          },
        });
      }
    }
  }
  return cases;
}
