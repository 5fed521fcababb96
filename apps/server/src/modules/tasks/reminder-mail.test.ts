import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SmtpInbox, startSmtpInbox } from '../../../test/smtp-inbox';
import {
  type Client,
  createTeam,
  signIn,
  startTestApp,
  type Team,
  type TestApp,
} from '../../../test/test-app';
import { createMailer, type Mailer } from '../mail/mailer';
import { sendDueReminders } from './reminders';

let t: TestApp;
let team: Team;
let manager: Client;
let smtp: SmtpInbox;
let mailer: Mailer;

beforeAll(async () => {
  t = await startTestApp();
  team = await createTeam(t, 'mail');
  manager = await signIn(t.app, team.users.managerA.email);
  smtp = await startSmtpInbox();
  mailer = createMailer(smtp.url, 'Voronka <voronka@test.local>')!;
});

afterAll(async () => {
  mailer.close();
  await smtp.close();
});

const soon = () => new Date(Date.now() - 1000).toISOString();

describe('reminders by email', () => {
  it('mail the assignee once, in their language, with a link to the task', async () => {
    const task = (
      await manager.request('POST', '/api/tasks', {
        title: 'Позвонить в «Ромашку»',
        dueAt: new Date(Date.now() + 3600_000).toISOString(),
        remindAt: soon(),
      })
    ).json();
    expect(await sendDueReminders(t.database.db, { mailer, publicUrl: 'https://crm.example.ru' })).toBe(1);
    expect(await sendDueReminders(t.database.db, { mailer, publicUrl: 'https://crm.example.ru' })).toBe(0);
    expect(smtp.mail).toHaveLength(1);
    expect(smtp.mail[0]).toMatchObject({
      to: team.users.managerA.email,
      subject: 'Напоминание: Позвонить в «Ромашку»',
    });
    expect(smtp.mail[0]?.text).toContain(`https://crm.example.ru/tasks?task=${task.id}`);

    await manager.request('PATCH', '/api/auth/profile', { locale: 'en' });
    await manager.request('POST', '/api/tasks', { title: 'Send the proposal', remindAt: soon() });
    await sendDueReminders(t.database.db, { mailer });
    expect(smtp.mail.at(-1)?.subject).toBe('Reminder: Send the proposal');
  });

  it('a mail server that is down is reported; the reminder is not sent twice', async () => {
    const broken = createMailer('smtp://127.0.0.1:1', 'x@test.local')!;
    const errors: unknown[] = [];
    await manager.request('POST', '/api/tasks', { title: 'Недоставленное', remindAt: soon() });
    expect(
      await sendDueReminders(t.database.db, { mailer: broken, onError: (error) => errors.push(error) }),
    ).toBe(1);
    expect(errors).toHaveLength(1);
    expect(
      await sendDueReminders(t.database.db, { mailer: broken, onError: (error) => errors.push(error) }),
    ).toBe(0);
    broken.close();
  });
});
