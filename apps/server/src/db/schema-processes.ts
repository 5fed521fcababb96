import type { ColumnType, Generated } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null, Date | string | null>;
/** jsonb: written as a JSON string or value, read back parsed. */
type Json<T> = ColumnType<T, string | T, string | T>;

export type ProcessVersionStatus = 'draft' | 'published' | 'retired';
export type ProcessTaskStatus = 'open' | 'completed' | 'cancelled';

export interface ProcessDefinitionsTable {
  id: Generated<string>;
  workspace_id: string;
  key: string;
  name: string;
  description: string | null;
  template: string | null;
  /** The kind of record the process runs on; null: started without one. */
  runs_on: 'lead' | 'deal' | 'contact' | 'company' | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  deleted_at: NullableTimestamp;
}

export interface ProcessVersionsTable {
  id: Generated<string>;
  workspace_id: string;
  definition_id: string;
  version: number;
  status: ProcessVersionStatus;
  xml: string;
  graph: Json<unknown> | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  published_at: NullableTimestamp;
  published_by: string | null;
}

export interface ProcessTriggersTable {
  id: Generated<string>;
  workspace_id: string;
  definition_id: string;
  event: string;
  conditions: Json<Record<string, unknown>>;
  enabled: Generated<boolean>;
  created_at: CreatedAt;
}

export interface ProcessInstancesTable {
  id: Generated<string>;
  workspace_id: string;
  definition_id: string;
  version_id: string;
  status: string;
  variables: Json<Record<string, unknown>>;
  entity: string | null;
  record_id: string | null;
  initiator_id: string | null;
  parent_instance_id: string | null;
  parent_token_id: string | null;
  revision: Generated<number>;
  incidents: Generated<number>;
  started_at: CreatedAt;
  updated_at: UpdatedAt;
  ended_at: NullableTimestamp;
}

export interface ProcessTokensTable {
  id: string;
  workspace_id: string;
  instance_id: string;
  element_id: string;
  scope_id: string | null;
  state: string;
  message_name: string | null;
  correlation_key: string | null;
  data: Json<Record<string, unknown>>;
  created_at: CreatedAt;
}

export interface ProcessTasksTable {
  id: Generated<string>;
  workspace_id: string;
  instance_id: string;
  token_id: string;
  element_id: string;
  name: string;
  assignee_id: string | null;
  candidate_role: string | null;
  form: Json<unknown[]>;
  /** An approval task's decisions; empty for a plain task. */
  decisions: ColumnType<string[], string | undefined, string>;
  due_at: NullableTimestamp;
  status: Generated<ProcessTaskStatus>;
  outcome: string | null;
  comment: string | null;
  values: Json<Record<string, unknown>>;
  completed_by: string | null;
  completed_at: NullableTimestamp;
  created_at: CreatedAt;
}

export interface ProcessStepsTable {
  id: Generated<string>;
  workspace_id: string;
  instance_id: string;
  element_id: string;
  token_id: string | null;
  event: string;
  actor_id: string | null;
  detail: Json<Record<string, unknown>> | null;
  at: CreatedAt;
}

export interface ProcessIncidentsTable {
  id: Generated<string>;
  workspace_id: string;
  instance_id: string;
  token_id: string;
  element_id: string;
  message: string;
  created_at: CreatedAt;
  resolved_at: NullableTimestamp;
  resolved_by: string | null;
  resolution: string | null;
}

export interface ProcessEffectsTable {
  workspace_id: string;
  key: string;
  instance_id: string | null;
  result: Json<unknown> | null;
  created_at: CreatedAt;
}

export interface ProcessTriggerEventsTable {
  id: Generated<string>;
  workspace_id: string;
  event: string;
  entity: string;
  record_id: string;
  data: Json<Record<string, unknown>>;
  attempts: Generated<number>;
  last_error: string | null;
  available_at: ColumnType<Date, Date | string | undefined, Date | string>;
  created_at: CreatedAt;
}

export interface ProcessTables {
  process_trigger_events: ProcessTriggerEventsTable;
  process_definitions: ProcessDefinitionsTable;
  process_versions: ProcessVersionsTable;
  process_triggers: ProcessTriggersTable;
  process_instances: ProcessInstancesTable;
  process_tokens: ProcessTokensTable;
  process_tasks: ProcessTasksTable;
  process_steps: ProcessStepsTable;
  process_incidents: ProcessIncidentsTable;
  process_effects: ProcessEffectsTable;
}
