import { type MotivationSchemeBody, motivationActions, type PayReport } from '@voronka/domain';
import { i18n } from '../../app/i18n';
import { formatMoney } from '../../ui/format';
import { formatCount, formatShare } from './format';

type Pay = PayReport['items'][number]['pay'];

const actionName = (action: string) =>
  (motivationActions as readonly string[]).includes(action)
    ? i18n.t(`planning.actions.${action as (typeof motivationActions)[number]}`)
    : action;

/** The scheme written out in the UI language: points, salary steps, commission steps, pay. */
export function schemeLines(scheme: MotivationSchemeBody): string[] {
  const points = motivationActions
    .filter((action) => scheme.points[action] !== undefined)
    .map((action) => `${formatCount(scheme.points[action] ?? 0)} × ${actionName(action)}`)
    .join(' + ');
  const salary = scheme.salary
    .map((step) =>
      i18n.t('planning.formula.salaryStep', {
        points: formatCount(step.from),
        amount: formatMoney(step.amount),
      }),
    )
    .join('; ');
  const commission = scheme.commission
    .map((step) =>
      i18n.t('planning.formula.commissionStep', {
        from: formatMoney(step.from),
        rate: formatShare(step.rate),
      }),
    )
    .join('; ');
  return [
    i18n.t('planning.formula.points', { points: points || '0', plan: formatCount(scheme.planPoints) }),
    i18n.t('planning.formula.salary', { steps: salary || i18n.t('planning.formula.none') }),
    i18n.t('planning.formula.commission', { steps: commission || i18n.t('planning.formula.none') }),
    i18n.t('planning.formula.pay'),
  ];
}

/**
 * One person's pay with their numbers put into the formula.
 *
 * @example payLines(scheme, pay, 240000) // ["points = 1 × 120 calls + 10 × 30 meetings = 420", "salary: 420 points → 10 000 ₽", …]
 */
export function payLines(scheme: MotivationSchemeBody, pay: Pay, sales: number): string[] {
  const terms = pay.byAction
    .filter((item) => item.count > 0)
    .map(
      (item) =>
        `${formatCount(scheme.points[item.action as keyof typeof scheme.points] ?? 0)} × ${formatCount(item.count)} ${actionName(item.action)}`,
    )
    .join(' + ');
  return [
    i18n.t('planning.formula.pointsOf', { terms: terms || '0', points: formatCount(pay.points) }),
    i18n.t('planning.formula.salaryOf', { points: formatCount(pay.points), salary: formatMoney(pay.salary) }),
    i18n.t('planning.formula.commissionOf', {
      sales: formatMoney(sales),
      rate: formatShare(pay.commissionRate),
      commission: formatMoney(pay.commission),
    }),
    i18n.t('planning.formula.totalOf', {
      salary: formatMoney(pay.salary),
      commission: formatMoney(pay.commission),
      total: formatMoney(pay.total),
    }),
  ];
}

/** The sales sum behind a forecast commission: the commission base at the pace so far. */
export function projectedSales(sales: number, daysElapsed: number, daysInPeriod: number): number {
  return daysElapsed > 0 ? Math.round(((sales * daysInPeriod) / daysElapsed) * 100) / 100 : 0;
}
