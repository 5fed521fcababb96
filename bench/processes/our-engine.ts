import { randomUUID } from 'node:crypto';
import { compileProcess, type InstanceState, type ProcessGraph, step } from '@voronka/domain';
import type { ProcessCase } from './cases';
import type { InMemoryEngine } from './engine-driver';

const initiator = '00000000-0000-4000-8000-000000000001';

/** Our engine as the server drives it: one `step` per event, fresh ids and clock per step, state as data. */
export async function ourEngine(process: ProcessCase): Promise<InMemoryEngine> {
  const compiled = await compileProcess(process.xml);
  if (!compiled.ok) throw new Error(`${process.key}: ${JSON.stringify(compiled.problems)}`);
  const graph: ProcessGraph = compiled.graph;
  const start = (index: number) =>
    step(
      graph,
      null,
      { type: 'start', variables: process.startVariables(index), initiator },
      { now: new Date(), newId: randomUUID },
    );
  return {
    runToCompletion(index) {
      const started = start(index);
      let instance = started.instance;
      for (const effect of started.effects) {
        if (effect.type !== 'createUserTask') continue;
        instance = step(
          graph,
          instance,
          { type: 'completeTask', tokenId: effect.tokenId, variables: process.completion },
          { now: new Date(), newId: randomUUID },
        ).instance;
      }
      if (instance.status !== 'completed') throw new Error(`${process.key}: ended ${instance.status}`);
    },
    startWaiting: (index) => start(index).instance,
    async stateBytes(waiting) {
      return { bytes: Buffer.byteLength(JSON.stringify(waiting as InstanceState)) };
    },
  };
}
