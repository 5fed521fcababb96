import { z } from 'zod';
import { Locale } from './common';

/**
 * Reports, plans, motivation and finance: the shapes the server answers with and accepts. The
 * definitions behind every number are written next to the report on the server
 * (apps/server/src/modules/reports/README.md).
 */

export const reportNames = [
  'activity-daily',
  'activity-weekly',
  'activity-monthly',
  'managers',
  'deal-stages',
  'lead-statuses',
  'lead-sources',
  'funnel',
  'clients',
  'leaderboard',
] as const;
export const ReportName = z.enum(reportNames);
export type ReportName = z.infer<typeof ReportName>;

export const leaderboardMetrics = ['deals', 'revenue', 'meetings', 'calls', 'proposals', 'points'] as const;
export const LeaderboardMetric = z.enum(leaderboardMetrics);
export type LeaderboardMetric = z.infer<typeof LeaderboardMetric>;

const Day = z.iso.date();
const optionalCount = (max: number) => z.coerce.number().int().min(1).max(max).optional();

/**
 * Every filter a report understands; a report refuses (400, naming the parameter) a filter that does
 * not apply to it. Days are calendar days in `timezone`, both ends included.
 */
export const ReportQuery = z.strictObject({
  from: Day,
  to: Day,
  timezone: z.string().max(64).default('Europe/Moscow'),
  managerId: z.uuid().optional(),
  departmentId: z.uuid().optional(),
  pipelineId: z.uuid().optional(),
  source: z.string().trim().min(1).max(200).optional(),
  productId: z.uuid().optional(),
  /** The client's region: a deal's company's (or its contact's company's), a lead's own, a company's. */
  region: z.string().trim().min(1).max(100).optional(),
  /** funnel: an open deal longer than this many days in its stage is stalled. */
  stalledDays: optionalCount(3650),
  /** funnel: a second period to compare with. */
  compareFrom: Day.optional(),
  compareTo: Day.optional(),
  /** clients: touched within this many days before `to` = active; beyond `lostDays` = lost. */
  activeDays: optionalCount(3650),
  lostDays: optionalCount(3650),
  /** leaderboard: the number to rank by. */
  metric: LeaderboardMetric.optional(),
});
export type ReportQuery = z.infer<typeof ReportQuery>;

/** The filters of a report about deals: every filter of a record, in the order the reports page shows them. */
export const dealFilters = [
  'managerId',
  'departmentId',
  'pipelineId',
  'source',
  'productId',
  'region',
] as const;

export const reportFilterNames = [
  ...dealFilters,
  'stalledDays',
  'compareFrom',
  'compareTo',
  'activeDays',
  'lostDays',
  'metric',
] as const;
export type ReportFilterName = (typeof reportFilterNames)[number];
const leadFilters = ['managerId', 'departmentId', 'source', 'region'] as const;

/**
 * The filters each report takes besides its period: the reports page shows these, and the API refuses
 * (400, naming the parameter) any other. Activity counts belong to people, not clients, so the daily and
 * weekly reports are filtered by people only.
 */
export const reportFilters = {
  'activity-daily': ['managerId', 'departmentId'],
  'activity-weekly': ['managerId', 'departmentId', 'pipelineId'],
  'activity-monthly': dealFilters,
  managers: ['managerId', 'departmentId', 'pipelineId'],
  'deal-stages': dealFilters,
  'lead-statuses': leadFilters,
  'lead-sources': leadFilters,
  funnel: [...dealFilters, 'stalledDays', 'compareFrom', 'compareTo'],
  clients: ['managerId', 'departmentId', 'region', 'activeDays', 'lostDays'],
  leaderboard: ['managerId', 'departmentId', 'metric'],
} as const satisfies Record<ReportName, readonly ReportFilterName[]>;

/** The sources and regions in use in the workspace, for the reports' filters to offer. */
export const ReportFilterValues = z
  .object({ sources: z.array(z.string()), regions: z.array(z.string()) })
  .meta({ id: 'ReportFilterValues' });
