import { readFileSync } from 'node:fs';
import { compileProcess } from './compile';
import { step } from './engine';
import type { ProcessGraph } from './graph';
import type { Effect, InstanceState, ProcessEvent, Token } from './state';

/** Test support: fixtures, a fixed clock and predictable token ids (t1, t2, …). */
export function readFixture(name: string): string {
  return readFileSync(new URL(`./fixtures/${name}.bpmn`, import.meta.url), 'utf8');
}

export async function loadGraph(name: string): Promise<ProcessGraph> {
  const result = await compileProcess(readFixture(name));
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.problems, null, 2)}`);
  return result.graph;
}

export const testNow = new Date('2025-03-03T09:00:00.000Z');

/** Drives one instance through events, keeping its state and the effects of the last step. */
export class Driver {
  instance: InstanceState | null = null;
  effects: Effect[] = [];
  now = testNow;
  private counter = 0;

  constructor(readonly graph: ProcessGraph) {}

  send(event: ProcessEvent): Effect[] {
    const result = step(this.graph, this.instance, event, {
      now: this.now,
      newId: () => `t${++this.counter}`,
    });
    this.instance = result.instance;
    this.effects = result.effects;
    return result.effects;
  }

  get state(): InstanceState {
    return this.instance!;
  }

  /** Where the tokens are: `elementId:wait`, in order. */
  get where(): string[] {
    return this.state.tokens.map((token) => `${token.elementId}:${token.wait}`);
  }

  /** The one token waiting at an element. */
  at(elementId: string): Token {
    const tokens = this.state.tokens.filter((token) => token.elementId === elementId);
    if (tokens.length !== 1)
      throw new Error(`${tokens.length} tokens at ${elementId}: ${this.where.join(', ')}`);
    return tokens[0]!;
  }

  complete(elementId: string, variables?: Record<string, unknown>): Effect[] {
    return this.send({
      type: 'completeTask',
      tokenId: this.at(elementId).id,
      ...(variables && { variables }),
    });
  }
}
