import type { Pipeline } from '@voronka/domain';
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
let admin: Client;
let manager: Client;

beforeAll(async () => {
  t = await startTestApp();
  team = await createTeam(t, 'custom');
  admin = await signIn(t.app, team.users.admin.email);
  manager = await signIn(t.app, team.users.managerA.email);
  for (const field of [
    { entity: 'deal', key: 'budget', label: 'Бюджет клиента', type: 'money' },
    { entity: 'deal', key: 'segment', label: 'Сегмент', type: 'select', options: ['A', 'B', 'C'] },
    { entity: 'lead', key: 'partner', label: 'Партнёр', type: 'user' },
    { entity: 'company', key: 'industry', label: 'Отрасль', type: 'text' },
    { entity: 'contact', key: 'birthday', label: 'День рождения', type: 'date' },
  ]) {
    const response = await admin.request('POST', '/api/custom-fields', field);
    expect(response.statusCode, response.body).toBe(200);
  }
});

describe('custom fields', () => {
  it('are defined by admins per kind of record, with unique keys', async () => {
    expect(
      (
        await manager.request('POST', '/api/custom-fields', {
          entity: 'deal',
          key: 'x',
          label: 'x',
          type: 'text',
        })
      ).statusCode,
    ).toBe(403);
    const taken = await admin.request('POST', '/api/custom-fields', {
      entity: 'deal',
      key: 'budget',
      label: 'Ещё',
      type: 'text',
    });
    expect(taken.statusCode).toBe(409);
    const noOptions = await admin.request('POST', '/api/custom-fields', {
      entity: 'deal',
      key: 'kind',
      label: 'Вид',
      type: 'select',
    });
    expect(noOptions.json().error.details[0].path).toBe('body.options');
    const badKey = await admin.request('POST', '/api/custom-fields', {
      entity: 'deal',
      key: 'Бюджет',
      label: 'x',
      type: 'text',
    });
    expect(badKey.json().error.details[0].path).toBe('body.key');
    const deals = (await manager.request('GET', '/api/custom-fields?entity=deal'))
      .json()
      .items.map((f: { key: string }) => f.key);
    expect(deals.sort()).toEqual(['budget', 'segment']);
  });

  it('values are checked on every kind of record, naming the field, and nothing is written when wrong', async () => {
    const good = await manager.request('POST', '/api/deals', {
      title: 'С полями',
      custom: { budget: 500_000, segment: 'A' },
    });
    expect(good.json().custom).toEqual({ budget: 500_000, segment: 'A' });
    const cases: [string, string, unknown, string][] = [
      ['POST', '/api/deals', { title: 'x', custom: { budget: 'много' } }, 'body.custom.budget'],
      ['PATCH', `/api/deals/${good.json().id}`, { custom: { segment: 'Z' } }, 'body.custom.segment'],
      [
        'POST',
        '/api/leads',
        { title: 'x', custom: { partner: '00000000-0000-4000-8000-000000000000' } },
        'body.custom.partner',
      ],
      [
        'POST',
        '/api/companies?allowDuplicates=true',
        { name: 'x', custom: { industry: 42 } },
        'body.custom.industry',
      ],
      [
        'POST',
        '/api/contacts?allowDuplicates=true',
        { name: 'x', custom: { birthday: '01.02.1990' } },
        'body.custom.birthday',
      ],
      ['POST', '/api/deals', { title: 'x', custom: { unknown_field: 1 } }, 'body.custom.unknown_field'],
    ];
    for (const [method, url, body, path] of cases) {
      const response = await manager.request(method, url, body);
      expect(response.statusCode, `${method} ${url}`).toBe(400);
      expect(response.json().error.details[0].path).toBe(path);
    }
    expect((await manager.request('GET', `/api/deals/${good.json().id}`)).json().custom.segment).toBe('A');
    const lead = await manager.request('POST', '/api/leads', {
      title: 'Лид партнёра',
      custom: { partner: team.users.managerB.id },
    });
    expect(lead.json().custom).toEqual({ partner: team.users.managerB.id });
  });

  it('can be a stage requirement: the gate names it', async () => {
    const pipeline = (await admin.request('GET', '/api/pipelines')).json().items[0] as Pipeline;
    const stages = pipeline.stages.map(({ pipelineId: _, position: __, ...stage }) => stage);
    stages[0] = { ...stages[0]!, exitRequirements: [{ field: 'custom.segment', label: 'Сегмент' }] };
    expect(
      (
        await admin.request('PUT', `/api/pipelines/${pipeline.id}`, {
          name: pipeline.name,
          kind: pipeline.kind,
          stages,
        })
      ).statusCode,
    ).toBe(200);
    const deal = (await manager.request('POST', '/api/deals', { title: 'Без сегмента' })).json();
    const refused = await manager.request('POST', `/api/deals/${deal.id}/move`, {
      stageId: pipeline.stages[1]!.id,
    });
    expect(refused.json().error.details.missing).toEqual([
      expect.objectContaining({ field: 'custom.segment', label: 'Сегмент' }),
    ]);
    await manager.request('PATCH', `/api/deals/${deal.id}`, { custom: { segment: 'B' } });
    expect(
      (await manager.request('POST', `/api/deals/${deal.id}/move`, { stageId: pipeline.stages[1]!.id }))
        .statusCode,
    ).toBe(200);
  });
});
