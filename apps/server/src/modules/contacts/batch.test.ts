import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Client,
  createTeam,
  signIn,
  startTestApp,
  type Team,
  type TestApp,
} from '../../../test/test-app';

let t: TestApp;
let team: Team;
let manager: Client;

const count = async (table: 'companies' | 'contacts') =>
  Number(
    (
      await t.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('workspace_id', '=', team.workspaceId)
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  t = await startTestApp();
  team = await createTeam(t, 'batch');
  manager = await signIn(t.app, team.users.managerA.email);
});

describe('batch create of companies and contacts', () => {
  it('creates all companies or none, naming the item with a bad INN', async () => {
    const items = Array.from({ length: 10 }, (_, i) => ({
      name: `ООО «Импорт ${i}»`,
      phones: [`8 495 100-00-${String(i).padStart(2, '0')}`],
    }));
    const bad = await manager.request('POST', '/api/companies/batch', {
      items: [...items, { name: 'Плохой ИНН', inn: '7707083894' }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('body.items.10.inn');
    expect(await count('companies')).toBe(0);
    const ok = await manager.request('POST', '/api/companies/batch', { items });
    expect(ok.json().items.map((company: { phones: string[] }) => company.phones[0])).toEqual(
      items.map((_, i) => `+7495100000${i}`),
    );
    expect(await count('companies')).toBe(10);
  });

  it('a duplicate inside the workspace refuses the whole batch, naming the item, unless allowed', async () => {
    const before = await count('contacts');
    const items = [
      { name: 'Новый контакт', phones: ['+79990000001'] },
      { name: 'Дубль', phones: ['8 (495) 100-00-03'] },
    ];
    await manager.request('POST', '/api/contacts?allowDuplicates=true', {
      name: 'Уже есть',
      phones: ['+74951000003'],
    });
    const refused = await manager.request('POST', '/api/contacts/batch', { items });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.details.item).toBe('body.items.1');
    expect(await count('contacts')).toBe(before + 1);
    const allowed = await manager.request('POST', '/api/contacts/batch?allowDuplicates=true', { items });
    expect(allowed.json().items).toHaveLength(2);
  });
});
