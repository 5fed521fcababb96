import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, type RunningApp, startApp } from './harness';
import { notificationsGone, signIn, snap, text, watchErrors } from './journey';

const processName = 'Согласование скидки';
const taskName = 'Согласовать скидку';
const leadProcess = 'Обслуживание заявки клиента';
const assignTask = 'Назначить ответственного';
// The file the approver attaches: a small CSV, Cyrillic and all.
const calculation = Buffer.from('Скидка;Объём\n15;1200\n', 'utf8');

/** A shape or flow on a bpmn-js canvas by its BPMN id. */
const shape = (page: Page, id: string) => page.locator(`.djs-element[data-element-id="${id}"]`);

/** Clicks an entry of the context pad of the selected element, e.g. `append.end-event`. */
async function contextPad(page: Page, action: string): Promise<void> {
  await page.locator(`.djs-context-pad [data-action="${action}"]`).click();
}

/** "Start a process" in a list's bulk bar: chooses the process and starts it on the selected rows. */
async function startOnSelected(page: Page, name: string, screenshot?: string): Promise<void> {
  await page.getByTestId('bulk-start-process').click();
  await page.getByTestId('bulk-start-process-select').click();
  // The demo ships lead servicing published, so a copy made from the gallery may share its name.
  await page.getByRole('option', { name, exact: true }).first().click();
  if (screenshot) {
    await notificationsGone(page);
    await snap(page, screenshot);
  }
  await page.getByTestId('bulk-start-process-submit').click();
}

/** The id of the one selected element on the canvas. */
async function selectedId(page: Page): Promise<string> {
  const selected = page.locator('.djs-element.selected');
  await expect.poll(() => selected.count()).toBe(1);
  return (await selected.getAttribute('data-element-id')) ?? '';
}

