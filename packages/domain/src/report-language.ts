import type { Locale } from './common';
import { type LeadStatus, leadStatuses } from './leads';
import type { dealFilters, ReportName, ReportTable } from './reports';

/** Sources the system itself writes: web forms ("website"), telephony ("phone"), the demo's channels. */
export const knownSources = [
  'website',
  'phone',
  'email',
  'ads',
  'referral',
  'event',
  'existing_client',
] as const;
export type KnownSource = (typeof knownSources)[number];

/**
 * The words a report needs in one language. The web app's texts take theirs from here, and the server
 * writes its exports with them, so a table reads the same on screen and in the file.
 */
export interface ReportLanguage {
  /** Each report's title. */
  names: Record<ReportName, string>;
  /** The record filters' labels, for the filters bar and the printed page's heading. */
  filters: Record<(typeof dealFilters)[number], string>;
  /** The printed page's words. */
  print: { period: string; printed: string; print: string };
  /** Column labels by `report/key` or `key`; none in Russian, the language the server labels columns in. */
  columns: Record<string, string>;
  statuses: Record<LeadStatus, string>;
  /** Client-base groups and churn signals by their row key. */
  segments: Record<string, string>;
  sources: Record<KnownSource, string>;
  unassigned: string;
  noSource: string;
  total: string;
  /** The columns of an export of the records behind a cell. */
  records: { id: string; title: string; at: string; amount: string; responsible: string };
}

const en: ReportLanguage = {
  names: {
    'activity-daily': 'Activity by day',
    'activity-weekly': 'Activity by week',
    'activity-monthly': 'Sales by month',
    managers: 'Managers',
    'deal-stages': 'Deals by stage',
    'lead-statuses': 'Leads by status',
    'lead-sources': 'Lead sources',
    funnel: 'Sales funnel',
    clients: 'Client base',
    leaderboard: 'Leaderboard',
  },
  filters: {
    managerId: 'Manager',
    departmentId: 'Department',
    pipelineId: 'Pipeline',
    source: 'Source',
    productId: 'Product',
    region: 'Region',
  },
  print: { period: 'Period', printed: 'Printed', print: 'Print' },
  columns: {
    amount: 'Amount',
    averageCheck: 'Average check',
    averageDays: 'Average days in stage',
    calls: 'Calls',
    callsToMeetings: 'Calls → meetings',
    clients: 'Clients',
    compareConversion: 'Conversion (comparison period)',
    compareReached: 'Reached (comparison period)',
    conversion: 'Conversion',
    'lead-sources/conversion': 'Conversion to a deal',
    'funnel/conversion': 'Conversion to the next',
    conversionChange: 'Conversion change',
    converted: 'Converted to deals',
    day: 'Day',
    deals: 'Deals',
    'leaderboard/deals': 'Deals (won)',
    emails: 'Emails',
    expenses: 'Expenses',
    firstActionHours: 'To first action, h',
    leads: 'Leads',
    leadsProcessed: 'Leads processed',
    leadsTaken: 'Leads taken',
    manager: 'Manager',
    managerId: 'Manager (id)',
    meetings: 'Meetings',
    month: 'Month',
    negotiations: 'Negotiation',
    newClients: 'New clients',
    newContacts: 'New contacts',
    otherIncome: 'Income outside deals',
    pipeline: 'Pipeline',
    points: 'Points',
    profit: 'Profit',
    proposals: 'Proposals',
    proposalsToNegotiations: 'Proposals → negotiation',
    rank: 'Place',
    reached: 'Reached the stage',
    revenue: 'Revenue',
    'clients/revenue': 'Revenue in the period',
    segment: 'Group',
    share: 'Share of the base',
    source: 'Source',
    stage: 'Stage',
    stageId: 'Stage (id)',
    stalled: 'Stalled',
    status: 'Status',
    tasksDone: 'Tasks done',
    tasksOverdue: 'Tasks overdue',
    week: 'Week (from Monday)',
    wonDeals: 'Deals won',
    'activity-monthly/wonDeals': 'Sales',
    wonSum: 'Won amount',
  },
  statuses: {
    new: 'New',
    in_work: 'In work',
    qualified_mql: 'Qualified (MQL)',
    qualified_sql: 'Qualified (SQL)',
    converted: 'Converted',
    refused: 'Refused',
  },
  segments: {
    new: 'New',
    active: 'Active',
    sleeping: 'Sleeping',
    lost: 'Lost',
    falling_asleep: 'Signal: falling asleep (no touch for over half the activity window)',
    negative_review: 'Signal: a negative review in the period',
    lost_deal: 'Signal: a lost deal in the period',
  },
  sources: {
    website: 'Website',
    phone: 'Phone',
    email: 'Email',
    ads: 'Advertising',
    referral: 'Referral',
    event: 'Event',
    existing_client: 'Existing client',
  },
  unassigned: 'No one responsible',
  noSource: 'No source',
  total: 'Total',
  records: { id: 'ID', title: 'Title', at: 'When', amount: 'Amount', responsible: 'Responsible' },
};

