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

/**
 * How much of a plan's period has gone by: its days up to and including the day looked at, that day
 * counted only as far as it has gone when it is today (`todayShare`, 0 to 1). Nothing of the 1st is due
 * at midnight, and three eighths of a day's plan at 09:00.
 *
 * @example elapsedDays(1, 0.375) // 0.375
 * @example elapsedDays(15) // 15: a day that is over counts whole
 */
export function elapsedDays(daysElapsed: number, todayShare?: number): number {
  if (todayShare === undefined || daysElapsed === 0) return daysElapsed;
  return daysElapsed - 1 + Math.min(1, Math.max(0, todayShare));
}
