import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { screenshotPath } from './harness';

export const demoPassword = 'voronka-demo';

/** Uncaught exceptions and CSP violations in the page fail the journey. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Uncaught/.test(message.text())) {
      errors.push(message.text());
    }
  });
  return errors;
}

/** The element's text content, trimmed. */
export async function text(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').trim();
}

/**
 * Signs in on the sign-in page as a demo user and waits for the app to open the page it lands on: the
 * `next` address the sign-in page was sent with, else the app's default landing page.
 */
export async function signIn(page: Page, email: string): Promise<void> {
  await page.locator('input[autocomplete="username"]').fill(email);
  await page.locator('input[autocomplete="current-password"]').fill(demoPassword);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  await page.getByTestId('user-menu').waitFor({ state: 'attached' });
}

/** Toasts close by themselves; screenshots wait for them so that they do not hide the content. */
export async function notificationsGone(page: Page): Promise<void> {
  // A pointer resting on a toast keeps it open.
  await page.mouse.move(1, 1);
  await expect.poll(() => page.locator('.mantine-Notification-root').count(), { timeout: 10_000 }).toBe(0);
}

/** A screenshot for people to look at, with transitions (drawers, modals) run to their end. */
export async function snap(page: Page, name: string, { fullPage = false } = {}): Promise<void> {
  // The header is fixed: a full-page picture of a scrolled page would show it in the middle.
  if (fullPage) await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: screenshotPath(name), fullPage, animations: 'disabled' });
}
