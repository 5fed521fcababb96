import type { Lead, Session } from '@voronka/domain';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, type RunningApp, startApp } from './harness';
import { notificationsGone, signIn, snap, text, watchErrors } from './journey';

/** A write through the API with the page's session, as the app itself sends it. */
async function apiPost<T>(page: Page, path: string, body: unknown, headers: Record<string, string> = {}) {
  const session = (await (await page.request.get('/api/auth/session')).json()) as Session;
  const response = await page.request.post(path, {
    data: body,
    headers: { 'x-csrf-token': session.csrfToken, ...headers },
  });
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as T;
}

describe.skipIf(!browserAvailable())('website forms and telephony in a real browser', () => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await startApp();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('an admin puts a form on the site, a visitor sends a request, and it is a lead with a call-back task', async () => {
    const page = await app.newPage({ locale: 'ru-RU', viewport: { width: 1366, height: 900 } });
    const errors = watchErrors(page);
    await page.goto('/login');
    await signIn(page, 'owner@demo.voronka.dev');
    await page.goto('/settings/users');
    await page.getByTestId('settings-tab-web-forms').click();
    await page.waitForURL((url) => url.pathname === '/settings/web-forms');

    // A form that asks the name, the phone and what the visitor needs; its leads go to Maria.
    const editor = page.getByTestId('web-form-editor');
    await editor.getByLabel('Название').fill('Заявка на опт');
    await editor.getByLabel('Ответственный').click();
    await page.getByRole('option', { name: 'Мария Иванова' }).click();
    // Its leads come from the website, named as the tables name it (the lead keeps the code, below).
    expect(await editor.getByTestId('web-form-source').inputValue()).toBe('Сайт');
    const fields = page.getByTestId('web-form-fields');
    await fields
      .getByRole('textbox', { name: 'Подпись поля «Комментарий» в форме' })
      .fill('Что нужно и сколько?');
    // Without a phone or an e-mail the form is refused in place.
    await fields.getByRole('checkbox', { name: 'Телефон' }).uncheck();
    await editor.getByRole('button', { name: 'Создать форму' }).click();
    await expect
      .poll(() => text(editor.getByRole('alert')))
      .toBe('Спросите телефон или e-mail: иначе на заявку некому будет ответить');
    await fields.getByRole('checkbox', { name: 'Телефон' }).check();
    await editor.getByRole('button', { name: 'Создать форму' }).click();
    const row = page.getByTestId('web-forms-table').getByRole('row').filter({ hasText: 'Заявка на опт' });
    await row.waitFor();
    expect(await row.getByRole('cell').nth(1).textContent()).toBe('0');
    await notificationsGone(page);
    await snap(page, 'integrations-01-web-forms', { fullPage: true });
    const address = (await row.getByRole('link').getAttribute('href')) ?? '';
    expect(address).toMatch(/\/f\/[\w-]+$/);

    // A visitor, with no session, opens the form from an advertisement.
    const visitor = await app.newPage({ locale: 'ru-RU', viewport: { width: 520, height: 700 } });
    const visitorErrors = watchErrors(visitor);
    await visitor.goto(
      `${address}?utm_source=yandex&utm_campaign=opt&page=https%3A%2F%2Fkorobki.example%2Fopt`,
    );
    expect(await text(visitor.getByRole('heading'))).toBe('Заявка на опт');
    await visitor.getByRole('button', { name: 'Отправить' }).click();
    await expect
      .poll(() => visitor.getByRole('alert').allTextContents())
      .toEqual(['Заполните поле', 'Заполните поле']);
    await visitor.getByLabel('Имя').fill('Павел Орлов');
    await visitor.getByLabel('Телефон').fill('8 (915) 123-45-67');
    await visitor.getByLabel('Что нужно и сколько?').fill('2000 коробок 60×40×40');
    await snap(visitor, 'integrations-02-form-page');
    await visitor.getByRole('button', { name: 'Отправить' }).click();
    expect(await text(visitor.getByRole('status'))).toBe('Спасибо! Мы свяжемся с вами в ближайшее время.');
    await snap(visitor, 'integrations-03-form-sent');
    expect(visitorErrors).toEqual([]);

    // The owner sees the request counted, and the lead with its note, its UTM and Maria's task.
    await page.reload();
    await expect.poll(() => row.getByRole('cell').nth(1).textContent()).toBe('1');
    const leads = await page.request.get('/api/leads?q=%D0%9F%D0%B0%D0%B2%D0%B5%D0%BB');
    const lead = ((await leads.json()) as { items: Lead[] }).items.find(
      (item) => item.contactName === 'Павел Орлов',
    );
    expect(lead).toMatchObject({
      title: 'Заявка на опт: Павел Орлов',
      phone: '+79151234567',
      source: 'website',
      utm: { source: 'yandex', campaign: 'opt' },
    });
    await page.goto(`/leads/${lead!.id}`);
    const timeline = page.getByTestId('timeline-entry');
    await timeline.filter({ hasText: '2000 коробок 60×40×40' }).waitFor();
    await page.getByText('Обработать заявку: Павел Орлов').waitFor();
    expect(errors).toEqual([]);

    // The PBX reports a missed call from the same number: it joins the lead's timeline as missed.
    const token = await apiPost<{ token: string }>(page, '/api/api-tokens', {
      name: 'АТС',
      scopes: ['write'],
    });
    await apiPost(
      page,
      '/api/telephony/calls',
      { callId: 'e2e-1', direction: 'in', status: 'missed', phone: '+7 915 123 45 67' },
      { authorization: `Bearer ${token.token}` },
    );
    await page.reload();
    await timeline.filter({ hasText: 'Результат: Пропущен' }).waitFor();
    await page.getByText('Перезвонить: +7 915 123-45-67').waitFor();
    await timeline.first().scrollIntoViewIfNeeded();
    await snap(page, 'integrations-04-lead-from-form');
    expect(errors).toEqual([]);
  });
});
