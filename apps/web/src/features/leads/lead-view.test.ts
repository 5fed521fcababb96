import type { Lead } from '@voronka/domain';
import { describe, expect, it } from 'vitest';
import { applyLeadView, defaultLeadView, normalizeLeadView } from './lead-view';

const lead = (title: string, fields: Partial<Lead>): Lead =>
  ({
    title,
    contactName: null,
    phone: null,
    email: null,
    source: null,
    status: 'new',
    responsibleId: null,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    ...fields,
  }) as Lead;

const leads = [
  lead('Бета', { status: 'in_work', phone: '+79123456701', createdAt: '2026-01-02T00:00:00Z' }),
  lead('Альфа', { status: 'new', contactName: 'Пётр', createdAt: '2026-01-03T00:00:00Z' }),
  lead('Гамма', { status: 'new', source: 'website', createdAt: '2026-01-01T00:00:00Z' }),
];

describe('lead views', () => {
  it('filters by status, text and phone digits', () => {
    const titles = (filters: Record<string, string>) =>
      applyLeadView(leads, { ...defaultLeadView, filters }).map((item) => item.title);
    expect(titles({ status: 'new' })).toEqual(['Альфа', 'Гамма']);
    expect(titles({ q: 'пётр' })).toEqual(['Альфа']);
    expect(titles({ q: '8 912 345' })).toEqual(['Бета']);
    expect(titles({ source: 'website' })).toEqual(['Гамма']);
  });

  it('sorts by title or date in either order', () => {
    expect(
      applyLeadView(leads, { ...defaultLeadView, sort: 'title', order: 'asc' }).map((item) => item.title),
    ).toEqual(['Альфа', 'Бета', 'Гамма']);
    expect(applyLeadView(leads, defaultLeadView).map((item) => item.title)).toEqual([
      'Альфа',
      'Бета',
      'Гамма',
    ]);
  });

  it('drops unknown parts of a saved view', () => {
    expect(
      normalizeLeadView({ filters: { status: 'new', amount: '5' }, sort: 'amount', columns: ['phone', 'x'] }),
    ).toEqual({
      filters: { status: 'new' },
      sort: 'createdAt',
      order: 'desc',
      columns: ['phone'],
    });
  });
});
