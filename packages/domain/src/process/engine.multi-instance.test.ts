import { describe, expect, it } from 'vitest';
import type { ApprovalRule, ProcessGraph } from './graph';
import { Driver, loadGraph } from './test-kit';
import { decideApproval } from './user-tasks';

function withRule(graph: ProcessGraph, rule: ApprovalRule): ProcessGraph {
  const approve = graph.elements.approve!;
  const multiInstance = {
    ...approve.multiInstance!,
    approval: { ...approve.multiInstance!.approval!, rule },
  };
  return { ...graph, elements: { ...graph.elements, approve: { ...approve, multiInstance } } };
}

async function approval(rule: ApprovalRule) {
  const process = new Driver(withRule(await loadGraph('approval-parallel'), rule));
  process.send({ type: 'start', variables: { approvers: ['u1', 'u2', 'u3'] } });
  const vote = (loopCounter: number, approved: boolean) => {
    const task = process.state.tokens.find((token) => token.loopCounter === loopCounter)!;
    return process.send({ type: 'completeTask', tokenId: task.id, variables: { approved } });
  };
  return { process, vote };
}

describe('parallel multi-instance approval', () => {
  it('creates one task per approver, each assigned from its item', async () => {
    const { process } = await approval('majority');
    expect(process.effects).toEqual(
      ['u1', 'u2', 'u3'].map((user, index) => ({
        type: 'createUserTask',
        tokenId: `t${index + 2}`,
        elementId: 'approve',
        name: 'Согласовать договор',
        assignee: { kind: 'user', value: user },
        form: [{ id: 'approved', label: 'Согласовано', type: 'boolean' }],
        // A multi-instance approval offers approve / reject unless it names its decisions.
        decisions: ['approve', 'reject'],
        item: user,
        loopCounter: index + 1,
      })),
    );
    expect(process.state.tokens).toEqual([
      {
        id: 't1',
        elementId: 'approve',
        wait: 'multiInstance',
        multiInstance: { total: 3, started: 3, completed: 0, approved: 0, rejected: 0 },
      },
      { id: 't2', elementId: 'approve', wait: 'userTask', scopeId: 't1', item: 'u1', loopCounter: 1 },
      { id: 't3', elementId: 'approve', wait: 'userTask', scopeId: 't1', item: 'u2', loopCounter: 2 },
      { id: 't4', elementId: 'approve', wait: 'userTask', scopeId: 't1', item: 'u3', loopCounter: 3 },
    ]);
  });

  it('majority: decides after two approvals and cancels the third task', async () => {
    const { process, vote } = await approval('majority');
    expect(vote(1, true)).toEqual([]);
    expect(vote(3, true)).toEqual([
      { type: 'cancelWork', tokenId: 't3', work: 'userTask' },
      { type: 'instanceCompleted' },
    ]);
    expect(process.state.variables).toEqual({ approvers: ['u1', 'u2', 'u3'], contractApproved: true });
  });

  it('majority: two rejections reject', async () => {
    const { process, vote } = await approval('majority');
    vote(1, false);
    vote(2, false);
    expect(process.state.variables.contractApproved).toBe(false);
    expect(process.state.status).toBe('completed');
  });

  it('all: the first rejection decides', async () => {
    const { process, vote } = await approval('all');
    vote(1, true);
    expect(vote(2, false)).toEqual([
      { type: 'cancelWork', tokenId: 't4', work: 'userTask' },
      { type: 'instanceCompleted' },
    ]);
    expect(process.state.variables.contractApproved).toBe(false);
  });

  it('any: the first approval decides', async () => {
    const { process, vote } = await approval('any');
    vote(2, false);
    expect(vote(3, true)).toEqual([
      { type: 'cancelWork', tokenId: 't2', work: 'userTask' },
      { type: 'instanceCompleted' },
    ]);
    expect(process.state.variables.contractApproved).toBe(true);
  });

  it('an empty list of approvers decides at once', async () => {
    const process = new Driver(await loadGraph('approval-parallel'));
    expect(process.send({ type: 'start', variables: { approvers: [] } })).toEqual([
      { type: 'instanceCompleted' },
    ]);
    expect(process.state.variables.contractApproved).toBe(false);
  });

  it('a collection that is not a list is an incident', async () => {
    const process = new Driver(await loadGraph('approval-parallel'));
    expect(process.send({ type: 'start', variables: { approvers: 'u1' } })).toMatchObject([
      { type: 'incident', elementId: 'approve', message: 'Collection "approvers" is not a list' },
    ]);
  });
});

describe('decideApproval', () => {
  const tally = (total: number, approved: number, rejected: number) => ({
    total,
    started: total,
    completed: approved + rejected,
    approved,
    rejected,
  });

  it('decides as soon as the outcome is certain', () => {
    expect(decideApproval('majority', tally(4, 2, 1))).toBe(null);
    expect(decideApproval('majority', tally(4, 3, 0))).toBe(true);
    expect(decideApproval('majority', tally(4, 2, 2))).toBe(false);
    expect(decideApproval('all', tally(2, 2, 0))).toBe(true);
    expect(decideApproval('all', tally(2, 1, 0))).toBe(null);
    expect(decideApproval('any', tally(2, 0, 1))).toBe(null);
    expect(decideApproval('any', tally(2, 0, 2))).toBe(false);
    expect(decideApproval('all', tally(0, 0, 0))).toBe(true);
  });
});

describe('sequential multi-instance', () => {
  it('creates the tasks one after another and completes after the last', async () => {
    const process = new Driver(await loadGraph('acknowledge-sequential'));
    expect(process.send({ type: 'start', variables: { people: ['u1', 'u2'] } })).toEqual([
      {
        type: 'createUserTask',
        tokenId: 't2',
        elementId: 'acknowledge',
        name: 'Ознакомиться',
        assignee: { kind: 'user', value: 'u1' },
        form: [],
        dueAt: '2025-03-10T00:00:00.000Z',
        item: 'u1',
        loopCounter: 1,
      },
    ]);
    expect(process.send({ type: 'completeTask', tokenId: 't2', variables: { read: true } })).toMatchObject([
      { type: 'createUserTask', tokenId: 't3', assignee: { value: 'u2' }, item: 'u2', loopCounter: 2 },
    ]);
    expect(process.state.tokens[0]).toEqual({
      id: 't1',
      elementId: 'acknowledge',
      wait: 'multiInstance',
      multiInstance: { total: 2, started: 2, completed: 1, approved: 0, rejected: 0, items: ['u1', 'u2'] },
    });
    expect(process.send({ type: 'completeTask', tokenId: 't3' })).toEqual([{ type: 'instanceCompleted' }]);
  });
});
