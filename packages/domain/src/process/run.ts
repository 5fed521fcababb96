import { enterElement, takeInclusiveFork } from './elements';
import type { GraphElement, ProcessGraph } from './graph';
import type { Effect, InstanceState, InstanceStatus, StepContext, Token, Variables, WorkKind } from './state';

/** Moves within one step before the engine assumes a loop without a wait state. */
export const maxMovesPerStep = 10_000;

/** A token on its way along a flow; it is placed (or ends) when the element is entered. */
export interface Arrival {
  id: string;
  elementId: string;
  scopeId?: string;
  flowId?: string;
}

const workByWait: Partial<Record<Token['wait'], WorkKind>> = {
  userTask: 'userTask',
  action: 'action',
  timer: 'timer',
  message: 'message',
  child: 'child',
};

const upstreamCache = new WeakMap<ProcessGraph, Map<string, Set<string>>>();

/**
 * The mutable working copy of one instance during one step. The input state is never changed: tokens
 * are replaced, not edited, and variables are copied on the first write.
 */
export class Run {
  readonly tokens: Map<string, Token>;
  readonly effects: Effect[] = [];
  /** Elements entered and flows taken in this step, in order: the path the monitor draws. */
  readonly visited: string[] = [];
  variables: Variables;
  status: InstanceStatus;
  error: InstanceState['error'];
  moves = 0;
  private readonly queue: Arrival[] = [];
  private head = 0;
  private ownVariables = false;

  constructor(
    readonly graph: ProcessGraph,
    readonly instance: InstanceState,
    readonly context: StepContext,
  ) {
    this.tokens = new Map(instance.tokens.map((token) => [token.id, token]));
    this.variables = instance.variables;
    this.status = instance.status;
    this.error = instance.error;
  }

  element(id: string): GraphElement {
    return this.graph.elements[id]!;
  }

  setVariables(patch: Variables | undefined): void {
    if (!patch) return;
    const keys = Object.keys(patch);
    if (keys.length === 0) return;
    if (!this.ownVariables) {
      this.variables = { ...this.variables };
      this.ownVariables = true;
    }
    for (const key of keys) {
      if (key === '__proto__') continue;
      this.variables[key] = patch[key];
    }
  }

  place(token: Token): Token {
    this.tokens.set(token.id, token);
    return token;
  }

  arrive(arrival: Arrival): void {
    this.queue.push(arrival);
  }

  /** Moves tokens until every one waits somewhere, then fires the inclusive joins that may fire. */
  drain(): void {
    for (;;) {
      while (this.head < this.queue.length) {
        const arrival = this.queue[this.head++]!;
        if (this.status !== 'running') continue;
        if (arrival.scopeId !== undefined && !this.tokens.has(arrival.scopeId)) continue;
        this.moves++;
        enterElement(this, arrival);
      }
      this.queue.length = 0;
      this.head = 0;
      if (this.status !== 'running' || !this.fireInclusiveJoins()) return;
    }
  }

  /** Sends a token out of an element along the given flows: the first keeps its id, the others get new ones. */
  leave(token: { id: string; scopeId?: string }, flowIds: readonly string[]): void {
    this.tokens.delete(token.id);
    if (flowIds.length === 0) {
      this.checkScope(token.scopeId);
      return;
    }
    this.visited.push(...flowIds);
    flowIds.forEach((flowId, index) => {
      const flow = this.graph.flows[flowId]!;
      const arrival: Arrival = {
        id: index === 0 ? token.id : this.context.newId(),
        elementId: flow.target,
        flowId,
      };
      if (token.scopeId !== undefined) arrival.scopeId = token.scopeId;
      this.arrive(arrival);
    });
  }

  /** An activity is done: its boundary listeners go, and the token leaves by all outgoing flows. */
  completeActivity(token: Token): void {
    this.removeListeners(token.id);
    this.leave(token, this.element(token.elementId).out);
  }

  /** A token ends; if it was the last of its scope, the scope completes. */
  finish(token: Token): void {
    this.tokens.delete(token.id);
    this.checkScope(token.scopeId);
  }

  private checkScope(scopeId: string | undefined): void {
    if (this.status !== 'running') return;
    for (const token of this.tokens.values()) if (token.scopeId === scopeId) return;
    for (let index = this.head; index < this.queue.length; index++) {
      if (this.queue[index]!.scopeId === scopeId) return;
    }
    if (scopeId === undefined) {
      this.status = 'completed';
      this.effects.push({ type: 'instanceCompleted' });
      return;
    }
    const scope = this.tokens.get(scopeId);
    if (scope?.wait === 'subProcess') this.completeActivity(scope);
  }

