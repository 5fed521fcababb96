import { describe, expect, it } from 'vitest';
import { CreateLeadBody, LoginBody } from './index';

describe('boundary schemas', () => {
  it('normalise an email to trimmed lower case', () => {
    expect(LoginBody.parse({ email: '  Head@Demo.Voronka.DEV ', password: 'x' }).email).toBe(
      'head@demo.voronka.dev',
    );
  });

  it('refuse unknown fields, naming them', () => {
    const result = CreateLeadBody.safeParse({ title: 'Лид', colour: 'red' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['colour'] });
  });

  it('fill defaults for a minimal lead and normalise its phone', () => {
    expect(CreateLeadBody.parse({ title: '  Заявка  ', phone: '8 (912) 345-67-89' })).toEqual({
      title: 'Заявка',
      contactName: null,
      phone: '+79123456789',
      email: null,
      source: null,
      region: null,
      channel: null,
      utm: {},
      custom: {},
      status: 'new',
    });
  });

  it('refuse an unreadable phone, quoting it', () => {
    const result = CreateLeadBody.safeParse({ title: 'Заявка', phone: 'позвонить завтра' });
    expect(result.error?.issues[0]).toMatchObject({
      path: ['phone'],
      message: '"позвонить завтра" is not a phone number',
    });
  });
});
