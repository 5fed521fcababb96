import { describe, expect, it } from 'vitest';
import { readSubmission, WebFormInput } from './web-forms';

const fields = [
  { field: 'contactName', required: true },
  { field: 'phone', required: false },
  { field: 'email', required: false },
] as const;

describe('a website form', () => {
  it('must ask for a phone or an e-mail, each field once', () => {
    expect(WebFormInput.safeParse({ name: 'Заявка', fields: [{ field: 'email' }] }).success).toBe(true);
    const noContact = WebFormInput.safeParse({ name: 'Заявка', fields: [{ field: 'comment' }] });
    expect(noContact.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['fields']);
    const twice = WebFormInput.safeParse({
      name: 'Заявка',
      fields: [{ field: 'phone' }, { field: 'phone' }],
    });
    expect(twice.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['fields.1.field']);
  });

  it('reads answers: trimmed, phone as E.164, e-mail in lower case, UTM tags without their prefix', () => {
    expect(
      readSubmission(fields, {
        contactName: '  Анна ',
        phone: '8 926 111-22-33',
        email: 'Anna@Mail.RU',
        company: 'not asked',
        utm_source: 'yandex',
        utm_medium: ' ',
      }),
    ).toEqual({
      values: { contactName: 'Анна', phone: '+79261112233', email: 'anna@mail.ru' },
      utm: { source: 'yandex' },
      problems: [],
    });
  });

  it('lists each missing or unreadable answer, and wants a way to reach the visitor even when neither is required', () => {
    expect(readSubmission(fields, { phone: '12', email: 'anna@' }).problems).toEqual([
      { field: 'contactName', problem: 'required' },
      { field: 'phone', problem: 'phone' },
      { field: 'email', problem: 'email' },
    ]);
    expect(readSubmission(fields, { contactName: 'Анна' }).problems).toEqual([
      { field: 'phone', problem: 'required' },
    ]);
  });
});
