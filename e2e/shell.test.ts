import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, type RunningApp, startApp } from './harness';
import { notificationsGone, signIn, snap, text, watchErrors } from './journey';

const sectionKeys = [
  'dashboard',
  'leads',
  'deals',
  'contacts',
  'companies',
  'tasks',
  'processes',
  'reports',
  'planning',
  'finance',
  'settings',
];
const russianSections = [
  'Главная',
  'Лиды',
  'Сделки',
  'Контакты',
  'Компании',
  'Задачи',
  'Бизнес-процессы',
  'Отчёты',
  'Планы',
  'Финансы',
  'Настройки',
];
const englishSections = [
  'Home',
  'Leads',
  'Deals',
  'Contacts',
  'Companies',
  'Tasks',
  'Processes',
  'Reports',
  'Plans',
  'Finance',
  'Settings',
];

async function signOut(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('logout').click();
  await page.waitForURL(/\/login/);
  await page.locator('input[autocomplete="username"]').waitFor();
}

async function navigationLabels(page: Page): Promise<string[]> {
  const labels: string[] = [];
  for (const key of sectionKeys) {
    const link = page.getByTestId(`nav-${key}`);
    await link.waitFor({ state: 'visible' });
    labels.push(await text(link));
  }
  return labels;
}

const colorScheme = (page: Page) => page.locator('html').getAttribute('data-mantine-color-scheme');

