import {
  evaluate,
  FeelDate,
  FeelDateTime,
  FeelDuration,
  FeelFunction,
  FeelTime,
  parseDate,
  parseDateTime,
  parseExpression,
  unaryTest,
} from 'feelin';
import { compileFast, type FastExpression, fallBack } from './feel-fast';

/** Process variables as FEEL sees them and gives them back: plain JSON. */
export type FeelValue = null | boolean | number | string | FeelValue[] | { [key: string]: FeelValue };

export interface FeelSyntaxError {
  expression: string;
  message: string;
  /** Character offsets into the expression. */
  from: number;
  to: number;
}

/** An expression that does not parse, or that feelin could not evaluate. */
export class FeelError extends Error {
  constructor(
    message: string,
    readonly expression: string,
  ) {
    super(message);
    this.name = 'FeelError';
  }
}

export interface FeelOptions {
  /** What `now()` and `today()` return; the process clock, so a step stays deterministic. */
  now?: Date;
}

interface CachedExpression {
  error: FeelSyntaxError | null;
  fast: FastExpression | null;
  /** Expressions without variables or calls (`duration("P2D")`) are evaluated once. */
  constant: boolean;
  value?: unknown;
}

const cacheLimit = 2000;
const cache = new Map<string, CachedExpression>();

/** Modeler files write FEEL as `=expr` (Camunda 8); the `=` is not part of the expression. */
export function normalizeFeel(expression: string): string {
  const trimmed = expression.trim();
  return trimmed.startsWith('=') ? trimmed.slice(1).trim() : trimmed;
}

function parse(expression: string): CachedExpression {
  const hit = cache.get(expression);
  if (hit) {
    // Re-insert so the map's order is least recently used first.
    cache.delete(expression);
    cache.set(expression, hit);
    return hit;
  }
  const tree = parseExpression(expression, {}, undefined);
  let error: FeelSyntaxError | null = null;
  let constant = true;
  tree.iterate({
    enter(node) {
      if (node.name === 'VariableName' || node.name === 'FunctionInvocation' || node.name === 'Name')
        constant = false;
      if (error) return false;
      if (node.type.isError) {
        const at = Math.min(node.from, expression.length);
        error = {
          expression,
          message:
            at >= expression.length
              ? 'Incomplete expression'
              : `Unexpected "${expression.slice(at, Math.max(node.to, at + 1))}" at position ${at + 1}`,
          from: at,
          to: Math.max(node.to, at),
        };
        return false;
      }
      return undefined;
    },
  });
  if (expression.trim() === '') error = { expression, message: 'Empty expression', from: 0, to: 0 };
  const entry: CachedExpression = {
    error,
    fast: error ? null : compileFast(tree.topNode, expression),
    constant,
  };
  if (cache.size >= cacheLimit) cache.delete(cache.keys().next().value!);
  cache.set(expression, entry);
  return entry;
}

/**
 * The syntax error of a FEEL expression, or null when it parses. Runs in the browser, for the designer.
 *
 * @example checkFeel('amount >') // { expression: 'amount >', message: 'Incomplete expression', from: 8, to: 8 }
 */
export function checkFeel(expression: string): FeelSyntaxError | null {
  return parse(normalizeFeel(expression)).error;
}

/**
 * A deep copy that keeps only JSON data: FEEL sees no functions, no class instances and no prototypes of
 * the host. Dates become ISO strings.
 */
export function toPlainData(value: unknown): FeelValue {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'boolean':
    case 'string':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : null;
    case 'object':
      break;
    default:
      return null;
  }
  if (Array.isArray(value)) return value.map(toPlainData);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (
    value instanceof FeelDate ||
    value instanceof FeelDateTime ||
    value instanceof FeelTime ||
    value instanceof FeelDuration
  ) {
    return value.toString();
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return null;
  const copy: Record<string, FeelValue> = {};
  for (const key of Object.keys(value)) {
    const entry = (value as Record<string, unknown>)[key];
    if (typeof entry === 'function') continue;
    Object.defineProperty(copy, key, { value: toPlainData(entry), enumerable: true, writable: true });
  }
  return copy;
}

function sandbox(
  variables: Readonly<Record<string, unknown>>,
  options: FeelOptions,
): Record<string, unknown> {
  const context = toPlainData(variables) as Record<string, unknown>;
  const now = options.now;
  if (now) {
    const iso = now.toISOString();
    context.now = new FeelFunction(() => parseDateTime(iso), []);
    context.today = new FeelFunction(() => parseDate(iso.slice(0, 10)), []);
  }
  return context;
}

