import { describe, expect, it } from 'vitest';
import { Driver, loadGraph } from './test-kit';

describe('event-based gateway', () => {
  it('lets the message win and withdraws the timer', async () => {
    const process = new Driver(await loadGraph('event-gateway'));
    expect(process.send({ type: 'start', variables: { invoiceId: 'inv-7' } })).toEqual([
      { type: 'scheduleTimer', tokenId: 't2', elementId: 'hourPassed', dueAt: '2025-03-03T10:00:00.000Z' },
      {
        type: 'subscribeMessage',
        tokenId: 't3',
        elementId: 'paid',
        name: 'invoicePaid',
        correlationKey: 'inv-7',
      },
    ]);
    expect(process.state.tokens).toEqual([
      { id: 't1', elementId: 'race', wait: 'eventGateway' },
      { id: 't2', elementId: 'hourPassed', wait: 'timer', ownerId: 't1', dueAt: '2025-03-03T10:00:00.000Z' },
      {
        id: 't3',
        elementId: 'paid',
        wait: 'message',
        ownerId: 't1',
        message: { name: 'invoicePaid', correlationKey: 'inv-7' },
      },
    ]);
    expect(process.send({ type: 'message', name: 'invoicePaid', correlationKey: 'inv-8' })).toEqual([]);
    expect(
      process.send({ type: 'message', name: 'invoicePaid', correlationKey: 'inv-7', variables: { sum: 10 } }),
    ).toEqual([{ type: 'cancelWork', tokenId: 't2', work: 'timer' }, { type: 'instanceCompleted' }]);
    expect(process.state.variables).toEqual({ invoiceId: 'inv-7', sum: 10 });
  });

  it('lets the timer win and withdraws the subscription', async () => {
    const process = new Driver(await loadGraph('event-gateway'));
    process.send({ type: 'start', variables: { invoiceId: 'inv-7' } });
    expect(process.send({ type: 'timerFired', tokenId: 't2' })).toMatchObject([
      { type: 'cancelWork', tokenId: 't3', work: 'message' },
      { type: 'createUserTask', tokenId: 't2', elementId: 'remind' },
    ]);
    expect(process.where).toEqual(['remind:userTask']);
  });
});

describe('timers', () => {
  it('waits for a literal duration, then until a date computed from a record field', async () => {
    const process = new Driver(await loadGraph('timers'));
    expect(
      process.send({ type: 'start', variables: { deal: { closeDate: '2025-04-01T12:00:00Z' } } }),
    ).toEqual([
      { type: 'scheduleTimer', tokenId: 't1', elementId: 'tenMinutes', dueAt: '2025-03-03T09:10:00.000Z' },
    ]);
    expect(process.send({ type: 'timerFired', tokenId: 't1' })).toEqual([
      {
        type: 'scheduleTimer',
        tokenId: 't1',
        elementId: 'dayBeforeClose',
        dueAt: '2025-03-31T12:00:00.000Z',
      },
    ]);
    expect(process.send({ type: 'timerFired', tokenId: 't1' })).toEqual([{ type: 'instanceCompleted' }]);
  });

  it('raises an incident when the date field is empty', async () => {
    const process = new Driver(await loadGraph('timers'));
    process.send({ type: 'start', variables: { deal: {} } });
    expect(process.send({ type: 'timerFired', tokenId: 't1' })).toMatchObject([
      { type: 'incident', tokenId: 't1', elementId: 'dayBeforeClose' },
    ]);
  });
});

