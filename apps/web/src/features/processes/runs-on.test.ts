import type { ProcessDefinition } from '@voronka/domain';
import { describe, expect, it } from 'vitest';
import { startable } from './runs-on';

const process = (id: string, runsOn: ProcessDefinition['runsOn'], publishedVersion: number | null = 1) =>
  ({
    id,
    key: id,
    name: id,
    description: null,
    template: null,
    runsOn,
    publishedVersion,
    hasDraft: false,
    running: 0,
    updatedAt: '2025-01-01T00:00:00.000Z',
  }) satisfies ProcessDefinition;

describe('which processes a record offers', () => {
  const all = [
    process('leads', 'lead'),
    process('deals', 'deal'),
    process('draft-deals', 'deal', null),
    process('vacation', null),
    process('more-deals', 'deal', 3),
  ];

  it('offers only the published processes made for that kind of record', () => {
    expect(startable(all, 'deal').map((item) => item.id)).toEqual(['deals', 'more-deals']);
    expect(startable(all, 'lead').map((item) => item.id)).toEqual(['leads']);
    expect(startable(all, 'company')).toEqual([]);
  });

  it('offers processes without a record only where no record is at hand', () => {
    expect(startable(all, null).map((item) => item.id)).toEqual(['vacation']);
  });
});
