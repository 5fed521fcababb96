import { bpmnEngine } from './bpmn-engine';
import type { ProcessCase } from './cases';
import type { InMemoryEngine, StateBytes } from './engine-driver';
import { alternate, heapPerWaiting, type Throughput } from './measure';
import { ourEngine } from './our-engine';

export interface EngineFigures {
  throughput: Throughput;
  heapPerWaiting: number;
  state: StateBytes;
}

export interface InMemoryResult {
  ours: EngineFigures;
  bpmnEngine: EngineFigures;
}

export interface InMemoryOptions {
  seconds: number;
  warmUpSeconds: number;
  waiting: number;
  waitingBpmnEngine: number;
}

async function memoryOf(engine: InMemoryEngine, waiting: number) {
  const { bytesPerInstance, held } = await heapPerWaiting((index) => engine.startWaiting(index), waiting);
  const sample = held.slice(0, 100);
  const states = await Promise.all(sample.map((instance) => engine.stateBytes(instance)));
  const average = (pick: (state: StateBytes) => number | undefined) => {
    const values = states.map(pick).filter((value): value is number => value !== undefined);
    return values.length === 0 ? undefined : values.reduce((sum, value) => sum + value, 0) / values.length;
  };
  const withoutSource = average((state) => state.withoutSource);
  return {
    heapPerWaiting: bytesPerInstance,
    state: {
      bytes: average((state) => state.bytes) ?? 0,
      ...(withoutSource !== undefined && { withoutSource }),
    },
  };
}

/** Both engines on one process in this Node process: throughput to completion, then memory at rest. */
export async function measureInMemory(
  process: ProcessCase,
  options: InMemoryOptions,
): Promise<InMemoryResult> {
  const ours = await ourEngine(process);
  const theirs = await bpmnEngine(process);
  const [oursThroughput, theirsThroughput] = await alternate(
    [(index) => ours.runToCompletion(index), (index) => theirs.runToCompletion(index)],
    { warmUpSeconds: options.warmUpSeconds, seconds: options.seconds, rounds: 2 },
  );
  const oursMemory = await memoryOf(ours, options.waiting);
  const theirsMemory = await memoryOf(theirs, options.waitingBpmnEngine);
  return {
    ours: { throughput: oursThroughput, ...oursMemory },
    bpmnEngine: { throughput: theirsThroughput, ...theirsMemory },
  };
}
