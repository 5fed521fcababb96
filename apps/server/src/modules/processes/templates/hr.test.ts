import { beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../../../test/test-app';
import {
  absencesOf,
  complete,
  day,
  finished,
  notificationsOf,
  publishTemplate,
  startProcess,
  type TemplateWorld,
  taskAt,
  templateWorld,
} from './template-test-kit';

let world: TemplateWorld;
const processes: Record<string, string> = {};

beforeAll(async () => {
  world = await templateWorld('hr');
  for (const key of ['sick-leave', 'business-trip', 'time-off', 'vacation', 'dismissal', 'hiring'])
    processes[key] = (await publishTemplate(world, key)).id;
});

/** Starts a template as `client` and fills in its first form. */
async function request(client: Client, template: string, values: Record<string, unknown>) {
  const instance = await startProcess(client, processes[template]!);
  await complete(client, instance.id, 'describe', values);
  return instance;
}

const absencesFrom = async (userId: string, instanceId: string) =>
  (await absencesOf(world, userId)).filter((absence) => absence.processInstanceId === instanceId);

describe('sick leave: three variants', () => {
  it('official sick note: the head confirms, the employee gets instructions, HR takes the note, the chart shows it', async () => {
    const { managerA, head, hr, ids } = world;
    const instance = await request(managerA, 'sick-leave', {
      variant: 'sick_note',
      startsOn: day(0),
      endsOn: day(4),
    });
    const confirm = await taskAt(head, instance.id, 'confirm');
    expect(confirm.assigneeId).toBe(ids.head);
    await complete(head, instance.id, 'confirm', {}, { outcome: 'approve' });
    expect(await notificationsOf(world, ids.managerA, 1)).toContain(
      'Больничный подтверждён. Оформите больничный лист у врача и передайте его номер в отдел кадров.',
    );
    await complete(hr, instance.id, 'acceptSickNote', { sickNote: 'ЭЛН 910000000001' });
    const done = await finished(managerA, instance.id);
    expect(done.status).toBe('completed');
    expect(await absencesFrom(ids.managerA, instance.id)).toEqual([
      expect.objectContaining({ kind: 'sick_leave', startsOn: day(0), endsOn: day(4), hours: null }),
    ]);
  });

  it('working from home: instructions only, no absence', async () => {
    const { managerA, head, ids } = world;
    const instance = await request(managerA, 'sick-leave', {
      variant: 'remote',
      startsOn: day(10),
      endsOn: day(11),
    });
    await complete(head, instance.id, 'confirm', {}, { outcome: 'approve' });
    const done = await finished(managerA, instance.id);
    expect(done.status).toBe('completed');
    expect(await notificationsOf(world, ids.managerA, 1)).toContain(
      'Работа из дома согласована. Оставайтесь на связи в рабочее время и выздоравливайте.',
    );
    expect(await absencesFrom(ids.managerA, instance.id)).toEqual([]);
  });

  it('unpaid time off: recorded as unpaid, accounting takes note', async () => {
    const { managerA, head, accountant, ids } = world;
    const instance = await request(managerA, 'sick-leave', {
      variant: 'unpaid',
      startsOn: day(20),
      endsOn: day(21),
    });
    await complete(head, instance.id, 'confirm', {}, { outcome: 'approve' });
    expect(await absencesFrom(ids.managerA, instance.id)).toEqual([
      expect.objectContaining({ kind: 'time_off_unpaid', startsOn: day(20), endsOn: day(21) }),
    ]);
    await complete(accountant, instance.id, 'accountUnpaid', {});
    const done = await finished(managerA, instance.id);
    expect(done.status).toBe('completed');
    expect(await notificationsOf(world, ids.managerA, 1)).toContain(
      'Отгул за свой счёт оформлен. Выздоравливайте!',
    );
  });

  it('not confirmed: the employee is told, nothing is recorded', async () => {
    const { managerA, head, ids } = world;
    const instance = await request(managerA, 'sick-leave', {
      variant: 'sick_note',
      startsOn: day(30),
      endsOn: day(31),
    });
    await complete(head, instance.id, 'confirm', {}, { outcome: 'reject' });
    expect((await finished(managerA, instance.id)).status).toBe('completed');
    expect(await notificationsOf(world, ids.managerA, 1)).toContain(
      'Больничный не подтверждён, свяжитесь с руководителем.',
    );
    expect(await absencesFrom(ids.managerA, instance.id)).toEqual([]);
  });
});

describe('business trip', () => {
  it('approved: the traveller is told and accounting pays the advance side by side, then the trip is in the chart', async () => {
    const { managerA, head, accountant, ids } = world;
    const instance = await request(managerA, 'business-trip', {
      destination: 'Казань',
      purpose: 'Выставка «Продэкспо»',
      startsOn: day(40),
      endsOn: day(43),
      budget: 60000,
    });
    await complete(head, instance.id, 'approve', {}, { outcome: 'approve' });
    expect(await notificationsOf(world, ids.managerA, 1)).toContain('Командировка утверждена: Казань');
    expect(await absencesFrom(ids.managerA, instance.id)).toEqual([]);
    await complete(accountant, instance.id, 'advance', { advance: 30000 });
    const done = await finished(managerA, instance.id);
    expect(done.status).toBe('completed');
    expect(await absencesFrom(ids.managerA, instance.id)).toEqual([
      expect.objectContaining({ kind: 'business_trip', startsOn: day(40), endsOn: day(43) }),
    ]);
  });

  it('not approved: the process closes', async () => {
    const { managerA, head, ids } = world;
    const instance = await request(managerA, 'business-trip', {
      destination: 'Сочи',
      purpose: 'Отдых',
      startsOn: day(50),
      endsOn: day(52),
    });
    await complete(head, instance.id, 'approve', {}, { outcome: 'reject' });
    expect((await finished(managerA, instance.id)).status).toBe('completed');
    expect(await notificationsOf(world, ids.managerA, 1)).toContain('Командировка не утверждена: Сочи');
    expect(await absencesFrom(ids.managerA, instance.id)).toEqual([]);
  });
});

describe('time off', () => {
  it('unpaid, the whole day: approved, accounting notes it, one day in the chart', async () => {
    const { managerB, head, accountant, ids } = world;
    const instance = await request(managerB, 'time-off', {
      timeOffKind: 'unpaid',
      startsOn: day(60),
      comment: 'Переезд',
    });
    await complete(head, instance.id, 'approve', {}, { outcome: 'approve' });
    await complete(accountant, instance.id, 'account', { noted: true });
    expect((await finished(managerB, instance.id)).status).toBe('completed');
    expect(await absencesFrom(ids.managerB, instance.id)).toEqual([
      expect.objectContaining({
        kind: 'time_off_unpaid',
        startsOn: day(60),
        endsOn: day(60),
        hours: null,
        comment: 'Переезд',
      }),
    ]);
    expect(await notificationsOf(world, ids.managerB, 1)).toContain(`Отгул согласован на ${day(60)}`);
  });

  it('for hours worked before: recorded as worked, with the hours', async () => {
    const { managerB, head, accountant, ids } = world;
    const instance = await request(managerB, 'time-off', {
      timeOffKind: 'worked',
      startsOn: day(61),
      hours: 4,
      comment: 'Отработал в субботу',
    });
    await complete(head, instance.id, 'approve', {}, { outcome: 'approve' });
    await complete(accountant, instance.id, 'account', { noted: true });
    expect((await finished(managerB, instance.id)).status).toBe('completed');
    expect(await absencesFrom(ids.managerB, instance.id)).toEqual([
      expect.objectContaining({ kind: 'time_off_worked', startsOn: day(61), endsOn: day(61), hours: 4 }),
    ]);
  });

  it('not approved: the author and their head are told', async () => {
    const { managerB, head, ids } = world;
    const instance = await request(managerB, 'time-off', {
      timeOffKind: 'unpaid',
      startsOn: day(62),
      comment: 'Личные дела',
    });
    await complete(head, instance.id, 'approve', {}, { outcome: 'reject' });
    expect((await finished(managerB, instance.id)).status).toBe('completed');
    const title = `Отгул не согласован на ${day(62)}`;
    expect(await notificationsOf(world, ids.managerB, 1)).toContain(title);
    expect(await notificationsOf(world, ids.head, 1)).toContain(title);
    expect(await absencesFrom(ids.managerB, instance.id)).toEqual([]);
  });
});

describe('vacation', () => {
  it('approved: HR and accounting prepare the papers, the vacation is in the chart, the employee is told', async () => {
    const { managerA, head, hr, accountant, ids } = world;
    const instance = await request(managerA, 'vacation', { startsOn: day(100), endsOn: day(113) });
    await complete(head, instance.id, 'approve', {}, { outcome: 'approve' });
    await complete(accountant, instance.id, 'vacationPay', {});
    expect(await absencesFrom(ids.managerA, instance.id)).toEqual([]);
    await complete(hr, instance.id, 'order', {}, { comment: 'Приказ № 15-о' });
    expect((await finished(managerA, instance.id)).status).toBe('completed');
    expect(await absencesFrom(ids.managerA, instance.id)).toEqual([
      expect.objectContaining({ kind: 'vacation', startsOn: day(100), endsOn: day(113) }),
    ]);
    expect(await notificationsOf(world, ids.managerA, 1)).toContain(
      `Отпуск согласован: ${day(100)} — ${day(113)}`,
    );
  });

  it('not approved: the employee is told, nothing is recorded', async () => {
    const { managerA, head, ids } = world;
    const instance = await request(managerA, 'vacation', { startsOn: day(120), endsOn: day(130) });
    await complete(head, instance.id, 'approve', {}, { outcome: 'reject' });
    expect((await finished(managerA, instance.id)).status).toBe('completed');
    expect(await notificationsOf(world, ids.managerA, 1)).toContain(
      'Отпуск не согласован, обсудите даты с руководителем.',
    );
    expect(await absencesFrom(ids.managerA, instance.id)).toEqual([]);
  });
});

describe('dismissal', () => {
  it('approved: HR papers, final settlement and the hand-over run side by side, then the author is told', async () => {
    const { managerB, head, hr, accountant, ids } = world;
    const instance = await request(managerB, 'dismissal', {
      employee: ids.managerB,
      lastDay: '2025-04-30',
      reason: 'Переезд в другой город',
    });
    await complete(head, instance.id, 'approve', {}, { outcome: 'approve' });
    await complete(hr, instance.id, 'papers', {});
    await complete(accountant, instance.id, 'settlement', { amount: 85000 });
    expect((await taskAt(managerB, instance.id, 'handOver')).assigneeId).toBe(ids.managerB);
    await complete(managerB, instance.id, 'handOver', { successor: ids.managerA });
    const done = await finished(managerB, instance.id);
    expect(done.status).toBe('completed');
    expect(done.variables).toMatchObject({ successor: ids.managerA, amount: 85000 });
    expect(await notificationsOf(world, ids.managerB, 1)).toContain(
      'Увольнение оформлено, последний день: 2025-04-30',
    );
  });

  it('not approved: the author is told', async () => {
    const { managerB, head, ids } = world;
    const instance = await request(managerB, 'dismissal', { employee: ids.managerB, lastDay: '2025-05-30' });
    await complete(head, instance.id, 'approve', {}, { outcome: 'reject' });
    expect((await finished(managerB, instance.id)).status).toBe('completed');
    expect(await notificationsOf(world, ids.managerB, 1)).toContain('Заявка на увольнение не согласована');
  });
});

describe('hiring', () => {
  it('papers and onboarding side by side, then the newcomer reads the documents one by one', async () => {
    const { hr, managerA, managerB, ids } = world;
    const instance = await request(hr, 'hiring', {
      newEmployee: ids.managerB,
      position: 'Менеджер по продажам',
      startsOn: '2025-06-02',
      mentor: ids.managerA,
    });
    await complete(managerA, instance.id, 'onboarding', {});
    await complete(hr, instance.id, 'papers', {});
    const read: unknown[] = [];
    for (let index = 0; index < 3; index += 1) {
      const task = await complete(managerB, instance.id, 'readDocuments', { confirmed: true });
      read.push(task.values.item);
    }
    expect(read).toEqual([
      'Правила внутреннего трудового распорядка',
      'Должностная инструкция',
      'Регламент работы в CRM',
    ]);
    expect((await finished(hr, instance.id)).status).toBe('completed');
    const title = 'Новый сотрудник оформлен: Менеджер по продажам';
    expect(await notificationsOf(world, ids.hr, 1)).toContain(title);
    expect(await notificationsOf(world, ids.managerA, 1)).toContain(title);
  });
});
