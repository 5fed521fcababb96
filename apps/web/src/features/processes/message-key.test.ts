import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import { messageKey } from './message-key';
import { publishProblems } from './publish-problems';

describe('message keys', () => {
  it('spells dotted names with underscores', () => {
    expect(messageKey('deal.stageEntered')).toBe('deal_stageEntered');
    expect(messageKey('notify')).toBe('notify');
  });
});

describe('publish problems', () => {
  it('lists the refused elements of a process_invalid answer', () => {
    const error = new ApiError(422, 'process_invalid', 'The process cannot be published', [
      { path: 'approve', message: 'Assignee of approve has no value', code: 'invalid_extension' },
      { path: 'process', message: 'No start event', code: 'missing_start' },
    ]);
    expect(publishProblems(error)).toEqual([
      { elementId: 'approve', message: 'Assignee of approve has no value', code: 'invalid_extension' },
      { elementId: '', message: 'No start event', code: 'missing_start' },
    ]);
  });

  it('is null for any other failure', () => {
    expect(publishProblems(new ApiError(409, 'conflict', 'There is no draft'))).toBeNull();
    expect(publishProblems(new Error('offline'))).toBeNull();
  });
});
