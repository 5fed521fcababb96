import type { BreakEven, CashFlow, Debts, PayReport, PlanFact } from '@voronka/domain';
import type { z } from 'zod';
import type { Numbers } from './expected';

/**
 * The endpoints that answer in their own shapes (plan against fact, pay, finance), read as rows: every
 * number of the answer in a row keyed as the hand-written SQL keys it, so compare.ts's `differences`
 * checks them as it checks report tables. A column a row does not have is null on both sides.
 */

/** compare.ts's tolerance of each: integers exactly, money and two-decimal numbers to 0.01, shares to 0.0001. */
export type NumberType = 'integer' | 'money' | 'number' | 'percent';

export interface Shape<Body> {
  columns: Record<string, NumberType>;
  rows(body: Body): Map<string, Numbers>;
}

type Value = number | boolean | null | undefined;

/** Rows with every column of the shape (null where a row has none); a key given twice is an error. */
function collector(columns: Record<string, NumberType>) {
  const rows = new Map<string, Numbers>();
  const add = (key: string, values: Record<string, Value>) => {
    if (rows.has(key)) throw new Error(`the endpoint's answer has ${key} twice`);
    for (const column of Object.keys(values))
      if (!(column in columns)) throw new Error(`${column} is not a column of this shape`);
    const row: Numbers = {};
    for (const column of Object.keys(columns)) {
      const value = values[column];
      row[column] = typeof value === 'boolean' ? Number(value) : (value ?? null);
    }
    rows.set(key, row);
  };
  return { rows, add };
}

const planFactColumns = {
  plan: 'number',
  fact: 'number',
  expectedByNow: 'number',
  forecast: 'number',
  behindPace: 'integer',
  cumulativeFact: 'number',
  cumulativePlan: 'number',
  daysInPeriod: 'integer',
  daysElapsed: 'integer',
} as const;

export const planFactShape: Shape<PlanFact> = {
  columns: planFactColumns,
  rows(body) {
    const { rows, add } = collector(planFactColumns);
    const judged = (key: string, item: PlanFact['indicators'][number]) =>
      add(key, {
        plan: item.plan,
        fact: item.fact,
        expectedByNow: item.expectedByNow,
        forecast: item.forecast,
        behindPace: item.behindPace,
      });
    for (const item of body.indicators) judged(`team~${item.id}`, item);
    for (const manager of body.managers)
      for (const item of manager.indicators) judged(`person~${manager.userId}~${item.id}`, item);
    for (const day of body.days) {
      const ids = new Set([
        ...Object.keys(day.fact),
        ...Object.keys(day.cumulativeFact),
        ...Object.keys(day.cumulativePlan),
      ]);
      for (const id of ids)
        add(`day~${day.day}~${id}`, {
          fact: day.fact[id],
          cumulativeFact: day.cumulativeFact[id],
          cumulativePlan: day.cumulativePlan[id],
        });
    }
    add('period', { daysInPeriod: body.daysInPeriod, daysElapsed: body.daysElapsed });
    return rows;
  },
};

const payColumns = {
  sales: 'money',
  points: 'number',
  planShare: 'percent',
  salary: 'money',
  nextSalaryFrom: 'number',
  nextSalaryAmount: 'money',
  nextSalaryMissing: 'number',
  commissionRate: 'percent',
  commission: 'money',
  total: 'money',
  count: 'integer',
  daysElapsed: 'integer',
  daysInPeriod: 'integer',
} as const;

export const payShape: Shape<PayReport> = {
  columns: payColumns,
  rows(body) {
    const { rows, add } = collector(payColumns);
    for (const item of body.items) {
      for (const [variant, pay] of [
        ['pay', item.pay],
        ['forecast', item.forecast],
      ] as const) {
        add(`${variant}~${item.userId}`, {
          sales: variant === 'pay' ? item.sales : null,
          points: pay.points,
          planShare: pay.planShare,
          salary: pay.salary,
          nextSalaryFrom: pay.nextSalary?.from,
          nextSalaryAmount: pay.nextSalary?.amount,
          nextSalaryMissing: pay.nextSalary?.missing,
          commissionRate: pay.commissionRate,
          commission: pay.commission,
          total: pay.total,
        });
        for (const action of pay.byAction)
          add(`${variant}~${item.userId}~${action.action}`, { count: action.count, points: action.points });
      }
    }
    add('period', { daysElapsed: body.daysElapsed, daysInPeriod: body.daysInPeriod });
    return rows;
  },
};

const cashFlowColumns = {
  balance: 'money',
  income: 'money',
  expense: 'money',
  net: 'money',
  amount: 'money',
} as const;

export const cashFlowShape: Shape<z.infer<typeof CashFlow>> = {
  columns: cashFlowColumns,
  rows(body) {
    const { rows, add } = collector(cashFlowColumns);
    add('opening', { balance: body.openingBalance });
    for (const month of body.months)
      add(`month~${month.month}`, {
        balance: month.balance,
        income: month.income,
        expense: month.expense,
        net: month.net,
      });
    for (const line of body.byLineOfBusiness)
      add(`line~${line.lineOfBusiness ?? '-'}`, {
        income: line.income,
        expense: line.expense,
        net: line.net,
      });
    for (const category of body.byCategory)
      add(`category~${category.kind}~${category.category}`, { amount: category.amount });
    return rows;
  },
};

const debtsColumns = { amount: 'money', overdue: 'money', entries: 'integer', nextDue: 'integer' } as const;

/** A day as days since 1970-01-01, so a date compares as a number. */
const dayNumber = (day: string | null) => (day === null ? null : Date.parse(`${day}T00:00:00Z`) / 86_400_000);

export const debtsShape: Shape<z.infer<typeof Debts>> = {
  columns: debtsColumns,
  rows(body) {
    const { rows, add } = collector(debtsColumns);
    for (const item of body.items)
      add(`counterparty~${item.counterparty ?? '-'}`, {
        amount: item.amount,
        overdue: item.overdue,
        entries: item.entries,
        nextDue: dayNumber(item.nextDue),
      });
    add('total', { amount: body.total, overdue: body.overdue });
    return rows;
  },
};

const breakEvenColumns = {
  fixedCosts: 'money',
  fixedCostsMeasured: 'integer',
  marginRate: 'percent',
  revenue: 'money',
} as const;

export const breakEvenShape: Shape<z.infer<typeof BreakEven>> = {
  columns: breakEvenColumns,
  rows(body) {
    const { rows, add } = collector(breakEvenColumns);
    // The bench types the margin rate, so nothing is measured for it.
    const { marginMeasuredOn: _typed, ...numbers } = body;
    add('break-even', numbers);
    return rows;
  },
};
