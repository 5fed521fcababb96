import type { TimelineItem } from '@voronka/domain';
import { describe, expect, it } from 'vitest';
import { groupTimeline } from './group-timeline';

const change = (field: string, at: string, fromLead = false): TimelineItem => ({
  kind: 'change',
  at,
  fromLead,
  change: { action: 'update', field, oldValue: null, newValue: 1, actorName: 'Ирина' },
});

describe('groupTimeline', () => {
  it('joins the fields of one save and keeps other items apart', () => {
    const task: TimelineItem = {
      kind: 'task',
      at: '2026-01-01T10:00:00Z',
      fromLead: false,
      task: {
        id: '00000000-0000-4000-8000-000000000001',
        title: 'Позвонить',
        status: 'open',
        dueAt: null,
        assigneeId: '00000000-0000-4000-8000-000000000002',
      },
    };
    const entries = groupTimeline([
      change('amount', '2026-01-01T12:00:00Z'),
      change('expectedCloseDate', '2026-01-01T12:00:00Z'),
      task,
      change('title', '2026-01-01T09:00:00Z'),
      change('phone', '2026-01-01T09:00:00Z', true),
    ]);
    expect(entries.map((entry) => entry.kind)).toEqual(['changes', 'task', 'changes', 'changes']);
    const first = entries[0];
    expect(first?.kind === 'changes' && first.changes.map((item) => item.field)).toEqual([
      'amount',
      'expectedCloseDate',
    ]);
    expect(entries[3]?.fromLead).toBe(true);
  });
});
