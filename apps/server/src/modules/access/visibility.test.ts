import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Client,
  createTeam,
  signIn,
  startTestApp,
  type Team,
  type TestApp,
} from '../../../test/test-app';

// Who sees which lead, by role visibility: own, department (with sub-departments) or all.

type Viewer = keyof Team['users'];
type LeadKey = 'managerA' | 'managerB' | 'subManager' | 'head' | 'subHead' | 'unassigned';

const everyLead: LeadKey[] = ['managerA', 'managerB', 'subManager', 'head', 'subHead', 'unassigned'];
const visibleTo: Record<Viewer, LeadKey[]> = {
  managerA: ['managerA'],
  managerB: ['managerB'],
  subManager: ['subManager'],
  head: ['managerA', 'managerB', 'subManager', 'head', 'subHead'],
  subHead: ['subManager', 'subHead'],
  owner: everyLead,
  admin: everyLead,
  curator: everyLead,
};

let t: TestApp;
let team: Team;
let leads: Record<LeadKey, string>;
const clients = {} as Record<Viewer, Client>;

beforeAll(async () => {
  t = await startTestApp();
  team = await createTeam(t, 'visibility');
  for (const viewer of Object.keys(team.users) as Viewer[])
    clients[viewer] = await signIn(t.app, team.users[viewer].email);
  leads = await createLeads(team, clients);
});

/** One lead per responsible person, each created by that person, and one nobody is responsible for. */
async function createLeads(on: Team, by: Record<Viewer, Client>): Promise<Record<LeadKey, string>> {
  const created = {} as Record<LeadKey, string>;
  for (const key of ['managerA', 'managerB', 'subManager', 'head', 'subHead'] as const) {
    const response = await by[key].request('POST', '/api/leads', { title: `Lead of ${key}` });
    expect(response.json().responsibleId).toBe(on.users[key].id);
    created[key] = response.json().id;
  }
  const unassigned = await by.owner.request('POST', '/api/leads', {
    title: 'Nobody’s lead',
    responsibleId: null,
  });
  expect(unassigned.json().responsibleId).toBeNull();
  created.unassigned = unassigned.json().id;
  return created;
}

/** Names the leads in a list by whose they are; anything unexpected stays as its id and fails the comparison. */
const keysOf = (ids: string[]) => ids.map((id) => everyLead.find((key) => leads[key] === id) ?? id).sort();
const hiddenFrom = (viewer: Viewer) => everyLead.filter((key) => !visibleTo[viewer].includes(key));
const viewers = Object.keys(visibleTo) as Viewer[];

describe('the lead list', () => {
  it.each(viewers)('shows %s exactly the leads their role may see', async (viewer) => {
    const response = await clients[viewer].request('GET', '/api/leads');
    expect(response.statusCode).toBe(200);
    expect(keysOf(response.json().items.map((lead: { id: string }) => lead.id))).toEqual(
      [...visibleTo[viewer]].sort(),
    );
  });
});

describe('one lead by id', () => {
  it.each(viewers)('is there for %s when visible and a 404 when not', async (viewer) => {
    for (const key of everyLead) {
      const response = await clients[viewer].request('GET', `/api/leads/${leads[key]}`);
      if (visibleTo[viewer].includes(key)) {
        expect(response.statusCode).toBe(200);
        expect(response.json().id).toBe(leads[key]);
      } else {
        expect(response.statusCode, `${viewer} reading the lead of ${key}`).toBe(404);
        expect(response.json().error.code).toBe('not_found');
      }
    }
  });
});

