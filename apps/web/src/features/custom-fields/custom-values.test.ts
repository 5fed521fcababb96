import { describe, expect, it } from 'vitest';
import { changedCustomValues, formatCustomValue } from './custom-values';

const formatters = {
  money: (amount: number) => `${amount} ₽`,
  date: (date: string) => `on ${date}`,
  yes: 'Yes',
  no: 'No',
  userName: (id: string) => (id === 'u1' ? 'Ирина' : undefined),
};

describe('custom values', () => {
  it('formats each type for reading', () => {
    expect(formatCustomValue({ type: 'money' }, 1500, formatters)).toBe('1500 ₽');
    expect(formatCustomValue({ type: 'date' }, '2026-12-31', formatters)).toBe('on 2026-12-31');
    expect(formatCustomValue({ type: 'boolean' }, false, formatters)).toBe('No');
    expect(formatCustomValue({ type: 'multiselect' }, ['Опт', 'Розница'], formatters)).toBe('Опт, Розница');
    expect(formatCustomValue({ type: 'multiselect' }, [], formatters)).toBeNull();
    expect(formatCustomValue({ type: 'user' }, 'u1', formatters)).toBe('Ирина');
    expect(formatCustomValue({ type: 'text' }, '', formatters)).toBeNull();
  });

  it('sends only changed values, cleared ones as null', () => {
    expect(changedCustomValues({ a: 1, b: 'x', c: ['p'] }, { a: 1, b: '', c: ['p'], d: true })).toEqual({
      b: null,
      d: true,
    });
    expect(changedCustomValues({ tags: ['a'] }, { tags: [] })).toEqual({ tags: null });
    expect(changedCustomValues({}, { e: '' })).toEqual({});
  });
});
