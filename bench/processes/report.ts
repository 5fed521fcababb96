import { writeMarkedSection } from '../runner/sections';
import type { ProcessCase } from './cases';
import type { InMemoryResult } from './in-memory';
import type { PersistedResult, Phase } from './persisted';

export const targets = { inMemoryRatio: 100, persistedPerSecond: 1000 } as const;

export interface CaseResult {
  process: ProcessCase;
  inMemory: InMemoryResult;
  postgres: PersistedResult;
  pglite: PersistedResult | null;
}

export interface RunResult {
  loadBefore: string;
  loadAfter: string;
  seconds: number;
  cases: CaseResult[];
}

const number = (value: number) =>
  value.toLocaleString('en-US', { maximumFractionDigits: value >= 100 ? 0 : value >= 10 ? 1 : 2 });

function bytes(value: number): string {
  if (value < 10_000) return `${number(value)} B`;
  if (value < 10_000_000) return `${number(value / 1024)} KiB`;
  return `${number(value / 1024 / 1024)} MiB`;
}

const mark = (ok: boolean) => (ok ? '✓' : '✗');
const times = (value: number) => `${number(value)}×`;
const faster = (ratio: number) => (ratio >= 1 ? `${times(ratio)} faster` : `${times(1 / ratio)} slower`);

function persistedRows(kind: string, result: PersistedResult, theirs: number, target: boolean): string[][] {
  const check = (perSecond: number) =>
    target
      ? `≥ ${number(targets.persistedPerSecond)}/s ${mark(perSecond >= targets.persistedPerSecond)}`
      : '';
  const { started, completed } = result;
  return [
    [
      `${kind}: started to the first wait, instances/s`,
      number(started.perSecond),
      `${number(theirs)} (in memory)`,
      faster(started.perSecond / theirs),
      check(started.perSecond),
    ],
    [
      `${kind}: completed via the inbox, instances/s`,
      number(completed.perSecond),
      `${number(theirs)} (in memory)`,
      faster(completed.perSecond / theirs),
      check(completed.perSecond),
    ],
  ];
}

/** One table per run: every figure beside bpmn-engine's from the same run. */
export function runTable(run: RunResult): string[] {
  const lines = [
    '| process | figure | Voronka | bpmn-engine | ratio | target |',
    '|---|---|---|---|---|---|',
  ];
  for (const { process, inMemory, postgres, pglite } of run.cases) {
    const ours = inMemory.ours;
    const theirs = inMemory.bpmnEngine;
    const ratio = ours.throughput.perSecond / theirs.throughput.perSecond;
    const stored = postgres.bytes.instanceRow + postgres.bytes.tokenRows;
    const theirState = theirs.state.withoutSource ?? theirs.state.bytes;
    const rows: string[][] = [
      [
        'in memory: instances/s to completion',
        number(ours.throughput.perSecond),
        number(theirs.throughput.perSecond),
        `${times(ratio)} faster`,
        `≥ ${targets.inMemoryRatio}× ${mark(ratio >= targets.inMemoryRatio)}`,
      ],
      [
        `in memory: steps/s (${process.steps} per instance: start + ${process.userTasks} task${process.userTasks > 1 ? 's' : ''})`,
        number(ours.throughput.perSecond * process.steps),
        number(theirs.throughput.perSecond * process.steps),
        `${times(ratio)} faster`,
        '',
      ],
      [
        'heap per waiting instance',
        bytes(ours.heapPerWaiting),
        bytes(theirs.heapPerWaiting),
        `${times(theirs.heapPerWaiting / ours.heapPerWaiting)} smaller`,
        '',
      ],
      [
        'serialised state per waiting instance',
        bytes(ours.state.bytes),
        `${bytes(theirs.state.bytes)} (${bytes(theirState)} without the embedded process)`,
        `${times(theirState / ours.state.bytes)} smaller`,
        '',
      ],
      ...persistedRows('PostgreSQL', postgres, theirs.throughput.perSecond, true),
      [
        'PostgreSQL: bytes per waiting instance (instance row + token rows)',
        `${bytes(stored)} (${bytes(postgres.bytes.instanceRow)} + ${number(postgres.bytes.tokensPerInstance)} × ${bytes(postgres.bytes.tokenRows / postgres.bytes.tokensPerInstance)}); also written: inbox task ${bytes(postgres.bytes.taskRows)}, step log ${bytes(postgres.bytes.stepRows)}`,
        `${bytes(theirState)} (state JSON)`,
        `${times(theirState / stored)} smaller`,
        '',
      ],
      ...(pglite ? persistedRows('PGlite', pglite, theirs.throughput.perSecond, false) : []),
    ];
    rows.forEach((row, index) => {
      lines.push(`| ${index === 0 ? process.name : ''} | ${row.join(' | ')} |`);
    });
  }
  return lines;
}

