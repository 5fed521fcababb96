import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Client,
  createTeam,
  signIn,
  startTestApp,
  type Team,
  type TestApp,
} from '../../../test/test-app';
import { seedReportFixture } from './report-fixture';

let t: TestApp;
let team: Team;
let owner: Client;

const march = 'from=2025-03-01&to=2025-03-31';

beforeAll(async () => {
  t = await startTestApp();
  team = await createTeam(t, 'print');
  await seedReportFixture(t.database.db, team);
  owner = await signIn(t.app, team.users.owner.email);
});

/** The chart's bars as "name: value" and its caption. */
function chart(html: string) {
  return {
    caption: /<figcaption>(.*?)<\/figcaption>/.exec(html)?.[1],
    bars: [...html.matchAll(/<span class="name">(.*?)<\/span>.*?<span class="n">(.*?)<\/span>/g)].map(
      ([, name, value]) => `${name}: ${value}`,
    ),
  };
}

/** The page's text cells, row by row (header, body, totals), as a reader sees them. */
function cells(html: string): string[][] {
  return [...html.matchAll(/<tr>(.*?)<\/tr>/g)].map(([, row]) =>
    [...(row ?? '').matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/g)].map(([, text]) => text ?? ''),
  );
}

async function page(url: string) {
  const response = await owner.request('GET', url);
  expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
  expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
  return response.body;
}

describe('a report’s printable page', () => {
  it('heads the table with the title and period, names statuses and totals, in Russian by default', async () => {
    const html = await page(`/api/reports/lead-statuses/print?${march}`);
    expect(html).toContain('<title>Лиды по статусам</title>');
    expect(html).toContain('<b>Период:</b> 1 мар. 2025 г. – 31 мар. 2025 г.');
    expect(cells(html)).toEqual([
      ['Статус', 'Менеджер', 'Лидов'],
      ['Новый', 'managerA print', '1'],
      ['В работе', 'managerA print', '1'],
      ['Преобразован в сделку', 'managerB print', '1'],
      ['Отказ', 'subManager print', '1'],
      ['Итого', '', '4'],
    ]);
    // Above the table, the chart the web page draws: one bar per row, named by what tells rows apart.
    expect(chart(html)).toEqual({
      caption: 'Лидов',
      bars: [
        'Новый · managerA print: 1',
        'В работе · managerA print: 1',
        'Преобразован в сделку · managerB print: 1',
        'Отказ · subManager print: 1',
      ],
    });
  });

  it('writes money, shares and the filters in words in English', async () => {
    const html = await page(
      `/api/reports/lead-sources/print?${march}&locale=en&managerId=${team.users.managerA.id}&region=${encodeURIComponent('Москва')}`,
    );
    expect(html).toContain('<title>Lead sources</title>');
    expect(html).toContain('<b>Period:</b> 1 Mar 2025 – 31 Mar 2025');
    expect(html).toContain('<b>Manager:</b> managerA print');
    expect(html).toContain('<b>Region:</b> Москва');
    // Manager A's lead in Moscow: L1, from the site, in work.
    expect(cells(html)).toEqual([
      ['Source', 'Leads', 'Converted to deals', 'Conversion to a deal', 'Deals won', 'Revenue'],
      ['site', '1', '0', '0%', '0', '₽0'],
      ['Total', '1', '0', '0%', '0', '₽0'],
    ]);
  });

  it('prints money in roubles and days as dates', async () => {
    const html = await page(`/api/reports/activity-monthly/print?${march}`);
    const rows = cells(html);
    expect(rows[0]?.slice(0, 2)).toEqual(['Месяц', 'Новые клиенты']);
    // March: one new client, three sales for 190,000 ₽, an average check of 63,333.33 ₽, the
    // interest booked without a deal and the month's expenses (the fixture's).
    const nbsp = (text: string) => text.replace(/ /g, '\u00a0');
    expect(rows[1]).toEqual([
      'март 2025 г.',
      '1',
      '3',
      nbsp('190 000 ₽'),
      nbsp('63 333,33 ₽'),
      nbsp('999 ₽'),
      nbsp('140 000 ₽'),
      nbsp('50 999 ₽'),
    ]);
    // New clients come first among the numbers: one bar for March, named as the month.
    expect(chart(html)).toEqual({ caption: 'Новые клиенты', bars: ['март 2025 г.: 1'] });
  });

  it('refuses bad input with the field at fault, and another workspace’s manager is not named', async () => {
    const bad = await owner.request('GET', `/api/reports/lead-statuses/print?${march}&locale=de`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('querystring.locale');
    const backwards = await owner.request(
      'GET',
      '/api/reports/lead-statuses/print?from=2025-03-31&to=2025-03-01',
    );
    expect(backwards.statusCode).toBe(400);
    const other = await createTeam(t, 'print-other');
    const foreign = await owner.request(
      'GET',
      `/api/reports/lead-statuses/print?${march}&managerId=${other.users.managerA.id}`,
    );
    expect(foreign.body).not.toContain('print-other');
  });
});
