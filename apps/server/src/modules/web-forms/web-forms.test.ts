import { beforeAll, describe, expect, it } from 'vitest';
import { instancesOf, oneTaskProcess, publishProcess } from '../../../test/processes';
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
let owner: Client;
let manager: Client;

const onFormSubmitted = (key: string, formId: string) =>
  publishProcess(owner, key, oneTaskProcess(key, 'Позвонить по заявке'), 'lead', [
    { event: 'form.submitted', conditions: { formId } },
  ]);

const leadsOfForm = (formId: string) =>
  t.database.db.selectFrom('leads').selectAll().where('form_id', '=', formId).orderBy('created_at').execute();

const fields = [
  { field: 'contactName', required: true },
  { field: 'phone', required: true },
  { field: 'email' },
  { field: 'comment', label: 'Что вам нужно?' },
];

beforeAll(async () => {
  t = await startTestApp({ processes: true });
  team = await createTeam(t, 'forms');
  owner = await signIn(t.app, team.users.owner.email);
  manager = await signIn(t.app, team.users.managerA.email);
});

describe('website forms', () => {
  it('are set up by an owner or admin, and must ask for a way to reach the visitor', async () => {
    const noContact = await owner.request('POST', '/api/web-forms', {
      name: 'Без контакта',
      fields: [{ field: 'contactName' }, { field: 'comment' }],
    });
    expect(noContact.statusCode).toBe(400);
    expect(noContact.json().error.details).toEqual([expect.objectContaining({ path: 'body.fields' })]);
    const twice = await owner.request('POST', '/api/web-forms', {
      name: 'Дважды',
      fields: [{ field: 'phone' }, { field: 'phone' }],
    });
    expect(twice.json().error.details).toEqual([expect.objectContaining({ path: 'body.fields.1.field' })]);
    expect((await manager.request('POST', '/api/web-forms', { name: 'Моя', fields })).statusCode).toBe(403);
    expect((await manager.request('GET', '/api/web-forms')).statusCode).toBe(403);
  });

  it('turn a request posted from a website into a lead with its UTM, a note, a call-back task and a started process', async () => {
    const form = (
      await owner.request('POST', '/api/web-forms', {
        name: 'Заявка с сайта',
        fields,
        responsibleId: team.users.managerA.id,
      })
    ).json();
    expect(form).toMatchObject({ source: 'website', enabled: true, submissions: 0, language: 'ru' });
    const other = (await owner.request('POST', '/api/web-forms', { name: 'Другая', fields })).json();
    const process = await onFormSubmitted('on-site-form', form.id);
    const otherProcess = await onFormSubmitted('on-other-form', other.id);

    const described = await t.app.inject({ method: 'GET', url: `/api/public/forms/${form.publicKey}` });
    expect(described.statusCode).toBe(200);
    expect(described.json().fields.map((item: { label: string }) => item.label)).toEqual([
      'Имя',
      'Телефон',
      'E-mail',
      'Что вам нужно?',
    ]);

    const sent = await t.app.inject({
      method: 'POST',
      url: `/api/public/forms/${form.publicKey}`,
      headers: { origin: 'https://korobki.example.ru' },
      payload: {
        contactName: ' Анна Кузнецова ',
        phone: '8 (926) 111-22-33',
        email: 'Anna@Example.RU',
        comment: '500 коробок 40×30×30 к пятнице',
        page: 'https://korobki.example.ru/opt',
        utm_source: 'yandex',
        utm_campaign: 'korobki-opt',
      },
    });
    expect(sent.statusCode).toBe(200);
    expect(sent.headers['access-control-allow-origin']).toBe('*');
    expect(sent.json().message).toBe('Спасибо! Мы свяжемся с вами в ближайшее время.');

    const [lead] = await leadsOfForm(form.id);
    expect(lead).toMatchObject({
      title: 'Заявка с сайта: Анна Кузнецова',
      contact_name: 'Анна Кузнецова',
      phone: '+79261112233',
      email: 'anna@example.ru',
      source: 'website',
      channel: 'https://korobki.example.ru/opt',
      utm: { source: 'yandex', campaign: 'korobki-opt' },
      status: 'new',
      responsible_id: team.users.managerA.id,
    });
    const timeline = (await manager.request('GET', `/api/timeline/lead/${lead!.id}`)).json().items;
    const note = timeline.find((item: { activity?: { kind: string } }) => item.activity?.kind === 'note');
    expect(note.activity.body).toBe(
      '500 коробок 40×30×30 к пятнице\nСтраница: https://korobki.example.ru/opt',
    );
    const tasks = timeline.filter((item: { kind: string }) => item.kind === 'task');
    expect(tasks.map((item: { task: { title: string; assigneeId: string } }) => item.task)).toEqual([
      expect.objectContaining({
        title: 'Обработать заявку: Анна Кузнецова',
        assigneeId: team.users.managerA.id,
      }),
    ]);
    expect((await instancesOf(owner, process, 1)).map((item) => item.recordId)).toEqual([lead!.id]);
    const counted = (await owner.request('GET', '/api/web-forms'))
      .json()
      .items.find((item: { id: string }) => item.id === form.id);
    expect(counted.submissions).toBe(1);
    expect(counted.lastSubmittedAt).not.toBeNull();
    // The process waiting for the other form did not start: one event starts all its processes at once.
    expect(await instancesOf(owner, otherProcess, 0)).toEqual([]);
  });

  it('refuse a request with each field at fault and write nothing; a robot is thanked and ignored', async () => {
    const form = (await owner.request('POST', '/api/web-forms', { name: 'Проверка', fields })).json();
    const bad = await t.app.inject({
      method: 'POST',
      url: `/api/public/forms/${form.publicKey}`,
      payload: { phone: '12-34', email: 'not-an-email' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((item: { path: string }) => item.path)).toEqual([
      'body.contactName',
      'body.phone',
      'body.email',
    ]);
    const robot = await t.app.inject({
      method: 'POST',
      url: `/api/public/forms/${form.publicKey}`,
      payload: { contactName: 'Bot', phone: '+79990000000', homepage: 'http://spam.example' },
    });
    expect(robot.statusCode).toBe(200);
    expect(await leadsOfForm(form.id)).toEqual([]);
    const counted = (await owner.request('GET', '/api/web-forms'))
      .json()
      .items.find((item: { id: string }) => item.id === form.id);
    expect(counted.submissions).toBe(0);
  });

  it('serve a page any website can frame, which shows mistakes in place and keeps the UTM of the page', async () => {
    const form = (
      await owner.request('POST', '/api/web-forms', {
        name: 'Обратный звонок',
        fields: [{ field: 'contactName' }, { field: 'phone', required: true }],
        source: 'landing',
        successMessage: 'Перезвоним за 15 минут',
      })
    ).json();
    const shown = await t.app.inject({
      method: 'GET',
      url: `/f/${form.publicKey}?utm_source=vk&page=https%3A%2F%2Fland.example`,
    });
    expect(shown.statusCode).toBe(200);
    expect(shown.headers['content-type']).toContain('text/html');
    expect(shown.headers['x-frame-options']).toBeUndefined();
    expect(shown.headers['content-security-policy']).toContain('frame-ancestors *');
    expect(shown.body).toContain('<label for="f-phone">Телефон *</label>');
    expect(shown.body).toContain('<input type="hidden" name="utm_source" value="vk">');

    const wrong = await t.app.inject({
      method: 'POST',
      url: `/f/${form.publicKey}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'contactName=%3Cb%3E%D0%98%D0%B2%D0%B0%D0%BD&phone=abc&utm_source=vk',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('<div class="error" role="alert">Не похоже на номер телефона</div>');
    // What the visitor typed comes back, escaped.
    expect(wrong.body).toContain('value="&#60;b&#62;Иван"');
    expect(wrong.body).not.toContain('<b>Иван');

    const right = await t.app.inject({
      method: 'POST',
      url: `/f/${form.publicKey}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'contactName=&phone=%2B7+903+444-55-66&utm_source=vk&page=https%3A%2F%2Fland.example',
    });
    expect(right.statusCode).toBe(200);
    expect(right.body).toContain('Перезвоним за 15 минут');
    const [lead] = await leadsOfForm(form.id);
    expect(lead).toMatchObject({
      title: 'Обратный звонок: +79034445566',
      phone: '+79034445566',
      source: 'landing',
      utm: { source: 'vk' },
      responsible_id: null,
    });
  });

  it('stop taking requests when switched off or deleted', async () => {
    const form = (await owner.request('POST', '/api/web-forms', { name: 'Временная', fields })).json();
    const off = await owner.request('PATCH', `/api/web-forms/${form.id}`, { enabled: false });
    expect(off.json().enabled).toBe(false);
    const post = () =>
      t.app.inject({
        method: 'POST',
        url: `/api/public/forms/${form.publicKey}`,
        payload: { contactName: 'Олег', phone: '+79035556677' },
      });
    expect((await post()).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/f/${form.publicKey}` })).statusCode).toBe(404);
    await owner.request('PATCH', `/api/web-forms/${form.id}`, { enabled: true });
    expect((await post()).statusCode).toBe(200);
    expect((await owner.request('DELETE', `/api/web-forms/${form.id}`)).statusCode).toBe(200);
    expect((await post()).statusCode).toBe(404);
    expect((await leadsOfForm(form.id)).length).toBe(1);
  });
});
