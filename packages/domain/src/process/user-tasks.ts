import { attachBoundaries, evaluateFor, variablesFor } from './elements';
import { evaluateFeelInstant, FeelError } from './feel';
import type { ApprovalRule, GraphElement } from './graph';
import type { Run } from './run';
import type { Effect, MultiInstanceTally, ResolvedAssignee, Token, Variables } from './state';

function resolveAssignee(run: Run, token: Token, element: GraphElement): ResolvedAssignee | null | string {
  const assignee = element.userTask?.assignee;
  if (!assignee) return null;
  switch (assignee.kind) {
    case 'initiator': {
      const initiator = run.instance.initiator;
      return initiator
        ? { kind: 'user', value: initiator }
        : 'The instance has no initiator to assign the task to';
    }
    case 'variable': {
      const result = evaluateFor(run, assignee.value!, token);
      if (!result.ok) return result.message;
      if (typeof result.value !== 'string' && typeof result.value !== 'number') {
        return `Assignee "${assignee.value}" yields no user`;
      }
      return { kind: 'user', value: String(result.value) };
    }
    default:
      return { kind: assignee.kind, value: assignee.value ?? '' };
  }
}

function dueAt(run: Run, token: Token, expression: string): string | { error: string } {
  try {
    const due = evaluateFeelInstant(expression, variablesFor(run, token), run.context.now);
    return due
      ? due.toISOString()
      : { error: `Due date "${expression}" yields neither a duration nor a date` };
  } catch (error) {
    if (error instanceof FeelError) return { error: error.message };
    throw error;
  }
}

/** Places a token on a user task and asks the server to create the task. False when it became an incident. */
export function createUserTask(run: Run, token: Token, element: GraphElement): boolean {
  const definition = element.userTask ?? {};
  const assignee = resolveAssignee(run, token, element);
  if (typeof assignee === 'string') {
    run.incident(token, assignee);
    return false;
  }
  const effect: Effect & { type: 'createUserTask' } = {
    type: 'createUserTask',
    tokenId: token.id,
    elementId: element.id,
    assignee,
    form: definition.form ?? [],
  };
  if (element.name) effect.name = element.name;
  if (definition.decisions) effect.decisions = definition.decisions;
  if (definition.dueDate) {
    const due = dueAt(run, token, definition.dueDate);
    if (typeof due !== 'string') {
      run.incident(token, due.error);
      return false;
    }
    effect.dueAt = due;
  }
  if (token.loopCounter !== undefined) {
    effect.item = token.item;
    effect.loopCounter = token.loopCounter;
  }
  run.place({ ...token, wait: 'userTask' });
  run.effects.push(effect);
  return true;
}

function startInstance(run: Run, body: Token, element: GraphElement, item: unknown): void {
  const tally = body.multiInstance!;
  const started: Token = { ...body, multiInstance: { ...tally, started: tally.started + 1 } };
  run.place(started);
  const instance: Token = {
    id: run.context.newId(),
    elementId: element.id,
    wait: 'userTask',
    scopeId: body.id,
    item: item ?? null,
    loopCounter: tally.started + 1,
  };
  createUserTask(run, instance, element);
}

/** The outcome of an approval once it is certain: true approved, false rejected, null not yet known. */
export function decideApproval(rule: ApprovalRule, tally: MultiInstanceTally): boolean | null {
  const { total, approved, rejected } = tally;
  switch (rule) {
    case 'all':
      return rejected > 0 ? false : approved === total ? true : null;
    case 'any':
      return approved > 0 ? true : rejected === total ? false : null;
    case 'majority':
      return approved > total / 2 ? true : rejected >= total / 2 ? false : null;
  }
}

function finish(run: Run, body: Token): void {
  for (const token of [...run.tokens.values()]) {
    if (token.scopeId === body.id && run.tokens.has(token.id)) run.kill(token);
  }
  run.completeActivity(body);
}

/** A multi-instance user task: one task per item of the collection, all at once or one after another. */
export function startMultiInstance(run: Run, token: Token, element: GraphElement): void {
  const definition = element.multiInstance!;
  const collection = evaluateFor(run, definition.collection, token);
  if (!collection.ok) {
    run.incident(token, collection.message);
    return;
  }
  if (!Array.isArray(collection.value)) {
    run.incident(token, `Collection "${definition.collection}" is not a list`);
    return;
  }
  const items = collection.value;
  const tally: MultiInstanceTally = {
    total: items.length,
    started: 0,
    completed: 0,
    approved: 0,
    rejected: 0,
  };
  if (definition.sequential) tally.items = items;
  let body = run.place({ ...token, wait: 'multiInstance', multiInstance: tally });
  attachBoundaries(run, body, element);
  if (items.length === 0) {
    if (definition.approval) {
      run.setVariables({ [definition.approval.result]: decideApproval(definition.approval.rule, tally) });
    }
    finish(run, body);
    return;
  }
  for (const item of definition.sequential ? items.slice(0, 1) : items) {
    startInstance(run, body, element, item);
    body = run.tokens.get(body.id)!;
  }
}

function isApproval(vote: unknown): boolean {
  return vote === true || vote === 'approve' || vote === 'approved';
}

/** One task of a multi-instance user task is done: count it, decide early if the rule allows, or go on. */
export function completeMultiInstanceTask(run: Run, task: Token, output: Variables | undefined): void {
  const body = run.tokens.get(task.scopeId!)!;
  const element = run.element(body.elementId);
  const definition = element.multiInstance!;
  const approval = definition.approval;
  run.tokens.delete(task.id);
  const tally = { ...body.multiInstance!, completed: body.multiInstance!.completed + 1 };
  if (approval) {
    const { [approval.vote]: vote, ...rest } = output ?? {};
    if (isApproval(vote)) tally.approved++;
    else tally.rejected++;
    run.setVariables(rest);
  } else {
    run.setVariables(output);
  }
  const updated = run.place({ ...body, multiInstance: tally });
  let done = tally.completed >= tally.total;
  if (approval) {
    const verdict = decideApproval(approval.rule, tally);
    if (verdict !== null) {
      run.setVariables({ [approval.result]: verdict });
      done = true;
    }
  }
  if (!done && definition.completionCondition) {
    const variables = {
      ...run.variables,
      nrOfInstances: tally.total,
      nrOfCompletedInstances: tally.completed,
      nrOfActiveInstances: tally.started - tally.completed,
    };
    const result = evaluateFor(run, definition.completionCondition, updated, variables);
    if (!result.ok) {
      run.incident(updated, result.message);
      return;
    }
    done = result.value === true;
  }
  if (done) {
    finish(run, updated);
    return;
  }
  if (definition.sequential && tally.started < tally.total) {
    startInstance(run, updated, element, tally.items?.[tally.started]);
  }
}