export type ReportFilterValues = z.infer<typeof ReportFilterValues>;

/** One cell of a report: `row` is a row's key (leave it out for the totals row), `column` a column's key. */
export const DrillQuery = ReportQuery.extend({
  row: z.string().max(200).optional(),
  column: z.string().max(60),
  limit: z.coerce.number().int().min(1).max(5000).default(500),
});
export type DrillQuery = z.infer<typeof DrillQuery>;

/** The report as a printable page, in a language (the web sends the UI's). */
export const PrintQuery = ReportQuery.extend({ locale: Locale.default('ru') });
export type PrintQuery = z.infer<typeof PrintQuery>;

export const exportFormats = ['xlsx', 'csv'] as const;
/** The report's table, or with `column` (and `row`) the records behind that cell, in every row. */
export const ExportQuery = ReportQuery.extend({
  format: z.enum(exportFormats),
  /** The language of the file's labels, totals, statuses and groups; the UI sends its own. */
  locale: Locale.default('ru'),
  row: z.string().max(200).optional(),
  column: z.string().max(60).optional(),
});
export type ExportQuery = z.infer<typeof ExportQuery>;

/**
 * A record's id (for links; left out of exports), text, a calendar day (YYYY-MM-DD), a month (YYYY-MM),
 * a count, roubles, a share (0.25 = 25 %), or another decimal (hours, days).
 */
export const ReportColumnType = z.enum([
  'id',
  'text',
  'date',
  'month',
  'integer',
  'money',
  'percent',
  'number',
]);
export type ReportColumnType = z.infer<typeof ReportColumnType>;

export const ReportColumn = z
  .object({
    key: z.string(),
    label: z.string(),
    type: ReportColumnType,
    /** True when the cell can be turned into the records behind it. */
    drill: z.boolean(),
  })
  .meta({ id: 'ReportColumn' });
export type ReportColumn = z.infer<typeof ReportColumn>;

export const ReportCell = z.union([z.string(), z.number(), z.null()]);
export type ReportCell = z.infer<typeof ReportCell>;

export const ReportTable = z
  .object({
    report: ReportName,
    columns: z.array(ReportColumn),
    rows: z.array(z.object({ key: z.string(), cells: z.record(z.string(), ReportCell) })),
    totals: z.record(z.string(), ReportCell),
  })
  .meta({ id: 'ReportTable' });
export type ReportTable = z.infer<typeof ReportTable>;

export const drillEntities = [
  'activity',
  'deal',
  'lead',
  'task',
  'contact',
  'company',
  'finance_entry',
] as const;

/** A record behind a number: enough to list it and open it. */
export const DrillRecord = z.object({
  id: z.uuid(),
  title: z.string().nullable(),
  at: z.string().nullable(),
  amount: z.number().nullable(),
  responsibleId: z.uuid().nullable(),
});
export type DrillRecord = z.infer<typeof DrillRecord>;

export const DrillResult = z
  .object({
    entity: z.enum(drillEntities),
    /** Every record behind the cell; `items` holds the first `limit` of them. */
    total: z.number().int(),
    /** True when counting stopped at `total` with more behind it (the start page's counts, `attentionCountCap`). */
    totalOver: z.boolean().optional(),
    items: z.array(DrillRecord),
  })
  .meta({ id: 'DrillResult' });
export type DrillResult = z.infer<typeof DrillResult>;

// ─── Plans ──────────────────────────────────────────────────────────────────────────────────────

export const activityIndicators = ['call', 'meeting', 'email'] as const;

/** A step before the sale: a pipeline stage, or an activity kind (calls → meetings in seed 004). */
export const PlanIndicatorInput = z
  .strictObject({
    stageId: z.uuid().optional(),
    activity: z.enum(activityIndicators).optional(),
    /** Typed share reaching the next step (0.25 = 25 %); measured from the stage history when left out. */
    conversion: z.number().gt(0).max(1).optional(),
  })
  .refine((value) => (value.stageId ? 1 : 0) + (value.activity ? 1 : 0) === 1, {
    message: 'Name either a stageId or an activity',
  });

