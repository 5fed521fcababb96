import { describe, expect, it } from 'vitest';
import { isValidInn, isValidKpp } from './inn';

describe('isValidInn', () => {
  it('accepts real organisation and personal numbers', () => {
    expect(isValidInn('7707083893')).toBe(true);
    expect(isValidInn('7736207543')).toBe(true);
    expect(isValidInn('500100732259')).toBe(true);
    expect(isValidInn('773173084809')).toBe(true);
  });

  it('refuses a wrong check digit, in either position of a 12-digit number', () => {
    expect(isValidInn('7707083894')).toBe(false);
    expect(isValidInn('500100732258')).toBe(false);
    expect(isValidInn('500100732249')).toBe(false);
  });

  it('refuses wrong lengths and non-digits', () => {
    for (const inn of ['', '770708389', '77070838930', '7707O83893', '7707 083893'])
      expect(isValidInn(inn)).toBe(false);
  });
});

describe('isValidKpp', () => {
  it('accepts nine characters with an optional letter reason code', () => {
    expect(isValidKpp('773601001')).toBe(true);
    expect(isValidKpp('7736AB001')).toBe(true);
    expect(isValidKpp('77360100')).toBe(false);
    expect(isValidKpp('7736ab001')).toBe(false);
  });
});