describe.skipIf(!browserAvailable())('web shell in a real browser', () => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await startApp();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('head of sales signs in, creates a lead, sees its history, switches language and theme, signs out', async () => {
    const page = await app.newPage({ locale: 'ru-RU' });
    const errors = watchErrors(page);

    // A Russian browser gets the Russian sign-in page.
    await page.goto('/');
    await page.waitForURL(/\/login/);
    await expect.poll(() => text(page.getByRole('heading', { level: 2 }))).toBe('Вход в Воронку');
    await snap(page, '01-login', { fullPage: true });

    await signIn(page, 'head@demo.voronka.dev');
    expect(await navigationLabels(page)).toEqual(russianSections);
    await expect.poll(() => text(page.getByTestId('workspace-name'))).toBe('Демо: отдел продаж');

    // The reports section opens on its own page.
    await page.goto('/reports');
    await page.waitForURL(/\/reports$/);
    await page.getByTestId('reports-heading').waitFor();

    // Create a lead.
    await page.getByTestId('nav-leads').click();
    await page.waitForURL(/\/leads$/);
    await page.getByTestId('new-lead').click();
    const createForm = page.getByTestId('create-lead-form');
    await createForm.getByLabel(/Название/).fill('ООО «Ромашка»: поставка стеллажей');
    await createForm.getByLabel(/Контакт/).fill('Пётр Сидоров');
    await createForm.getByLabel(/Телефон/).fill('+7 900 000-00-01');
    await createForm.locator('button[type="submit"]').click();

    // The new lead opens in its card, with the creation in its history.
    await page.waitForURL(/\/leads\/[0-9a-f-]{36}$/);
    await expect
      .poll(() => text(page.getByTestId('lead-card-title')))
      .toBe('ООО «Ромашка»: поставка стеллажей');
    const entries = page.getByTestId('history-entry');
    await expect.poll(() => entries.count()).toBe(1);
    const created = await text(entries.first());
    expect(created).toContain('Ирина Соколова');
    expect(created).toContain('создал(а) запись');
    expect(created).toContain('Телефон: +7 900 000-00-01');

    // Edit it: the change shows as old → new at the top of the history.
    const editForm = page.getByTestId('edit-lead-form');
    await editForm.getByLabel(/Телефон/).fill('+7 900 000-00-02');
    // A source picked from the list is kept as the system's code and read back by its name.
    await editForm.getByTestId('lead-source').fill('Рекоменд');
    await page.getByRole('option', { name: 'Рекомендация', exact: true }).click();
    await editForm.locator('button[type="submit"]').click();
    await expect.poll(() => entries.count()).toBe(2);
    const edited = await text(entries.first());
    expect(edited).toContain('Телефон: +7 900 000-00-01 → +7 900 000-00-02');
    expect(edited).toContain('→ Рекомендация');
    expect(edited).not.toContain('referral');

    // Refusing needs a reason: the form says so next to the field, then records both changes.
    await editForm.getByLabel('Статус', { exact: true }).click();
    await page.getByRole('option', { name: 'Отказ' }).click();
    await editForm.locator('button[type="submit"]').click();
    await expect.poll(() => text(editForm)).toContain('Обязательное поле');
    await editForm.getByLabel(/Причина отказа/).click();
    const reason = page.getByRole('option').first();
    const reasonName = await text(reason);
    await reason.click();
    await editForm.locator('button[type="submit"]').click();
    await expect.poll(() => entries.count()).toBe(3);
    const refusal = await text(entries.first());
    expect(refusal).toContain('Статус: Новый → Отказ');
    expect(refusal).toContain(`Причина отказа: — → ${reasonName}`);
    await notificationsGone(page);
    await snap(page, '02-lead-card');

    await page.keyboard.press('Escape');
    await page.waitForURL(/\/leads$/);
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    const row = page.getByTestId('lead-row').filter({ hasText: 'ООО «Ромашка»' });
    await expect.poll(() => text(row)).toContain('Ирина Соколова');
    await snap(page, '03-leads', { fullPage: true });

    // Live updates: a lead that a manager of the department creates elsewhere appears without a reload.
    const hunter = await app.newPage({ locale: 'ru-RU' });
    await hunter.goto('/login');
    await signIn(hunter, 'hunter@demo.voronka.dev');
    await hunter.getByTestId('nav-leads').click();
    await hunter.getByTestId('new-lead').click();
    await hunter
      .getByTestId('create-lead-form')
      .getByLabel(/Название/)
      .fill('Входящий звонок: живое обновление');
    await hunter.getByTestId('create-lead-form').locator('button[type="submit"]').click();
    await hunter.waitForURL(/\/leads\/[0-9a-f-]{36}$/);
    const liveRow = page.getByTestId('lead-row').filter({ hasText: 'Входящий звонок: живое обновление' });
    await expect.poll(() => liveRow.count(), { timeout: 10_000 }).toBe(1);
    expect(await text(liveRow)).toContain('Алексей Петров');
    await hunter.close();

    // A head of sales does not administer the workspace: settings show only personal pages.
    await page.getByTestId('nav-settings').click();
    await page.waitForURL(/\/settings\/profile$/);
    expect(await page.getByTestId('settings-tab-users').count()).toBe(0);
    await page.getByTestId('settings-tab-api-tokens').waitFor();

    // RU → EN: labels change, and the choice is saved in the profile (it survives a reload).
    await page.getByTestId('language-switch').getByText('EN', { exact: true }).click();
    await expect.poll(() => navigationLabels(page)).toEqual(englishSections);
    await page.reload();
    await expect.poll(() => text(page.getByTestId('nav-leads'))).toBe('Leads');
    await page.getByTestId('language-switch').getByText('RU', { exact: true }).click();
    await expect.poll(() => text(page.getByTestId('nav-leads'))).toBe('Лиды');

    // Theme toggle, remembered across reloads.
    const before = await colorScheme(page);
    await page.getByTestId('theme-toggle').click();
    const after = before === 'dark' ? 'light' : 'dark';
    await expect.poll(() => colorScheme(page)).toBe(after);
    await page.reload();
    await page.getByTestId('nav-leads').waitFor();
    await expect.poll(() => colorScheme(page)).toBe(after);
    await page.getByTestId('nav-leads').click();
    await page.waitForURL(/\/leads$/);
    await page.getByTestId('lead-row').first().waitFor();
    await snap(page, '04-leads-dark', { fullPage: true });

    await signOut(page);
    // Signed out for real: the app goes back to the sign-in page.
    await page.goto('/leads');
    await page.waitForURL(/\/login\?next=%2Fleads$/);
    expect(errors).toEqual([]);
  });

  it('owner administers the workspace: users, departments, roles, an invitation that is accepted, an API token', async () => {
    const page = await app.newPage({ locale: 'en-US' });
    const errors = watchErrors(page);
    await page.goto('/login');
    // An English browser gets English before sign-in; the owner's saved language (Russian) wins after.
    await expect.poll(() => text(page.getByRole('heading', { level: 2 }))).toBe('Sign in to Voronka');
    await page.locator('input[autocomplete="username"]').fill('owner@demo.voronka.dev');
    await page.locator('input[autocomplete="current-password"]').fill('not-the-password');
    await page.locator('button[type="submit"]').click();
    await expect.poll(() => text(page.getByTestId('login-error'))).toBe('Wrong email or password.');
    await page.locator('input[autocomplete="username"]').fill('');
    await page.locator('button[type="submit"]').click();
    await expect.poll(() => page.getByText('Enter a valid email').count()).toBe(1);

    await signIn(page, 'owner@demo.voronka.dev');
    await expect.poll(() => text(page.getByTestId('nav-settings'))).toBe('Настройки');

    await page.getByTestId('nav-settings').click();
    await page.waitForURL(/\/settings\/users$/);
    const rows = page.getByTestId('user-row');
    await expect.poll(() => rows.count()).toBe(6);
    const head = await text(rows.filter({ hasText: 'head@demo.voronka.dev' }));
    expect(head).toContain('Ирина Соколова');
    expect(head).toContain('Руководитель отдела продаж');
    const hunter = await text(rows.filter({ hasText: 'hunter@demo.voronka.dev' }));
    expect(hunter).toContain('Хантер');
    await snap(page, '05-settings-users', { fullPage: true });

    await page.getByTestId('settings-tab-departments').click();
    await page.getByTestId('department-tree').waitFor();
    await snap(page, '06-settings-departments', { fullPage: true });
    await page.getByTestId('settings-tab-roles').click();
    await page.getByTestId('roles-table').waitFor();
    await snap(page, '07-settings-roles', { fullPage: true });

    // The rest in English.
    await page.getByTestId('language-switch').getByText('EN', { exact: true }).click();
    await expect.poll(() => text(page.getByTestId('settings-tab-invitations'))).toBe('Invitations');

    await page.getByTestId('settings-tab-invitations').click();
    const invitationForm = page.getByTestId('invitation-form');
    await invitationForm.getByLabel(/Email/).fill('anna.novikova@demo.voronka.dev');
    await invitationForm.locator('button[type="submit"]').click();
    const link = await text(page.getByTestId('one-time-secret'));
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/invite\/\S+$/);
    await expect
      .poll(() => text(page.getByTestId('invitations-table')))
      .toContain('anna.novikova@demo.voronka.dev');
    await snap(page, '08-settings-invitations', { fullPage: true });

    await page.getByTestId('settings-tab-api-tokens').click();
    const tokenForm = page.getByTestId('api-token-form');
    await tokenForm.getByLabel(/Name/).fill('Telephony');
    await tokenForm.locator('button[type="submit"]').click();
    expect((await text(page.getByTestId('one-time-secret'))).length).toBeGreaterThan(20);
    await expect.poll(() => text(page.getByTestId('api-tokens-table'))).toContain('Telephony');
    await snap(page, '09-settings-api-tokens', { fullPage: true });

    // A mistyped or stale link to a record finds nothing: it says so, not "check the highlighted fields".
    for (const link of ['/deals/board', '/contacts/12345']) {
      await page.goto(link);
      const alert = page.getByRole('alert');
      await expect.poll(() => text(alert)).toContain('Not found.');
      expect(await text(alert)).not.toContain('highlighted');
    }
    await snap(page, '09a-record-not-found');
    // An address that is no page leads back to the start page.
    await page.goto('/calendar');
    await page.getByTestId('not-found-home').click();
    await page.waitForURL((url) => url.pathname === '/');

    await signOut(page);

    // The invited colleague opens the link, sets a name and password, and is signed in.
    const invited = await app.newPage({ locale: 'en-US' });
    await invited.goto(link);
    await invited.getByLabel(/Your name/).fill('Анна Новикова');
    await invited.locator('input[autocomplete="new-password"]').fill('anna-secret-1');
    await snap(invited, '10-accept-invitation');
    await invited.locator('button[type="submit"]').click();
    await invited.waitForURL((url) => url.pathname === '/');
    await invited.getByTestId('nav-dashboard').waitFor();
    await invited.close();
    expect(errors).toEqual([]);
  });

  it('at phone width the burger opens and closes the navigation', async () => {
    const page = await app.newPage({ viewport: { width: 375, height: 740 }, locale: 'ru-RU' });
    const errors = watchErrors(page);
    await page.goto('/login');
    await snap(page, '11-phone-login');
    await signIn(page, 'hunter@demo.voronka.dev');

    const navbar = page.getByTestId('navbar');
    const navbarRight = async () => {
      const box = await navbar.boundingBox();
      return box ? box.x + box.width : 0;
    };
    // Collapsed: the navbar sits off-screen to the left, and nothing overflows the phone's width.
    await expect.poll(navbarRight).toBeLessThanOrEqual(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await snap(page, '12-phone-home', { fullPage: true });
    await page.goto('/leads');
    await page.getByTestId('lead-row').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await snap(page, '12-phone-leads');

    // The lead card and the create form fit the phone's width too.
    await page.getByTestId('lead-row').first().click();
    await page.getByTestId('history-entry').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await snap(page, '13-phone-lead-card');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByTestId('new-lead').click();
    await page.getByTestId('create-lead-form').waitFor();
    await snap(page, '14-phone-new-lead');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    await page.getByTestId('burger').click();
    await expect.poll(navbarRight).toBeGreaterThan(300);
    expect(await navigationLabels(page)).toEqual(russianSections);
    await snap(page, '15-phone-navigation');

    // Following a link closes the menu.
    await page.getByTestId('nav-settings').click();
    await page.waitForURL(/\/settings\/profile$/);
    await expect.poll(navbarRight).toBeLessThanOrEqual(0);
    await snap(page, '16-phone-settings', { fullPage: true });
    expect(errors).toEqual([]);
  });
});
