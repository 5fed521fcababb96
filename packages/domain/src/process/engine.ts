import { armListener, fireListener } from './elements';
import type { ProcessGraph } from './graph';
import { Run } from './run';
import {
  type InstanceState,
  type ProcessEvent,
  ProcessStepError,
  type StepContext,
  type StepResult,
  type Token,
  type TokenWait,
} from './state';
import { completeMultiInstanceTask, createUserTask } from './user-tasks';

function waitingToken(run: Run, tokenId: string, waits: readonly TokenWait[]): Token {
  const token = run.tokens.get(tokenId);
  if (!token) throw new ProcessStepError('unknown_token', `No token ${tokenId} in this instance`);
  if (!waits.includes(token.wait)) {
    throw new ProcessStepError(
      'wrong_state',
      `Token ${tokenId} waits for ${token.wait}, not ${waits.join(' or ')}`,
    );
  }
  return token;
}

function isMultiInstanceTask(token: Token): boolean {
  return token.loopCounter !== undefined && token.scopeId !== undefined;
}

function retry(run: Run, token: Token): void {
  const { incident: _incident, ...rest } = token;
  const element = run.element(token.elementId);
  run.removeListeners(token.id);
  run.tokens.delete(token.id);
  if (isMultiInstanceTask(token)) {
    createUserTask(run, rest, element);
  } else if (token.ownerId !== undefined) {
    armListener(run, rest, element);
  } else {
    run.arrive({
      id: token.id,
      elementId: token.elementId,
      ...(token.scopeId !== undefined && { scopeId: token.scopeId }),
      ...(token.flowId !== undefined && { flowId: token.flowId }),
    });
  }
}

function startEventOf(graph: ProcessGraph, startEventId: string | undefined): string {
  if (startEventId !== undefined) {
    if (!graph.startEvents.includes(startEventId)) {
      throw new ProcessStepError('unknown_start', `${startEventId} is not a start event of ${graph.key}`);
    }
    return startEventId;
  }
  const none = graph.startEvents.filter((id) => !graph.elements[id]!.event);
  if (none.length !== 1) {
    throw new ProcessStepError('unknown_start', `Process ${graph.key} needs a start event id to start`);
  }
  return none[0]!;
}

function apply(run: Run, event: Exclude<ProcessEvent, { type: 'start' }>): void {
  switch (event.type) {
    case 'completeTask': {
      const token = waitingToken(run, event.tokenId, ['userTask', 'action']);
      if (isMultiInstanceTask(token)) {
        completeMultiInstanceTask(run, token, event.variables);
        return;
      }
      const resultVariable =
        token.wait === 'action' ? run.element(token.elementId).action?.resultVariable : undefined;
      run.setVariables(resultVariable ? { [resultVariable]: event.variables ?? null } : event.variables);
      run.completeActivity(token);
      return;
    }
    case 'failTask': {
      const token = waitingToken(run, event.tokenId, ['userTask', 'action', 'child']);
      const activity = isMultiInstanceTask(token) ? run.tokens.get(token.scopeId!) : token;
      if (event.errorCode && run.catchError(activity, event.errorCode)) return;
      const reason = event.message ?? 'The task failed';
      run.incident(token, event.errorCode ? `${reason} (${event.errorCode})` : reason);
      return;
    }
    case 'timerFired':
      fireListener(run, waitingToken(run, event.tokenId, ['timer']));
      return;
    case 'message': {
      const matching = [...run.tokens.values()].filter(
        (token) =>
          token.wait === 'message' &&
          token.message?.name === event.name &&
          (token.message.correlationKey === undefined ||
            token.message.correlationKey === event.correlationKey),
      );
      if (matching.length === 0) return;
      run.setVariables(event.variables);
      for (const token of matching) if (run.tokens.get(token.id) === token) fireListener(run, token);
      return;
    }
    case 'childCompleted': {
      const token = waitingToken(run, event.tokenId, ['child']);
      run.setVariables(event.variables);
      run.completeActivity(token);
      return;
    }
    case 'cancel':
      run.end('cancelled');
      return;
    case 'retryIncident': {
      const token = waitingToken(run, event.tokenId, ['incident']);
      run.setVariables(event.variables);
      retry(run, token);
      return;
    }
  }
}

function snapshot(run: Run): InstanceState {
  const state: InstanceState = {
    status: run.status,
    variables: run.variables,
    tokens: [...run.tokens.values()],
  };
  if (run.instance.initiator !== undefined) state.initiator = run.instance.initiator;
  if (run.error) state.error = run.error;
  return state;
}

/**
 * Applies one event to an instance and returns the new state with the effects the server must carry out.
 * Pure and synchronous: the input is not changed, time and ids come from `context`. A `start` event takes
 * `null` for the instance. Throws `ProcessStepError` for an event that does not fit (unknown token, task
 * already done, instance not running).
 *
 * @example
 * let { instance, effects } = step(graph, null, { type: 'start', variables: { amount: 1200 } }, context);
 * // effects: [{ type: 'runAction', tokenId: 't1', action: 'crm.createTask', params: { … } }]
 * ({ instance, effects } = step(graph, instance, { type: 'completeTask', tokenId: 't1' }, context));
 */
export function step(
  graph: ProcessGraph,
  instance: InstanceState | null,
  event: ProcessEvent,
  context: StepContext,
): StepResult {
  if (event.type === 'start') {
    if (instance && (instance.tokens.length > 0 || instance.status !== 'running')) {
      throw new ProcessStepError('wrong_state', 'The instance has already started');
    }
    const startId = startEventOf(graph, event.startEventId);
    const fresh: InstanceState = { status: 'running', variables: {}, tokens: [] };
    if (event.initiator !== undefined) fresh.initiator = event.initiator;
    const run = new Run(graph, fresh, context);
    run.setVariables(event.variables);
    run.arrive({ id: context.newId(), elementId: startId });
    run.drain();
    return { instance: snapshot(run), effects: run.effects, visited: run.visited };
  }
  if (instance?.status !== 'running') {
    throw new ProcessStepError('not_running', `The instance is ${instance?.status ?? 'missing'}`);
  }
  const run = new Run(graph, instance, context);
  apply(run, event);
  run.drain();
  return { instance: snapshot(run), effects: run.effects, visited: run.visited };
}
