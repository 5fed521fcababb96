import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Client,
  createTeam,
  signIn,
  startTestApp,
  type Team,
  type TestApp,
} from '../../../test/test-app';

interface Entity {
  /** `/api/<path>` */
  path: 'leads' | 'contacts' | 'companies';
  /** The entity's name in history. */
  entity: 'lead' | 'contact' | 'company';
  /** The body that creates one, named `label`. */
  body(label: string): Record<string, unknown>;
}

interface Created {
  id: string;
  responsibleId: string | null;
}

const missingId = '00000000-0000-4000-8000-000000000000';

/**
 * The bulk actions, restore and the recycle bin, run by each of leads, contacts and companies against
 * the real database: they share their rules, so they share their tests.
 */
export function describeBulkActions(entity: Entity): void {
  const base = `/api/${entity.path}`;
  let t: TestApp;
  let team: Team;
  let head: Client;
  let managerA: Client;
  let managerB: Client;

  beforeAll(async () => {
    t = await startTestApp();
    team = await createTeam(t, `bulk-${entity.path}`);
    head = await signIn(t.app, team.users.head.email);
    managerA = await signIn(t.app, team.users.managerA.email);
    managerB = await signIn(t.app, team.users.managerB.email);
  });

  const create = async (client: Client, label: string): Promise<Created> => {
    const response = await client.request('POST', base, entity.body(label));
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const bulk = (client: Client, body: Record<string, unknown>) =>
    client.request('POST', `${base}/bulk`, body);
  const responsibleOf = async (id: string) =>
    (
      await t.database.db
        .selectFrom(entity.path)
        .select('responsible_id')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).responsible_id;
  const isDeleted = async (id: string) =>
    (
      await t.database.db
        .selectFrom(entity.path)
        .select('deleted_at')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).deleted_at !== null;

  describe(`${base}/bulk`, () => {
    it('assigns many at once, each once, with a history entry for every record', async () => {
      const records = [await create(managerA, 'Один'), await create(managerA, 'Два')];
      const ids = records.map((record) => record.id);
      const response = await bulk(head, {
        action: 'assign',
        ids: [...ids, ids[0]],
        responsibleId: team.users.managerB.id,
      });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toEqual({ updated: 2 });
      for (const id of ids) {
        expect(await responsibleOf(id)).toBe(team.users.managerB.id);
        const history = (await head.request('GET', `/api/history/${entity.entity}/${id}`)).json().items;
        expect(history[0]).toMatchObject({
          field: 'responsibleId',
          oldValue: team.users.managerA.id,
          newValue: team.users.managerB.id,
        });
      }
    });

    it('a bad id in the middle changes nothing and is named by its place', async () => {
      const [first, last] = [await create(managerA, 'Первый'), await create(managerA, 'Последний')];
      const response = await bulk(managerA, { action: 'delete', ids: [first.id, missingId, last.id] });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details[0].path).toBe('body.ids.1');
      expect([await isDeleted(first.id), await isDeleted(last.id)]).toEqual([false, false]);

      const nobody = await bulk(head, { action: 'assign', ids: [first.id], responsibleId: missingId });
      expect(nobody.json().error.details[0].path).toBe('body.responsibleId');
      const malformed = await bulk(head, {
        action: 'assign',
        ids: [first.id, 'x'],
        responsibleId: missingId,
      });
      expect(malformed.json().error.details[0].path).toBe('body.ids.1');
      expect(await responsibleOf(first.id)).toBe(team.users.managerA.id);
    });

    it('refuses a record outside the actor’s visibility and changes none', async () => {
      const mine = await create(managerA, 'Мой');
      const theirs = await create(managerB, 'Чужой');
      for (const body of [
        { action: 'assign', ids: [mine.id, theirs.id], responsibleId: team.users.managerA.id },
        { action: 'delete', ids: [mine.id, theirs.id] },
      ]) {
        const response = await bulk(managerA, body);
        expect(response.statusCode).toBe(400);
        expect(response.json().error.details[0].path).toBe('body.ids.1');
      }
      expect(await isDeleted(mine.id)).toBe(false);
      expect(await isDeleted(theirs.id)).toBe(false);
      expect(await responsibleOf(theirs.id)).toBe(team.users.managerB.id);
    });

    it('deletes into the recycle bin, lists it with deleted=true, and restores from it', async () => {
      const records = [await create(managerA, 'В корзину 1'), await create(managerA, 'В корзину 2')];
      const ids = records.map((record) => record.id);
      expect((await bulk(managerA, { action: 'delete', ids })).json()).toEqual({ updated: 2 });
      expect((await managerA.request('GET', `${base}/${ids[0]}`)).statusCode).toBe(404);

      const listed = async (client: Client, deleted: boolean) =>
        (await client.request('GET', `${base}?limit=500${deleted ? '&deleted=true' : ''}`))
          .json()
          .items.map((item: Created) => item.id);
      expect(await listed(managerA, true)).toEqual(expect.arrayContaining(ids));
      expect(await listed(managerA, false)).not.toEqual(expect.arrayContaining([ids[0]]));
      // The bin keeps to the same visibility as the list.
      expect(await listed(managerB, true)).not.toEqual(expect.arrayContaining([ids[0]]));
      expect((await managerB.request('POST', `${base}/${ids[0]}/restore`)).statusCode).toBe(404);

      const restored = await managerA.request('POST', `${base}/${ids[0]}/restore`);
      expect(restored.statusCode, restored.body).toBe(200);
      expect(restored.json().id).toBe(ids[0]);
      // A live record is not in the bin: restoring it again is refused, by its place in a bulk.
      const again = await bulk(managerA, { action: 'restore', ids: [ids[1], ids[0]] });
      expect(again.json().error.details[0].path).toBe('body.ids.1');
      expect(await isDeleted(ids[1] as string)).toBe(true);
      expect((await bulk(managerA, { action: 'restore', ids: [ids[1]] })).json()).toEqual({ updated: 1 });
      expect(await listed(managerA, false)).toEqual(expect.arrayContaining(ids));
      const history = (await managerA.request('GET', `/api/history/${entity.entity}/${ids[1]}`)).json().items;
      expect(history[0]).toMatchObject({ field: 'deleted', oldValue: true, newValue: false });
      expect(history[1]).toMatchObject({ action: 'delete' });
    });
  });
}