export const PlanBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  from: Day,
  to: Day,
  target: z.strictObject({ kind: z.enum(['revenue', 'margin']), amount: z.number().gt(0).max(1e13) }),
  /** Margin as a share of revenue; needed for a margin target. */
  marginRate: z.number().gt(0).max(1).optional(),
  /** Typed average check in roubles, or null to measure it over the measurement window. */
  averageCheck: z.number().gt(0).max(1e13).nullable(),
  /** The window over which the average check and the conversions are measured. */
  measureFrom: Day.optional(),
  measureTo: Day.optional(),
  /** The zone whose calendar days the measurement window is counted in. */
  timezone: z.string().max(64).default('Europe/Moscow'),
  /** Whose deals the measurement reads; the first sales pipeline when left out. */
  pipelineId: z.uuid().optional(),
  /** The managers to split between: every active manager of this department (or of the workspace). */
  departmentId: z.uuid().optional(),
  /** Steps before the sale, first to last. */
  indicators: z.array(PlanIndicatorInput).max(20).default([]),
  managers: z
    .array(z.strictObject({ userId: z.uuid(), weight: z.number().gt(0).max(1000).default(1) }))
    .min(1)
    .max(500)
    .optional(),
});
export type PlanBody = z.infer<typeof PlanBody>;

export const PlanIndicatorCount = z.object({ id: z.string(), name: z.string(), count: z.number() });

export const Plan = z
  .object({
    id: z.uuid(),
    name: z.string(),
    from: z.string(),
    to: z.string(),
    pipelineId: z.uuid().nullable(),
    departmentId: z.uuid().nullable(),
    target: z.object({ kind: z.enum(['revenue', 'margin']), amount: z.number() }),
    marginRate: z.number().nullable(),
    averageCheck: z.object({ amount: z.number(), measured: z.boolean() }),
    measureFrom: z.string().nullable(),
    measureTo: z.string().nullable(),
    /** Each step with its conversion into the next and whether it was measured. */
    indicators: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        stageId: z.uuid().nullable(),
        activity: z.enum(activityIndicators).nullable(),
        conversion: z.number(),
        measured: z.boolean(),
      }),
    ),
    managers: z.array(z.object({ userId: z.uuid(), name: z.string(), weight: z.number() })),
    decomposition: z.object({
      revenue: z.number(),
      sales: z.number().int(),
      months: z.number().int(),
      indicators: z.array(PlanIndicatorCount),
      perMonth: z.array(PlanIndicatorCount),
      perManager: z.array(
        z.object({ userId: z.uuid(), share: z.number(), indicators: z.array(PlanIndicatorCount) }),
      ),
    }),
    createdAt: z.string(),
  })
  .meta({ id: 'Plan' });
export type Plan = z.infer<typeof Plan>;

export const PlanFactIndicator = z.object({
  id: z.string(),
  name: z.string(),
  plan: z.number(),
  fact: z.number(),
  /** The plan's share for the days elapsed: where the fact should be by now. */
  expectedByNow: z.number(),
  /** The fact extrapolated linearly to the period's end. */
  forecast: z.number(),
  behindPace: z.boolean(),
});

export const PlanFact = z
  .object({
    planId: z.uuid(),
    asOf: z.string(),
    daysInPeriod: z.number().int(),
    daysElapsed: z.number().int(),
    /** For the managers the caller sees (a manager: only themselves). */
    indicators: z.array(PlanFactIndicator),
    managers: z.array(
      z.object({ userId: z.uuid(), name: z.string(), indicators: z.array(PlanFactIndicator) }),
    ),
    /** Each day of the period up to `asOf`: the fact per indicator, and the plan accumulated by that day. */
    days: z.array(
      z.object({
        day: z.string(),
        fact: z.record(z.string(), z.number()),
        cumulativeFact: z.record(z.string(), z.number()),
        cumulativePlan: z.record(z.string(), z.number()),
      }),
    ),
  })
  .meta({ id: 'PlanFact' });
