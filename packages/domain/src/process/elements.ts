import {
  addIsoDuration,
  evaluateFeel,
  evaluateFeelInstant,
  FeelError,
  type FeelValue,
  parseIsoInstant,
} from './feel';
import type { GraphElement, TimerDefinition } from './graph';
import { type Arrival, maxMovesPerStep, type Run } from './run';
import type { Token, Variables } from './state';
import { createUserTask, startMultiInstance } from './user-tasks';

export type Evaluation = { ok: true; value: FeelValue } | { ok: false; message: string };

/** The variables an expression of this token sees: the instance's, plus a multi-instance item. */
export function variablesFor(run: Run, token: Token): Variables {
  if (token.loopCounter === undefined) return run.variables;
  const elementVariable = run.element(token.elementId).multiInstance?.elementVariable;
  const locals: Variables = { ...run.variables, loopCounter: token.loopCounter };
  if (elementVariable) locals[elementVariable] = token.item;
  return locals;
}

export function evaluateFor(run: Run, expression: string, token: Token, variables?: Variables): Evaluation {
  try {
    return {
      ok: true,
      value: evaluateFeel(expression, variables ?? variablesFor(run, token), { now: run.context.now }),
    };
  } catch (error) {
    if (error instanceof FeelError) return { ok: false, message: error.message };
    throw error;
  }
}

function title(element: GraphElement): string {
  return element.name ? `"${element.name}"` : element.id;
}

function timerDue(run: Run, timer: TimerDefinition, token: Token): Date | string {
  const now = run.context.now;
  if (!timer.isExpression) {
    const due = timer.kind === 'duration' ? addIsoDuration(now, timer.value) : parseIsoInstant(timer.value);
    return due ?? `Timer "${timer.value}" is not a duration or a date`;
  }
  try {
    const due = evaluateFeelInstant(timer.value, variablesFor(run, token), now);
    return due ?? `Timer "${timer.value}" yields neither a duration nor a date`;
  } catch (error) {
    if (error instanceof FeelError) return error.message;
    throw error;
  }
}

/** Places a token that waits for a timer or a message: a catch event, a boundary or an event-gateway branch. */
export function armListener(run: Run, token: Token, element: GraphElement): void {
  const event = element.event;
  if (event?.type === 'timer') {
    const due = timerDue(run, event.timer, token);
    if (typeof due === 'string') {
      run.incident(token, due);
      return;
    }
    const dueAt = due.toISOString();
    run.place({ ...token, wait: 'timer', dueAt });
    run.effects.push({ type: 'scheduleTimer', tokenId: token.id, elementId: element.id, dueAt });
    return;
  }
  if (event?.type === 'message') {
    let correlationKey: string | undefined;
    if (event.correlationKey) {
      const key = evaluateFor(run, event.correlationKey, token);
      if (!key.ok) {
        run.incident(token, key.message);
        return;
      }
      if (typeof key.value !== 'string' && typeof key.value !== 'number') {
        run.incident(token, `Correlation key "${event.correlationKey}" yields no text or number`);
        return;
      }
      correlationKey = String(key.value);
    }
    const message =
      correlationKey === undefined ? { name: event.message } : { name: event.message, correlationKey };
    run.place({ ...token, wait: 'message', message });
    run.effects.push({ type: 'subscribeMessage', tokenId: token.id, elementId: element.id, ...message });
  }
}

/** Starts listening on the timer and message boundary events of an activity that now waits. */
export function attachBoundaries(run: Run, owner: Token, element: GraphElement): void {
  for (const boundaryId of element.boundaries ?? []) {
    const boundary = run.element(boundaryId);
    if (boundary.event?.type !== 'timer' && boundary.event?.type !== 'message') continue;
    const listener: Token = {
      id: run.context.newId(),
      elementId: boundaryId,
      wait: 'timer',
      ownerId: owner.id,
    };
    if (owner.scopeId !== undefined) listener.scopeId = owner.scopeId;
    armListener(run, listener, boundary);
  }
}