describe.skipIf(!browserAvailable())('business processes in a real browser', () => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await startApp();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('owner designs and publishes a process, starts it on a deal, completes its task and sees the path', async () => {
    const page = await app.newPage({ locale: 'ru-RU', viewport: { width: 1440, height: 900 } });
    const errors = watchErrors(page);
    await page.goto('/login');
    await signIn(page, 'owner@demo.voronka.dev');

    // A new, empty process opens in the designer.
    await page.getByTestId('nav-processes').click();
    await page.waitForURL(/\/processes$/);
    await page.getByTestId('new-process').click();
    await page.getByTestId('new-process-empty').click();
    await page
      .getByTestId('create-process-form')
      .getByLabel(/Название/)
      .fill(processName);
    await page.getByTestId('create-process-submit').click();
    await page.waitForURL(/\/processes\/[0-9a-f-]{36}$/);
    const processUrl = page.url();
    const processId = processUrl.split('/').at(-1)!;
    await shape(page, 'start').waitFor();
    // The bpmn.io watermark stays, as its licence asks.
    await page.locator('.bjs-powered-by').waitFor();

    // With nothing selected the panel shows the process: it runs on deals.
    const panel = page.getByTestId('properties-panel');
    await panel.getByTestId('panel-runs-on').click();
    await page.getByRole('option', { name: 'Сделках', exact: true }).click();
    await expect.poll(() => panel.getByTestId('panel-runs-on').inputValue()).toBe('Сделках');
    await page.getByTestId('designer-unsaved').waitFor();
    await notificationsGone(page);
    await snap(page, 'processes-01a-designer-runs-on');

    // Start → task (from the context pad), made a user task through "Change element".
    await shape(page, 'start').click();
    await contextPad(page, 'append.append-task');
    await page.keyboard.press('Escape');
    await contextPad(page, 'replace');
    await page.locator('.djs-popup [data-id="replace-with-user-task"]').click();
    await expect
      .poll(() => panel.getByTestId('panel-element-type').getAttribute('data-type'))
      .toBe('UserTask');
    expect(await text(panel.getByTestId('panel-element-type'))).toBe('Задача сотрудника');
    const taskId = await selectedId(page);

    // Name, due date and a required form field through our properties panel.
    await panel.getByTestId('panel-name').fill(taskName);
    await expect.poll(() => text(shape(page, taskId))).toBe(taskName);
    const due = panel.getByTestId('panel-due-date');
    await due.fill('duration("P2D"');
    await expect.poll(() => text(panel)).toContain('Ошибка синтаксиса');
    await due.fill('duration("P2D")');
    await expect.poll(() => text(panel)).not.toContain('Ошибка синтаксиса');
    await panel.getByTestId('panel-add-field').click();
    const field = panel.getByTestId('panel-form-field');
    await field.getByLabel('Подпись').fill('Размер скидки, %');
    await field.getByLabel('Переменная').fill('discount');
    await field.getByLabel('Тип').click();
    await page.getByRole('option', { name: 'Число', exact: true }).click();
    await field.getByLabel('Обязательное').check();
    // A second field takes a file (the discount calculation).
    await panel.getByTestId('panel-add-field').click();
    const fileField = panel.getByTestId('panel-form-field').nth(1);
    await fileField.getByLabel('Подпись').fill('Расчёт скидки');
    await fileField.getByLabel('Переменная').fill('calculation');
    await fileField.getByLabel('Тип').click();
    await page.getByRole('option', { name: 'Файл', exact: true }).click();
    // An approval: the inbox will offer approve and reject, nothing else.
    await panel.getByRole('checkbox', { name: 'Согласовать', exact: true }).check();
    await panel.getByRole('checkbox', { name: 'Отклонить', exact: true }).check();

    // … and an end event after it.
    await contextPad(page, 'append.end-event');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.djs-shape[data-element-id^="Event_"]').count()).toBe(1);

    // Ctrl+S saves the draft.
    await page.getByTestId('designer-unsaved').waitFor();
    await page.keyboard.press('Control+s');
    await page.getByTestId('designer-unsaved').waitFor({ state: 'detached' });

    // An assignee "from a variable" without the variable: publishing lists the problem and marks the task.
    await shape(page, taskId).click();
    await panel.getByTestId('panel-assignee-kind').click();
    await page.getByRole('option', { name: 'Сотрудник из переменной' }).click();
    await page.getByTestId('designer-publish').click();
    const problems = page.getByTestId('publish-problem');
    await expect.poll(() => problems.count()).toBe(1);
    expect(await text(problems.first())).toContain(taskId);
    // Worded in the user's language from the problem's code.
    expect(await text(problems.first())).toContain('не указано, кто это');
    await expect.poll(() => page.locator(`.voronka-problem[data-element-id="${taskId}"]`).count()).toBe(1);
    await notificationsGone(page);
    await snap(page, 'processes-01-designer-problems');

    // Back to "whoever started the process"; now it publishes (saving the draft first).
    await panel.getByTestId('panel-assignee-kind').click();
    await page.getByRole('option', { name: 'Тот, кто запустил процесс' }).click();
    await page.getByTestId('designer-publish').click();
    await expect.poll(() => text(page.getByTestId('designer-published'))).toContain('в.1');
    await page.getByTestId('publish-problems').waitFor({ state: 'detached' });
    expect(await page.locator('.voronka-problem').count()).toBe(0);
    await notificationsGone(page);
    await snap(page, 'processes-02-designer');

    // A trigger: the process also starts when a deal enters a stage of a pipeline.
    await page.getByTestId('designer-triggers').click();
    const triggers = page.getByTestId('triggers-form');
    await triggers.getByTestId('trigger-add').click();
    // The process runs on deals: only events that come with a deal are offered, none for leads or a schedule.
    await triggers.getByLabel('Событие').click();
    const offered = await page.getByRole('option').allTextContents();
    expect(offered).toEqual(
      expect.arrayContaining(['Создана сделка', 'Сделка перешла на стадию', 'Пропущен звонок']),
    );
    expect(offered).not.toContain('Создан лид');
    expect(offered).not.toContain('По расписанию');
    await page.getByRole('option', { name: 'Сделка перешла на стадию' }).click();
    await triggers.getByLabel('Воронка').click();
    await page.getByRole('option').first().click();
    await triggers.getByLabel('Стадия').click();
    await page.getByRole('option').first().click();
    await triggers.getByTestId('triggers-save').click();
    await expect.poll(() => text(page.getByTestId('designer-triggers'))).toContain('(1)');

    // The draft survives a reload: the form field is in the saved XML.
    await page.goto(processUrl);
    await shape(page, taskId).click();
    const savedFields = panel.getByTestId('panel-form-field');
    await expect.poll(() => savedFields.first().getByLabel('Подпись').inputValue()).toBe('Размер скидки, %');
    expect(await savedFields.nth(1).getByLabel('Подпись').inputValue()).toBe('Расчёт скидки');

    // Start it from a deal card.
    await page.getByTestId('nav-deals').click();
    await page.waitForURL(/\/deals/);
    await page.getByTestId('deal-tile-title').first().click();
    await page.waitForURL(/\/deals\/[0-9a-f-]{36}$/);
    await page.getByTestId('deal-title').waitFor();
    await page.getByTestId('start-process').click();
    await page.getByTestId('start-process-item').filter({ hasText: processName }).click();
    await page.waitForURL(/\/processes\/instances\/[0-9a-f-]{36}$/);
    const instanceUrl = page.url();
    await expect.poll(() => page.getByTestId('instance-status').getAttribute('data-status')).toBe('running');
    await expect.poll(() => page.locator(`.voronka-waiting[data-element-id="${taskId}"]`).count()).toBe(1);

    // The inbox shows the task; completing it without the required field is refused on the field.
    await expect.poll(() => text(page.getByTestId('inbox-count'))).toBe('1');
    await page.getByTestId('nav-inbox').click();
    await page.waitForURL(/\/inbox$/);
    await page.getByTestId('inbox-row').filter({ hasText: taskName }).click();
    await page.waitForURL(/\/inbox\/[0-9a-f-]{36}$/);
    const form = page.getByTestId('process-task');
    await expect.poll(() => text(page.getByTestId('process-task-name'))).toBe(taskName);
    expect(await text(form)).toContain(processName);
    // An approval shows only its decisions; approving without the required field is refused on the field.
    expect(await form.getByTestId('process-task-decisions').getByRole('button').allTextContents()).toEqual([
      'Согласовать',
      'Отклонить',
    ]);
    expect(await form.getByTestId('process-task-done').count()).toBe(0);
    await page.getByTestId('process-task-approve').click();
    await expect.poll(() => text(form)).toContain('Обязательное поле');
    await form.getByLabel(/Размер скидки/).fill('15');
    // The calculation is uploaded from the computer and offered back as a download.
    await notificationsGone(page);
    await snap(page, 'processes-03a-inbox-file-field');
    const chooser = page.waitForEvent('filechooser');
    await form.getByTestId('task-field-calculation-choose').click();
    await (await chooser).setFiles({ name: 'Расчёт скидки.csv', mimeType: 'text/csv', buffer: calculation });
    const attached = form.getByTestId('task-field-calculation-file');
    await expect.poll(() => text(attached)).toBe('Расчёт скидки.csv');
    const download = await page.request.get((await attached.getAttribute('href')) ?? '');
    expect(download.status()).toBe(200);
    expect(Buffer.from(await download.body()).equals(calculation)).toBe(true);
    await page.getByTestId('process-task-comment').fill('Клиент берёт годовой объём');
    await notificationsGone(page);
    await snap(page, 'processes-03-inbox-task');
    await page.getByTestId('process-task-approve').click();
    await page.waitForURL(/\/inbox$/);
    await page.getByTestId('inbox-empty').waitFor();
    await expect.poll(() => page.getByTestId('inbox-count').count()).toBe(0);

    // The monitor: completed, with the path from the start through the task to the end highlighted.
    await page.goto(instanceUrl);
    await expect
      .poll(() => page.getByTestId('instance-status').getAttribute('data-status'))
      .toBe('completed');
    const passed = page.locator('[data-testid="instance-diagram"] .djs-element.voronka-passed');
    await expect.poll(() => passed.count()).toBe(5);
    expect(await page.locator(`.voronka-passed[data-element-id="${taskId}"]`).count()).toBe(1);
    expect(await page.locator('.voronka-passed[data-element-id="start"]').count()).toBe(1);
    expect(await page.locator('.voronka-waiting').count()).toBe(0);
    const variables = await text(page.getByTestId('instance-variables'));
    expect(variables).toContain('discount');
    expect(variables).toContain('approve');
    // The attached file is a download link there too.
    expect(await text(page.getByTestId('variable-file'))).toBe('Расчёт скидки.csv');
    await notificationsGone(page);
    await snap(page, 'processes-04-monitor', { fullPage: true });

    // The list of instances finds it among the completed ones.
    await page.goto('/processes/instances?status=completed');
    await expect.poll(() => page.getByTestId('instance-row').count()).toBe(1);
    expect(await text(page.getByTestId('instance-row'))).toContain(processName);

    // From the deals table, on two deals at once: one notification says how many started.
    await page.goto('/deals?view=table');
    const dealChecks = page.getByTestId('deal-row-select');
    await expect.poll(() => dealChecks.count()).toBeGreaterThan(1);
    await dealChecks.nth(0).check();
    await dealChecks.nth(1).check();
    await startOnSelected(page, processName, 'processes-04b-deals-bulk-start');
    const result = page.getByTestId('start-process-result');
    await expect.poll(() => text(result)).toContain('Запущено: 2');
    expect(await text(result)).not.toContain('Не запущено');
    await expect.poll(() => page.getByTestId('bulk-bar').count()).toBe(0);
    // The demo's own processes run too; this process's two are among them.
    await page.goto(`/processes/instances?status=running&definitionId=${processId}`);
    await expect.poll(() => page.getByTestId('instance-row').count()).toBe(2);
    // Each row names the step it waits at as drawn, and the deal by its title.
    const waiting = await page.getByTestId('instance-waiting').allTextContents();
    expect(waiting).toEqual([taskName, taskName]);
    const records = await page.getByTestId('instance-record').allTextContents();
    expect(records.every((title) => title.length > 0 && title !== 'Сделка')).toBe(true);
    // The status reads whole beside the longer titles.
    const status = page.getByTestId('instance-status').first();
    const label = status.locator('.mantine-Badge-label');
    expect(await label.evaluate((text) => text.scrollWidth <= text.clientWidth)).toBe(true);
    await notificationsGone(page);
    await snap(page, 'processes-04b-instances-running');

    // The processes list says what each runs on; a vacation request (no record) starts right there.
    await page.getByTestId('nav-processes').click();
    await page.waitForURL(/\/processes$/);
    const ownRow = page.getByTestId('process-row').filter({ hasText: processName });
    await expect.poll(() => text(ownRow.getByTestId('process-runs-on'))).toBe('Сделках');
    expect(await ownRow.getByTestId('process-start').count()).toBe(0);
    await notificationsGone(page);
    await snap(page, 'processes-04c-processes-list');

    // Switched to leads, the process keeps its deal-stage trigger; the dialog says it would never fire.
    await page.goto(processUrl);
    await page.keyboard.press('Escape');
    await panel.getByTestId('panel-runs-on').click();
    await page.getByRole('option', { name: 'Лидах', exact: true }).click();
    await page.getByTestId('designer-unsaved').waitFor();
    await page.keyboard.press('Control+s');
    await page.getByTestId('designer-unsaved').waitFor({ state: 'detached' });
    await page.getByTestId('designer-triggers').click();
    const stale = page.getByTestId('triggers-form').getByTestId('trigger-mismatch');
    await expect.poll(() => text(stale)).toContain('не запускает этот процесс (он запускается на лидах)');
    await snap(page, 'processes-04d-stale-trigger');
    expect(errors).toEqual([]);
  });

  it('owner creates lead servicing from the gallery and starts it on leads; the head of sales gets the first task', async () => {
    const viewport = { width: 1440, height: 900 };
    const page = await app.newPage({ locale: 'ru-RU', viewport });
    const errors = watchErrors(page);
    await page.goto('/login');
    await signIn(page, 'owner@demo.voronka.dev');

    // The gallery: every template by category, the sales process first and in full width.
    await page.getByTestId('nav-processes').click();
    await page.waitForURL(/\/processes$/);
    await page.getByTestId('new-process').click();
    await page.getByTestId('new-process-template').click();
    const cards = page.getByTestId('template-gallery').getByTestId('template-card');
    await expect.poll(() => cards.count()).toBeGreaterThan(5);
    const sales = cards.first();
    expect(await sales.getAttribute('data-template')).toBe('lead-servicing');
    expect(await sales.getAttribute('data-featured')).not.toBeNull();
    expect(await text(sales.getByTestId('template-name'))).toBe(leadProcess);
    // Each card says where the process will be offered: lead servicing on leads, a vacation on no record.
    expect(await text(sales.getByTestId('template-runs-on'))).toBe('Запускается на: Лидах');
    const vacation = cards.and(page.locator('[data-template="vacation"]'));
    expect(await text(vacation.getByTestId('template-runs-on'))).toBe('Запускается на: без записи');
    expect(await page.locator('[data-testid="template-card"][data-featured]').count()).toBe(1);
    await snap(page, 'processes-05-template-gallery');
    await cards.last().scrollIntoViewIfNeeded();
    await snap(page, 'processes-05-template-gallery-end');

    // Choosing it creates a draft in Russian and opens it in the designer, ready to publish.
    await sales.click();
    await page.waitForURL(/\/processes\/[0-9a-f-]{36}$/);
    expect(await text(page.getByTestId('designer-title'))).toBe(leadProcess);
    await page.getByTestId('designer-template-hint').waitFor();
    await shape(page, 'assign').waitFor();
    expect(await text(shape(page, 'assign'))).toBe(assignTask);
    await notificationsGone(page);
    await snap(page, 'processes-06-designer-from-template');
    await page.getByTestId('designer-publish').click();
    await expect.poll(() => text(page.getByTestId('designer-published'))).toContain('в.1');
    await page.getByTestId('designer-template-hint').waitFor({ state: 'detached' });

    // Started from a lead card, it waits for the assigner.
    await page.getByTestId('nav-leads').click();
    await page.waitForURL(/\/leads$/);
    const leadRows = page.getByTestId('lead-row');
    await expect.poll(() => leadRows.count()).toBeGreaterThan(2);
    const leadTitle = await text(leadRows.first().locator('a').first());
    const startedOn = [leadTitle];
    for (const index of [1, 2]) startedOn.push(await text(leadRows.nth(index).locator('a').first()));
    await leadRows.first().locator('a').first().click();
    await page.waitForURL(/\/leads\/[0-9a-f-]{36}$/);
    expect(await text(page.getByTestId('lead-card-title'))).toBe(leadTitle);
    await page.getByTestId('start-process').click();
    // Only processes made for leads are offered here: not the demo's contract approval.
    const offered = page.getByTestId('start-process-item');
    await expect.poll(() => offered.count()).toBeGreaterThan(0);
    expect(await offered.allTextContents()).not.toContain('Согласование договора');
    await offered.filter({ hasText: leadProcess }).first().click();
    await page.waitForURL(/\/processes\/instances\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId('instance-status').getAttribute('data-status')).toBe('running');
    await expect.poll(() => page.locator('.voronka-waiting[data-element-id="assign"]').count()).toBe(1);

    // From the leads list, on two more leads at once.
    await page.getByTestId('nav-leads').click();
    await page.waitForURL(/\/leads$/);
    await leadRows.nth(1).getByRole('checkbox').check();
    await leadRows.nth(2).getByRole('checkbox').check();
    expect(await text(page.getByTestId('bulk-bar'))).toContain('Выбрано: 2');
    await startOnSelected(page, leadProcess, 'processes-07-leads-bulk-start');
    const result = page.getByTestId('start-process-result');
    await expect.poll(() => text(result)).toContain('Запущено: 2');
    expect(await text(result)).not.toContain('Не запущено');
    await snap(page, 'processes-07-leads-started');
    await expect.poll(() => page.getByTestId('bulk-bar').count()).toBe(0);

    // The head of sales is the assigner: the three new "assign the responsible" tasks join the two and
    // the contract approval the demo left in her inbox.
    const head = await app.newPage({ locale: 'ru-RU', viewport });
    const headErrors = watchErrors(head);
    await head.goto('/login');
    await signIn(head, 'head@demo.voronka.dev');
    await expect.poll(() => text(head.getByTestId('inbox-count'))).toBe('6');
    await head.getByTestId('nav-inbox').click();
    await head.waitForURL(/\/inbox$/);
    const tasks = head.getByTestId('inbox-row').filter({ hasText: assignTask });
    await expect.poll(() => tasks.count()).toBe(5);
    const records: string[] = [];
    for (let index = 0; index < 5; index += 1) {
      await tasks.nth(index).click();
      await expect.poll(() => text(head.getByTestId('process-task-name'))).toBe(assignTask);
      const form = head.getByTestId('process-task');
      expect(await text(form)).toContain(leadProcess);
      await form.getByTestId('task-field-responsible').waitFor();
      await form.getByTestId('task-field-deadline').waitFor();
      const link = form.getByTestId('record-link');
      await expect.poll(() => text(link)).toMatch(/^Лид: /);
      records.push(await text(link));
      if (records.at(-1) === `Лид: ${leadTitle}`) {
        await notificationsGone(head);
        await snap(head, 'processes-08-head-inbox-assign');
      }
    }
    for (const title of startedOn) expect(records).toContain(`Лид: ${title}`);

    // The demo's contract approval offers exactly what its gateway routes: approve, send back, reject.
    await head.getByTestId('inbox-row').filter({ hasText: 'Согласовать договор' }).click();
    await expect.poll(() => text(head.getByTestId('process-task-name'))).toBe('Согласовать договор');
    const approval = head.getByTestId('process-task');
    expect(
      await approval.getByTestId('process-task-decisions').getByRole('button').allTextContents(),
    ).toEqual(['Согласовать', 'Вернуть на доработку', 'Отклонить']);
    await notificationsGone(head);
    await snap(head, 'processes-08b-head-inbox-approval');

    // The gallery speaks English to whoever works in English.
    await head.getByTestId('language-switch').getByText('EN', { exact: true }).click();
    await head.getByTestId('nav-processes').click();
    await head.waitForURL(/\/processes$/);
    await head.getByTestId('new-process').click();
    await head.getByTestId('new-process-template').click();
    const englishSales = head.getByTestId('template-card').first();
    await expect.poll(() => text(englishSales.getByTestId('template-name'))).toBe('Lead servicing');
    await notificationsGone(head);
    await snap(head, 'processes-09-template-gallery-en');
    expect(errors).toEqual([]);
    expect(headErrors).toEqual([]);
  });
});
