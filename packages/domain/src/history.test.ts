import { describe, expect, it } from 'vitest';
import { diffRecords } from './history';

describe('diffRecords', () => {
  it('lists each changed field with its old and new value, in the order of the new record', () => {
    const before = { title: 'Лид', status: 'new', phone: null, updatedAt: '2026-01-01' };
    const after = { title: 'Лид', status: 'in_work', phone: '+79123456789', updatedAt: '2026-01-02' };
    expect(diffRecords(before, after)).toEqual([
      { field: 'status', oldValue: 'new', newValue: 'in_work' },
      { field: 'phone', oldValue: null, newValue: '+79123456789' },
    ]);
  });

  it('treats a missing field and null as the same, and compares nested values by content', () => {
    expect(diffRecords({ tags: ['a', 'b'] }, { tags: ['a', 'b'], note: null })).toEqual([]);
    expect(diffRecords({ tags: ['a'] }, { tags: ['a', 'b'] })).toEqual([
      { field: 'tags', oldValue: ['a'], newValue: ['a', 'b'] },
    ]);
  });

  it('ignores the fields it is told to ignore', () => {
    expect(diffRecords({ a: 1, seen: 1 }, { a: 1, seen: 2 }, ['seen'])).toEqual([]);
  });
});
