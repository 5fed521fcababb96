import type { ProcessTask } from '@voronka/domain';
import { describe, expect, it } from 'vitest';
import { formFieldErrors, formOutput, initialFormValues } from './task-form';

const form: ProcessTask['form'] = [
  { id: 'sum', label: 'Сумма', type: 'money', required: true },
  { id: 'count', label: 'Количество', type: 'number' },
  { id: 'agreed', label: 'Согласовано', type: 'boolean' },
  { id: 'note', label: 'Заметка', type: 'textarea' },
];

describe('process task forms', () => {
  it('starts from the values the task carries', () => {
    expect(initialFormValues(form, { sum: 1500, agreed: true, other: 'x' })).toEqual({
      sum: '1500',
      count: '',
      agreed: true,
      note: '',
    });
  });

  it('sends numbers as numbers, flags as booleans, and leaves empty fields out', () => {
    expect(formOutput(form, { sum: '1 500,5', count: ' ', agreed: false, note: '  Позвонить  ' })).toEqual({
      sum: 1500.5,
      agreed: false,
      note: 'Позвонить',
    });
  });

  it('keeps a number that does not parse as typed, for the server to judge', () => {
    expect(formOutput(form, { count: 'десять' })).toEqual({ count: 'десять' });
  });

  it('maps the server’s field errors onto the fields', () => {
    expect(formFieldErrors({ 'values.sum': 'Сумма is required', comment: 'Too long' })).toEqual({
      sum: 'Сумма is required',
    });
  });
});
