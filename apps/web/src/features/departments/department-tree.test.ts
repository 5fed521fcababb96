import type { Department } from '@voronka/domain';
import { describe, expect, it } from 'vitest';
import { buildTree, subtreeIds } from './department-tree';

function department(id: string, name: string, parentId: string | null = null): Department {
  return { id, name, parentId, headId: null, createdAt: '2025-03-01T10:00:00.000Z' };
}

const sales = department('sales', 'Отдел продаж');
const moscow = department('moscow', 'Москва', 'sales');
const kazan = department('kazan', 'Казань', 'sales');
const wholesale = department('wholesale', 'Опт', 'moscow');
const hr = department('hr', 'HR');

describe('buildTree', () => {
  it('nests departments under their parents with siblings sorted by name', () => {
    const tree = buildTree([wholesale, moscow, hr, kazan, sales]);
    expect(tree.map((node) => node.department.name)).toEqual(['HR', 'Отдел продаж']);
    const salesNode = tree[1];
    expect(salesNode?.children.map((node) => node.department.name)).toEqual(['Казань', 'Москва']);
    expect(salesNode?.children[1]?.children.map((node) => node.department.name)).toEqual(['Опт']);
  });

  it('shows a department whose parent is missing as a root rather than losing it', () => {
    const tree = buildTree([moscow]);
    expect(tree.map((node) => node.department.id)).toEqual(['moscow']);
  });
});

describe('subtreeIds', () => {
  it('holds the department and everything below it, and nothing else', () => {
    expect(subtreeIds([sales, moscow, kazan, wholesale, hr], 'sales')).toEqual(
      new Set(['sales', 'moscow', 'kazan', 'wholesale']),
    );
    expect(subtreeIds([sales, moscow, kazan, wholesale, hr], 'moscow')).toEqual(
      new Set(['moscow', 'wholesale']),
    );
  });
});
