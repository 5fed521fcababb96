import { beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTeam, signIn, startTestApp, type Team } from '../../../test/test-app';
import { insertAbsence, type NewAbsence } from './absences.queries';

const t = await startTestApp();
let team: Team;
let other: Team;
let manager: Client;

const absence = (workspace: Team, userId: string, more: Partial<NewAbsence>): NewAbsence => ({
  workspaceId: workspace.workspaceId,
  userId,
  kind: 'vacation',
  startsOn: '2025-07-01',
  endsOn: '2025-07-14',
  hours: null,
  comment: null,
  processInstanceId: null,
  createdBy: null,
  ...more,
});

beforeAll(async () => {
  team = await createTeam(t, 'absences');
  other = await createTeam(t, 'absences-other');
  manager = await signIn(t.app, team.users.managerA.email);
  const db = t.database.db;
  const { users } = team;
  await insertAbsence(db, absence(team, users.head.id, { startsOn: '2025-07-01', endsOn: '2025-07-14' }));
  await insertAbsence(
    db,
    absence(team, users.managerB.id, { kind: 'sick_leave', startsOn: '2025-06-28', endsOn: '2025-07-02' }),
  );
  await insertAbsence(
    db,
    absence(team, users.managerB.id, {
      kind: 'time_off_worked',
      startsOn: '2025-07-20',
      endsOn: '2025-07-20',
      hours: 3.5,
      comment: 'Отработал в субботу',
    }),
  );
  await insertAbsence(
    db,
    absence(team, users.subManager.id, {
      kind: 'business_trip',
      startsOn: '2025-08-01',
      endsOn: '2025-08-03',
    }),
  );
  await insertAbsence(
    db,
    absence(other, other.users.managerA.id, { startsOn: '2025-07-01', endsOn: '2025-07-31' }),
  );
});

const chart = (query: string, client: Client = manager) => client.request('GET', `/api/absences?${query}`);

describe('GET /api/absences', () => {
  it('shows everyone in the workspace who is away within the range, ends included, to a manager too', async () => {
    const response = await chart('from=2025-07-02&to=2025-07-20');
    expect(response.statusCode).toBe(200);
    const items = response.json().items;
    expect(
      items.map((item: { kind: string; startsOn: string; endsOn: string }) => [
        item.kind,
        item.startsOn,
        item.endsOn,
      ]),
    ).toEqual([
      ['sick_leave', '2025-06-28', '2025-07-02'],
      ['vacation', '2025-07-01', '2025-07-14'],
      ['time_off_worked', '2025-07-20', '2025-07-20'],
    ]);
    expect(items[2]).toMatchObject({
      userId: team.users.managerB.id,
      userName: `managerB absences`,
      hours: 3.5,
      comment: 'Отработал в субботу',
      processInstanceId: null,
    });
  });

  it('narrows to one person, and leaves out ranges that do not overlap', async () => {
    const mine = (await chart(`from=2025-06-01&to=2025-08-31&userId=${team.users.managerB.id}`)).json().items;
    expect(mine.map((item: { kind: string }) => item.kind)).toEqual(['sick_leave', 'time_off_worked']);
    expect((await chart('from=2025-07-21&to=2025-07-31')).json().items).toEqual([]);
    expect((await chart('from=2025-08-03&to=2025-08-03')).json().items).toHaveLength(1);
  });

  it('refuses a backwards range, a range over 400 days, bad dates and unknown parameters, and strangers', async () => {
    const backwards = await chart('from=2025-07-10&to=2025-07-01');
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.details).toEqual([
      { path: 'querystring.to', message: 'Must not be before from' },
    ]);
    const long = await chart('from=2024-01-01&to=2025-12-31');
    expect(long.statusCode).toBe(400);
    expect(long.json().error.details[0].path).toBe('querystring.to');
    const badDate = await chart('from=2025-13-01&to=2025-12-31');
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().error.details[0].path).toBe('querystring.from');
    const missing = await chart('from=2025-01-01');
    expect(missing.statusCode).toBe(400);
    expect((await chart('from=2025-01-01&to=2025-01-02&userId=nope')).statusCode).toBe(400);
    expect((await chart('from=2025-01-01&to=2025-01-02&extra=1')).statusCode).toBe(400);
    const anonymous = await t.app.inject({
      method: 'GET',
      url: '/api/absences?from=2025-01-01&to=2025-01-02',
    });
    expect(anonymous.statusCode).toBe(401);
  });
});
