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
import { useProcessMailer } from '../processes/external-actions';
import { createMailer, type Mailer } from './mailer';

interface Received {
  to: string;
  subject: string;
  text: string;
  html: string;
}

let t: TestApp;
let team: Team;
let owner: Client;
let manager: Client;
let smtp: SMTPServer;
let mailer: Mailer;
const inbox: Received[] = [];

const ns =
  'xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:voronka="http://voronka.dev/schema/bpmn/1.0"';

// A lead process that mails the client a proposal, then waits for the manager.
const proposalXml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions ${ns} id="d" targetNamespace="http://voronka.dev/bpmn">
  <bpmn:process id="proposal" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sendTask id="mail" name="Отправить КП">
      <bpmn:extensionElements>
        <voronka:action name="email.send">
          <voronka:param name="to">lead.email</voronka:param>
          <voronka:param name="subject">"КП: " + lead.title</voronka:param>
          <voronka:param name="text">"Добрый день!\\nКоммерческое предложение во вложении &lt;прайс&gt;."</voronka:param>
        </voronka:action>
      </bpmn:extensionElements>
    </bpmn:sendTask>
    <bpmn:userTask id="wait" name="Ждать ответа">
      <bpmn:extensionElements><voronka:assignee kind="initiator" /></bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="mail" />
    <bpmn:sequenceFlow id="f2" sourceRef="mail" targetRef="wait" />
    <bpmn:sequenceFlow id="f3" sourceRef="wait" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`;

// What the opening starts: a task to call while the client has the proposal in front of them.
const onOpenedXml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions ${ns} id="d2" targetNamespace="http://voronka.dev/bpmn">
  <bpmn:process id="opened" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:userTask id="call" name="Позвонить, пока читает КП">
      <bpmn:extensionElements><voronka:assignee kind="initiator" /></bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="call" />
    <bpmn:sequenceFlow id="f2" sourceRef="call" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`;

async function published(name: string, xml: string) {
  const created = (await owner.request('POST', '/api/processes', { name, xml, runsOn: 'lead' })).json();
  expect(created.id, JSON.stringify(created)).toBeTruthy();
  const publishedNow = await owner.request('POST', `/api/processes/${created.id}/publish`);
  expect(publishedNow.statusCode, publishedNow.body).toBe(200);
  return created.id as string;
}

async function until<T>(read: () => Promise<T | undefined>): Promise<T | undefined> {
  const end = Date.now() + 15_000;
  for (;;) {
    const value = await read();
    if (value !== undefined || Date.now() > end) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const instancesOf = async (definitionId: string) =>
  (await owner.request('GET', `/api/process-instances?definitionId=${definitionId}`)).json().items as {
    recordId: string;
  }[];

beforeAll(async () => {
  t = await startTestApp({ processes: true });
  team = await createTeam(t, 'tracked-mail');
  owner = await signIn(t.app, team.users.owner.email);
  manager = await signIn(t.app, team.users.managerA.email);
  // A real SMTP server on loopback: what it receives is what the client's mail server would.
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          inbox.push({
            to: mail.to && !Array.isArray(mail.to) ? mail.to.text : '',
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            html: typeof mail.html === 'string' ? mail.html : '',
          });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const { port } = smtp.server.address() as AddressInfo;
  mailer = createMailer(`smtp://127.0.0.1:${port}`, 'Voronka <crm@test.local>')!;
  useProcessMailer(mailer, 'https://crm.example.ru/');
});

afterAll(async () => {
  useProcessMailer(null);
  mailer?.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

describe('e-mails sent about a record', () => {
  it('go on the record’s timeline, and the client opening one marks it and starts the email.opened process once', async () => {
    const proposal = await published('КП клиенту', proposalXml);
    const onOpened = await published('Позвонить после открытия', onOpenedXml);
    const triggers = await owner.request('PUT', `/api/processes/${onOpened}/triggers`, {
      items: [{ event: 'email.opened', conditions: {} }],
    });
    expect(triggers.statusCode).toBe(200);
    const lead = (
      await manager.request('POST', '/api/leads', {
        title: 'Коробки для «Ромашки»',
        email: 'buyer@romashka.example',
      })
    ).json();
    const started = await manager.request('POST', `/api/processes/${proposal}/start`, {
      entity: 'lead',
      recordId: lead.id,
    });
    expect(started.statusCode, started.body).toBe(201);

    const mail = await until(async () => inbox.find((item) => item.subject === 'КП: Коробки для «Ромашки»'));
    expect(mail).toMatchObject({ to: 'buyer@romashka.example' });
    expect(mail!.text.trim()).toBe('Добрый день!\nКоммерческое предложение во вложении <прайс>.');
    // The HTML part says the same, escaped, and carries the pixel at the public address.
    expect(mail!.html).toContain('Добрый день!<br>Коммерческое предложение во вложении &#60;прайс&#62;.');
    const pixel = /<img src="https:\/\/crm\.example\.ru\/t\/([\w-]{32})\.gif"/.exec(mail!.html);
    expect(pixel).not.toBeNull();

    const emailsOnLead = async () =>
      (
        (await manager.request('GET', `/api/timeline/lead/${lead.id}`)).json().items as {
          activity?: { kind: string; result: string; subject: string; direction: string };
        }[]
      ).flatMap((item) => (item.activity?.kind === 'email' ? [item.activity] : []));
    const sent = await until(async () => (await emailsOnLead()).find((item) => item.result === 'sent'));
    expect(sent).toMatchObject({ subject: 'КП: Коробки для «Ромашки»', direction: 'out' });
    expect(await instancesOf(onOpened)).toEqual([]);

    // The client's mail program loads the pixel, twice (two devices): one opening starts one process.
    for (let i = 0; i < 2; i += 1) {
      const image = await t.app.inject({ method: 'GET', url: `/t/${pixel![1]}.gif` });
      expect(image.statusCode).toBe(200);
      expect(image.headers['content-type']).toBe('image/gif');
      expect(image.headers['cache-control']).toContain('no-store');
      expect(image.rawPayload.subarray(0, 6).toString()).toBe('GIF89a');
    }
    const opened = await until(async () => {
      const items = await instancesOf(onOpened);
      return items.length > 0 ? items : undefined;
    });
    expect(opened?.map((item) => item.recordId)).toEqual([lead.id]);
    expect((await emailsOnLead()).map((item) => item.result)).toEqual(['opened']);
    const row = await t.database.db
      .selectFrom('email_messages')
      .selectAll()
      .where('record_id', '=', lead.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ opens: 2, recipients: 'buyer@romashka.example' });
    expect(row.opened_at).not.toBeNull();
    // Still exactly one process after the second opening was counted.
    expect(await instancesOf(onOpened)).toHaveLength(1);
  });

  it('answer an unknown pixel with the same image and change nothing', async () => {
    const before = await t.database.db.selectFrom('email_messages').select(['opens']).execute();
    const image = await t.app.inject({ method: 'GET', url: `/t/${'x'.repeat(32)}.gif` });
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/gif');
    expect(await t.database.db.selectFrom('email_messages').select(['opens']).execute()).toEqual(before);
  });
});
