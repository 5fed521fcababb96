import type { ProcessGraph } from './graph';

/**
 * For each inclusive join and each of its incoming flows, the elements from which that flow can be reached
 * without passing through the join (BPMN 2.0 §13.3.5). A token leaving an activity through a boundary event
 * counts as a token on the activity, and one waiting behind an event-based gateway as one on the gateway.
 */
export function computeJoinUpstream(graph: ProcessGraph): void {
  for (const join of Object.values(graph.elements)) {
    if (join.kind !== 'inclusiveGateway' || join.in.length < 2) continue;
    const upstream: Record<string, string[]> = {};
    for (const flowId of join.in) {
      const seen = new Set<string>();
      const queue = [graph.flows[flowId]!.source];
      while (queue.length > 0) {
        const id = queue.pop()!;
        if (id === join.id || seen.has(id)) continue;
        seen.add(id);
        const element = graph.elements[id]!;
        for (const incoming of element.in) queue.push(graph.flows[incoming]!.source);
        if (element.attachedTo) queue.push(element.attachedTo);
      }
      upstream[flowId] = [...seen];
    }
    join.joinUpstream = upstream;
  }
}
