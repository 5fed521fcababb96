import type { TemplateFlow, TemplateNode } from './template-model';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface Point {
  x: number;
  y: number;
}
export interface Layout {
  shapes: Map<string, Box>;
  /** Per flow, in the order of the flows given. */
  edges: Point[][];
}

const columnWidth = 180;
const rowHeight = 130;
const left = 160;
const top = 80;

function sizeOf(node: TemplateNode): { width: number; height: number } {
  switch (node.type) {
    case 'userTask':
    case 'serviceTask':
    case 'sendTask':
      return { width: 100, height: 80 };
    case 'exclusive':
    case 'parallel':
      return { width: 50, height: 50 };
    default:
      return { width: 36, height: 36 };
  }
}

/** Flows that close a loop: they point back at an element still being walked from the start. */
function findBackFlows(nodes: TemplateNode[], flows: TemplateFlow[], outgoing: Map<string, number[]>) {
  const back = new Set<number>();
  const state = new Map<string, 'open' | 'done'>();
  const visit = (id: string) => {
    state.set(id, 'open');
    for (const index of outgoing.get(id) ?? []) {
      const target = flows[index]!.to;
      if (state.get(target) === 'open') back.add(index);
      else if (!state.has(target)) visit(target);
    }
    state.set(id, 'done');
  };
  for (const node of nodes) if (node.type === 'start') visit(node.id);
  for (const node of nodes) if (!state.has(node.id)) visit(node.id);
  return back;
}

/**
 * A simple left-to-right layered layout: each element sits one column right of the furthest element
 * leading to it (loops ignored), rows follow the element that leads in so the main path stays straight,
 * flows bend once at right angles, and loops run back underneath the diagram. Boundary timers sit on
 * the lower edge of their task and lead out of it downwards.
 *
 * @example const { shapes, edges } = layoutProcess(template.nodes, template.flows);
 */
export function layoutProcess(nodes: TemplateNode[], flows: TemplateFlow[]): Layout {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const hostOf = (id: string) => {
    const node = byId.get(id)!;
    return node.type === 'boundaryTimer' ? node.attachedTo : id;
  };
  // A boundary event's flows count as its host's for columns and rows.
  const outgoing = new Map<string, number[]>();
  flows.forEach((item, index) => {
    const source = hostOf(item.from);
    outgoing.set(source, [...(outgoing.get(source) ?? []), index]);
  });
  const placed = nodes.filter((node) => node.type !== 'boundaryTimer');
  const back = findBackFlows(
    placed,
    flows.map((item) => ({ ...item, from: hostOf(item.from) })),
    outgoing,
  );

  const column = new Map<string, number>();
  const incoming = new Map<string, string[]>();
  flows.forEach((item, index) => {
    if (back.has(index)) return;
    incoming.set(item.to, [...(incoming.get(item.to) ?? []), hostOf(item.from)]);
  });
  const columnOf = (id: string, seen = new Set<string>()): number => {
    const known = column.get(id);
    if (known !== undefined) return known;
    if (seen.has(id)) return 0;
    seen.add(id);
    const value = Math.max(-1, ...(incoming.get(id) ?? []).map((source) => columnOf(source, seen))) + 1;
    column.set(id, value);
    return value;
  };
  for (const node of placed) columnOf(node.id);

  const row = new Map<string, number>();
  const taken = new Set<string>();
  const columns = [...new Set(placed.map((node) => column.get(node.id)!))].sort((a, b) => a - b);
  for (const current of columns) {
    for (const node of placed.filter((item) => column.get(item.id) === current)) {
      const sources = (incoming.get(node.id) ?? []).filter((source) => row.has(source));
      // Below its first placed predecessor; siblings spread downwards in flow order.
      let wanted = sources.length > 0 ? row.get(sources[0]!)! : 0;
      while (taken.has(`${current}:${wanted}`)) wanted += 1;
      taken.add(`${current}:${wanted}`);
      row.set(node.id, wanted);
    }
  }

  const shapes = new Map<string, Box>();
  for (const node of placed) {
    const { width, height } = sizeOf(node);
    const centerX = left + column.get(node.id)! * columnWidth + 50;
    const centerY = top + row.get(node.id)! * rowHeight + 40;
    shapes.set(node.id, { x: centerX - width / 2, y: centerY - height / 2, width, height });
  }
  for (const node of nodes) {
    if (node.type !== 'boundaryTimer') continue;
    const host = shapes.get(node.attachedTo)!;
    shapes.set(node.id, { x: host.x + host.width - 46, y: host.y + host.height - 18, width: 36, height: 36 });
  }

  const bottom = Math.max(...[...shapes.values()].map((box) => box.y + box.height));
  let loops = 0;
  const edges = flows.map((item, index): Point[] => {
    const source = shapes.get(item.from)!;
    const target = shapes.get(item.to)!;
    const sourceMiddle = source.y + source.height / 2;
    const targetMiddle = target.y + target.height / 2;
    const targetLeft = { x: target.x, y: targetMiddle };
    if (byId.get(item.from)!.type === 'boundaryTimer') {
      const x = source.x + source.width / 2;
      return [{ x, y: source.y + source.height }, { x, y: targetMiddle }, targetLeft];
    }
    if (back.has(index)) {
      loops += 1;
      const under = bottom + 20 + loops * 15;
      const fromX = source.x + source.width / 2;
      const toX = target.x + target.width / 2;
      return [
        { x: fromX, y: source.y + source.height },
        { x: fromX, y: under },
        { x: toX, y: under },
        { x: toX, y: target.y + target.height },
      ];
    }
    const start = { x: source.x + source.width, y: sourceMiddle };
    if (sourceMiddle === targetMiddle) return [start, targetLeft];
    const bendX = source.x + source.width + 20;
    return [start, { x: bendX, y: sourceMiddle }, { x: bendX, y: targetMiddle }, targetLeft];
  });
  return { shapes, edges };
}
