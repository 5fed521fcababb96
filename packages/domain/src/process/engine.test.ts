import { describe, expect, it } from 'vitest';
import { step } from './engine';
import { maxMovesPerStep } from './run';
import { ProcessStepError } from './state';
import { Driver, loadGraph, testNow } from './test-kit';

describe('start → service task → exclusive gateway → user task → end', () => {
  it('runs the action, takes the first true condition and creates the task', async () => {
    const process = new Driver(await loadGraph('service-exclusive-user'));
    expect(
      process.send({
        type: 'start',
        variables: { amount: 5000, deal: { id: 'd1', title: 'Стройсервис' } },
        initiator: 'u1',
      }),
    ).toEqual([
      {
        type: 'runAction',
        tokenId: 't1',
        elementId: 'createTask',
        action: 'crm.createTask',
        params: { title: 'Проверить сделку Стройсервис', dealId: 'd1' },
      },
    ]);
    expect(process.state).toEqual({
      status: 'running',
      variables: { amount: 5000, deal: { id: 'd1', title: 'Стройсервис' } },
      tokens: [{ id: 't1', elementId: 'createTask', wait: 'action' }],
      initiator: 'u1',
    });

    expect(process.send({ type: 'completeTask', tokenId: 't1', variables: { taskId: 'task-9' } })).toEqual([
      {
        type: 'createUserTask',
        tokenId: 't1',
        elementId: 'approve',
        name: 'Согласовать',
        assignee: { kind: 'role', value: 'head_of_sales' },
        form: [
          { id: 'approved', label: 'Согласовано', type: 'boolean' },
          { id: 'comment', label: 'Комментарий', type: 'textarea', required: true },
        ],
        dueAt: '2025-03-05T09:00:00.000Z',
      },
    ]);
    expect(process.state.tokens).toEqual([{ id: 't1', elementId: 'approve', wait: 'userTask' }]);
    expect(process.state.variables.taskId).toBe('task-9');

    expect(process.complete('approve', { approved: true, comment: 'ok' })).toEqual([
      { type: 'instanceCompleted' },
    ]);
    expect(process.state).toMatchObject({ status: 'completed', tokens: [] });
  });

  it('takes the default flow when no condition holds', async () => {
    const process = new Driver(await loadGraph('service-exclusive-user'));
    process.send({ type: 'start', variables: { amount: 10, deal: { id: 'd2', title: 'x' } } });
    expect(process.send({ type: 'completeTask', tokenId: 't1' })).toEqual([{ type: 'instanceCompleted' }]);
    expect(process.state.status).toBe('completed');
  });

  it('raises an incident when a condition cannot be evaluated to a flow, and retries with new variables', async () => {
    const graph = await loadGraph('service-exclusive-user');
    const withoutDefault = {
      ...graph,
      elements: { ...graph.elements, bigDeal: { ...graph.elements.bigDeal!, defaultFlow: undefined } },
      flows: {
        ...graph.flows,
        toSmall: { ...graph.flows.toSmall!, isDefault: undefined, condition: 'amount <= 1000' },
      },
    };
    const process = new Driver(withoutDefault);
    process.send({ type: 'start', variables: { deal: { id: 'd', title: 't' } } });
    expect(process.send({ type: 'completeTask', tokenId: 't1' })).toEqual([
      {
        type: 'incident',
        tokenId: 't1',
        elementId: 'bigDeal',
        message: 'No condition out of "Крупная?" holds and it has no default flow',
      },
    ]);
    expect(process.state.tokens).toEqual([
      {
        id: 't1',
        elementId: 'bigDeal',
        wait: 'incident',
        flowId: 'f2',
        incident: 'No condition out of "Крупная?" holds and it has no default flow',
      },
    ]);
    expect(process.state.status).toBe('running');
    expect(process.send({ type: 'retryIncident', tokenId: 't1', variables: { amount: 7 } })).toEqual([
      { type: 'instanceCompleted' },
    ]);
  });

  it('leaves the input state untouched', async () => {
    const graph = await loadGraph('service-exclusive-user');
    const context = { now: testNow, newId: () => 'x' };
    const started = step(
      graph,
      null,
      { type: 'start', variables: { amount: 5000, deal: {} } },
      context,
    ).instance;
    const frozen = structuredClone(started);
    step(graph, started, { type: 'completeTask', tokenId: 'x', variables: { more: 1 } }, context);
    expect(started).toEqual(frozen);
  });

  it('refuses events that do not fit', async () => {
    const process = new Driver(await loadGraph('service-exclusive-user'));
    process.send({ type: 'start', variables: { amount: 1 } });
    expect(() => process.send({ type: 'completeTask', tokenId: 'nope' })).toThrow(ProcessStepError);
    expect(() => process.send({ type: 'timerFired', tokenId: 't1' })).toThrow(/waits for action/);
    process.send({ type: 'completeTask', tokenId: 't1' });
    expect(() => process.send({ type: 'completeTask', tokenId: 't1' })).toThrow(/completed/);
  });

  it('cancels a running instance and the work it holds', async () => {
    const process = new Driver(await loadGraph('service-exclusive-user'));
    process.send({ type: 'start', variables: { amount: 1 } });
    expect(process.send({ type: 'cancel' })).toEqual([
      { type: 'cancelWork', tokenId: 't1', work: 'action' },
      { type: 'instanceCancelled' },
    ]);
    expect(process.state).toMatchObject({ status: 'cancelled', tokens: [] });
  });
});

