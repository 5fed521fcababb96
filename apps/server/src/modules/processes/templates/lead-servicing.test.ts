import { beforeAll, describe, expect, it } from 'vitest';
import {
  complete,
  finished,
  instanceOf,
  notificationsOf,
  publishTemplate,
  soon,
  startProcess,
  type TemplateWorld,
  taskAt,
  templateWorld,
} from './template-test-kit';

let world: TemplateWorld;
let processId: string;

beforeAll(async () => {
  world = await templateWorld('lead-servicing');
  processId = (await publishTemplate(world, 'lead-servicing')).id;
});

/** A new lead, assigned to manager A, clarified, and waiting at the repeat call. */
async function atRepeatCall(title: string) {
  const { head, managerA, ids } = world;
  const lead = (await managerA.request('POST', '/api/leads', { title, contactName: 'Ирина' })).json();
  const instance = await startProcess(head, processId, { entity: 'lead', recordId: lead.id });
  expect(instance.waitingAt).toEqual(['assign']);
  await complete(head, instance.id, 'assign', {
    responsible: ids.managerA,
    deadline: '2030-01-15',
    comment: 'Клиент с сайта, перезвонить сегодня',
  });
  await complete(managerA, instance.id, 'clarify', { need: 'Сыры, 40 кг в месяц', nextCallAt: soon() });
  await taskAt(managerA, instance.id, 'repeatCall');
  return { lead, instance };
}

const leadOf = async (id: string) => (await world.owner.request('GET', `/api/leads/${id}`)).json();
const dealOf = async (id: string) => (await world.owner.request('GET', `/api/deals/${id}`)).json();

