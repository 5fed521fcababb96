import { compileProcess } from '@voronka/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Client, signIn } from '../../../../test/test-app';
import { processTemplates } from '.';
import { type TemplateWorld, templateWorld } from './template-test-kit';

let world: TemplateWorld;
let admin: Client;

beforeAll(async () => {
  world = await templateWorld('catalogue');
  await world.t.database.db
    .updateTable('users')
    .set({ locale: 'en' })
    .where('id', '=', world.team.users.admin.id)
    .execute();
  admin = await signIn(world.t.app, world.team.users.admin.email);
});

/** Element ids of the process and the elements the diagram draws. */
function diagramOf(xml: string) {
  const drawn = [...xml.matchAll(/bpmnElement="([^"]+)"/g)].map((match) => match[1]);
  return new Set(drawn);
}

describe('process templates', () => {
  it('lists every template with its names and descriptions in both languages, for anyone signed in', async () => {
    const response = await world.managerA.request('GET', '/api/process-templates');
    expect(response.statusCode).toBe(200);
    const items = response.json().items as { key: string; name: { ru: string; en: string } }[];
    expect(items.map((item) => item.key)).toEqual([
      'lead-servicing',
      'contract-approval',
      'document-approval',
      'invoice-payment',
      'acknowledgement',
      'sick-leave',
      'business-trip',
      'time-off',
      'vacation',
      'dismissal',
      'hiring',
    ]);
    expect(items[0]!.name).toEqual({ ru: 'Обслуживание заявки клиента', en: 'Lead servicing' });
    const anonymous = await world.t.app.inject({ method: 'GET', url: '/api/process-templates' });
    expect(anonymous.statusCode).toBe(401);
  });

  it.each(processTemplates.map((template) => [template.key, template] as const))(
    '%s: created in the creator’s language, with a diagram for every element and flow, publishes cleanly',
    async (_key, template) => {
      for (const [client, locale] of [
        [world.owner, 'ru'],
        [admin, 'en'],
      ] as const) {
        const created = await client.request('POST', '/api/processes', { template: template.key });
        expect(created.statusCode, created.body).toBe(201);
        const draft = created.json();
        expect(draft).toMatchObject({
          name: template.name[locale],
          description: template.description[locale],
          template: template.key,
        });
        const compiled = await compileProcess(draft.xml);
        expect(compiled.ok ? [] : compiled.problems).toEqual([]);
        if (!compiled.ok) continue;
        const drawn = diagramOf(draft.xml);
        for (const id of [...Object.keys(compiled.graph.elements), ...Object.keys(compiled.graph.flows)])
          expect(drawn.has(id), `${id} is not drawn`).toBe(true);
        for (const node of template.nodes.filter((item) => item.name))
          expect(compiled.graph.elements[node.id]!.name).toBe(node.name![locale]);
        const published = await client.request('POST', `/api/processes/${draft.id}/publish`);
        expect(published.statusCode, published.body).toBe(200);
        expect(published.json().key).toBe(compiled.graph.key);
      }
    },
  );

  it('keeps a given name and refuses unknown templates, a template with XML, and neither name nor template', async () => {
    const named = await world.owner.request('POST', '/api/processes', {
      template: 'vacation',
      name: 'Отпуска отдела продаж',
    });
    expect(named.statusCode).toBe(201);
    expect(named.json().name).toBe('Отпуска отдела продаж');
    const unknown = await world.owner.request('POST', '/api/processes', { template: 'nope' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details).toEqual([{ path: 'body.template', message: 'No template "nope"' }]);
    const both = await world.owner.request('POST', '/api/processes', { template: 'vacation', xml: '<x/>' });
    expect(both.statusCode).toBe(400);
    expect(both.json().error.details[0].path).toBe('body.xml');
    const neither = await world.owner.request('POST', '/api/processes', {});
    expect(neither.statusCode).toBe(400);
    expect(neither.json().error.details[0].path).toBe('body.name');
    const notAdmin = await world.managerA.request('POST', '/api/processes', { template: 'vacation' });
    expect(notAdmin.statusCode).toBe(403);
  });
});