describe('boundary events', () => {
  async function started() {
    const process = new Driver(await loadGraph('boundaries'));
    process.send({ type: 'start', variables: { dealId: 'd1', email: 'a@b.ru' } });
    return process;
  }

  it('arms the timer and message boundaries of a user task', async () => {
    const process = await started();
    expect(process.effects).toEqual([
      {
        type: 'createUserTask',
        tokenId: 't1',
        elementId: 'approve',
        name: 'Согласовать',
        assignee: null,
        form: [],
      },
      { type: 'scheduleTimer', tokenId: 't2', elementId: 'deadline', dueAt: '2025-03-05T09:00:00.000Z' },
      { type: 'scheduleTimer', tokenId: 't3', elementId: 'reminder', dueAt: '2025-03-03T13:00:00.000Z' },
      {
        type: 'subscribeMessage',
        tokenId: 't4',
        elementId: 'question',
        name: 'question',
        correlationKey: 'd1',
      },
    ]);
    expect(process.where).toEqual([
      'approve:userTask',
      'deadline:timer',
      'reminder:timer',
      'question:message',
    ]);
  });

  it('an interrupting timer cancels the task and its other boundaries', async () => {
    const process = await started();
    expect(process.send({ type: 'timerFired', tokenId: 't2' })).toEqual([
      { type: 'cancelWork', tokenId: 't1', work: 'userTask' },
      { type: 'cancelWork', tokenId: 't3', work: 'timer' },
      { type: 'cancelWork', tokenId: 't4', work: 'message' },
      {
        type: 'createUserTask',
        tokenId: 't2',
        elementId: 'escalate',
        name: 'Эскалация',
        assignee: { kind: 'departmentHead', value: 'sales' },
        form: [],
      },
    ]);
    expect(process.where).toEqual(['escalate:userTask']);
  });

  it('a non-interrupting timer fires once and leaves the task waiting', async () => {
    const process = await started();
    expect(process.send({ type: 'timerFired', tokenId: 't3' })).toEqual([
      {
        type: 'runAction',
        tokenId: 't5',
        elementId: 'remind',
        action: 'notify',
        params: { text: 'Ждёт согласования' },
      },
    ]);
    expect(process.where).toEqual([
      'approve:userTask',
      'deadline:timer',
      'question:message',
      'remind:action',
    ]);
  });

  it('a non-interrupting message boundary keeps listening while the task runs', async () => {
    const process = await started();
    expect(process.send({ type: 'message', name: 'question', correlationKey: 'd1' })).toEqual([]);
    expect(process.send({ type: 'message', name: 'question', correlationKey: 'd1' })).toEqual([]);
    expect(process.where).toEqual([
      'approve:userTask',
      'deadline:timer',
      'reminder:timer',
      'question:message',
    ]);
  });

  it('completing the task removes its boundaries; an error boundary catches the failing action by code', async () => {
    const process = await started();
    expect(process.complete('approve')).toEqual([
      { type: 'cancelWork', tokenId: 't2', work: 'timer' },
      { type: 'cancelWork', tokenId: 't3', work: 'timer' },
      { type: 'cancelWork', tokenId: 't4', work: 'message' },
      {
        type: 'runAction',
        tokenId: 't1',
        elementId: 'send',
        action: 'email.send',
        params: { to: 'a@b.ru', template: 'proposal' },
      },
    ]);
    expect(
      process.send({ type: 'failTask', tokenId: 't1', errorCode: 'bounced', message: 'No such mailbox' }),
    ).toEqual([
      { type: 'cancelWork', tokenId: 't1', work: 'action' },
      {
        type: 'createUserTask',
        tokenId: 't5',
        elementId: 'fixEmail',
        name: 'Исправить адрес',
        assignee: null,
        form: [],
      },
    ]);
    expect(process.state.variables.errorCode).toBe('bounced');
  });

  it('a failure no boundary catches becomes an incident; retrying runs the action again', async () => {
    const process = await started();
    process.complete('approve');
    expect(process.send({ type: 'failTask', tokenId: 't1', message: 'SMTP timeout' })).toEqual([
      { type: 'incident', tokenId: 't1', elementId: 'send', message: 'SMTP timeout' },
    ]);
    expect(process.state.status).toBe('running');
    expect(process.send({ type: 'retryIncident', tokenId: 't1' })).toMatchObject([
      { type: 'runAction', tokenId: 't1', elementId: 'send' },
    ]);
  });
});

