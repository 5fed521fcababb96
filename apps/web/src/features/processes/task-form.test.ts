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

  it('holds an uploaded file as the stored file, and a link as text', () => {
    const fileForm: ProcessTask['form'] = [
      { id: 'contract', label: 'Договор', type: 'file', required: true },
      { id: 'scan', label: 'Скан', type: 'file' },
    ];
    const stored = {
      id: '6f1c1d2e-0000-4000-8000-000000000001',
      name: 'Договор.pdf',
      contentType: 'application/pdf',
      size: 2048,
      createdAt: '2026-11-29T10:00:00.000Z',
    };
    const initial = initialFormValues(fileForm, { contract: stored, scan: 'https://disk.example/scan.png' });
    expect(initial).toEqual({ contract: stored, scan: 'https://disk.example/scan.png' });
    expect(formOutput(fileForm, initial)).toEqual({
      contract: stored,
      scan: 'https://disk.example/scan.png',
    });
    expect(formOutput(fileForm, { contract: stored, scan: ' ' })).toEqual({ contract: stored });
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
