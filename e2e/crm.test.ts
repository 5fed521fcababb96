import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, type RunningApp, startApp } from './harness';
import { notificationsGone, signIn, snap, text, watchErrors } from './journey';

const dealTitle = 'Стеллажи для склада «Берёзка»';
const companyName = 'ООО «Берёзка»';

/** A board column by the name of its stage. */
const column = (page: Page, stage: string) =>
  page.locator(`[data-testid="board-column"][data-stage-name="${stage}"]`);

/** Drags a card onto a column with the mouse, in small steps as a person would. */
async function drag(page: Page, card: Locator, target: Locator): Promise<void> {
  // Grab the card by its amount, not its title (a link).
  const handle = await card.getByTestId('deal-tile-amount').boundingBox();
  const drop = await target.boundingBox();
  if (!handle || !drop) throw new Error('The card or the column is not on screen');
  const x = handle.x + handle.width / 2;
  const y = handle.y + handle.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + 12, y + 4, { steps: 4 });
  await page.mouse.move(drop.x + drop.width / 2, drop.y + 160, { steps: 20 });
  await page.mouse.up();
}

/** Titles of the board's cards whose "no next step" warning reaches past the card's edge. */
function warningsPastTheirCards(page: Page): Promise<string[]> {
  return page.getByTestId('deal-tile').evaluateAll((tiles) =>
    tiles.flatMap((tile) => {
      const warning = tile.querySelector('[data-testid="no-next-step"]');
      if (!warning) return [];
      const card = tile.getBoundingClientRect();
      const badge = warning.getBoundingClientRect();
      const inside = badge.left >= card.left - 0.5 && badge.right <= card.right + 0.5;
      return inside ? [] : [tile.querySelector('[data-testid="deal-tile-title"]')?.textContent ?? ''];
    }),
  );
}

/** "40 000 ₽" as Intl writes it in Russian: no-break spaces between groups and before the sign. */
const rubles = (amount: string) => `${amount.replace(/ /g, '\u00a0')}\u00a0₽`;

/** The roubles of a "1 234 567 ₽" text. */
const amountOf = (money: string) => Number(money.replace(/[^\d]/g, ''));

/** A date a month ahead as the `date` input takes it. */
function monthAhead(): string {
  const date = new Date(Date.now() + 30 * 24 * 3600 * 1000);
  return date.toISOString().slice(0, 10);
}

