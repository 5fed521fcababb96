/** What the in-memory benchmark asks of each engine, so both are driven the same way. */
export interface InMemoryEngine {
  /** Starts an instance and completes its user tasks one by one until it ends. */
  runToCompletion(index: number): void | Promise<void>;
  /** Starts an instance and returns what must be kept for it while it waits at its user tasks. */
  startWaiting(index: number): unknown | Promise<unknown>;
  /** The serialised state of a waiting instance, as bytes of UTF-8 JSON. */
  stateBytes(waiting: unknown): Promise<StateBytes>;
}

export interface StateBytes {
  bytes: number;
  /** bpmn-engine embeds the parsed process in every state; this is the size without it. */
  withoutSource?: number;
}
