import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instancesOf, oneTaskProcess, publishProcess } from '../../../test/processes';
import { type SmtpInbox, startSmtpInbox } from '../../../test/smtp-inbox';
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

let t: TestApp;
let team: Team;
let owner: Client;
let manager: Client;
let smtp: SmtpInbox;
let mailer: Mailer;

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

async function until<T>(read: () => Promise<T | undefined>): Promise<T | undefined> {
  const end = Date.now() + 15_000;
  for (;;) {
    const value = await read();
    if (value !== undefined || Date.now() > end) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  t = await startTestApp({ processes: true });
  team = await createTeam(t, 'tracked-mail');
  owner = await signIn(t.app, team.users.owner.email);
  manager = await signIn(t.app, team.users.managerA.email);
  smtp = await startSmtpInbox();
  mailer = createMailer(smtp.url, 'Voronka <crm@test.local>')!;
  useProcessMailer(mailer, 'https://crm.example.ru/');
});

afterAll(async () => {
  useProcessMailer(null);
  mailer?.close();
  await smtp.close();
});

describe('e-mails sent about a record', () => {
  it('go on the record’s timeline, and the client opening one marks it and starts the email.opened process once', async () => {
    const proposal = await publishProcess(owner, 'КП клиенту', proposalXml, 'lead');
    // What the opening starts: a task to call while the client has the proposal in front of them.
    const onOpened = await publishProcess(
      owner,
      'Позвонить после открытия',
      oneTaskProcess('opened', 'Позвонить, пока читает КП'),
      'lead',
      [{ event: 'email.opened', conditions: {} }],
    );
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

    const mail = await until(async () =>
      smtp.mail.find((item) => item.subject === 'КП: Коробки для «Ромашки»'),
    );
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
    expect(await instancesOf(owner, onOpened, 0)).toEqual([]);

    // The client's mail program loads the pixel, twice (two devices): one opening starts one process.
    for (let i = 0; i < 2; i += 1) {
      const image = await t.app.inject({ method: 'GET', url: `/t/${pixel![1]}.gif` });
      expect(image.statusCode).toBe(200);
      expect(image.headers['content-type']).toBe('image/gif');
      expect(image.headers['cache-control']).toContain('no-store');
      expect(image.rawPayload.subarray(0, 6).toString()).toBe('GIF89a');
    }
    const opened = await instancesOf(owner, onOpened, 1);
    expect(opened.map((item) => item.recordId)).toEqual([lead.id]);
    expect((await emailsOnLead()).map((item) => item.result)).toEqual(['opened']);
    const row = await t.database.db
      .selectFrom('email_messages')
      .selectAll()
      .where('record_id', '=', lead.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ opens: 2, recipients: 'buyer@romashka.example' });
    expect(row.opened_at).not.toBeNull();
    // Still exactly one process after the second opening was counted.
    expect(await instancesOf(owner, onOpened, 0)).toHaveLength(1);
  });

  it('answer an unknown pixel with the same image and change nothing', async () => {
    const before = await t.database.db.selectFrom('email_messages').select(['opens']).execute();
    const image = await t.app.inject({ method: 'GET', url: `/t/${'x'.repeat(32)}.gif` });
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/gif');
    expect(await t.database.db.selectFrom('email_messages').select(['opens']).execute()).toEqual(before);
  });
});