/** How much work each persisted phase did, to read the figures by. */
export function detailLines(run: RunResult): string[] {
  const lines: string[] = [];
  for (const { process, inMemory, postgres, pglite } of run.cases) {
    const cpu = (phase: Phase) =>
      `CPU per instance: Node ${phase.nodeCpuMs.toFixed(2)} ms` +
      (phase.databaseCpuMs === undefined ? '' : `, PostgreSQL ${phase.databaseCpuMs.toFixed(2)} ms`);
    const phases = (kind: string, result: PersistedResult) =>
      `${kind} ${number(result.started.instances)} started in ${number(result.started.seconds)} s ` +
      `(${cpu(result.started)}), ${number(result.completed.instances)} completed ` +
      `in ${number(result.completed.seconds)} s (${cpu(result.completed)})`;
    const statements = postgres.statements
      ? `; statements: ${postgres.statements.start} per start, ${number(postgres.statements.complete)} per task completed, each incl. begin/commit`
      : '';
    lines.push(
      `- ${process.name}: in memory ${number(inMemory.ours.throughput.instances)} vs ` +
        `${number(inMemory.bpmnEngine.throughput.instances)} instances run; ${phases('PostgreSQL', postgres)}` +
        `${pglite ? `; ${phases('PGlite', pglite)}` : ''}${statements}.`,
    );
  }
  return lines;
}

export interface ReportHeader {
  command: string;
  date: string;
  commit: string;
  machine: string;
  software: string;
  budget: string;
  /** How the benchmark reached PostgreSQL: its TCP port, or its Unix socket (each run gets its own section). */
  connection: 'tcp' | 'socket';
}

export function sectionMarkdown(header: ReportHeader, runs: readonly RunResult[]): string {
  const loaded = runs.some((run) => Number(run.loadBefore.split(' ')[0]) >= 1);
  const lines = [
    `## Process engine: Voronka vs bpmn-engine, in memory and persisted${header.connection === 'socket' ? ' (PostgreSQL over its Unix socket)' : ''}`,
    '',
    `Command: \`${header.command}\` (see [README.md](README.md#process-engine))`,
    '',
    `- Date: ${header.date}, commit ${header.commit}`,
    `- Machine: ${header.machine}`,
    `- Software: ${header.software}`,
    `- Budget: ${header.budget}`,
    `- Load: ${runs.map((run, index) => `run ${index + 1}: load average ${run.loadBefore} before, ${run.loadAfter} after`).join('; ')}.` +
      (loaded
        ? ' The load average was above the two cores (the benchmark itself, or other work on the machine), so the figures are noisy; both runs are shown.'
        : ''),
    `- Targets: in memory ≥ ${targets.inMemoryRatio}× bpmn-engine's instances/s; persisted on PostgreSQL ≥ ${number(targets.persistedPerSecond)} instances/s (starting, and completing).`,
  ];
  lines.push(`- Verdict: ${verdict(runs)}`);
  for (const [index, run] of runs.entries()) {
    lines.push(
      '',
      `### Run ${index + 1} of ${runs.length} (${number(run.seconds)} s)`,
      '',
      ...runTable(run),
      '',
    );
    lines.push(...detailLines(run));
  }
  return lines.join('\n');
}

function range(values: readonly number[], format: (value: number) => string): string {
  const low = Math.min(...values);
  const high = Math.max(...values);
  return low === high ? format(low) : `${format(low)}–${format(high)}`;
}

/** The targets over every process and run: the range of each figure and whether all of it passes. */
function verdict(runs: readonly RunResult[]): string {
  const cases = runs.flatMap((run) => run.cases);
  const ratios = cases.map(
    (item) => item.inMemory.ours.throughput.perSecond / item.inMemory.bpmnEngine.throughput.perSecond,
  );
  const starts = cases.map((item) => item.postgres.started.perSecond);
  const completions = cases.map((item) => item.postgres.completed.perSecond);
  const all = (values: number[], floor: number) => mark(values.every((value) => value >= floor));
  return (
    `in memory ${range(ratios, times)} bpmn-engine's instances/s ${all(ratios, targets.inMemoryRatio)}; ` +
    `PostgreSQL ${range(starts, number)} instances/s started ${all(starts, targets.persistedPerSecond)}, ` +
    `${range(completions, number)} completed ${all(completions, targets.persistedPerSecond)}.`
  );
}

/** Replaces this benchmark's own section of RESULTS.md, or appends it; other sections stay as they are. */
export function writeSection(file: string, section: string, connection: ReportHeader['connection']): void {
  writeMarkedSection(file, connection === 'socket' ? 'bench:processes:socket' : 'bench:processes', section);
}
