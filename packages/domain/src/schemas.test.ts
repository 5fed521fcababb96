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

  it('fill defaults for a minimal lead', () => {
    expect(CreateLeadBody.parse({ title: '  Заявка  ' })).toEqual({
      title: 'Заявка',
      contactName: null,
      phone: null,
      email: null,
      source: null,
      status: 'new',
    });
  });
});
