import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

interface Received {
  to: string;
  subject: string;
  text: string;
}

let t: TestApp;
let team: Team;
let manager: Client;
let smtp: SMTPServer;
let mailer: Mailer;
const inbox: Received[] = [];

beforeAll(async () => {
  t = await startTestApp();
  team = await createTeam(t, 'mail');
  manager = await signIn(t.app, team.users.managerA.email);
  // A real SMTP server on loopback: what it receives is what a mail server would.
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          inbox.push({
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address).join(','),
            subject: mail.subject ?? '',
            text: mail.text ?? '',
          });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const port = (smtp.server.address() as AddressInfo).port;
  mailer = createMailer(`smtp://127.0.0.1:${port}`, 'Voronka <voronka@test.local>')!;
});

afterAll(async () => {
  mailer.close();
  await new Promise<void>((resolve) => smtp.close(resolve));
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
    expect(inbox).toHaveLength(1);
    expect(inbox[0]).toMatchObject({
      to: team.users.managerA.email,
      subject: 'Напоминание: Позвонить в «Ромашку»',
    });
    expect(inbox[0]?.text).toContain(`https://crm.example.ru/tasks?task=${task.id}`);

    await manager.request('PATCH', '/api/auth/profile', { locale: 'en' });
    await manager.request('POST', '/api/tasks', { title: 'Send the proposal', remindAt: soon() });
    await sendDueReminders(t.database.db, { mailer });
    expect(inbox.at(-1)?.subject).toBe('Reminder: Send the proposal');
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