export type PlanFact = z.infer<typeof PlanFact>;

export const PlanFactQuery = z.strictObject({
  asOf: Day.optional(),
  timezone: z.string().max(64).default('Europe/Moscow'),
});

// ─── Motivation ─────────────────────────────────────────────────────────────────────────────────

/**
 * Actions a scheme can price: activities by kind, a deal entering the proposal or negotiation stage,
 * a deal won, a contact created.
 */
export const motivationActions = [
  'call',
  'meeting',
  'email',
  'proposal',
  'negotiation',
  'dealWon',
  'newContact',
] as const;
export const MotivationAction = z.enum(motivationActions);

export const MotivationSchemeBody = z
  .strictObject({
    points: z.partialRecord(MotivationAction, z.number().min(0).max(100_000)),
    planPoints: z.number().min(0).max(1e9),
    salary: z
      .array(z.strictObject({ from: z.number().min(0).max(1e9), amount: z.number().min(0).max(1e11) }))
      .max(50),
    commission: z
      .array(z.strictObject({ from: z.number().min(0).max(1e13), rate: z.number().min(0).max(1) }))
      .max(50),
  })
  .meta({ id: 'MotivationScheme' });
export type MotivationSchemeBody = z.infer<typeof MotivationSchemeBody>;

export const PayQuery = z.strictObject({
  from: Day,
  to: Day,
  asOf: Day.optional(),
  timezone: z.string().max(64).default('Europe/Moscow'),
});

const Pay = z.object({
  points: z.number(),
  byAction: z.array(z.object({ action: z.string(), count: z.number(), points: z.number() })),
  planShare: z.number(),
  salary: z.number(),
  nextSalary: z.object({ from: z.number(), amount: z.number(), missing: z.number() }).nullable(),
  commissionRate: z.number(),
  commission: z.number(),
  total: z.number(),
});

export const PayReport = z
  .object({
    from: z.string(),
    to: z.string(),
    asOf: z.string(),
    daysElapsed: z.number().int(),
    daysInPeriod: z.number().int(),
    /** The scheme written out: how points, salary and commission are counted. */
    formula: z.string(),
    items: z.array(
      z.object({
        userId: z.uuid(),
        name: z.string(),
        sales: z.number(),
        /** So far in the period. */
        pay: Pay,
        /** At the pace so far, for the whole period. */
        forecast: Pay,
      }),
    ),
  })
  .meta({ id: 'PayReport' });
export type PayReport = z.infer<typeof PayReport>;

// ─── Finance ────────────────────────────────────────────────────────────────────────────────────

const Text = (max: number) => z.string().trim().min(1).max(max);

export const FinanceEntryBody = z.strictObject({
  kind: z.enum(['income', 'expense']),
  status: z.enum(['planned', 'actual']).default('actual'),
  amount: z.number().gt(0).max(1e13),
  occurredOn: Day,
  category: Text(200),
  lineOfBusiness: Text(200).nullable().default(null),
  counterparty: Text(300).nullable().default(null),
  dealId: z.uuid().nullable().default(null),
  comment: z.string().trim().max(2000).nullable().default(null),
});
export const UpdateFinanceEntryBody = z.strictObject({
  kind: z.enum(['income', 'expense']).optional(),
  status: z.enum(['planned', 'actual']).optional(),
  amount: z.number().gt(0).max(1e13).optional(),
  occurredOn: Day.optional(),
  category: Text(200).optional(),
  lineOfBusiness: Text(200).nullable().optional(),
  counterparty: Text(300).nullable().optional(),
  dealId: z.uuid().nullable().optional(),
  comment: z.string().trim().max(2000).nullable().optional(),
});

export const FinanceEntry = z
  .object({
    id: z.uuid(),
    kind: z.enum(['income', 'expense']),
    status: z.enum(['planned', 'actual']),
    amount: z.number(),
    occurredOn: z.string(),
    category: z.string(),
    lineOfBusiness: z.string().nullable(),
    counterparty: z.string().nullable(),
    dealId: z.uuid().nullable(),
    comment: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'FinanceEntry' });
