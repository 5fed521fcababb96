import type { ColumnType, Generated } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
/** date: written as an ISO day; the queries read it back as text (a Date would shift with the time zone). */
type Day = ColumnType<string, string, string>;
type Json = ColumnType<unknown, string, string>;
/** numeric: read back as a string so no precision is lost. */
type Numeric = ColumnType<string, string | number, string | number>;

export interface PlansTable {
  id: Generated<string>;
  workspace_id: string;
  name: string;
  period_from: Day;
  period_to: Day;
  pipeline_id: string | null;
  department_id: string | null;
  /** The plan's inputs as sent (PlanSettings): target, average check, indicators, managers. */
  settings: Json;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface MotivationSchemesTable {
  workspace_id: string;
  scheme: Json;
  updated_by: string | null;
  updated_at: UpdatedAt;
}

export interface FinanceEntriesTable {
  id: Generated<string>;
  workspace_id: string;
  kind: 'income' | 'expense';
  status: 'planned' | 'actual';
  amount: Numeric;
  occurred_on: Day;
  category: string;
  line_of_business: string | null;
  counterparty: string | null;
  deal_id: string | null;
  comment: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/**
 * Summaries kept by triggers (migration 0014) for the reports; written only by the database, read by
 * modules/reports.
 */
export interface ReportActivityHoursTable {
  workspace_id: string;
  /** The UTC hour the activities occurred in. */
  hour: Date;
  author_id: string;
  kind: 'call' | 'meeting' | 'email';
  activities: number;
}

export interface ReportLeadFirstActionsTable {
  workspace_id: string;
  lead_id: string;
  /** The lead's first call, meeting or email. */
  first_action_at: Date;
}

export interface ReportCompanyTouchesTable {
  workspace_id: string;
  company_id: string;
  /** The first won sale's closing; null while the company has none. */
  first_won_at: Date | null;
  /** The latest creation or closing of its live sales deals, or activity logged on it. */
  last_touch_at: Date;
}

export interface ReportTables {
  report_activity_hours: ReportActivityHoursTable;
  report_lead_first_actions: ReportLeadFirstActionsTable;
  report_company_touches: ReportCompanyTouchesTable;
  plans: PlansTable;
  motivation_schemes: MotivationSchemesTable;
  finance_entries: FinanceEntriesTable;
}
