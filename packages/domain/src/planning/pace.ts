/**
 * Whether a fact is behind the pace of its plan: short of what was due by now, counted in whole units
 * (calls, meetings, sales; for money, whole average checks). A fraction of a thing is not yet due: on
 * the first morning of a month a manager owes 0.16 of a sale, and is not behind for lacking it.
 *
 * @example behindPace(0, 0.16) // false
 * @example behindPace(1, 1.94) // true: two sales were due
 * @example behindPace(0, 6_451.61, 40_000) // false: not one average check was due
 */
export function behindPace(fact: number, dueByNow: number, unit = 1): boolean {
  const step = unit > 0 ? unit : 1;
  return fact < Math.round(dueByNow / step) * step;
}