  /** Removes a token with everything inside it and listening for it, cancelling the work they hold. */
  kill(token: Token): void {
    this.tokens.delete(token.id);
    const work = workByWait[token.wait];
    if (work) this.effects.push({ type: 'cancelWork', tokenId: token.id, work });
    for (const other of [...this.tokens.values()]) {
      if ((other.scopeId === token.id || other.ownerId === token.id) && this.tokens.has(other.id))
        this.kill(other);
    }
  }

  removeListeners(ownerId: string): void {
    for (const token of [...this.tokens.values()]) {
      if (token.ownerId === ownerId && this.tokens.has(token.id)) this.kill(token);
    }
  }

  /** Ends every token of a scope (terminate end event). */
  killScope(scopeId: string | undefined): void {
    for (const token of [...this.tokens.values()]) {
      if (token.scopeId === scopeId && this.tokens.has(token.id)) this.kill(token);
    }
    for (let index = this.head; index < this.queue.length; index++) {
      const arrival = this.queue[index]!;
      // Tokens in flight in this scope are dropped by pointing them at a scope that no longer exists.
      if (arrival.scopeId === scopeId) arrival.scopeId = `${scopeId ?? ''}\u0000gone`;
    }
  }

  incident(token: Token, message: string): void {
    this.place({ ...token, wait: 'incident', incident: message });
    this.effects.push({ type: 'incident', tokenId: token.id, elementId: token.elementId, message });
  }

  /** Ends the instance: every token goes, with its work. */
  end(status: 'terminated' | 'failed' | 'cancelled', error?: { code: string; message?: string }): void {
    for (const token of [...this.tokens.values()]) if (this.tokens.has(token.id)) this.kill(token);
    this.status = status;
    if (status === 'terminated') this.effects.push({ type: 'instanceTerminated' });
    if (status === 'cancelled') this.effects.push({ type: 'instanceCancelled' });
    if (status === 'failed' && error) {
      this.error = error;
      this.effects.push({
        type: 'instanceFailed',
        errorCode: error.code,
        ...(error.message && { message: error.message }),
      });
    }
  }

  /**
   * An error thrown at `from` (a failing activity, or the scope of an error end event) is caught by the
   * nearest error boundary with its code, or without a code, walking out through the enclosing scopes.
   * Returns false when nothing catches it.
   */
  catchError(from: Token | undefined, code: string): boolean {
    for (let token = from; token; token = token.scopeId ? this.tokens.get(token.scopeId) : undefined) {
      const boundaries = (this.element(token.elementId).boundaries ?? []).map((id) => this.element(id));
      const errors = boundaries.filter((boundary) => boundary.event?.type === 'error');
      const boundary =
        errors.find((candidate) => candidate.event?.type === 'error' && candidate.event.errorCode === code) ??
        errors.find((candidate) => candidate.event?.type === 'error' && !candidate.event.errorCode);
      if (boundary) {
        this.kill(token);
        this.setVariables({ errorCode: code });
        this.leave(
          { id: this.context.newId(), ...(token.scopeId && { scopeId: token.scopeId }) },
          boundary.out,
        );
        return true;
      }
    }
    return false;
  }

  private upstream(join: GraphElement, flowId: string): Set<string> {
    let byFlow = upstreamCache.get(this.graph);
    if (!byFlow) {
      byFlow = new Map();
      upstreamCache.set(this.graph, byFlow);
    }
    const key = `${join.id}\u0000${flowId}`;
    let set = byFlow.get(key);
    if (!set) {
      set = new Set(join.joinUpstream?.[flowId] ?? []);
      byFlow.set(key, set);
    }
    return set;
  }

  /**
   * An inclusive join fires when it holds a token and no other token of its scope can still reach one of
   * its empty incoming flows. It takes one token per filled flow; surplus tokens wait for the next round.
   */
  private fireInclusiveJoins(): boolean {
    for (const waiting of this.tokens.values()) {
      if (waiting.wait !== 'join') continue;
      const join = this.element(waiting.elementId);
      if (join.kind !== 'inclusiveGateway') continue;
      const arrived = new Map<string, Token>();
      for (const token of this.tokens.values()) {
        if (token.wait === 'join' && token.elementId === join.id && token.scopeId === waiting.scopeId) {
          if (!arrived.has(token.flowId!)) arrived.set(token.flowId!, token);
        }
      }
      const empty = join.in
        .filter((flowId) => !arrived.has(flowId))
        .map((flowId) => this.upstream(join, flowId));
      let blocked = false;
      for (const token of this.tokens.values()) {
        if (token.scopeId !== waiting.scopeId || (token.elementId === join.id && token.wait === 'join'))
          continue;
        if (empty.some((upstream) => upstream.has(token.elementId))) {
          blocked = true;
          break;
        }
      }
      if (blocked) continue;
      const consumed = [...arrived.values()];
      for (const token of consumed) this.tokens.delete(token.id);
      takeInclusiveFork(this, consumed[0]!, join);
      return true;
    }
    return false;
  }
}