/** A timer fired or a message arrived for a waiting token. */
export function fireListener(run: Run, token: Token): void {
  const element = run.element(token.elementId);
  if (element.kind === 'boundaryEvent') {
    if (element.interrupting) {
      run.tokens.delete(token.id);
      const owner = token.ownerId ? run.tokens.get(token.ownerId) : undefined;
      if (owner) run.kill(owner);
      run.leave(token, element.out);
      return;
    }
    // A non-interrupting timer fires once; a message boundary keeps listening while the activity runs.
    if (token.wait === 'timer') run.tokens.delete(token.id);
    const spawned: Token = { id: run.context.newId(), elementId: element.id, wait: 'join' };
    if (token.scopeId !== undefined) spawned.scopeId = token.scopeId;
    run.leave(spawned, element.out);
    return;
  }
  const owner = token.ownerId ? run.tokens.get(token.ownerId) : undefined;
  if (owner?.wait === 'eventGateway') {
    // The first event behind an event-based gateway wins; the others are withdrawn.
    run.tokens.delete(token.id);
    run.removeListeners(owner.id);
    run.tokens.delete(owner.id);
  }
  run.leave(token, element.out);
}

function chooseFlows(run: Run, token: Token, element: GraphElement, all: boolean): string[] | null {
  const chosen: string[] = [];
  for (const flowId of element.out) {
    const flow = run.graph.flows[flowId]!;
    if (flow.isDefault) continue;
    let holds = true;
    if (flow.condition !== undefined) {
      const result = evaluateFor(run, flow.condition, token);
      if (!result.ok) {
        run.incident(token, result.message);
        return null;
      }
      holds = result.value === true;
    }
    if (holds) {
      chosen.push(flowId);
      if (!all) break;
    }
  }
  if (chosen.length === 0 && element.defaultFlow) chosen.push(element.defaultFlow);
  if (chosen.length === 0) {
    run.incident(token, `No condition out of ${title(element)} holds and it has no default flow`);
    return null;
  }
  return chosen;
}

/** Inclusive gateway, forking side: every flow whose condition holds, else the default. */
export function takeInclusiveFork(run: Run, token: Token, element: GraphElement): void {
  const base: Token = { id: token.id, elementId: element.id, wait: 'join' };
  if (token.scopeId !== undefined) base.scopeId = token.scopeId;
  if (token.flowId !== undefined) base.flowId = token.flowId;
  const flows = chooseFlows(run, base, element, true);
  if (flows) run.leave(base, flows);
}

function joinParallel(run: Run, token: Token, element: GraphElement): void {
  run.place(token);
  const taken: Token[] = [];
  for (const flowId of element.in) {
    let found: Token | undefined;
    for (const candidate of run.tokens.values()) {
      if (
        candidate.wait === 'join' &&
        candidate.elementId === element.id &&
        candidate.flowId === flowId &&
        candidate.scopeId === token.scopeId
      ) {
        found = candidate;
        break;
      }
    }
    if (!found) return;
    taken.push(found);
  }
  for (const arrived of taken) run.tokens.delete(arrived.id);
  run.leave(taken[0]!, element.out);
}

function runAction(run: Run, token: Token, element: GraphElement): void {
  const action = element.action!;
  const params: Variables = {};
  for (const [name, expression] of Object.entries(action.params)) {
    const result = evaluateFor(run, expression, token);
    if (!result.ok) {
      run.incident(token, `Parameter ${name}: ${result.message}`);
      return;
    }
    params[name] = result.value;
  }
  if (action.name === 'variables.set') {
    // Needs no job: the engine sets the variables and moves on.
    run.setVariables(params);
    run.leave(token, element.out);
    return;
  }
  const waiting = run.place({ ...token, wait: 'action' });
  run.effects.push({
    type: 'runAction',
    tokenId: token.id,
    elementId: element.id,
    action: action.name,
    params,
  });
  attachBoundaries(run, waiting, element);
}

