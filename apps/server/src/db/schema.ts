import type { ApiScope, HistoryEntity, LeadStatus, ManagerFunction, Role, Visibility } from '@voronka/domain';
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { AbsenceTables } from './schema-absences';
import type { ProcessTables } from './schema-processes';
import type { ReportTables } from './schema-reports';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null, Date | string | null>;

export interface WorkspacesTable {
  id: Generated<string>;
  name: string;
  created_at: CreatedAt;
}

export interface UsersTable {
  id: Generated<string>;
  workspace_id: string;
  email: string;
  password_hash: string;
  name: string;
  role: Role;
  function: ManagerFunction | null;
  department_id: string | null;
  locale: 'ru' | 'en';
  active: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface DepartmentsTable {
  id: Generated<string>;
  workspace_id: string;
  name: string;
  parent_id: string | null;
  head_id: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface RoleSettingsTable {
  workspace_id: string;
  role: Role;
  visibility: Visibility;
}

export interface SessionsTable {
  /** sha256 of the cookie token: a leaked table does not yield usable cookies. */
  id: string;
  user_id: string;
  workspace_id: string;
  csrf_token: string;
  created_at: CreatedAt;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  user_agent: string | null;
  ip: string | null;
}

export interface LoginAttemptsTable {
  id: Generated<string>;
  email: string;
  ip: string;
  success: boolean;
  at: CreatedAt;
}

export interface InvitationsTable {
  id: Generated<string>;
  workspace_id: string;
  email: string;
  role: Role;
  function: ManagerFunction | null;
  department_id: string | null;
  token_hash: string;
  invited_by: string;
  expires_at: Timestamp;
  accepted_at: NullableTimestamp;
  created_at: CreatedAt;
}

export interface ApiTokensTable {
  id: Generated<string>;
  workspace_id: string;
  user_id: string;
  name: string;
  prefix: string;
  token_hash: string;
  scopes: ApiScope[];
  created_at: CreatedAt;
  last_used_at: NullableTimestamp;
  expires_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
}

export interface RecordHistoryTable {
  id: Generated<string>;
  workspace_id: string;
  entity: HistoryEntity;
  record_id: string;
  action: 'create' | 'update' | 'delete';
  field: string | null;
  old_value: unknown;
  new_value: unknown;
  actor_id: string | null;
  at: CreatedAt;
}

export interface LeadsTable {
  id: Generated<string>;
  workspace_id: string;
  title: string;
  contact_name: string | null;
  phone: string | null;
  email: string | null;
  source: string | null;
  region: Generated<string | null>;
  status: LeadStatus;
  responsible_id: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  deleted_at: NullableTimestamp;
  channel: Generated<string | null>;
  utm: JsonWithDefault;
  refusal_reason: Generated<string | null>;
  custom: JsonWithDefault;
  converted_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  contact_id: Generated<string | null>;
  company_id: Generated<string | null>;
  deal_id: Generated<string | null>;
  /** The website form the lead came from. */
  form_id: Generated<string | null>;
  search: Generated<string>;
}

/** jsonb: written as a JSON string or object, read back parsed. */
export type Json = ColumnType<unknown, string | object, string | object>;
/** jsonb with a database default: optional on insert. */
export type JsonWithDefault = ColumnType<unknown, string | object | undefined, string | object>;
/** numeric: node-postgres returns it as a string so no precision is lost. */
export type Numeric = ColumnType<string, string | number, string | number>;
export type NumericWithDefault = ColumnType<string, string | number | undefined, string | number>;

interface Contactable {
  phones: Generated<string[]>;
  emails: Generated<string[]>;
  responsible_id: string | null;
  custom: JsonWithDefault;
  merged_into_id: Generated<string | null>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  deleted_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  search: Generated<string>;
}

export interface CompaniesTable extends Contactable {
  id: Generated<string>;
  workspace_id: string;
  name: string;
  inn: string | null;
  kpp: string | null;
  address: string | null;
  region: Generated<string | null>;
  requisites: JsonWithDefault;
}

export interface ContactsTable extends Contactable {
  id: Generated<string>;
  workspace_id: string;
  name: string;
  position: string | null;
  company_id: string | null;
}

export interface PipelinesTable {
  id: Generated<string>;
  workspace_id: string;
  name: string;
  kind: 'sales' | 'fulfilment';
  position: Generated<number>;
  created_at: CreatedAt;
}

export interface StagesTable {
  id: Generated<string>;
  workspace_id: string;
  pipeline_id: string;
  name: string;
  position: number;
  kind: 'open' | 'won' | 'lost';
  probability: Generated<number>;
  regulation: JsonWithDefault;
  exit_requirements: JsonWithDefault;
  handoff_function: ManagerFunction | null;
}

export interface ProductsTable {
  id: Generated<string>;
  workspace_id: string;
  name: string;
  sku: string | null;
  unit: Generated<string>;
  vat_rate: Generated<number>;
  active: Generated<boolean>;
  created_at: CreatedAt;
}

export interface PriceListsTable {
  id: Generated<string>;
  workspace_id: string;
  name: string;
  position: Generated<number>;
}

export interface ProductPricesTable {
  workspace_id: string;
  price_list_id: string;
  product_id: string;
  price: Numeric;
}

export interface DealsTable {
  id: Generated<string>;
  workspace_id: string;
  title: string;
  pipeline_id: string;
  stage_id: string;
  amount: NumericWithDefault;
  currency: Generated<string>;
  probability: number | null;
  expected_close_date: ColumnType<Date | null, string | Date | null, string | Date | null>;
  responsible_id: string | null;
  contact_id: string | null;
  company_id: string | null;
  lead_id: string | null;
  /** For a fulfilment deal: the won sales deal it fulfils. */
  source_deal_id: ColumnType<string | null, string | null | undefined, string | null>;
  source: string | null;
  lost_reason: string | null;
  closed_at: NullableTimestamp;
  stage_entered_at: Generated<Date>;
  custom: JsonWithDefault;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  deleted_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  search: Generated<string>;
  /** Every stage the deal has been in, kept by triggers (migration 0024). */
  visited_stages: Generated<string[]>;
}

/** Open deals without an open task: "no next step", kept by triggers on tasks and deals (migration 0035). */
export interface DealsWithoutNextStepTable {
  workspace_id: string;
  deal_id: string;
  responsible_id: string | null;
  stage_entered_at: Date;
}

export interface DealProductsTable {
  id: Generated<string>;
  workspace_id: string;
  deal_id: string;
  product_id: string | null;
  name: string;
  price: Numeric;
  quantity: Numeric;
  discount_percent: Numeric;
  vat_rate: number;
  vat_included: boolean;
  position: number;
}

export interface DealStageHistoryTable {
  id: Generated<string>;
  workspace_id: string;
  deal_id: string;
  pipeline_id: string;
  stage_id: string;
  entered_at: CreatedAt;
  exited_at: NullableTimestamp;
  actor_id: string | null;
  override_comment: string | null;
  /** The deal's responsible person while the deal is live, else null; kept by triggers (migration 0025). */
  deal_responsible_id: Generated<string | null>;
}

export interface ActivitiesTable {
  id: Generated<string>;
  workspace_id: string;
  kind: 'call' | 'meeting' | 'email' | 'note' | 'comment' | 'review';
  subject: string | null;
  body: string | null;
  direction: 'in' | 'out' | null;
  duration_seconds: number | null;
  result: string | null;
  recording_url: string | null;
  occurred_at: Timestamp;
  entity: string;
  record_id: string;
  author_id: string | null;
  mentions: Generated<string[]>;
  /** A PBX's own id of the call (telephony), unique in the workspace. */
  external_id: Generated<string | null>;
  created_at: CreatedAt;
}

export interface TasksTable {
  id: Generated<string>;
  workspace_id: string;
  title: string;
  description: string | null;
  assignee_id: string;
  due_at: NullableTimestamp;
  remind_at: NullableTimestamp;
  reminded_at: NullableTimestamp;
  priority: Generated<'low' | 'normal' | 'high'>;
  recurrence: Json | null;
  status: Generated<'open' | 'done'>;
  done_at: NullableTimestamp;
  entity: string | null;
  record_id: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  deleted_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface CustomFieldsTable {
  id: Generated<string>;
  workspace_id: string;
  entity: string;
  key: string;
  label: string;
  type: string;
  options: JsonWithDefault;
  position: Generated<number>;
}

export interface SavedViewsTable {
  id: Generated<string>;
  workspace_id: string;
  entity: string;
  name: string;
  owner_id: string | null;
  query: Json;
  created_at: CreatedAt;
}

export interface RefusalReasonsTable {
  id: Generated<string>;
  workspace_id: string;
  name: string;
  roles: Generated<Role[]>;
  position: Generated<number>;
}

export interface DealStageTotalsTable {
  workspace_id: string;
  stage_id: string;
  /** The nil uuid stands for "no responsible". */
  responsible_id: string;
  /** One of sixteen rows per (stage, responsible), by connection (migration 0033): readers sum them. */
  slot: number;
  deals: ColumnType<string, string | number, string | number>;
  amount: Numeric;
}

export interface FilesTable {
  id: Generated<string>;
  workspace_id: string;
  name: string;
  content_type: string;
  size: number;
  data: Buffer;
  uploaded_by: string | null;
  /** The process instance the file was attached to (a task's form); null until then. */
  instance_id: Generated<string | null>;
  created_at: CreatedAt;
}

export interface WebFormsTable {
  id: Generated<string>;
  workspace_id: string;
  public_key: string;
  name: string;
  fields: JsonWithDefault;
  source: string | null;
  responsible_id: string | null;
  success_message: string | null;
  language: Generated<'ru' | 'en'>;
  enabled: Generated<boolean>;
  submissions: Generated<number>;
  last_submitted_at: NullableTimestamp;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  deleted_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface EmailMessagesTable {
  id: Generated<string>;
  workspace_id: string;
  /** What makes a retried send the same message: the process token's id. */
  message_key: string;
  tracking_key: string;
  entity: string;
  record_id: string;
  recipients: string;
  subject: string;
  activity_id: string | null;
  sent_at: NullableTimestamp;
  opened_at: NullableTimestamp;
  opens: Generated<number>;
  created_at: CreatedAt;
}

export interface DB extends ProcessTables, AbsenceTables, ReportTables {
  files: FilesTable;
  email_messages: EmailMessagesTable;
  web_forms: WebFormsTable;
  deal_stage_totals: DealStageTotalsTable;
  workspaces: WorkspacesTable;
  users: UsersTable;
  departments: DepartmentsTable;
  role_settings: RoleSettingsTable;
  sessions: SessionsTable;
  login_attempts: LoginAttemptsTable;
  invitations: InvitationsTable;
  api_tokens: ApiTokensTable;
  record_history: RecordHistoryTable;
  leads: LeadsTable;
  companies: CompaniesTable;
  contacts: ContactsTable;
  pipelines: PipelinesTable;
  stages: StagesTable;
  products: ProductsTable;
  price_lists: PriceListsTable;
  product_prices: ProductPricesTable;
  deals: DealsTable;
  deals_without_next_step: DealsWithoutNextStepTable;
  deal_products: DealProductsTable;
  deal_stage_history: DealStageHistoryTable;
  activities: ActivitiesTable;
  tasks: TasksTable;
  custom_fields: CustomFieldsTable;
  saved_views: SavedViewsTable;
  refusal_reasons: RefusalReasonsTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type DepartmentRow = Selectable<DepartmentsTable>;
export type LeadRow = Selectable<LeadsTable>;