describe('parallel gateway', () => {
  it('forks to every flow and joins one token per incoming flow, keeping surplus tokens queued', async () => {
    const process = new Driver(await loadGraph('parallel'));
    expect(
      process.send({ type: 'start' }).map((effect) => effect.type === 'createUserTask' && effect.elementId),
    ).toEqual(['taskA', 'taskB', 'taskC']);
    expect(process.where).toEqual(['taskA:userTask', 'taskB:userTask', 'taskC:userTask']);
    expect(process.complete('taskA')).toEqual([]);
    expect(process.where).toEqual(['taskB:userTask', 'taskC:userTask', 'join:join']);
    expect(process.complete('taskC')).toMatchObject([
      { type: 'createUserTask', elementId: 'taskD', tokenId: 't1' },
    ]);
    expect(process.where).toEqual(['taskB:userTask', 'taskD:userTask']);
    // B's token reaches the join by the same flow as A's: it waits for another token from C, which never comes.
    expect(process.complete('taskB')).toEqual([]);
    expect(process.state.tokens).toEqual([
      { id: 't1', elementId: 'taskD', wait: 'userTask' },
      { id: 't2', elementId: 'join', wait: 'join', flowId: 'fromMerge' },
    ]);
    expect(process.complete('taskD')).toEqual([]);
    expect(process.state.status).toBe('running');
  });
});

describe('loops', () => {
  it('goes round a loop through a gateway and a timer until the exit condition holds', async () => {
    const process = new Driver(await loadGraph('lead-calls'));
    process.send({ type: 'start' });
    expect(process.effects).toMatchObject([
      { type: 'createUserTask', elementId: 'assign', assignee: { kind: 'role', value: 'assigner' } },
    ]);
    expect(process.complete('assign', { responsible: 'u7' })).toMatchObject([
      {
        type: 'createUserTask',
        elementId: 'call',
        assignee: { kind: 'user', value: 'u7' },
        dueAt: '2025-03-03T13:00:00.000Z',
      },
    ]);
    for (const day of ['2025-03-05', '2025-03-07']) {
      expect(process.complete('call', { outcome: 'undecided', nextCallAt: `${day}T10:00:00` })).toEqual([
        { type: 'scheduleTimer', tokenId: 't1', elementId: 'untilNextCall', dueAt: `${day}T10:00:00.000Z` },
      ]);
      expect(process.send({ type: 'timerFired', tokenId: 't1' })).toMatchObject([
        { type: 'createUserTask', elementId: 'call', tokenId: 't1' },
      ]);
    }
    expect(process.complete('call', { outcome: 'ready' })).toEqual([
      {
        type: 'runAction',
        tokenId: 't1',
        elementId: 'createDeal',
        action: 'crm.createRecord',
        params: { type: 'deal', responsible: 'u7' },
      },
    ]);
    expect(process.send({ type: 'completeTask', tokenId: 't1', variables: { id: 'deal-1' } })).toEqual([
      { type: 'instanceCompleted' },
    ]);
    expect(process.state.variables.deal).toEqual({ id: 'deal-1' });
  });

  it('starts from a message start event when asked to', async () => {
    const process = new Driver(await loadGraph('lead-calls'));
    process.send({ type: 'start', startEventId: 'webLead', variables: { source: 'site' } });
    expect(process.where).toEqual(['assign:userTask']);
    expect(() => new Driver(process.graph).send({ type: 'start', startEventId: 'call' })).toThrow(
      /not a start event/,
    );
  });

  it(`stops a loop without a wait state after ${maxMovesPerStep} moves with an incident`, async () => {
    const process = new Driver(await loadGraph('endless-loop'));
    const effects = process.send({ type: 'start', variables: { keepGoing: true } });
    expect(effects).toEqual([
      {
        type: 'incident',
        tokenId: 't1',
        elementId: expect.any(String),
        message: `More than ${maxMovesPerStep} moves in one step: a loop without a wait state?`,
      },
    ]);
    expect(process.state.status).toBe('running');
    expect(process.send({ type: 'retryIncident', tokenId: 't1', variables: { keepGoing: false } })).toEqual([
      { type: 'instanceCompleted' },
    ]);
  });
});