describe.skipIf(!browserAvailable())('CRM core in a real browser', () => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await startApp();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('head of sales converts a lead, meets the stage gate, fills the outputs, moves and wins the deal', async () => {
    const page = await app.newPage({ locale: 'ru-RU', viewport: { width: 1440, height: 900 } });
    const errors = watchErrors(page);
    await page.goto('/login');
    await signIn(page, 'head@demo.voronka.dev');
    await page.getByTestId('nav-leads').click();

    // A lead, converted with a new company: the app lands on the new deal.
    await page.getByTestId('new-lead').click();
    const createForm = page.getByTestId('create-lead-form');
    await createForm.getByLabel(/Название/).fill(dealTitle);
    await createForm.getByLabel(/Контакт/).fill('Ольга Берёзова');
    await createForm.getByLabel(/Телефон/).fill('8 (903) 555-01-77');
    await createForm.getByTestId('lead-region').fill('Нижегородская область');
    // The source is offered by name; the system keeps its own code for it.
    await createForm.getByTestId('lead-source').fill('Меропр');
    await page.getByRole('option', { name: 'Мероприятие', exact: true }).click();
    expect(await createForm.getByTestId('lead-source').inputValue()).toBe('Мероприятие');
    await createForm.locator('button[type="submit"]').click();
    await page.waitForURL(/\/leads\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId('lead-source').inputValue()).toBe('Мероприятие');
    const leadId = page.url().split('/').pop();
    expect((await (await page.request.get(`/api/leads/${leadId}`)).json()).source).toBe('event');
    await page.getByTestId('convert-lead').click();
    const convertForm = page.getByTestId('convert-lead-form');
    await convertForm.getByLabel(/Название компании/).fill(companyName);
    await convertForm.getByTestId('convert-submit').click();
    await page.waitForURL(/\/deals\/[0-9a-f-]{36}$/);
    const dealUrl = page.url();
    await expect.poll(() => text(page.getByTestId('deal-title'))).toBe(dealTitle);
    expect(await text(page.getByTestId('deal-stage'))).toBe('Квалификация');
    // The lead's source came along, named the same way.
    await expect.poll(() => page.getByTestId('deal-source').inputValue()).toBe('Мероприятие');
    // The deal names its new company and contact itself.
    expect(await text(page.getByTestId('deal-client'))).toContain(companyName);
    expect(await text(page.getByTestId('deal-client'))).toContain('Ольга Берёзова');
    // The lead's history carries on in the deal's timeline, marked as coming from the lead.
    await expect.poll(() => page.getByTestId('from-lead').count()).toBeGreaterThan(0);
    // Nothing is planned on the new deal yet.
    await page.getByTestId('no-next-step').first().waitFor();

    // On the board the deal sits in Квалификация; Презентация is two stages on.
    await page.getByTestId('nav-deals').click();
    await page.waitForURL(/\/deals$/);
    const qualification = column(page, 'Квалификация');
    const presentation = column(page, 'Презентация');
    const card = page.getByTestId('deal-tile').filter({ hasText: dealTitle });
    await qualification.getByTestId('deal-tile').filter({ hasText: dealTitle }).waitFor();
    expect(await text(card)).toContain('Ольга Берёзова');
    expect(await text(card)).toContain(companyName);
    expect(await card.getByTestId('no-next-step').count()).toBe(1);
    // However narrow a column, a card's warning stays inside the card.
    expect(await warningsPastTheirCards(page)).toEqual([]);
    await notificationsGone(page);
    await snap(page, '20-deals-kanban');

    // Skipping Выявление потребностей needs its output: the gate refuses and names what is missing.
    await drag(page, card, presentation);
    const refusal = page.getByTestId('gate-refusal');
    await refusal.waitFor();
    const message = await text(refusal);
    expect(message).toContain('Сумма');
    expect(message).toContain('Ожидаемая дата закрытия');
    expect(message).toContain('Выявление потребностей');
    // The card snapped back, and a head of sales is offered the override.
    await qualification.getByTestId('deal-tile').filter({ hasText: dealTitle }).waitFor();
    expect(await presentation.getByTestId('deal-tile').filter({ hasText: dealTitle }).count()).toBe(0);
    await refusal.getByTestId('gate-override').waitFor();
    await notificationsGone(page);
    await snap(page, '21-deals-gate-refused');

    // Fill the outputs on the card, and plan a next step: the warning goes.
    await page.goto(dealUrl);
    await page.getByTestId('deal-amount').fill('40000');
    await page.getByTestId('deal-expected-close-date').fill(monthAhead());
    await page.getByTestId('deal-save').click();
    await expect.poll(() => text(page.getByTestId('deal-card-amount'))).toBe(rubles('40 000'));
    await page.getByTestId('deal-tasks').getByTestId('add-task').click();
    const taskForm = page.getByTestId('task-form');
    await taskForm.getByLabel(/Задача/).fill('Согласовать дату презентации');
    // Due today, so the week and month views below hold it whatever the day (late on a Sunday the
    // form's default, tomorrow morning, falls in the next week).
    const today = await page.evaluate(() => {
      const now = new Date();
      const pad = (n: number) => String(n).padStart(2, '0');
      return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
    });
    await taskForm.getByTestId('task-due').fill(`${today}T23:00`);
    await taskForm.getByTestId('task-submit').click();
    await page.getByTestId('deal-tasks').getByTestId('task-row').first().waitFor();
    await expect.poll(() => page.getByTestId('no-next-step').count()).toBe(0);
    // A comment that mentions a colleague goes to the timeline.
    await page.getByTestId('activity-body').fill('Клиент ждёт КП, @Але');
    await page.getByTestId('mention-option').first().click();
    await expect.poll(() => page.getByTestId('activity-body').inputValue()).toContain('@Алексей Петров');
    await page.getByTestId('activity-submit').click();
    await expect
      .poll(() => text(page.getByTestId('timeline-entry').first()))
      .toContain('Клиент ждёт КП, @Алексей Петров');
    await notificationsGone(page);
    await snap(page, '22-deal-card-timeline', { fullPage: true });
    // A meeting planned for today at noon, an hour and a half long, goes to the timeline and the calendar.
    const noon = await page.evaluate(() => {
      const now = new Date();
      const pad = (n: number) => String(n).padStart(2, '0');
      return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}T12:00`;
    });
    await page.getByTestId('activity-kind').locator('label', { hasText: 'Встреча' }).click();
    await page.getByTestId('activity-subject').fill('Презентация на складе');
    await page.getByTestId('activity-meeting-at').fill(noon);
    await page.getByLabel('Минут').fill('90');
    await page.getByTestId('activity-submit').click();
    await page.getByTestId('timeline-entry').filter({ hasText: 'Презентация на складе' }).waitFor();

    // Now the drag is allowed: Презентация counts one more deal and 40 000 ₽ more.
    await page.getByTestId('nav-deals').click();
    await card.waitFor();
    expect(await card.getByTestId('no-next-step').count()).toBe(0);
    const countBefore = Number(await text(presentation.getByTestId('column-count')));
    const sumBefore = amountOf(await text(presentation.getByTestId('column-sum')));
    await drag(page, card, presentation);
    await presentation.getByTestId('deal-tile').filter({ hasText: dealTitle }).waitFor();
    await expect.poll(() => text(presentation.getByTestId('column-count'))).toBe(String(countBefore + 1));
    await expect
      .poll(async () => amountOf(await text(presentation.getByTestId('column-sum'))))
      .toBe(sumBefore + 40_000);
    expect(await refusal.count()).toBe(0);

    // Ctrl+K finds the deal by a word of its title; Enter opens it.
    await page.getByTestId('nav-leads').click();
    await page.waitForURL(/\/leads$/);
    await page.keyboard.press('Control+k');
    await page.getByTestId('search-input').fill('Берёзка');
    const hit = page.locator('[data-testid="search-hit"][data-entity="deal"]').filter({ hasText: dealTitle });
    await hit.waitFor();
    await notificationsGone(page);
    await snap(page, '23-search-modal');
    // The deal is the first kind of result, so it is the highlighted one.
    expect(await hit.getAttribute('data-active')).toBe('true');
    await page.keyboard.press('Enter');
    await page.waitForURL(dealUrl);
    await expect.poll(() => text(page.getByTestId('deal-title'))).toBe(dealTitle);

    // Win it from the card (the search left it open).
    await page.getByTestId('deal-win').click();
    await expect.poll(() => text(page.getByTestId('deal-stage'))).toBe('Сделка успешна');
    // A closed deal says when it closed, not when it was expected to.
    await expect.poll(() => text(page.getByTestId('deal-closed-on'))).toMatch(/^Закрыта \d{1,2} /);

    // The contact and the company the conversion created, with the deal on the company's card.
    await page.getByTestId('nav-contacts').click();
    await page.getByTestId('contact-row').filter({ hasText: 'Ольга Берёзова' }).waitFor();
    expect(await text(page.getByTestId('contact-row').filter({ hasText: 'Ольга Берёзова' }))).toContain(
      '+7 903 555-01-77',
    );
    await notificationsGone(page);
    await snap(page, '24-contacts', { fullPage: true });
    await page.getByTestId('nav-companies').click();
    await page.getByTestId('company-row').filter({ hasText: companyName }).getByRole('link').click();
    await expect.poll(() => text(page.getByTestId('company-title'))).toBe(companyName);
    // The company took the lead's region.
    expect(await page.getByTestId('company-region').inputValue()).toBe('Нижегородская область');
    await page.getByTestId('related-deals').filter({ hasText: dealTitle }).waitFor();
    await page.getByTestId('contacts-table').filter({ hasText: 'Ольга Берёзова' }).waitFor();
    await notificationsGone(page);
    await snap(page, '25-company-card', { fullPage: true });

    // The task shows in the task list and on the calendar.
    await page.getByTestId('nav-tasks').click();
    await page.getByTestId('tasks-tab-calendar').click();
    await page.getByTestId('calendar-day').first().waitFor();
    await notificationsGone(page);
    await snap(page, '26-tasks-calendar', { fullPage: true });
    // The week lists every task of each day.
    await page.getByTestId('calendar-mode').getByText('Неделя').click();
    await page.getByTestId('calendar-task').filter({ hasText: 'Согласовать дату презентации' }).waitFor();
    await snap(page, '27-tasks-calendar-week', { fullPage: true });
    // The meeting shows on its day, apart from the tasks, and opens its deal.
    const meeting = page.getByTestId('calendar-meeting').filter({ hasText: 'Презентация на складе' });
    await meeting.waitFor();
    expect(await text(meeting)).toContain('12:00');
    expect(await meeting.getAttribute('title')).toContain(dealTitle);
    const meetingDay = page.locator(`[data-testid="calendar-day"][data-day="${noon.slice(0, 10)}"]`);
    expect(await meetingDay.getByTestId('calendar-meeting').count()).toBe(1);
    await snap(page, '28-tasks-calendar-meeting', { fullPage: true });
    await meeting.click();
    await page.waitForURL(dealUrl);
    await expect.poll(() => text(page.getByTestId('deal-title'))).toBe(dealTitle);
    expect(errors).toEqual([]);
  });

  it('an admin merges a duplicate company and edits the pipeline and its stage regulations', async () => {
    const page = await app.newPage({ locale: 'ru-RU', viewport: { width: 1440, height: 900 } });
    const errors = watchErrors(page);
    await page.goto('/login');
    await signIn(page, 'owner@demo.voronka.dev');

    // A company with an INN that another company has: a wrong INN is named at the field, a taken one
    // shows the possible duplicate, and "create anyway" still creates it.
    await page.getByTestId('nav-companies').click();
    // The newest company with an INN (a converted lead's company has none).
    const existing = page
      .getByTestId('company-row')
      .filter({ hasText: /\d{10}/ })
      .first();
    const existingName = await text(existing.locator('td').nth(0));
    const inn = await text(existing.locator('td').nth(1));
    expect(inn).toMatch(/^\d{10}$/);
    await page.getByTestId('new-company').click();
    const companyForm = page.getByTestId('create-company-form');
    await companyForm.getByLabel(/Название/).fill('ООО «Двойник»');
    await companyForm.getByTestId('company-inn').fill('1234567890');
    await companyForm.locator('button[type="submit"]').click();
    await expect
      .poll(() => text(companyForm))
      .toContain('ИНН — 10 или 12 цифр с верными контрольными разрядами');
    await companyForm.getByTestId('company-inn').fill(inn);
    await companyForm.locator('button[type="submit"]').click();
    const warning = page.getByTestId('duplicate-warning');
    await warning.waitFor();
    expect(await text(warning)).toContain(existingName);
    expect(await text(warning)).toContain(`ИНН: ${inn}`);
    await notificationsGone(page);
    await snap(page, '30-company-duplicate-warning');
    await warning.getByTestId('create-anyway').click();
    await expect.poll(() => text(page.getByTestId('company-title'))).toBe('ООО «Двойник»');

    // The duplicates page groups the two by their INN; merging keeps the older one.
    await page.goto('/companies/duplicates');
    const group = page.getByTestId('duplicate-group').filter({ hasText: inn });
    await group.waitFor();
    expect(await text(group)).toContain('ООО «Двойник»');
    await notificationsGone(page);
    await snap(page, '31-companies-duplicates');
    await group.getByTestId('merge-group').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Объединить' }).click();
    await expect.poll(() => group.count()).toBe(0);

    await page.goto('/settings/pipelines');
    const editor = page.getByTestId('pipeline-editor');
    await editor.getByTestId('stage-editor').first().waitFor();
    expect(await editor.getByTestId('stage-editor').count()).toBe(10);
    expect(await page.getByTestId('print-regulation').getAttribute('href')).toMatch(
      /^\/api\/pipelines\/[0-9a-f-]{36}\/regulation\?locale=ru$/,
    );

    // Two stages with one name: the error shows at the stage, and nothing is saved.
    const names = editor.getByTestId('stage-name');
    await names.nth(2).fill('Квалификация');
    await page.getByTestId('save-pipeline').click();
    await expect.poll(() => text(editor.getByTestId('stage-editor').nth(2))).toContain('Квалификация');
    await editor.getByTestId('stage-editor').nth(2).locator('.mantine-InputWrapper-error').first().waitFor();
    await names.nth(2).fill('Презентация решения');
    await editor
      .getByTestId('stage-editor')
      .first()
      .getByRole('button', { name: /Регламент/ })
      .click();
    await page.getByTestId('save-pipeline').click();
    await expect.poll(() => page.locator('.mantine-Notification-root').count()).toBeGreaterThan(0);
    await notificationsGone(page);
    await expect.poll(() => names.nth(2).inputValue()).toBe('Презентация решения');
    await snap(page, '28-settings-pipelines', { fullPage: true });
    expect(errors).toEqual([]);
  });
  it('in English, the deals table filters, saves a view and acts on many deals at once', async () => {
    const page = await app.newPage({ locale: 'en-US', viewport: { width: 1440, height: 900 } });
    const errors = watchErrors(page);
    await page.goto('/login');
    await signIn(page, 'head@demo.voronka.dev');
    await page.getByTestId('language-switch').getByText('EN', { exact: true }).click();
    await expect.poll(() => text(page.getByTestId('nav-deals'))).toBe('Deals');

    // Two quick deals in the first column: a title and an amount are enough to start.
    await page.getByTestId('nav-deals').click();
    const first = column(page, 'Квалификация');
    for (const [title, amount] of [
      ['Bulk pallets A', '10000'],
      ['Bulk pallets B', '20000'],
    ] as const) {
      await first.getByTestId('quick-create-deal').click();
      const form = first.getByTestId('quick-create-deal-form');
      await form.getByLabel('Title').fill(title);
      await form.getByLabel('Amount').fill(amount);
      await form.getByRole('button', { name: 'Add' }).click();
      await first.getByTestId('deal-tile').filter({ hasText: title }).waitFor();
    }

    // A deal a manager of the department adds elsewhere appears on this board without a reload.
    const hunter = await app.newPage({ locale: 'ru-RU' });
    await hunter.goto('/login');
    await signIn(hunter, 'hunter@demo.voronka.dev');
    await hunter.goto('/deals');
    const hunterColumn = column(hunter, 'Квалификация');
    await hunterColumn.getByTestId('quick-create-deal').click();
    await hunterColumn.getByTestId('quick-create-deal-form').getByLabel('Название').fill('Bulk pallets live');
    await hunterColumn
      .getByTestId('quick-create-deal-form')
      .getByRole('button', { name: 'Добавить' })
      .click();
    await hunterColumn.getByTestId('deal-tile').filter({ hasText: 'Bulk pallets live' }).waitFor();
    await first
      .getByTestId('deal-tile')
      .filter({ hasText: 'Bulk pallets live' })
      .waitFor({ timeout: 10_000 });
    await hunter.close();

    // The table, narrowed to the head's two by text.
    await page.getByTestId('deals-mode').locator('label').filter({ hasText: 'Table' }).click();
    await page.getByTestId('deal-filters').getByLabel('Search').fill('Bulk pallets');
    await page.getByTestId('deal-filters').getByLabel('Responsible').click();
    await page.getByRole('option', { name: 'Ирина Соколова' }).click();
    const rows = page.getByTestId('deal-row');
    await expect.poll(() => rows.count()).toBe(2);
    await page.getByRole('checkbox', { name: 'Select all' }).check();
    await expect.poll(() => text(page.getByTestId('bulk-bar'))).toContain('Selected: 2');

    // Moving both on is refused as a whole: each deal is named with what it lacks.
    await page.getByTestId('bulk-stage').click();
    await page.getByRole('option', { name: 'Выявление потребностей' }).click();
    await page.getByTestId('bulk-move').click();
    const refused = page.getByTestId('bulk-refusal');
    await refused.waitFor();
    const reasons = await text(refused);
    expect(reasons).toContain('Bulk pallets A');
    expect(reasons).toContain('Bulk pallets B');
    expect(reasons).toContain('Компания, Контакт');
    await notificationsGone(page);
    await snap(page, '29-deals-table-bulk-refused');

    // Keep the filter as a view.
    await page.getByTestId('saved-views').click();
    await page.getByTestId('save-view').click();
    await page.getByLabel('View name').fill('Bulk pallets');
    await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByTestId('saved-views').click();
    await page.getByRole('menuitem', { name: /Bulk pallets/ }).waitFor();
    await page.keyboard.press('Escape');

    // Delete both, find them among the deleted, and bring them back.
    await page.getByTestId('bulk-bar').getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('button', { name: 'Confirm' }).click();
    await expect.poll(() => rows.count()).toBe(0);
    await page.getByTestId('filter-deleted').check();
    await expect.poll(() => rows.count()).toBe(2);
    await page.getByRole('checkbox', { name: 'Select all' }).check();
    await page.getByTestId('bulk-restore').click();
    await expect.poll(() => rows.count()).toBe(0);
    await page.getByTestId('filter-deleted').uncheck();
    await expect.poll(() => rows.count()).toBe(2);

    // Product lines at the price of a list: the deal's amount becomes their total.
    await page.getByRole('link', { name: 'Bulk pallets A' }).click();
    await page.getByTestId('add-product-line').click();
    await page.getByRole('option').first().click();
    const line = page.getByTestId('product-line').first();
    await line.getByLabel('Qty').fill('12');
    await page.getByTestId('save-product-lines').click();
    await page.getByTestId('save-product-lines').waitFor({ state: 'detached' });
    const total =
      /Total ₽(\d{1,3}(?:,\d{3})*(?:\.\d{2})?)/.exec(
        await text(page.getByTestId('product-lines-total')),
      )?.[1] ?? '';
    expect(Number(total.replace(/,/g, ''))).toBeGreaterThan(0);
    await expect.poll(() => text(page.getByTestId('deal-card-amount'))).toBe(`₽${total}`);
    // With lines the amount is theirs: the field no longer takes typing.
    await expect.poll(() => page.getByTestId('deal-amount').getAttribute('readonly')).not.toBeNull();
    await notificationsGone(page);
    await snap(page, '32-deal-product-lines', { fullPage: true });

    // A head of sales may pass a closed gate with a comment, which the stage history keeps.
    await page.getByTestId('nav-deals').click();
    await page.getByTestId('deals-mode').locator('label').filter({ hasText: 'Board' }).click();
    const needs = column(page, 'Выявление потребностей');
    await drag(page, first.getByTestId('deal-tile').filter({ hasText: 'Bulk pallets B' }), needs);
    const gate = page.getByTestId('gate-refusal');
    await gate.getByTestId('gate-override').click();
    await gate
      .getByTestId('gate-override-comment')
      .fill('Client confirmed by phone, company card comes tomorrow');
    await gate.getByTestId('gate-override-submit').click();
    await needs.getByTestId('deal-tile').filter({ hasText: 'Bulk pallets B' }).waitFor();
    // The board refetches after the move; a click that lands as its tiles are replaced does nothing (a
    // person clicks again), which on a loaded CI machine happened once: click until the card opens.
    const movedTitle = needs
      .getByTestId('deal-tile')
      .filter({ hasText: 'Bulk pallets B' })
      .getByTestId('deal-tile-title');
    const onCard = () => /\/deals\/[0-9a-f-]{36}$/.test(new URL(page.url()).pathname);
    await expect
      .poll(async () => {
        if (!onCard()) await movedTitle.click({ timeout: 2000 }).catch(() => undefined);
        return onCard();
      })
      .toBe(true);
    await expect
      .poll(() => text(page.getByTestId('stage-history')))
      .toContain('Client confirmed by phone, company card comes tomorrow');
    expect(errors).toEqual([]);
  });
});