function run(
  expression: string,
  variables: Readonly<Record<string, unknown>>,
  options: FeelOptions,
): unknown {
  const source = normalizeFeel(expression);
  const entry = parse(source);
  if (entry.error) throw new FeelError(`${entry.error.message} in "${source}"`, source);
  if (entry.constant && 'value' in entry) return entry.value;
  if (entry.fast) {
    try {
      return entry.fast(variables);
    } catch (error) {
      if (error !== fallBack) throw error;
    }
  }
  try {
    const value = evaluate(source, entry.constant ? {} : sandbox(variables, options)).value;
    if (entry.constant) entry.value = value;
    return value;
  } catch (error) {
    throw new FeelError(`Cannot evaluate "${source}": ${(error as Error).message}`, source);
  }
}

/**
 * Evaluates a FEEL expression against plain JSON variables. Dates, times and durations come back as ISO
 * strings; a FEEL error value (a missing variable, a type mismatch) is `null`, as FEEL defines.
 * Throws `FeelError` when the expression does not parse.
 *
 * @example evaluateFeel('amount * 2 > limit', { amount: 600, limit: 1000 }) // true
 */
export function evaluateFeel(
  expression: string,
  variables: Readonly<Record<string, unknown>>,
  options: FeelOptions = {},
): FeelValue {
  return toPlainData(run(expression, variables, options));
}

/**
 * Evaluates FEEL unary tests (`> 10`, `"a", "b"`, `[1..5]`) against an input value.
 *
 * @example evaluateUnaryTest('[1..5]', 3, {}) // true
 */
export function evaluateUnaryTest(
  tests: string,
  input: unknown,
  variables: Readonly<Record<string, unknown>>,
  options: FeelOptions = {},
): boolean | null {
  const source = normalizeFeel(tests);
  try {
    const context = sandbox(variables, options);
    context['?'] = toPlainData(input);
    return unaryTest(source, context).value;
  } catch (error) {
    throw new FeelError(`Cannot evaluate "${source}": ${(error as Error).message}`, source);
  }
}

const isoDuration =
  /^(-)?P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;
const isoInstant = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

export function isIsoDuration(text: string): boolean {
  return text !== 'P' && text !== 'PT' && !text.endsWith('T') && isoDuration.test(text);
}

/** An ISO date or date-time; without a zone it is read as UTC, a date alone as its midnight UTC. */
export function parseIsoInstant(text: string): Date | null {
  const match = isoInstant.exec(text);
  if (!match) return null;
  const withZone = !match[1] ? `${text}T00:00:00Z` : match[4] ? text : `${text}Z`;
  const time = Date.parse(withZone);
  return Number.isNaN(time) ? null : new Date(time);
}

/** Adds an ISO-8601 duration to an instant in UTC calendar arithmetic (months keep the day when they can). */
export function addIsoDuration(from: Date, duration: string): Date | null {
  const match = isIsoDuration(duration) ? isoDuration.exec(duration) : null;
  if (!match) return null;
  const sign = match[1] ? -1 : 1;
  const part = (index: number) => sign * Number(match[index] ?? 0);
  const result = new Date(from.getTime());
  const years = part(2);
  const months = part(3);
  if (years || months) {
    const day = result.getUTCDate();
    result.setUTCDate(1);
    result.setUTCMonth(result.getUTCMonth() + years * 12 + months);
    const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
    result.setUTCDate(Math.min(day, lastDay));
  }
  const seconds = ((part(4) * 7 + part(5)) * 24 + part(6)) * 3600 + part(7) * 60 + part(8);
  return new Date(result.getTime() + Math.round(seconds * 1000));
}

function instantOf(value: FeelDate | FeelDateTime): Date {
  if (value instanceof FeelDate) return new Date(`${value.toString()}T00:00:00Z`);
  const zoned = value.unwrap().toZonedDateTime(value.zone ?? 'UTC');
  return new Date(zoned.epochMilliseconds);
}

/**
 * A point in time from an expression yielding a duration (counted from `now`) or a date / date and time
 * (a date alone means its midnight UTC). ISO strings are accepted as well. Null when the value is neither.
 *
 * @example evaluateFeelInstant('duration("P2D")', {}, new Date('2025-01-01T10:00:00Z')) // 2025-01-03T10:00:00Z
 */
export function evaluateFeelInstant(
  expression: string,
  variables: Readonly<Record<string, unknown>>,
  now: Date,
): Date | null {
  return instantFromValue(run(expression, variables, { now }), now);
}

export function instantFromValue(value: unknown, now: Date): Date | null {
  if (value instanceof FeelDuration) return addIsoDuration(now, value.toString());
  if (value instanceof FeelDate || value instanceof FeelDateTime) return instantOf(value);
  if (typeof value === 'string') {
    const text = value.trim();
    if (isIsoDuration(text)) return addIsoDuration(now, text);
    return parseIsoInstant(text);
  }
  return null;
}
