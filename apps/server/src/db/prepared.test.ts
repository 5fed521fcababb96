import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeTestApps, createTeam, startTestApp, type Team, type TestApp } from '../../test/test-app';
import { prepared } from './prepared';

let t: TestApp;
let north: Team;
let south: Team;

beforeAll(async () => {
  t = await startTestApp();
  north = await createTeam(t, 'prepared-north');
  south = await createTeam(t, 'prepared-south');
});
afterAll(closeTestApps);

describe('prepared queries', () => {
  it('are built once and bind each run’s own values, a name used twice included', async () => {
    let builds = 0;
    const usersOf = prepared((db, param) => {
      builds += 1;
      return db
        .selectFrom('users')
        .select(['id', 'role'])
        .where('workspace_id', '=', param('workspaceId'))
        .where((eb) => eb.or([eb('role', '=', param('role') as 'owner'), eb('id', '=', param('userId'))]))
        .where('active', '=', true)
        .orderBy('id');
    });
    const north1 = await usersOf.run(t.database.db, {
      workspaceId: north.workspaceId,
      role: 'owner',
      userId: north.users.curator.id,
    });
    const south1 = await usersOf.run(t.database.db, {
      workspaceId: south.workspaceId,
      role: 'admin',
      userId: south.users.head.id,
    });
    expect(builds).toBe(1);
    expect(north1.rows.map((row) => row.id).sort()).toEqual(
      [north.users.owner.id, north.users.curator.id].sort(),
    );
    expect(south1.rows.map((row) => row.id).sort()).toEqual(
      [south.users.admin.id, south.users.head.id].sort(),
    );
  });

  it('run inside a transaction on its connection', async () => {
    const count = prepared((db, param) =>
      db
        .selectFrom('departments')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('workspace_id', '=', param('workspaceId')),
    );
    const inside = await t.database.db
      .transaction()
      .execute(async (trx) => {
        await trx
          .insertInto('departments')
          .values({ workspace_id: north.workspaceId, name: 'Tender desk' })
          .execute();
        const { rows } = await count.run(trx, { workspaceId: north.workspaceId });
        throw Object.assign(new Error('roll back'), { seen: Number(rows[0]?.n) });
      })
      .catch((error: { seen: number }) => error.seen);
    const { rows } = await count.run(t.database.db, { workspaceId: north.workspaceId });
    // Two departments from createTeam; the third existed only inside the rolled-back transaction.
    expect(inside).toBe(3);
    expect(Number(rows[0]?.n)).toBe(2);
  });
});
