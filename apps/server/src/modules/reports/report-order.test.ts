import { describe, expect, it } from 'vitest';
import { byCells } from './activity.queries';
import type { Row } from './report-table';

const row = (key: string, day: string, manager: string): Row => ({ key, cells: { day, manager } });

/** The order byCells replaced: localeCompare per comparison, then the key. */
const reference = (a: Row, b: Row) =>
  String(a.cells.day).localeCompare(String(b.cells.day)) ||
  String(a.cells.manager).localeCompare(String(b.cells.manager)) ||
  a.key.localeCompare(b.key);

describe('byCells: rows in the order of their cells as text', () => {
  it('orders by the first cell, then the next, in the locale order, then by key', () => {
    const rows = [
      row('k4', '2026-10-02', 'Ястребов'),
      row('k3', '2026-10-01', 'ёлкин'),
      row('k2', '2026-10-01', 'Абрамова'),
      row('k1', '2026-10-01', 'Ёлкин'),
      row('k0', '2026-10-02', 'Абрамова'),
      row('k5', '2026-10-01', 'Абрамова'),
    ];
    rows.sort(byCells(rows, 'day', 'manager'));
    // Written out by hand: day first; Абрамова before Ёлкин; lower case before upper in ICU's order;
    // two rows with the same day and name by their key.
    expect(rows.map((r) => r.key)).toEqual(['k2', 'k5', 'k3', 'k1', 'k0', 'k4']);
  });

  it('gives the same order as comparing with localeCompare every time, on a large table', () => {
    const names = ['Иванов', 'иванов', 'Петрова', 'Åkesson', 'Zimmer', 'ёж', 'Еж', '', 'Смирнов-Петров'];
    const rows: Row[] = [];
    for (let i = 0; i < 2000; i++)
      rows.push(
        row(`key-${(i * 7919) % 2000}`, `2026-10-${String((i % 28) + 1).padStart(2, '0')}`, names[i % 9]!),
      );
    const expected = [...rows].sort(reference).map((r) => r.key);
    rows.sort(byCells(rows, 'day', 'manager'));
    expect(rows.map((r) => r.key)).toEqual(expected);
  });

  it('holds texts the locale finds equal as equal, leaving the key to decide', () => {
    // U+0065 U+0301 and U+00E9 are the same letter to the collator.
    const rows = [row('b', 'd', 'caf\u00e9'), row('a', 'd', 'cafe\u0301')];
    expect('cafe\u0301'.localeCompare('caf\u00e9')).toBe(0);
    rows.sort(byCells(rows, 'day', 'manager'));
    expect(rows.map((r) => r.key)).toEqual(['a', 'b']);
  });
});
