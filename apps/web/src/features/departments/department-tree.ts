import type { Department } from '@voronka/domain';

export type DepartmentNode = { department: Department; children: DepartmentNode[] };

/**
 * Arranges departments by `parentId`, siblings sorted by name; a department whose parent is missing
 * becomes a root so that nothing disappears from the tree.
 *
 * @example buildTree([sales, moscow]) // [{ department: sales, children: [{ department: moscow, children: [] }] }]
 */
export function buildTree(departments: Department[]): DepartmentNode[] {
  const nodes = new Map(
    departments.map((department) => [department.id, { department, children: [] } as DepartmentNode]),
  );
  const roots: DepartmentNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.department.parentId ? nodes.get(node.department.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const sort = (list: DepartmentNode[]) => {
    list.sort((a, b) => a.department.name.localeCompare(b.department.name));
    for (const node of list) sort(node.children);
  };
  sort(roots);
  return roots;
}

/** The department and everything below it: none of these may become its parent. */
export function subtreeIds(departments: Department[], rootId: string): Set<string> {
  const ids = new Set([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const department of departments) {
      if (department.parentId && ids.has(department.parentId) && !ids.has(department.id)) {
        ids.add(department.id);
        grew = true;
      }
    }
  }
  return ids;
}
