/**
 * The compiled form of one published process version: plain JSON, stored as JSONB beside the XML and
 * read by the interpreter without further parsing. Optional fields are left out when empty.
 */
export interface ProcessGraph {
  /** Bumped when the shape changes, so the server can recompile old versions. */
  format: 1;
  /** The BPMN process id: the key other processes call it by. */
  key: string;
  name?: string;
  /** Start events of the process itself (not of sub-processes), in document order. */
  startEvents: string[];
  elements: Record<string, GraphElement>;
  flows: Record<string, GraphFlow>;
}

export const elementKinds = [
  'startEvent',
  'endEvent',
  'userTask',
  'serviceTask',
  'sendTask',
  'manualTask',
  'task',
  'exclusiveGateway',
  'parallelGateway',
  'inclusiveGateway',
  'eventBasedGateway',
  'intermediateCatchEvent',
  'intermediateThrowEvent',
  'boundaryEvent',
  'subProcess',
  'callActivity',
] as const;
export type ElementKind = (typeof elementKinds)[number];

export interface GraphElement {
  id: string;
  kind: ElementKind;
  name?: string;
  /** The embedded sub-process this element sits in; absent at the process level. */
  parent?: string;
  /** Incoming and outgoing sequence flow ids; outgoing in document order (the order conditions are tried). */
  in: string[];
  out: string[];
  /** Events: what they wait for or throw. Absent for none events. */
  event?: EventDefinition;
  /** Activities: their timer, message and error boundary events. */
  boundaries?: string[];
  /** Boundary events: the activity they are attached to, and whether they interrupt it. */
  attachedTo?: string;
  interrupting?: boolean;
  /** Exclusive and inclusive gateways: the flow taken when no condition holds. */
  defaultFlow?: string;
  /**
   * Inclusive joins: for each incoming flow, the elements of the same scope from which that flow can still
   * be reached without passing through the join. A token on one of them blocks the join while that flow is
   * empty.
   */
  joinUpstream?: Record<string, string[]>;
  /** Embedded sub-processes: their none start event. */
  start?: string;
  userTask?: UserTaskDefinition;
  action?: ActionDefinition;
  multiInstance?: MultiInstanceDefinition;
  /** Call activities: the key of the process to start. */
  calledElement?: string;
}

export interface GraphFlow {
  id: string;
  source: string;
  target: string;
  /** A FEEL expression (without a leading `=`). */
  condition?: string;
  isDefault?: true;
}

export type EventDefinition =
  | { type: 'timer'; timer: TimerDefinition }
  | { type: 'message'; message: string; correlationKey?: string }
  | { type: 'error'; errorCode?: string }
  | { type: 'terminate' };

/**
 * A literal ISO-8601 value (`P3D`, `2025-01-01T09:00:00Z`, `R/P1D`) or a FEEL expression yielding a duration
 * or a date, e.g. `date and time(deal.closeDate) - duration("P1D")`.
 */
export interface TimerDefinition {
  kind: 'duration' | 'date' | 'cycle';
  value: string;
  isExpression: boolean;
}

export const assigneeKinds = ['user', 'role', 'departmentHead', 'variable', 'initiator'] as const;
export type AssigneeKind = (typeof assigneeKinds)[number];

export const formFieldTypes = [
  'text',
  'number',
  'money',
  'date',
  'boolean',
  'select',
  'user',
  'textarea',
  'file',
] as const;
export type FormFieldType = (typeof formFieldTypes)[number];

export interface FormField {
  id: string;
  label: string;
  type: FormFieldType;
  required?: true;
  options?: { value: string; label: string }[];
}

/**
 * What a person may decide on an approval task. The inbox offers exactly the task's decisions as buttons;
 * the choice becomes the process variable `decision` (and `outcome`), which the following gateway tests.
 */
export const taskDecisions = ['approve', 'reject', 'revise'] as const;
export type TaskDecision = (typeof taskDecisions)[number];

export interface UserTaskDefinition {
  /** `value` is a user id, role, department id, or (kind `variable`) a FEEL expression yielding a user id. */
  assignee?: { kind: AssigneeKind; value?: string };
  /** FEEL yielding a duration (from the task's creation) or a date. */
  dueDate?: string;
  form?: FormField[];
  /** An approval task: the decisions its completion must carry one of. Absent on a plain task ("Complete"). */
  decisions?: TaskDecision[];
}

/** The actions a service or send task may run; the server carries each one out as a job. */
export const processActions = [
  'crm.createRecord',
  'crm.updateRecord',
  'crm.createTask',
  'crm.changeResponsible',
  'notify',
  'email.send',
  'variables.set',
  'webhook.call',
  'crm.convertLead',
  'hr.recordAbsence',
  'org.initiator',
  'org.members',
  'tasks.tally',
] as const;
export type ProcessAction = (typeof processActions)[number];

export interface ActionDefinition {
  name: ProcessAction;
  /** Parameter name → FEEL expression, evaluated when the task starts. */
  params: Record<string, string>;
  /** Store the action's result under this variable instead of merging it into the variables. */
  resultVariable?: string;
}

export const approvalRules = ['all', 'any', 'majority'] as const;
export type ApprovalRule = (typeof approvalRules)[number];

export interface MultiInstanceDefinition {
  sequential: boolean;
  /** FEEL yielding the list of items; one task per item. */
  collection: string;
  /** Name under which each task sees its item. */
  elementVariable?: string;
  /** FEEL over the variables plus nrOfInstances, nrOfCompletedInstances, nrOfActiveInstances. */
  completionCondition?: string;
  approval?: ApprovalDefinition;
}

/**
 * Each task instance answers with `vote` in its output: `true` or `"approve"` approves, anything else
 * rejects. The rule decides as soon as the outcome is certain and the remaining tasks are cancelled.
 */
export interface ApprovalDefinition {
  rule: ApprovalRule;
  vote: string;
  result: string;
}
