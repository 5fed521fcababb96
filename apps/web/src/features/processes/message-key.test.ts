import { describe, expect, it } from 'vitest';
import { messageKey } from './message-key';

describe('message keys', () => {
  it('spells dotted names with underscores', () => {
    expect(messageKey('deal.stageEntered')).toBe('deal_stageEntered');
    expect(messageKey('notify')).toBe('notify');
  });
});