export type FinanceEntry = z.infer<typeof FinanceEntry>;

export const FinanceListQuery = z.strictObject({
  from: Day.optional(),
  to: Day.optional(),
  kind: z.enum(['income', 'expense']).optional(),
  status: z.enum(['planned', 'actual']).optional(),
  lineOfBusiness: z.string().max(200).optional(),
  category: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

export const CashFlowQuery = z.strictObject({
  from: Day,
  to: Day,
  /** actual: money that moved; planned: what is expected; all: both. */
  status: z.enum(['actual', 'planned', 'all']).default('actual'),
  lineOfBusiness: z.string().max(200).optional(),
});

export const CashFlow = z
  .object({
    openingBalance: z.number(),
    months: z.array(
      z.object({
        month: z.string(),
        income: z.number(),
        expense: z.number(),
        net: z.number(),
        balance: z.number(),
      }),
    ),
    byLineOfBusiness: z.array(
      z.object({
        lineOfBusiness: z.string().nullable(),
        income: z.number(),
        expense: z.number(),
        net: z.number(),
      }),
    ),
    byCategory: z.array(
      z.object({ kind: z.enum(['income', 'expense']), category: z.string(), amount: z.number() }),
    ),
  })
  .meta({ id: 'CashFlow' });

export const DebtsQuery = z.strictObject({ asOf: Day.optional() });
export const Debts = z
  .object({
    asOf: z.string(),
    total: z.number(),
    overdue: z.number(),
    items: z.array(
      z.object({
        counterparty: z.string().nullable(),
        amount: z.number(),
        overdue: z.number(),
        entries: z.number().int(),
        nextDue: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'Debts' });

const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'A month as YYYY-MM');

export const WhatIfBody = z.strictObject({
  /** What is in the till before the first month; by default every actual entry before it. */
  openingBalance: z.number().min(-1e13).max(1e13).optional(),
  months: z
    .array(
      z.strictObject({
        month: Month,
        /** "If we earn X": replaces the month's booked income (actual, else planned). */
        income: z.number().min(0).max(1e13).optional(),
        /** "…and spend Y". */
        expense: z.number().min(0).max(1e13).optional(),
      }),
    )
    .min(1)
    .max(120),
});

export const WhatIf = z
  .object({
    openingBalance: z.number(),
    months: z.array(
      z.object({
        month: z.string(),
        income: z.number(),
        expense: z.number(),
        net: z.number(),
        balance: z.number(),
        /** Whether income and expense were typed or read from the entries. */
        typed: z.object({ income: z.boolean(), expense: z.boolean() }),
      }),
    ),
  })
  .meta({ id: 'WhatIf' });

export const BreakEvenQuery = z.strictObject({
  /** Fixed costs per month with payroll; by default the average monthly actual expense from `from` to `to`. */
  fixedCosts: z.coerce.number().min(0).max(1e13).optional(),
  /**
   * Share of revenue left after the sale's own costs; by default measured from `from` to `to`: the
   * sales paid in the period and the purchases booked against the same deals.
   */
  marginRate: z.coerce.number().gt(0).max(1).optional(),
  from: Day.optional(),
  to: Day.optional(),
});
export const BreakEven = z
  .object({
    fixedCosts: z.number(),
    fixedCostsMeasured: z.boolean(),
    /** Null when it was to be measured and no sale in the period has purchases booked against it. */
    marginRate: z.number().nullable(),
    /** The sales the margin was measured on (paid in the period, with purchases booked); null when typed. */
    marginMeasuredOn: z.object({ deals: z.number().int(), income: z.number(), costs: z.number() }).nullable(),
    /** Null when there is no margin to cover the costs with (not measured, or none left). */
    revenue: z.number().nullable(),
  })
  .meta({ id: 'BreakEven' });
