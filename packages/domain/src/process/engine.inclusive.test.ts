import { describe, expect, it } from 'vitest';
import { Driver, loadGraph } from './test-kit';

function created(effects: readonly { type: string; elementId?: string }[]): (string | undefined)[] {
  return effects.filter((effect) => effect.type === 'createUserTask').map((effect) => effect.elementId);
}

describe('inclusive gateway', () => {
  it('forks to every flow whose condition holds and joins when 2 of 3 branches were taken', async () => {
    const process = new Driver(await loadGraph('inclusive-join'));
    expect(
      created(process.send({ type: 'start', variables: { needA: true, needB: false, needC: true } })),
    ).toEqual(['taskA', 'taskC']);
    expect(process.complete('taskA')).toEqual([]);
    expect(process.state.tokens).toEqual([
      { id: 't2', elementId: 'taskC', wait: 'userTask' },
      { id: 't1', elementId: 'join', wait: 'join', flowId: 'fromA' },
    ]);
    expect(process.complete('taskC')).toEqual([
      { type: 'createUserTask', tokenId: 't1', elementId: 'summary', name: 'Итог', assignee: null, form: [] },
    ]);
    expect(process.state.tokens).toEqual([{ id: 't1', elementId: 'summary', wait: 'userTask' }]);
  });

  it('passes a single branch straight through the join', async () => {
    const process = new Driver(await loadGraph('inclusive-join'));
    process.send({ type: 'start', variables: { needA: false, needB: true, needC: false } });
    expect(created(process.complete('taskB'))).toEqual(['summary']);
  });

  it('raises an incident when no branch is taken and there is no default', async () => {
    const process = new Driver(await loadGraph('inclusive-join'));
    expect(process.send({ type: 'start', variables: {} })).toMatchObject([
      {
        type: 'incident',
        elementId: 'fork',
        message: 'No condition out of fork holds and it has no default flow',
      },
    ]);
  });

  it('after a parallel fork and an exclusive choice, waits for the parallel branch and the chosen one only', async () => {
    const process = new Driver(await loadGraph('parallel-after-exclusive'));
    expect(created(process.send({ type: 'start', variables: { big: true } }))).toEqual(['taskP', 'taskX']);
    expect(process.complete('taskX')).toEqual([]);
    expect(process.where).toEqual(['taskP:userTask', 'join:join']);
    expect(created(process.complete('taskP'))).toEqual(['summary']);
    expect(process.where).toEqual(['summary:userTask']);
  });

  it('waits while a branch is still in a user task upstream, over several tasks', async () => {
    const process = new Driver(await loadGraph('inclusive-upstream'));
    expect(created(process.send({ type: 'start' }))).toEqual(['taskA', 'taskB1']);
    expect(process.complete('taskA')).toEqual([]);
    expect(created(process.complete('taskB1'))).toEqual(['taskB2']);
    expect(process.where).toEqual(['join:join', 'taskB2:userTask']);
    expect(created(process.complete('taskB2'))).toEqual(['summary']);
  });

  it('fires as soon as the upstream branch turns away from it', async () => {
    const process = new Driver(await loadGraph('inclusive-upstream'));
    process.send({ type: 'start' });
    process.complete('taskA');
    process.complete('taskB1');
    expect(created(process.complete('taskB2', { skipB: true }))).toEqual(['summary']);
    expect(process.where).toEqual(['summary:userTask']);
  });

  it('works inside a loop: redoing a branch, then a second round with one branch', async () => {
    const process = new Driver(await loadGraph('inclusive-loop'));
    process.send({ type: 'start' });
    expect(created(process.complete('prepare', { a: true, b: true }))).toEqual(['taskA', 'taskB']);
    expect(process.complete('taskA')).toEqual([]);
    expect(created(process.complete('taskB', { redoB: true }))).toEqual(['taskB']);
    expect(process.where).toEqual(['join:join', 'taskB:userTask']);
    expect(created(process.complete('taskB', { redoB: false }))).toEqual(['review']);
    expect(created(process.complete('review', { again: true }))).toEqual(['prepare']);
    expect(created(process.complete('prepare', { a: false, b: true }))).toEqual(['taskB']);
    expect(created(process.complete('taskB'))).toEqual(['review']);
    expect(process.complete('review', { again: false })).toEqual([{ type: 'instanceCompleted' }]);
  });
});
