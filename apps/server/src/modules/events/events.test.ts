import type { AddressInfo } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import { collectEvents } from '../../../test/sse';
import { createTeam, signIn, startTestApp, type Team, type TestApp } from '../../../test/test-app';
import { publish } from './event-bus';

let t: TestApp;
let team: Team;
let baseUrl: string;

beforeAll(async () => {
  t = await startTestApp();
  team = await createTeam(t, 'events');
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
});

describe('live events', () => {
  it('needs a session', async () => {
    const response = await fetch(`${baseUrl}/api/events`);
    expect(response.status).toBe(401);
  });

  it('tells the head of sales when a manager creates a lead, after the transaction commits', async () => {
    const head = await signIn(t.app, team.users.head.email);
    const manager = await signIn(t.app, team.users.managerA.email);
    let leadId = '';
    const events = await collectEvents(`${baseUrl}/api/events`, head.cookie, 1, async () => {
      leadId = (await manager.request('POST', '/api/leads', { title: 'Новый лид' })).json().id;
    });
    expect(events).toEqual([
      {
        type: 'record.changed',
        entity: 'lead',
        recordId: leadId,
        action: 'create',
        actorId: team.users.managerA.id,
      },
    ]);
  });

  it('does not send one manager the changes of another manager’s leads, nor another workspace’s', async () => {
    const other = await createTeam(t, 'events-other');
    const managerB = await signIn(t.app, team.users.managerB.email);
    const managerA = await signIn(t.app, team.users.managerA.email);
    const stranger = await signIn(t.app, other.users.owner.email);
    const own = await collectEvents(`${baseUrl}/api/events`, managerB.cookie, 1, async () => {
      await managerA.request('POST', '/api/leads', { title: 'Лид менеджера A' });
      await stranger.request('POST', '/api/leads', { title: 'Чужое пространство' });
      await managerB.request('POST', '/api/leads', { title: 'Свой лид' });
    });
    expect(own).toHaveLength(1);
    expect(own[0]).toMatchObject({ type: 'record.changed', actorId: team.users.managerB.id });
  });

  it('delivers a notification only to the user it is addressed to', async () => {
    const head = await signIn(t.app, team.users.head.email);
    const events = await collectEvents(`${baseUrl}/api/events`, head.cookie, 1, async () => {
      await t.database.db.transaction().execute(async (trx) => {
        await publish(trx, {
          workspaceId: team.workspaceId,
          userIds: [team.users.managerA.id],
          event: { type: 'notification', title: 'не вам' },
        });
        await publish(trx, {
          workspaceId: team.workspaceId,
          userIds: [team.users.head.id],
          event: { type: 'notification', title: 'Сделка зависла' },
        });
      });
    });
    expect(events).toEqual([{ type: 'notification', title: 'Сделка зависла' }]);
  });

  it('sends nothing for a change that rolls back', async () => {
    const head = await signIn(t.app, team.users.head.email);
    const events = await collectEvents(
      `${baseUrl}/api/events`,
      head.cookie,
      1,
      async () => {
        await t.database.db
          .transaction()
          .execute(async (trx) => {
            await publish(trx, {
              workspaceId: team.workspaceId,
              event: { type: 'notification', title: 'rolled back' },
            });
            throw new Error('abort');
          })
          .catch(() => undefined);
      },
      500,
    );
    expect(events).toEqual([]);
  });
});
