import { describe, expect, it } from 'vitest';
import { type EventEnvelope, type Subscriber, shouldReceive } from './event-bus';

const subscriber = (
  userId: string,
  visibility: Subscriber['visibility'],
  workspaceId = 'w1',
): Subscriber => ({ userId, workspaceId, visibility, send: () => undefined });
const recordChange = (responsibleId: string | null, workspaceId = 'w1'): EventEnvelope => ({
  workspaceId,
  responsibleId,
  event: {
    type: 'record.changed',
    entity: 'lead',
    recordId: '00000000-0000-4000-8000-000000000001',
    action: 'update',
    actorId: null,
  },
});

describe('shouldReceive', () => {
  it('never crosses workspaces', () => {
    expect(shouldReceive(subscriber('u1', 'all', 'w2'), recordChange('u1'))).toBe(false);
  });

  it('gives addressed events only to their addressees', () => {
    const envelope: EventEnvelope = {
      workspaceId: 'w1',
      userIds: ['u2'],
      event: { type: 'notification', title: 'x' },
    };
    expect(shouldReceive(subscriber('u1', 'all'), envelope)).toBe(false);
    expect(shouldReceive(subscriber('u2', 'own'), envelope)).toBe(true);
  });

  it('gives "own"-visibility users only their own records, others every record', () => {
    expect(shouldReceive(subscriber('u1', 'own'), recordChange('u2'))).toBe(false);
    expect(shouldReceive(subscriber('u1', 'own'), recordChange('u1'))).toBe(true);
    expect(shouldReceive(subscriber('u1', 'own'), recordChange(null))).toBe(false);
    expect(shouldReceive(subscriber('u1', 'department'), recordChange('u2'))).toBe(true);
    expect(shouldReceive(subscriber('u1', 'all'), recordChange(null))).toBe(true);
  });
});