describe('lead servicing (seed 002)', () => {
  it('ready: the assigner picks the responsible and a deadline, the call needs a next date, the lead becomes a deal', async () => {
    const { head, managerA, ids } = world;
    const lead = (await managerA.request('POST', '/api/leads', { title: 'Сырная лавка' })).json();
    const instance = await startProcess(head, processId, { entity: 'lead', recordId: lead.id });
    // The assigner's task is offered to heads of sales; a manager does not see it.
    expect(
      (await managerA.request('GET', `/api/process-tasks?instanceId=${instance.id}`)).json().items,
    ).toEqual([]);
    await complete(head, instance.id, 'assign', { responsible: ids.managerA, deadline: '2030-01-15' });
    expect((await leadOf(lead.id)).responsibleId).toBe(ids.managerA);
    const crmTasks = (await managerA.request('GET', `/api/tasks?entity=lead&recordId=${lead.id}`)).json()
      .items;
    expect(crmTasks).toEqual([
      expect.objectContaining({
        title: 'Связаться с клиентом: Сырная лавка',
        assigneeId: ids.managerA,
        dueAt: '2030-01-15T18:00:00.000Z',
      }),
    ]);

    // The clarifying call is due by the assigner's deadline and cannot be closed without the next call date.
    const clarify = await taskAt(managerA, instance.id, 'clarify');
    expect(clarify.dueAt).toBe('2030-01-15T00:00:00.000Z');
    const refused = await managerA.request('POST', `/api/process-tasks/${clarify.id}/complete`, {
      values: { need: 'Сыры' },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details).toEqual([
      { path: 'body.values.nextCallAt', message: 'Дата следующего звонка is required' },
    ]);
    await complete(managerA, instance.id, 'clarify', { need: 'Сыры', nextCallAt: soon() });
    expect((await leadOf(lead.id)).status).toBe('in_work');

    await complete(managerA, instance.id, 'repeatCall', { callResult: 'ready' });
    const done = await finished(head, instance.id);
    expect(done.status).toBe('completed');
    expect(done.variables.responsible).toBe(ids.managerA);
    const converted = await leadOf(lead.id);
    expect(converted.status).toBe('converted');
    expect(done.variables.dealId).toBe(converted.dealId);
    const deal = await dealOf(converted.dealId);
    expect(deal).toMatchObject({ title: 'Сырная лавка', responsibleId: ids.managerA });
    expect(await notificationsOf(world, ids.managerA, 1)).toContain('Создана сделка: Сырная лавка');
  });

  it('undecided: loops back to a call at the next date, asking for the date when none was given', async () => {
    const { managerA, head } = world;
    const { lead, instance } = await atRepeatCall('Думающий клиент');
    await complete(managerA, instance.id, 'repeatCall', { callResult: 'undecided' });
    await complete(managerA, instance.id, 'agreeDate', { nextCallAt: soon() });
    await complete(managerA, instance.id, 'repeatCall', { callResult: 'undecided', nextCallAt: soon() });
    await complete(managerA, instance.id, 'repeatCall', { callResult: 'ready' });
    const done = await finished(head, instance.id);
    expect(done.status).toBe('completed');
    const calls = (
      await managerA.request('GET', `/api/process-tasks?instanceId=${instance.id}&status=completed`)
    ).json().items as { elementId: string }[];
    expect(calls.filter((task) => task.elementId === 'repeatCall')).toHaveLength(3);
    expect(calls.filter((task) => task.elementId === 'agreeDate')).toHaveLength(1);
    expect((await leadOf(lead.id)).status).toBe('converted');
  });

  it('refused, impossible: the reason is kept and the process ends without a deal', async () => {
    const { managerA, head, ids } = world;
    const { lead, instance } = await atRepeatCall('Невозможная сделка');
    await complete(managerA, instance.id, 'repeatCall', { callResult: 'refused' });
    await complete(managerA, instance.id, 'refusal', {
      refusal: 'impossible',
      reason: 'Нужна доставка на Камчатку',
    });
    const done = await finished(head, instance.id);
    expect(done.status).toBe('completed');
    expect(done.variables).toMatchObject({
      refusal: 'impossible',
      reason: 'Нужна доставка на Камчатку',
      responsible: ids.managerA,
    });
    expect(done.variables.dealId).toBeUndefined();
    expect((await leadOf(lead.id)).status).toBe('in_work');
  });

  it('wants wholesale: the wholesaler becomes the responsible, is told, and answers that the client buys', async () => {
    const { managerA, managerB, head, ids } = world;
    const { lead, instance } = await atRepeatCall('Оптовик');
    await complete(managerA, instance.id, 'repeatCall', { callResult: 'refused' });
    await complete(managerA, instance.id, 'refusal', {
      refusal: 'wholesale',
      reason: 'Хочет брать у поставщика',
      wholesaler: ids.managerB,
    });
    const handed = await instanceOf(head, instance.id);
    expect(handed.variables.responsible).toBe(ids.managerB);
    expect((await leadOf(lead.id)).responsibleId).toBe(ids.managerB);
    expect(await notificationsOf(world, ids.managerB, 1)).toContain(
      'Свяжитесь с клиентом и договоритесь об оптовых поставках: Оптовик',
    );
    // Only the wholesaler holds the question now.
    expect(
      (await managerA.request('GET', `/api/process-tasks?instanceId=${instance.id}`)).json().items,
    ).toEqual([]);
    await complete(managerB, instance.id, 'wholesaleCall', { wholesale: 'buy' });
    const done = await finished(head, instance.id);
    expect(done.status).toBe('completed');
    const converted = await leadOf(lead.id);
    expect(converted.status).toBe('converted');
    expect((await dealOf(converted.dealId)).responsibleId).toBe(ids.managerB);
  });

  it('price: the head of sales picks one of five discount price lists and a new call date, then the call repeats', async () => {
    const { managerA, head, ids } = world;
    const { lead, instance } = await atRepeatCall('Дорого');
    await complete(managerA, instance.id, 'repeatCall', { callResult: 'refused' });
    await complete(managerA, instance.id, 'refusal', { refusal: 'price', reason: 'У конкурента дешевле' });
    const choose = await taskAt(head, instance.id, 'choosePrice');
    expect(choose.candidateRole).toBe('head_of_sales');
    await complete(head, instance.id, 'choosePrice', { priceList: '15', nextCallAt: soon() });
    const crmTasks = (await managerA.request('GET', `/api/tasks?entity=lead&recordId=${lead.id}`)).json()
      .items;
    expect(crmTasks.map((task: { title: string }) => task.title)).toContain(
      'Отправить клиенту прайс-лист со скидкой 15 %: Дорого',
    );
    await complete(managerA, instance.id, 'repeatCall', { callResult: 'ready' });
    const done = await finished(head, instance.id);
    expect(done.status).toBe('completed');
    expect(done.variables).toMatchObject({ priceList: '15', responsible: ids.managerA });
    expect((await leadOf(lead.id)).status).toBe('converted');
  });

  it('price, none fits: the wholesaler (picked by the assigner) takes over and may answer that the client will not buy', async () => {
    const { managerA, managerB, head, ids } = world;
    const { lead, instance } = await atRepeatCall('Ничего не подошло');
    await complete(managerA, instance.id, 'repeatCall', { callResult: 'refused' });
    await complete(managerA, instance.id, 'refusal', { refusal: 'price', reason: 'Дорого даже со скидкой' });
    await complete(head, instance.id, 'choosePrice', { priceList: 'none' });
    await complete(head, instance.id, 'pickWholesaler', { wholesaler: ids.managerB });
    expect((await instanceOf(head, instance.id)).variables.responsible).toBe(ids.managerB);
    await complete(managerB, instance.id, 'wholesaleCall', { wholesale: 'notBuy', reason: 'Мелкий объём' });
    const done = await finished(head, instance.id);
    expect(done.status).toBe('completed');
    expect(done.variables).toMatchObject({ wholesale: 'notBuy', responsible: ids.managerB });
    const after = await leadOf(lead.id);
    expect(after).toMatchObject({ status: 'in_work', responsibleId: ids.managerB });
  });

  it('no contact: the assigner changes the responsible, who starts again with a clarifying call', async () => {
    const { managerA, managerB, head, owner, ids } = world;
    const { lead, instance } = await atRepeatCall('Не берёт трубку');
    await complete(managerA, instance.id, 'repeatCall', { callResult: 'refused' });
    await complete(managerA, instance.id, 'refusal', { refusal: 'noContact', reason: 'Не отвечает неделю' });
    await complete(head, instance.id, 'assign', { responsible: ids.managerB, deadline: '2030-02-01' });
    const reassigned = await instanceOf(head, instance.id);
    expect(reassigned.variables.responsible).toBe(ids.managerB);
    expect(reassigned.waitingAt).toEqual(['clarify']);
    expect((await leadOf(lead.id)).responsibleId).toBe(ids.managerB);
    const clarify = await taskAt(managerB, instance.id, 'clarify');
    expect(clarify.assigneeId).toBe(ids.managerB);
    expect((await owner.request('POST', `/api/process-instances/${instance.id}/cancel`)).statusCode).toBe(
      200,
    );
  });

  it('other: the reason goes in the comment and the process ends', async () => {
    const { managerA, head } = world;
    const { lead, instance } = await atRepeatCall('Другое');
    await complete(managerA, instance.id, 'repeatCall', { callResult: 'refused' });
    await complete(managerA, instance.id, 'refusal', { refusal: 'other', reason: 'Компания закрывается' });
    const done = await finished(head, instance.id);
    expect(done.status).toBe('completed');
    expect(done.variables).toMatchObject({ refusal: 'other', reason: 'Компания закрывается' });
    expect((await leadOf(lead.id)).status).toBe('in_work');
  });
});
