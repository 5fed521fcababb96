/** A node of the diagram as the monitor sees it (taken from the viewer's element registry). */
export type PathNode = {
  id: string;
  type: string;
  /** A start event of the process itself (not of a sub-process) without an event definition. */
  noneStart?: boolean;
};

export type PathFlow = { id: string; source: string; target: string };

export type PathInput = {
  nodes: readonly PathNode[];
  flows: readonly PathFlow[];
  steps: readonly {
    elementId: string;
    tokenId: string | null;
    event: string;
    /** `passed` steps carry `path`: the element and flow ids the step went through, in order. */
    detail?: Record<string, unknown> | null;
  }[];
  /** Where tokens wait now. */
  waiting: readonly string[];
  status: string;
};

export type InstancePath = {
  /** Elements and flows the instance went through. */
  passed: Set<string>;
  /** Elements where tokens wait now. */
  waiting: Set<string>;
};

function reachable(
  start: Iterable<string>,
  next: (id: string) => string[],
  through: (id: string) => boolean,
) {
  const seen = new Set<string>();
  const queue = [...start];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    for (const neighbour of next(id)) {
      if (seen.has(neighbour) || !through(neighbour)) continue;
      seen.add(neighbour);
      queue.push(neighbour);
    }
  }
  return seen;
}

/** The ids the engine reported as passed (`passed` steps), or `null` for instances logged before it did. */
function reportedPath(steps: PathInput['steps']): Set<string> | null {
  const reports = steps.filter((step) => step.event === 'passed' && Array.isArray(step.detail?.path));
  if (reports.length === 0) return null;
  return new Set(
    reports.flatMap((step) => (step.detail!.path as unknown[]).filter((id) => typeof id === 'string')),
  );
}

/**
 * The path an instance took, for highlighting on its diagram. The engine reports every element and flow a
 * step passed (`passed` steps); for instances from before it did, the path is inferred: the step log
 * names the elements where work happened (tasks created, actions, timers, incidents), the tokens where it
 * waits, and elements that leave no step (gateways, end events, pass-through tasks) are filled in where
 * they lie between two known elements, with a finished instance's end event when only one can follow.
 *
 * @example instancePath({ nodes, flows, steps, waiting: [], status: 'completed' }).passed.has('approve')
 */
export function instancePath(input: PathInput): InstancePath {
  const known = new Set(input.nodes.map((node) => node.id));
  const waiting = new Set(input.waiting.filter((id) => known.has(id)));
  const reported = reportedPath(input.steps);
  if (reported) {
    const ids = new Set([...known, ...input.flows.map((flow) => flow.id)]);
    return { passed: new Set([...reported].filter((id) => ids.has(id))), waiting };
  }
  return { passed: inferredPath(input, known, waiting), waiting };
}

function inferredPath(
  { nodes, flows, steps, status }: PathInput,
  known: Set<string>,
  waitingSet: Set<string>,
): Set<string> {
  const elementOfToken = new Map<string, string>();
  for (const step of steps)
    if (step.tokenId && step.elementId) elementOfToken.set(step.tokenId, step.elementId);

  const passed = new Set<string>();
  for (const step of steps) {
    const elementId = step.elementId || (step.tokenId ? elementOfToken.get(step.tokenId) : undefined);
    if (elementId && known.has(elementId)) passed.add(elementId);
    else if (step.event === 'started') for (const node of nodes) if (node.noneStart) passed.add(node.id);
  }

  const outgoing = new Map<string, string[]>();
  const incoming = new Map<string, string[]>();
  for (const flow of flows) {
    outgoing.set(flow.source, [...(outgoing.get(flow.source) ?? []), flow.target]);
    incoming.set(flow.target, [...(incoming.get(flow.target) ?? []), flow.source]);
  }
  const unlogged = (id: string) => !passed.has(id) && !waitingSet.has(id);
  const after = reachable(passed, (id) => outgoing.get(id) ?? [], unlogged);
  const before = reachable([...passed, ...waitingSet], (id) => incoming.get(id) ?? [], unlogged);
  const between = [...after].filter((id) => before.has(id));

  for (const id of between) passed.add(id);

  // A finished instance ended somewhere after its last known elements: say where when only one end fits.
  if (status === 'completed' || status === 'terminated') {
    const typeOf = new Map(nodes.map((node) => [node.id, node.type]));
    const frontier = [...passed].filter((id) => !(outgoing.get(id) ?? []).some((next) => passed.has(next)));
    const ahead = reachable(
      frontier,
      (id) => outgoing.get(id) ?? [],
      (id) => !passed.has(id),
    );
    const ends = [...ahead].filter((id) => typeOf.get(id) === 'bpmn:EndEvent');
    if (ends.length === 1) {
      const towardsEnd = reachable(
        ends,
        (id) => incoming.get(id) ?? [],
        (id) => ahead.has(id),
      );
      for (const id of [...ends, ...towardsEnd]) passed.add(id);
    }
  }

  const visited = (id: string) => passed.has(id) || waitingSet.has(id);
  for (const flow of flows) if (passed.has(flow.source) && visited(flow.target)) passed.add(flow.id);
  return passed;
}
