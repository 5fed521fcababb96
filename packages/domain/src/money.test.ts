import { describe, expect, it } from 'vitest';
import { lineTotals, sumTotals, toMinorUnits } from './money';

describe('lineTotals', () => {
  it('takes VAT out of a price that includes it', () => {
    // 3 × 1000 ₽ = 3000; −10% = 2700; VAT inside at 22%: 2700 × 22 / 122 = 486.885… → 486.89
    expect(
      lineTotals({ price: 100_000, quantity: 3, discountPercent: 10, vatRatePercent: 22, vatIncluded: true }),
    ).toEqual({
      gross: 300_000,
      discount: 30_000,
      net: 270_000,
      vat: 48_689,
      total: 270_000,
    });
  });

  it('adds VAT on top of a price without it', () => {
    // 2.5 × 400 ₽ = 1000; no discount; VAT 20% on top = 200; total 1200
    expect(
      lineTotals({
        price: 40_000,
        quantity: 2.5,
        discountPercent: 0,
        vatRatePercent: 20,
        vatIncluded: false,
      }),
    ).toEqual({
      gross: 100_000,
      discount: 0,
      net: 100_000,
      vat: 20_000,
      total: 120_000,
    });
  });

  it('rounds each line to the kopeck', () => {
    // 3 × 33.33 ₽ = 99.99; −5% = 4.9995 → 5.00; net 94.99; VAT 0
    expect(
      lineTotals({ price: 3_333, quantity: 3, discountPercent: 5, vatRatePercent: 0, vatIncluded: true }),
    ).toMatchObject({ discount: 500, net: 9_499, total: 9_499 });
  });
});

describe('sumTotals', () => {
  it('adds lines exactly; no lines make zero', () => {
    const lines = [
      { price: 100_000, quantity: 3, discountPercent: 10, vatRatePercent: 22, vatIncluded: true },
      { price: 40_000, quantity: 2.5, discountPercent: 0, vatRatePercent: 20, vatIncluded: false },
    ];
    expect(sumTotals(lines)).toEqual({
      gross: 400_000,
      discount: 30_000,
      net: 370_000,
      vat: 68_689,
      total: 390_000,
    });
    expect(sumTotals([]).total).toBe(0);
  });

  it('reads roubles typed with kopecks without float drift', () => {
    expect(toMinorUnits(0.1 + 0.2)).toBe(30);
    expect(toMinorUnits(40_000.55)).toBe(4_000_055);
  });
});
