import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../../../../test/test-app';
import type { MailMessage } from '../../mail/mailer';
import { useProcessMailer } from '../external-actions';
import {
  complete,
  dealFor,
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
const sent: MailMessage[] = [];

beforeAll(async () => {
  world = await templateWorld('documents');
  useProcessMailer({ send: async (message) => void sent.push(message), close: () => undefined });
});
afterAll(() => useProcessMailer(null));

describe('contract approval', () => {
  let processId: string;
  beforeAll(async () => {
    processId = (await publishTemplate(world, 'contract-approval')).id;
  });

  const describeContract = async (contract: string) => {
    const { managerA, ids } = world;
    const instance = await startProcess(managerA, processId, await dealFor(managerA, contract));
    await complete(managerA, instance.id, 'describe', {
      contract,
      amount: 250000,
      clientEmail: 'buyer@client.test',
      approver: ids.head,
    });
    return instance;
  };

  it('approved after a revision: the contract is e-mailed to the client and the initiator is told', async () => {
    const { managerA, head, ids } = world;
    const instance = await describeContract('Поставка сыров №12');
    await complete(
      head,
      instance.id,
      'approve',
      {},
      { outcome: 'revise', comment: 'Поправьте сроки оплаты' },
    );
    await complete(managerA, instance.id, 'revise', { document: 'dogovor-v2.pdf' });
    await complete(head, instance.id, 'approve', {}, { outcome: 'approve' });
    const done = await finished(managerA, instance.id);
    expect(done.status).toBe('completed');
    expect(done.variables).toMatchObject({ decision: 'approve', emailSent: true });
    const mail = sent.find((message) => message.subject === 'Договор: Поставка сыров №12');
    expect(mail).toMatchObject({ to: 'buyer@client.test' });
    expect(mail?.text).toContain('dogovor-v2.pdf');
    expect(await notificationsOf(world, ids.managerA, 1)).toContain(
      'Договор согласован и отправлен клиенту: Поставка сыров №12',
    );
    const approvals = (
      await head.request('GET', `/api/process-tasks?instanceId=${instance.id}&status=completed`)
    ).json().items as { elementId: string }[];
    expect(approvals.filter((task) => task.elementId === 'approve')).toHaveLength(2);
  });

  it('rejected: nothing is sent and the initiator is told', async () => {
    const { head, managerA, ids } = world;
    const instance = await describeContract('Невыгодный договор');
    await complete(head, instance.id, 'approve', {}, { outcome: 'reject' });
    const done = await finished(managerA, instance.id);
    expect(done.status).toBe('completed');
    expect(done.variables.emailSent).toBeUndefined();
    expect(sent.some((message) => message.subject.includes('Невыгодный договор'))).toBe(false);
    expect(await notificationsOf(world, ids.managerA, 1)).toContain(
      'Договор не согласован: Невыгодный договор',
    );
  });
});

describe('two-stage document approval', () => {
  let processId: string;
  beforeAll(async () => {
    processId = (await publishTemplate(world, 'document-approval')).id;
  });

  const describeDocument = async (title: string) => {
    const { managerA, ids } = world;
    const instance = await startProcess(managerA, processId);
    await complete(managerA, instance.id, 'describe', {
      title,
      firstApprover: ids.head,
      secondApprover: ids.owner,
    });
    return instance;
  };

  it('approved at both stages: published, and the initiator is told', async () => {
    const { managerA, head, owner, ids } = world;
    const instance = await describeDocument('Регламент отдела продаж');
    await complete(head, instance.id, 'firstStage', {}, { outcome: 'approve' });
    await complete(owner, instance.id, 'secondStage', {}, { outcome: 'approve' });
    const done = await finished(managerA, instance.id);
    expect(done.status).toBe('completed');
    expect(done.variables.published).toBe(true);
    expect(typeof done.variables.publishedAt).toBe('string');
    expect(await notificationsOf(world, ids.managerA, 1)).toContain(
      'Документ утверждён и опубликован: Регламент отдела продаж',
    );
  });

  it('sent back at the first stage, then at the second: each revision starts again at the first stage', async () => {
    const { managerA, head, owner } = world;
    const instance = await describeDocument('Прайс на осень');
    await complete(head, instance.id, 'firstStage', {}, { outcome: 'revise' });
    await complete(managerA, instance.id, 'revise', {}, { comment: 'Исправил цены' });
    await complete(head, instance.id, 'firstStage', {}, { outcome: 'approve' });
    await complete(owner, instance.id, 'secondStage', {}, { outcome: 'revise' });
    await complete(managerA, instance.id, 'revise', {});
    expect((await instanceOf(managerA, instance.id)).waitingAt).toEqual(['firstStage']);
    await complete(head, instance.id, 'firstStage', {}, { outcome: 'approve' });
    await complete(owner, instance.id, 'secondStage', {}, { outcome: 'approve' });
    const done = await finished(managerA, instance.id);
    expect(done.status).toBe('completed');
    expect(done.variables.published).toBe(true);
  });
});

describe('invoice payment', () => {
  let processId: string;
  beforeAll(async () => {
    processId = (await publishTemplate(world, 'invoice-payment')).id;
  });

  const enterInvoice = async (invoice: string) => {
    const { managerA, ids } = world;
    const instance = await startProcess(managerA, processId, await dealFor(managerA, invoice));
    await complete(managerA, instance.id, 'describe', {
      invoice,
      supplier: 'ООО Молоко',
      amount: 48000,
      approver: ids.head,
    });
    return instance;
  };

  it('approved: accounting pays it and the initiator is told', async () => {
    const { managerA, head, accountant, ids } = world;
    const instance = await enterInvoice('СЧ-101');
    await complete(head, instance.id, 'approve', {}, { outcome: 'approve' });
    const pay = await taskAt(accountant, instance.id, 'pay');
    expect(pay).toMatchObject({ candidateRole: 'accountant', assigneeId: null });
    await complete(accountant, instance.id, 'pay', { paidOn: '2025-03-03', paymentOrder: '№ 77' });
    const done = await finished(managerA, instance.id);
    expect(done.status).toBe('completed');
    expect(done.variables).toMatchObject({ paidOn: '2025-03-03', paymentOrder: '№ 77' });
    expect(await notificationsOf(world, ids.managerA, 1)).toContain('Счёт оплачен: СЧ-101');
  });

  it('rejected: accounting never sees it and the initiator is told', async () => {
    const { managerA, head, accountant, ids } = world;
    const instance = await enterInvoice('СЧ-102');
    await complete(head, instance.id, 'approve', {}, { outcome: 'reject' });
    const done = await finished(managerA, instance.id);
    expect(done.status).toBe('completed');
    expect(
      (
        await accountant.request('GET', `/api/process-tasks?instanceId=${instance.id}&status=cancelled`)
      ).json().items,
    ).toEqual([]);
    expect(await notificationsOf(world, ids.managerA, 1)).toContain('Оплата счёта отклонена: СЧ-102');
  });
});

describe('acknowledgement of a document', () => {
  let processId: string;
  beforeAll(async () => {
    processId = (await publishTemplate(world, 'acknowledgement')).id;
  });

  it('everyone chosen (people and a department) reads it before the deadline: the tally says all', async () => {
    const { owner, ids, team } = world;
    const instance = await startProcess(owner, processId, {
      variables: { people: [ids.accountant], departments: [team.departmentId] },
    });
    await complete(owner, instance.id, 'describe', { title: 'Приказ о скидках', deadline: '2030-01-01' });
    const running = await instanceOf(owner, instance.id);
    // The department brings its head, both managers and the sub-department's people, each once.
    const members = running.variables.members as string[];
    expect(members[0]).toBe(ids.accountant);
    expect(members).toEqual(expect.arrayContaining([ids.head, ids.managerA, ids.managerB]));
    expect(new Set(members).size).toBe(members.length);
    for (const userId of members) await complete(await readerOf(userId), instance.id, 'read', {});
    const done = await finished(owner, instance.id);
    expect(done.status).toBe('completed');
    expect(done.variables.tally).toMatchObject({
      completedCount: members.length,
      total: members.length,
      missed: [],
    });
    expect(await notificationsOf(world, ids.owner, 1)).toContain(
      `Ознакомились ${members.length} из ${members.length}: Приказ о скидках`,
    );
  });

  it('the deadline passes: unread tasks are withdrawn and the initiator sees who did not read it', async () => {
    const { owner, managerA, ids } = world;
    const instance = await startProcess(owner, processId, {
      variables: { people: [ids.managerA, ids.managerB] },
    });
    await complete(owner, instance.id, 'describe', { title: 'Новый регламент', deadline: soon(1500) });
    await complete(managerA, instance.id, 'read', {}, { comment: 'Прочитал' });
    const done = await finished(owner, instance.id);
    expect(done.status).toBe('completed');
    expect(done.variables.tally).toEqual({
      completed: [ids.managerA],
      missed: [ids.managerB],
      completedCount: 1,
      total: 2,
    });
    expect(
      (
        await world.managerB.request('GET', `/api/process-tasks?instanceId=${instance.id}&status=cancelled`)
      ).json().items,
    ).toHaveLength(1);
    expect(await notificationsOf(world, ids.owner, 2)).toContain('Ознакомились 1 из 2: Новый регламент');
  });
});

/** A signed-in client for any member of the team. */
async function readerOf(userId: string) {
  const member = Object.values(world.team.users).find((user) => user.id === userId);
  if (member) return signIn(world.t.app, member.email);
  return world.accountant;
}
