import type { ApiScope, HistoryEntity, LeadStatus, ManagerFunction, Role, Visibility } from '@voronka/domain';
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;

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
  accepted_at: Timestamp | null;
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
  last_used_at: Timestamp | null;
  expires_at: Timestamp | null;
  revoked_at: Timestamp | null;
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
  status: LeadStatus;
  responsible_id: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  deleted_at: Timestamp | null;
}

export interface DB {
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
}

export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type DepartmentRow = Selectable<DepartmentsTable>;
export type LeadRow = Selectable<LeadsTable>;