describe('changing, deleting and reading the history of a lead', () => {
  it.each(viewers.filter((viewer) => hiddenFrom(viewer).length > 0))(
    'are a 404 for %s on leads they cannot see, which stay as they were',
    async (viewer) => {
      for (const key of hiddenFrom(viewer)) {
        const before = await t.database.db
          .selectFrom('leads')
          .selectAll()
          .where('id', '=', leads[key])
          .executeTakeFirstOrThrow();
        const historyBefore = await t.database.db
          .selectFrom('record_history')
          .select('id')
          .where('record_id', '=', leads[key])
          .execute();
        const client = clients[viewer];
        const answers = [
          await client.request('PATCH', `/api/leads/${leads[key]}`, {
            title: `Taken by ${viewer}`,
            responsibleId: team.users[viewer].id,
          }),
          await client.request('DELETE', `/api/leads/${leads[key]}`),
          await client.request('GET', `/api/history/lead/${leads[key]}`),
        ];
        expect(
          answers.map((answer) => answer.statusCode),
          `${viewer} on the lead of ${key}`,
        ).toEqual([404, 404, 404]);
        expect(
          await t.database.db
            .selectFrom('leads')
            .selectAll()
            .where('id', '=', leads[key])
            .executeTakeFirstOrThrow(),
        ).toEqual(before);
        expect(
          await t.database.db
            .selectFrom('record_history')
            .select('id')
            .where('record_id', '=', leads[key])
            .execute(),
        ).toEqual(historyBefore);
      }
    },
  );

  it.each(viewers)('work for %s on the leads they can see', async (viewer) => {
    for (const key of visibleTo[viewer]) {
      const changed = await clients[viewer].request('PATCH', `/api/leads/${leads[key]}`, {
        source: `checked by ${viewer}`,
      });
      expect(changed.statusCode, `${viewer} changing the lead of ${key}`).toBe(200);
      expect(changed.json().source).toBe(`checked by ${viewer}`);
      const history = await clients[viewer].request('GET', `/api/history/lead/${leads[key]}`);
      expect(history.statusCode).toBe(200);
      expect(history.json().items[0]).toMatchObject({
        field: 'source',
        newValue: `checked by ${viewer}`,
        actor: { id: team.users[viewer].id },
      });
    }
  });

  it('lets a manager delete their own lead, after which nobody sees it', async () => {
    const lead = (await clients.managerB.request('POST', '/api/leads', { title: 'Short-lived' })).json();
    expect((await clients.head.request('GET', `/api/leads/${lead.id}`)).statusCode).toBe(200);
    expect((await clients.managerB.request('DELETE', `/api/leads/${lead.id}`)).statusCode).toBe(200);
    for (const viewer of ['managerB', 'head', 'owner'] as const) {
      expect((await clients[viewer].request('GET', `/api/leads/${lead.id}`)).statusCode).toBe(404);
    }
  });
});

describe('an API token', () => {
  it('sees what its user sees', async () => {
    const { token } = (
      await clients.subHead.request('POST', '/api/api-tokens', { name: 'Report', scopes: ['read'] })
    ).json();
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/leads',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(keysOf(response.json().items.map((lead: { id: string }) => lead.id))).toEqual(
      [...visibleTo.subHead].sort(),
    );
    const hidden = await t.app.inject({
      method: 'GET',
      url: `/api/leads/${leads.managerA}`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(hidden.statusCode).toBe(404);
  });
});

describe('changing what a role sees', () => {
  // A team of its own, so that widening the managers' view does not touch the cases above.
  let other: Team;
  let otherClients: Record<Viewer, Client>;
  let otherLeads: Record<LeadKey, string>;

  beforeAll(async () => {
    other = await createTeam(t, 'roles');
    otherClients = {} as Record<Viewer, Client>;
    for (const viewer of Object.keys(other.users) as Viewer[])
      otherClients[viewer] = await signIn(t.app, other.users[viewer].email);
    otherLeads = await createLeads(other, otherClients);
  });

  it('takes effect on the next request of a signed-in manager', async () => {
    const manager = otherClients.managerA;
    const listed = async () =>
      (await manager.request('GET', '/api/leads')).json().items.map((lead: { id: string }) => lead.id);
    expect(await listed()).toEqual([otherLeads.managerA]);
    expect((await manager.request('GET', `/api/leads/${otherLeads.managerB}`)).statusCode).toBe(404);

    const widened = await otherClients.admin.request('PUT', '/api/roles/manager', { visibility: 'all' });
    expect(widened.statusCode).toBe(200);
    expect(widened.json()).toEqual({ role: 'manager', visibility: 'all' });

    expect(new Set(await listed())).toEqual(new Set(Object.values(otherLeads)));
    expect((await manager.request('GET', `/api/leads/${otherLeads.managerB}`)).statusCode).toBe(200);
    const roles = (await manager.request('GET', '/api/roles')).json().items;
    expect(roles).toContainEqual({ role: 'manager', visibility: 'all' });
  });

  it('is refused to a manager and a head of sales, and changes nothing', async () => {
    const before = await t.database.db
      .selectFrom('role_settings')
      .selectAll()
      .where('workspace_id', '=', other.workspaceId)
      .orderBy('role')
      .execute();
    for (const viewer of ['managerB', 'head'] as const) {
      const response = await otherClients[viewer].request('PUT', '/api/roles/head_of_sales', {
        visibility: 'own',
      });
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('forbidden');
    }
    expect(
      await t.database.db
        .selectFrom('role_settings')
        .selectAll()
        .where('workspace_id', '=', other.workspaceId)
        .orderBy('role')
        .execute(),
    ).toEqual(before);
  });

  it('in one workspace leaves every other workspace as it was', async () => {
    const response = await clients.managerA.request('GET', '/api/leads');
    expect(keysOf(response.json().items.map((lead: { id: string }) => lead.id))).toEqual(['managerA']);
  });
});
