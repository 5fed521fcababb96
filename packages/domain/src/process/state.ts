import type { AssigneeKind, FormField, ProcessAction, TaskDecision } from './graph';

export type Variables = Record<string, unknown>;

export type InstanceStatus = 'running' | 'completed' | 'terminated' | 'failed' | 'cancelled';

/**
 * What a token waits for. Tokens never rest anywhere else: elements without a wait state are passed
 * through within one step.
 */
export type TokenWait =
  | 'userTask'
  | 'action'
  | 'timer'
  | 'message'
  | 'child'
  | 'subProcess'
  | 'multiInstance'
  | 'eventGateway'
  | 'join'
  | 'incident';

/** Work outside the engine a token holds; removing the token means `cancelWork` for it. */
export type WorkKind = 'userTask' | 'action' | 'timer' | 'message' | 'child';

/** One independent record; the server stores each as a row. */
export interface Token {
  id: string;
  elementId: string;
  wait: TokenWait;
  /** The sub-process or multi-instance token this one runs inside; absent at the process level. */
  scopeId?: string;
  /** Joins: the flow it arrived by. Incidents: the flow to re-enter by on retry. */
  flowId?: string;
  /** Boundary and event-based gateway listeners: the token they listen for. */
  ownerId?: string;
  /** Timers: when they fire (ISO). */
  dueAt?: string;
  /** Message waits. */
  message?: { name: string; correlationKey?: string };
  /** Multi-instance task instances: their item and 1-based position. */
  item?: unknown;
  loopCounter?: number;
  /** Multi-instance bodies: the tally. `items` is kept for sequential ones only. */
  multiInstance?: MultiInstanceTally;
  /** Incidents: why the token is stuck, and what it waited for before. */
  incident?: string;
}

export interface MultiInstanceTally {
  total: number;
  started: number;
  completed: number;
  approved: number;
  rejected: number;
  items?: unknown[];
}

export interface InstanceState {
  status: InstanceStatus;
  variables: Variables;
  tokens: Token[];
  initiator?: string;
  /** Failed instances: the error that ended them. */
  error?: { code: string; message?: string };
}

export type ProcessEvent =
  | { type: 'start'; startEventId?: string; variables?: Variables; initiator?: string }
  | { type: 'completeTask'; tokenId: string; variables?: Variables }
  | { type: 'failTask'; tokenId: string; errorCode?: string; message?: string }
  | { type: 'timerFired'; tokenId: string }
  | { type: 'message'; name: string; correlationKey?: string; variables?: Variables }
  | { type: 'childCompleted'; tokenId: string; variables?: Variables }
  | { type: 'cancel' }
  | { type: 'retryIncident'; tokenId: string; variables?: Variables };

export interface ResolvedAssignee {
  kind: Exclude<AssigneeKind, 'variable' | 'initiator'>;
  value: string;
}

export type Effect =
  | {
      type: 'createUserTask';
      tokenId: string;
      elementId: string;
      name?: string;
      assignee: ResolvedAssignee | null;
      form: FormField[];
      /** An approval task's decisions; absent on a plain task. */
      decisions?: TaskDecision[];
      dueAt?: string;
      item?: unknown;
      loopCounter?: number;
    }
  | { type: 'runAction'; tokenId: string; elementId: string; action: ProcessAction; params: Variables }
  | { type: 'scheduleTimer'; tokenId: string; elementId: string; dueAt: string }
  | { type: 'subscribeMessage'; tokenId: string; elementId: string; name: string; correlationKey?: string }
  | { type: 'cancelWork'; tokenId: string; work: WorkKind }
  | { type: 'startChild'; tokenId: string; elementId: string; calledElement: string; variables: Variables }
  | { type: 'incident'; tokenId: string; elementId: string; message: string }
  | { type: 'instanceCompleted' }
  | { type: 'instanceTerminated' }
  | { type: 'instanceFailed'; errorCode: string; message?: string }
  | { type: 'instanceCancelled' };

export interface StepContext {
  now: Date;
  newId(): string;
}

export interface StepResult {
  instance: InstanceState;
  effects: Effect[];
  /** Element and flow ids the step passed through, in order. */
  visited: string[];
}

export const stepErrorCodes = ['not_running', 'unknown_token', 'wrong_state', 'unknown_start'] as const;
export type StepErrorCode = (typeof stepErrorCodes)[number];

/** An event that does not fit the instance (a stale timer, a task completed twice): nothing changes. */
export class ProcessStepError extends Error {
  constructor(
    readonly code: StepErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ProcessStepError';
  }
}
