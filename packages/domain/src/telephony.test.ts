import { describe, expect, it } from 'vitest';
import { callResultOf, TelephonyCallBody } from './telephony';

describe('a call reported by a PBX', () => {
  it('reads the client’s number written any way, and names a number that is not one', () => {
    const call = TelephonyCallBody.parse({
      callId: ' 77 ',
      direction: 'in',
      status: 'missed',
      phone: '8 (912) 345-67-89',
    });
    expect(call).toMatchObject({
      callId: '77',
      phone: '+79123456789',
      durationSeconds: 0,
      line: null,
      userId: null,
    });
    const bad = TelephonyCallBody.safeParse({
      callId: '1',
      direction: 'in',
      status: 'missed',
      phone: '12-34',
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['phone']);
  });

  it('calls an unanswered incoming call missed and an unanswered outgoing one not reached', () => {
    expect(callResultOf({ direction: 'in', status: 'missed' })).toBe('missed');
    expect(callResultOf({ direction: 'out', status: 'missed' })).toBe('no answer');
    expect(callResultOf({ direction: 'in', status: 'answered' })).toBe('answered');
    expect(callResultOf({ direction: 'out', status: 'answered' })).toBe('answered');
  });
});
