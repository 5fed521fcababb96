import { describe, expect, it } from 'vitest';
import { formatPhone, normalizePhone } from './phone';

describe('normalizePhone', () => {
  it.each([
    ['8 (912) 345-67-89', '+79123456789'],
    ['+7 912 345 67 89', '+79123456789'],
    ['+7(912)3456789', '+79123456789'],
    ['7-912-345-67-89', '+79123456789'],
    ['89123456789', '+79123456789'],
    ['9123456789', '+79123456789'],
    ['912.345.67.89', '+79123456789'],
    ['8 (495) 700-10-20 доб. 123', '+74957001020'],
    ['+7 495 700-10-20 ext 5', '+74957001020'],
    ['+375 29 123-45-67', '+375291234567'],
    ['0049 30 1234567', '+49301234567'],
  ])('reads %s as %s', (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
  });

  it.each(['', '12345', '+7 912 345 67', 'позвонить завтра', '8 912 345 67 89 00', '+0 123 456 789'])(
    'refuses %s',
    (input) => {
      expect(normalizePhone(input)).toBeNull();
    },
  );
});

describe('formatPhone', () => {
  it('groups a Russian number the way it is written in Russia and leaves others as they are', () => {
    expect(formatPhone('+79123456789')).toBe('+7 912 345-67-89');
    expect(formatPhone('+375291234567')).toBe('+375291234567');
  });
});
