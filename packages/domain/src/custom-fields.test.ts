import { describe, expect, it } from 'vitest';
import { validateCustomValues } from './custom-fields';

const fields = [
  { key: 'budget', type: 'money' as const, options: [] },
  { key: 'segment', type: 'select' as const, options: ['A', 'B'] },
  { key: 'tags', type: 'multiselect' as const, options: ['опт', 'розница'] },
  { key: 'tender_date', type: 'date' as const, options: [] },
  { key: 'partner', type: 'user' as const, options: [] },
  { key: 'site', type: 'link' as const, options: [] },
  { key: 'vip', type: 'boolean' as const, options: [] },
  { key: 'note', type: 'text' as const, options: [] },
];
const users = new Set(['u1']);

describe('validateCustomValues', () => {
  it('accepts values of the right type, and null to clear', () => {
    const values = {
      budget: 40_000.5,
      segment: 'A',
      tags: ['опт'],
      tender_date: '2026-12-31',
      partner: 'u1',
      site: 'https://example.ru',
      vip: false,
      note: 'звонить после обеда',
    };
    expect(validateCustomValues(fields, values, users)).toEqual([]);
    expect(validateCustomValues(fields, { budget: null, segment: null }, users)).toEqual([]);
  });

  it('names each wrong value and each unknown key', () => {
    const values = {
      budget: '40 000',
      segment: 'C',
      tags: ['опт', 'x'],
      tender_date: '31.12.2026',
      partner: 'u2',
      site: 'javascript:alert(1)',
      vip: 'да',
      colour: 'red',
    };
    expect(validateCustomValues(fields, values, users)).toEqual([
      { path: 'body.custom.budget', message: 'must be a number' },
      { path: 'body.custom.segment', message: 'must be one of: A, B' },
      { path: 'body.custom.tags', message: 'must be a list of: опт, розница' },
      { path: 'body.custom.tender_date', message: 'must be a date like 2026-12-31' },
      { path: 'body.custom.partner', message: 'must be a user of this workspace' },
      { path: 'body.custom.site', message: 'must be an http(s) link' },
      { path: 'body.custom.vip', message: 'must be true or false' },
      { path: 'body.custom.colour', message: 'is not a custom field of this kind of record' },
    ]);
  });
});
