import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, type RunningApp, startApp } from './harness';
import { notificationsGone, signIn, snap, text, watchErrors } from './journey';

const processName = 'Согласование скидки';
const taskName = 'Согласовать скидку';

/** A shape or flow on a bpmn-js canvas by its BPMN id. */
const shape = (page: Page, id: string) => page.locator(`.djs-element[data-element-id="${id}"]`);

/** Clicks an entry of the context pad of the selected element, e.g. `append.end-event`. */
async function contextPad(page: Page, action: string): Promise<void> {
  await page.locator(`.djs-context-pad [data-action="${action}"]`).click();
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
    await page
      .getByTestId('create-process-form')
      .getByLabel(/Название/)
      .fill(processName);
    await page.getByTestId('create-process-submit').click();
    await page.waitForURL(/\/processes\/[0-9a-f-]{36}$/);
    const processUrl = page.url();
    await shape(page, 'start').waitFor();
    // The bpmn.io watermark stays, as its licence asks.
    await page.locator('.bjs-powered-by').waitFor();

    // Start → task (from the context pad), made a user task through "Change element".
    await shape(page, 'start').click();
    await contextPad(page, 'append.append-task');
    await page.keyboard.press('Escape');
    await contextPad(page, 'replace');
    await page.locator('.djs-popup [data-id="replace-with-user-task"]').click();
    const panel = page.getByTestId('properties-panel');
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
    await triggers.getByLabel('Воронка').click();
    await page.getByRole('option').first().click();
    await triggers.getByLabel('Стадия').click();
    await page.getByRole('option').first().click();
    await triggers.getByTestId('triggers-save').click();
    await expect.poll(() => text(page.getByTestId('designer-triggers'))).toContain('(1)');

    // The draft survives a reload: the form field is in the saved XML.
    await page.goto(processUrl);
    await shape(page, taskId).click();
    await expect
      .poll(() => panel.getByTestId('panel-form-field').getByLabel('Подпись').inputValue())
      .toBe('Размер скидки, %');

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
    await page.getByTestId('process-task-done').click();
    await expect.poll(() => text(form)).toContain('Обязательное поле');
    await form.getByLabel(/Размер скидки/).fill('15');
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
    await notificationsGone(page);
    await snap(page, 'processes-04-monitor', { fullPage: true });

    // The list of instances finds it among the completed ones.
    await page.goto('/processes/instances?status=completed');
    await expect.poll(() => page.getByTestId('instance-row').count()).toBe(1);
    expect(await text(page.getByTestId('instance-row'))).toContain(processName);
    expect(errors).toEqual([]);
  });
});