const ru: ReportLanguage = {
  names: {
    'activity-daily': 'Активность по дням',
    'activity-weekly': 'Активность по неделям',
    'activity-monthly': 'Продажи по месяцам',
    managers: 'Менеджеры',
    'deal-stages': 'Сделки по этапам',
    'lead-statuses': 'Лиды по статусам',
    'lead-sources': 'Источники лидов',
    funnel: 'Воронка продаж',
    clients: 'Клиентская база',
    leaderboard: 'Рейтинг',
  },
  filters: {
    managerId: 'Менеджер',
    departmentId: 'Отдел',
    pipelineId: 'Воронка',
    source: 'Источник',
    productId: 'Товар',
    region: 'Регион',
  },
  print: { period: 'Период', printed: 'Напечатано', print: 'Печать' },
  columns: {},
  statuses: {
    new: 'Новый',
    in_work: 'В работе',
    qualified_mql: 'Квалифицирован (MQL)',
    qualified_sql: 'Квалифицирован (SQL)',
    converted: 'Преобразован в сделку',
    refused: 'Отказ',
  },
  segments: {
    new: 'Новые',
    active: 'Активные',
    sleeping: 'Спящие',
    lost: 'Потерянные',
    falling_asleep: 'Сигнал: засыпают (нет касаний больше половины окна активности)',
    negative_review: 'Сигнал: негативный отзыв в периоде',
    lost_deal: 'Сигнал: проигранная сделка в периоде',
  },
  sources: {
    website: 'Сайт',
    phone: 'Телефон',
    email: 'Эл. почта',
    ads: 'Реклама',
    referral: 'Рекомендация',
    event: 'Мероприятие',
    existing_client: 'Действующий клиент',
  },
  unassigned: 'Без ответственного',
  noSource: 'Источник не указан',
  total: 'Итого',
  records: { id: 'ID', title: 'Название', at: 'Когда', amount: 'Сумма', responsible: 'Ответственный' },
};

export const reportLanguages: Record<Locale, ReportLanguage> = { ru, en };

/** A source as people read it: the codes the system writes in the language's words, other text as typed. */
export function nameSource(language: Pick<ReportLanguage, 'sources'>, source: string): string {
  const known = knownSources.find((candidate) => candidate === source);
  return known ? language.sources[known] : source;
}

const isStatus = (value: unknown): value is LeadStatus =>
  typeof value === 'string' && (leadStatuses as readonly string[]).includes(value);

/**
 * The report as a language reads it. The server labels columns and its own groups in Russian and
 * writes lead statuses and the system's sources by their codes; names people gave (managers, stages,
 * their own sources) stay as they are.
 */
export function localizeReport(table: ReportTable, language: ReportLanguage): ReportTable {
  const columns = table.columns.map((column) => ({
    ...column,
    label: language.columns[`${table.report}/${column.key}`] ?? language.columns[column.key] ?? column.label,
  }));
  const rows = table.rows.map((row) => {
    const cells = { ...row.cells };
    if (table.report === 'lead-statuses' && isStatus(cells.status))
      cells.status = language.statuses[cells.status];
    if (table.report === 'clients' && 'segment' in cells)
      cells.segment = language.segments[row.key] ?? cells.segment;
    // A row without a person or a source is the one whose key says "-" for it.
    if ('managerId' in cells && cells.managerId === null && 'manager' in cells)
      cells.manager = language.unassigned;
    if (table.report === 'lead-sources' && typeof cells.source === 'string')
      cells.source = row.key === '-' ? language.noSource : nameSource(language, cells.source);
    return { ...row, cells };
  });
  return { ...table, columns, rows };
}
