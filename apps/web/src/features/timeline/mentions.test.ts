import { describe, expect, it } from 'vitest';
import { mentionedUsers } from './mentions';

const users = [
  { id: 'u1', name: 'Ирина Соколова' },
  { id: 'u2', name: 'Алексей Петров' },
];

describe('mentionedUsers', () => {
  it('finds each full name written after @', () => {
    expect(mentionedUsers('@Ирина Соколова и @Алексей Петров, гляньте', users)).toEqual(['u1', 'u2']);
    expect(mentionedUsers('Ирина Соколова без собаки, @Алексей', users)).toEqual([]);
  });
});