function endEvent(run: Run, token: Token, element: GraphElement): void {
  const event = element.event;
  if (event?.type === 'terminate') {
    run.killScope(token.scopeId);
    if (token.scopeId === undefined) {
      run.end('terminated');
      return;
    }
    const scope = run.tokens.get(token.scopeId);
    if (scope) run.completeActivity(scope);
    return;
  }
  if (event?.type === 'error') {
    const code = event.errorCode!;
    // Not `finish`: the scope must not complete normally before the error reaches it.
    run.tokens.delete(token.id);
    const scope = token.scopeId === undefined ? undefined : run.tokens.get(token.scopeId);
    if (!run.catchError(scope, code))
      run.end('failed', { code, message: `Error end event ${title(element)}` });
    return;
  }
  run.finish(token);
}

/** A token enters an element: it passes through, waits there, or ends. */
export function enterElement(run: Run, arrival: Arrival): void {
  const element = run.element(arrival.elementId);
  run.visited.push(element.id);
  const token: Token = { id: arrival.id, elementId: element.id, wait: 'join' };
  if (arrival.scopeId !== undefined) token.scopeId = arrival.scopeId;
  if (run.moves > maxMovesPerStep) {
    if (arrival.flowId) token.flowId = arrival.flowId;
    run.incident(token, `More than ${maxMovesPerStep} moves in one step: a loop without a wait state?`);
    return;
  }
  switch (element.kind) {
    case 'startEvent':
    case 'task':
    case 'manualTask':
    case 'intermediateThrowEvent':
    case 'boundaryEvent':
      run.leave(token, element.out);
      return;
    case 'endEvent':
      endEvent(run, token, element);
      return;
    case 'exclusiveGateway': {
      const flows = chooseFlows(
        run,
        arrival.flowId ? { ...token, flowId: arrival.flowId } : token,
        element,
        false,
      );
      if (flows) run.leave(token, flows);
      return;
    }
    case 'inclusiveGateway':
      if (element.in.length > 1) {
        run.place({ ...token, flowId: arrival.flowId! });
        return;
      }
      takeInclusiveFork(run, token, element);
      return;
    case 'parallelGateway':
      if (element.in.length > 1) {
        joinParallel(run, { ...token, flowId: arrival.flowId! }, element);
        return;
      }
      run.leave(token, element.out);
      return;
    case 'eventBasedGateway': {
      const gateway = run.place({ ...token, wait: 'eventGateway' });
      for (const flowId of element.out) {
        const target = run.element(run.graph.flows[flowId]!.target);
        const branch: Token = {
          id: run.context.newId(),
          elementId: target.id,
          wait: 'timer',
          ownerId: gateway.id,
        };
        if (token.scopeId !== undefined) branch.scopeId = token.scopeId;
        armListener(run, branch, target);
      }
      return;
    }
    case 'intermediateCatchEvent':
      armListener(run, token, element);
      return;
    case 'userTask':
      if (element.multiInstance) {
        startMultiInstance(run, token, element);
        return;
      }
      if (createUserTask(run, token, element)) attachBoundaries(run, run.tokens.get(token.id)!, element);
      return;
    case 'serviceTask':
    case 'sendTask':
      runAction(run, token, element);
      return;
    case 'subProcess': {
      const scope = run.place({ ...token, wait: 'subProcess' });
      attachBoundaries(run, scope, element);
      run.arrive({ id: run.context.newId(), elementId: element.start!, scopeId: scope.id });
      return;
    }
    case 'callActivity': {
      const waiting = run.place({ ...token, wait: 'child' });
      run.effects.push({
        type: 'startChild',
        tokenId: token.id,
        elementId: element.id,
        calledElement: element.calledElement!,
        variables: { ...run.variables },
      });
      attachBoundaries(run, waiting, element);
      return;
    }
  }
}
