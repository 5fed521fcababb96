import { checkFeel } from '@voronka/domain';
import type { TimerKind } from './timer';

/**
 * The syntax error of a FEEL expression as the engine would report it, or `null` when it parses (or is
 * empty: whether a value is required is said elsewhere).
 *
 * @example feelProblem('deal.amount >') // "…"
 */
export function feelProblem(expression: string): string | null {
  if (!expression.trim()) return null;
  return checkFeel(expression)?.message ?? null;
}

const isoDuration =
  /^-?P(?!$)(\d+(\.\d+)?Y)?(\d+(\.\d+)?M)?(\d+(\.\d+)?W)?(\d+(\.\d+)?D)?(T(?!$)(\d+(\.\d+)?H)?(\d+(\.\d+)?M)?(\d+(\.\d+)?S)?)?$/;
const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const isoCycle = /^R\d*\//;

/** Whether the text is an ISO-8601 literal of the timer's kind (then it is not read as FEEL). */
export function isIsoTimer(kind: TimerKind, text: string): boolean {
  const value = text.trim();
  if (kind === 'duration') return isoDuration.test(value);
  if (kind === 'date') return isoInstant.test(value) && !Number.isNaN(Date.parse(value));
  return isoCycle.test(value);
}

/** A timer's value: an ISO-8601 literal of its kind, else FEEL that must parse. */
export function timerProblem(kind: TimerKind, text: string): string | null {
  if (!text.trim() || (!text.trim().startsWith('=') && isIsoTimer(kind, text))) return null;
  return feelProblem(text);
}
