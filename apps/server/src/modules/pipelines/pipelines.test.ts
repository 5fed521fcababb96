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
  team = await createTeam(t, 'pipelines');
  admin = await signIn(t.app, team.users.admin.email);
  manager = await signIn(t.app, team.users.managerA.email);
});

const sales = async (): Promise<Pipeline> => (await admin.request('GET', '/api/pipelines')).json().items[0];
const asInput = (pipeline: Pipeline) => ({
  name: pipeline.name,
  kind: pipeline.kind,
  stages: pipeline.stages.map(
    ({ id, name, kind, probability, regulation, exitRequirements, handoffFunction }) => ({
      id,
      name,
      kind,
      probability,
      regulation,
      exitRequirements,
      handoffFunction,
    }),
  ),
});

describe('default pipelines', () => {
  it('a new workspace has the B2B funnel with regulations and a fulfilment pipeline', async () => {
    const { items } = (await manager.request('GET', '/api/pipelines')).json() as { items: Pipeline[] };
    expect(items.map((p) => [p.name, p.kind])).toEqual([
      ['Продажи B2B', 'sales'],
      ['Производство', 'fulfilment'],
    ]);
    const stages = items[0]!.stages;
    expect(stages.map((s) => s.name)).toEqual([
      'Квалификация',
      'Выявление потребностей',
      'Презентация',
      'Подготовка КП',
      'Согласование КП',
      'Договор',
      'Счёт',
      'Оплата',
      'Сделка успешна',
      'Сделка провалена',
    ]);
    expect(stages.map((s) => s.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(stages[0]).toMatchObject({
      kind: 'open',
      regulation: { responsibleFunction: 'hunter', keySuccessFactor: 'Разговор с ЛПР, а не с секретарём' },
      exitRequirements: [{ field: 'companyId' }, { field: 'contactId' }],
    });
    expect(stages.at(-2)?.kind).toBe('won');
    expect(stages.at(-1)?.kind).toBe('lost');
  });
});

describe('editing a pipeline', () => {
  it('renames, adds and reorders stages while existing stages keep their ids', async () => {
    const before = await sales();
    const input = asInput(before);
    input.stages[2] = { ...input.stages[2]!, name: 'Демонстрация' };
    input.stages.splice(3, 0, {
      id: undefined as unknown as string,
      name: 'Пилот',
      kind: 'open',
      probability: 35,
      regulation: { ...input.stages[2]!.regulation, keySuccessFactor: 'Пилот с метриками' },
      exitRequirements: [{ field: 'custom.pilot_result', label: 'Итог пилота' }],
      handoffFunction: null,
    });
    const response = await admin.request('PUT', `/api/pipelines/${before.id}`, input);
    expect(response.statusCode).toBe(200);
    const after = response.json() as Pipeline;
    expect(after.stages[2]).toMatchObject({ id: before.stages[2]!.id, name: 'Демонстрация', position: 3 });
    expect(after.stages[3]).toMatchObject({
      name: 'Пилот',
      position: 4,
      exitRequirements: [{ field: 'custom.pilot_result', label: 'Итог пилота' }],
    });
    expect(after.stages).toHaveLength(11);
    const history = (await admin.request('GET', `/api/history/pipeline/${before.id}`)).json().items;
    expect(history[0]).toMatchObject({
      action: 'update',
      field: 'stages',
      actor: { id: team.users.admin.id },
    });
  });

  it('refuses invalid stages naming the field, and writes nothing', async () => {
    const before = await sales();
    const input = asInput(before);
    input.stages[0] = { ...input.stages[0]!, exitRequirements: [{ field: 'colour', label: 'Цвет' }] };
    const response = await admin.request('PUT', `/api/pipelines/${before.id}`, input);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details).toEqual([
      { path: 'body.stages.0.exitRequirements.0.field', message: '"colour" is not a deal field' },
    ]);
    expect(await sales()).toEqual(before);
  });

  it('refuses a stage id from another pipeline', async () => {
    const { items } = (await admin.request('GET', '/api/pipelines')).json() as { items: Pipeline[] };
    const input = asInput(items[0]!);
    input.stages[0] = { ...input.stages[0]!, id: items[1]!.stages[0]!.id };
    const response = await admin.request('PUT', `/api/pipelines/${items[0]!.id}`, input);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].path).toBe('body.stages.0.id');
  });

  it('creates and deletes a pipeline; managers can do neither', async () => {
    const body = {
      name: 'Тендеры',
      stages: [
        { name: 'Заявка подана', exitRequirements: [{ field: 'amount', label: 'Сумма' }] },
        { name: 'Выиграли', kind: 'won' },
        { name: 'Проиграли', kind: 'lost' },
      ],
    };
    expect((await manager.request('POST', '/api/pipelines', body)).statusCode).toBe(403);
    const created = await admin.request('POST', '/api/pipelines', body);
    expect(created.statusCode).toBe(200);
    expect(created.json()).toMatchObject({
      name: 'Тендеры',
      kind: 'sales',
      position: 3,
      stages: [{ name: 'Заявка подана', probability: 0 }, { kind: 'won' }, { kind: 'lost' }],
    });
    expect((await manager.request('DELETE', `/api/pipelines/${created.json().id}`)).statusCode).toBe(403);
    expect((await admin.request('DELETE', `/api/pipelines/${created.json().id}`)).statusCode).toBe(200);
    expect((await admin.request('GET', `/api/pipelines/${created.json().id}`)).statusCode).toBe(404);
  });
});

describe('regulation', () => {
  it('prints every stage with input, output, responsible, key success factor and CRM requirements', async () => {
    const pipeline = await sales();
    const response = await manager.request('GET', `/api/pipelines/${pipeline.id}/regulation`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    const html = response.body;
    expect(html).toContain('Регламент воронки: Продажи B2B');
    expect(html).toContain('Разговор с ЛПР, а не с секретарём');
    expect(html).toContain('• Компания');
    expect(html).toContain('Менеджер, хантер');
    expect(html).toContain('@page { size: A4 landscape');
    const english = await manager.request('GET', `/api/pipelines/${pipeline.id}/regulation?locale=en`);
    expect(english.body).toContain('Key success factor');
  });

  it('escapes what people typed', async () => {
    const pipeline = await sales();
    const input = asInput(pipeline);
    input.stages[0] = {
      ...input.stages[0]!,
      regulation: { ...input.stages[0]!.regulation, input: '<script>alert(1)</script>' },
    };
    expect((await admin.request('PUT', `/api/pipelines/${pipeline.id}`, input)).statusCode).toBe(200);
    const html = (await manager.request('GET', `/api/pipelines/${pipeline.id}/regulation`)).body;
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
  });
});