describe('embedded sub-process', () => {
  it('runs its own start and completes when its scope is empty', async () => {
    const process = new Driver(await loadGraph('subprocess'));
    expect(process.send({ type: 'start' })).toEqual([
      {
        type: 'scheduleTimer',
        tokenId: 't2',
        elementId: 'reviewDeadline',
        dueAt: '2025-03-04T09:00:00.000Z',
      },
      {
        type: 'createUserTask',
        tokenId: 't3',
        elementId: 'inner',
        name: 'Проверить документы',
        assignee: null,
        form: [],
      },
    ]);
    expect(process.state.tokens).toEqual([
      { id: 't1', elementId: 'review', wait: 'subProcess' },
      {
        id: 't2',
        elementId: 'reviewDeadline',
        wait: 'timer',
        ownerId: 't1',
        dueAt: '2025-03-04T09:00:00.000Z',
      },
      { id: 't3', elementId: 'inner', wait: 'userTask', scopeId: 't1' },
    ]);
    expect(process.complete('inner', { result: 'ok' })).toMatchObject([
      { type: 'cancelWork', tokenId: 't2', work: 'timer' },
      { type: 'createUserTask', tokenId: 't1', elementId: 'after' },
    ]);
  });

  it('an error end event inside is caught by the error boundary on the sub-process', async () => {
    const process = new Driver(await loadGraph('subprocess'));
    process.send({ type: 'start' });
    expect(process.complete('inner', { result: 'rejected' })).toMatchObject([
      { type: 'cancelWork', tokenId: 't2', work: 'timer' },
      { type: 'createUserTask', tokenId: 't4', elementId: 'handle' },
    ]);
    expect(process.where).toEqual(['handle:userTask']);
  });

  it('an error nothing catches fails the instance', async () => {
    const process = new Driver(await loadGraph('subprocess'));
    process.send({ type: 'start' });
    expect(process.complete('inner', { result: 'fatal' })).toEqual([
      { type: 'cancelWork', tokenId: 't2', work: 'timer' },
      { type: 'instanceFailed', errorCode: 'fatal', message: 'Error end event errFatal' },
    ]);
    expect(process.state).toMatchObject({ status: 'failed', tokens: [], error: { code: 'fatal' } });
  });

  it('an interrupting timer on the sub-process cancels everything inside it', async () => {
    const process = new Driver(await loadGraph('subprocess'));
    process.send({ type: 'start' });
    expect(process.send({ type: 'timerFired', tokenId: 't2' })).toMatchObject([
      { type: 'cancelWork', tokenId: 't3', work: 'userTask' },
      { type: 'createUserTask', tokenId: 't2', elementId: 'late' },
    ]);
    expect(process.where).toEqual(['late:userTask']);
  });
});

describe('terminate end event', () => {
  it('ends only its own scope inside a sub-process, and the whole instance at the top', async () => {
    const process = new Driver(await loadGraph('terminate'));
    expect(process.send({ type: 'start' })).toMatchObject([
      { type: 'createUserTask', elementId: 'taskA', tokenId: 't1' },
      { type: 'createUserTask', elementId: 'taskB', tokenId: 't3' },
      { type: 'cancelWork', tokenId: 't3', work: 'userTask' },
      { type: 'createUserTask', elementId: 'taskC', tokenId: 't2' },
    ]);
    expect(process.where).toEqual(['taskA:userTask', 'taskC:userTask']);
    expect(process.complete('taskC')).toEqual([
      { type: 'cancelWork', tokenId: 't1', work: 'userTask' },
      { type: 'instanceTerminated' },
    ]);
    expect(process.state).toMatchObject({ status: 'terminated', tokens: [] });
  });
});

describe('call activity', () => {
  it('starts the child process and continues with its variables', async () => {
    const process = new Driver(await loadGraph('call-activity'));
    expect(process.send({ type: 'start', variables: { invoiceId: 'i1' } })).toEqual([
      {
        type: 'startChild',
        tokenId: 't1',
        elementId: 'pay',
        calledElement: 'invoice-payment',
        variables: { invoiceId: 'i1' },
      },
    ]);
    expect(process.send({ type: 'childCompleted', tokenId: 't1', variables: { paid: true } })).toEqual([
      { type: 'instanceCompleted' },
    ]);
    expect(process.state.variables).toEqual({ invoiceId: 'i1', paid: true });
  });

  it('a child failing with an error code is caught by the boundary on the call', async () => {
    const process = new Driver(await loadGraph('call-activity'));
    process.send({ type: 'start' });
    expect(process.send({ type: 'failTask', tokenId: 't1', errorCode: 'declined' })).toEqual([
      { type: 'cancelWork', tokenId: 't1', work: 'child' },
      { type: 'instanceCompleted' },
    ]);
  });
});
