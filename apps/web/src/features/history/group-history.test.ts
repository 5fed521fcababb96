import type { HistoryEntry } from '@voronka/domain';
import { describe, expect, it } from 'vitest';
import { groupHistory } from './group-history';

const recordId = '00000000-0000-4000-8000-000000000001';
const irina = { id: '00000000-0000-4000-8000-0000000000aa', name: 'Ирина Соколова' };
const alexey = { id: '00000000-0000-4000-8000-0000000000bb', name: 'Алексей Петров' };

function entry(id: number, overrides: Partial<HistoryEntry>): HistoryEntry {
  return {
    id: String(id),
    entity: 'lead',
    recordId,
    action: 'update',
    field: 'title',
    oldValue: null,
    newValue: null,
    actor: irina,
    at: '2025-03-01T10:00:00.000Z',
    ...overrides,
  };
}

describe('groupHistory', () => {
  it('joins the rows of one change event and keeps them in the order they were written', () => {
    // The API answers newest first: the create wrote title (1) then phone (2).
    const groups = groupHistory([
      entry(2, { action: 'create', field: 'phone', newValue: '+7 900' }),
      entry(1, { action: 'create', field: 'title', newValue: 'Склад' }),
    ]);
    expect(groups).toHaveLength(1);
    expect(groups[0]?.action).toBe('create');
    expect(groups[0]?.changes.map((change) => change.field)).toEqual(['title', 'phone']);
  });

  it('separates events by time, actor and action, newest first', () => {
    const groups = groupHistory([
      entry(4, { action: 'delete', field: null, at: '2025-03-03T10:00:00.000Z' }),
      entry(3, { field: 'status', actor: alexey, at: '2025-03-02T10:00:00.000Z' }),
      entry(2, { field: 'phone', at: '2025-03-02T10:00:00.000Z' }),
      entry(1, { action: 'create', field: 'title' }),
    ]);
    expect(groups.map((group) => [group.action, group.actor?.name, group.changes.length])).toEqual([
      ['delete', 'Ирина Соколова', 0],
      ['update', 'Алексей Петров', 1],
      ['update', 'Ирина Соколова', 1],
      ['create', 'Ирина Соколова', 1],
    ]);
  });

  it('returns nothing for an empty history', () => {
    expect(groupHistory([])).toEqual([]);
  });
});
