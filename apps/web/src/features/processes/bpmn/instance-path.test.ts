import { describe, expect, it } from 'vitest';
import { instancePath, type PathFlow, type PathNode } from './instance-path';

// start → review (user task) → gateway → ok end | no end
const nodes: PathNode[] = [
  { id: 'start', type: 'bpmn:StartEvent', noneStart: true },
  { id: 'review', type: 'bpmn:UserTask' },
  { id: 'decide', type: 'bpmn:ExclusiveGateway' },
  { id: 'notify', type: 'bpmn:ServiceTask' },
  { id: 'ok', type: 'bpmn:EndEvent' },
  { id: 'no', type: 'bpmn:EndEvent' },
];
const flows: PathFlow[] = [
  { id: 'f1', source: 'start', target: 'review' },
  { id: 'f2', source: 'review', target: 'decide' },
  { id: 'yes', source: 'decide', target: 'notify' },
  { id: 'f3', source: 'notify', target: 'ok' },
  { id: 'nope', source: 'decide', target: 'no' },
];

describe('the path of an instance', () => {
  it('takes the path the engine reported, when it did', () => {
    const path = instancePath({
      nodes,
      flows,
      steps: [
        { elementId: '', tokenId: null, event: 'started' },
        { elementId: 'review', tokenId: null, event: 'passed', detail: { path: ['start', 'f1', 'review'] } },
        {
          elementId: 'no',
          tokenId: null,
          event: 'passed',
          detail: { path: ['f2', 'decide', 'nope', 'no', 'gone'] },
        },
      ],
      waiting: [],
      status: 'completed',
    });
    expect([...path.passed].sort()).toEqual(['decide', 'f1', 'f2', 'no', 'nope', 'review', 'start']);
  });

  it('infers a waiting task after the start from older step logs', () => {
    const path = instancePath({
      nodes,
      flows,
      steps: [
        { elementId: '', tokenId: null, event: 'started' },
        { elementId: 'review', tokenId: 't1', event: 'task created' },
      ],
      waiting: ['review'],
      status: 'running',
    });
    expect([...path.waiting]).toEqual(['review']);
    expect([...path.passed].sort()).toEqual(['f1', 'review', 'start']);
  });

  it('fills in gateways between logged elements and the one end that can follow', () => {
    const path = instancePath({
      nodes,
      flows,
      steps: [
        { elementId: '', tokenId: null, event: 'started' },
        { elementId: 'review', tokenId: 't1', event: 'task created' },
        { elementId: '', tokenId: 't1', event: 'completed' },
        { elementId: 'notify', tokenId: 't2', event: 'action' },
      ],
      waiting: [],
      status: 'completed',
    });
    expect([...path.passed].sort()).toEqual([
      'decide',
      'f1',
      'f2',
      'f3',
      'notify',
      'ok',
      'review',
      'start',
      'yes',
    ]);
  });

  it('does not guess between two possible ends', () => {
    const path = instancePath({
      nodes,
      flows,
      steps: [
        { elementId: '', tokenId: null, event: 'started' },
        { elementId: 'review', tokenId: 't1', event: 'task created' },
      ],
      waiting: [],
      status: 'completed',
    });
    expect(path.passed.has('ok')).toBe(false);
    expect(path.passed.has('no')).toBe(false);
    expect(path.passed.has('review')).toBe(true);
  });
});
