import type { Product } from '@voronka/domain';
import { describe, expect, it } from 'vitest';
import { lineFromProduct, lineFromSaved, linesToBody, previewTotals } from './product-lines';

const product: Product = {
  id: 'p1',
  name: 'Стеллаж',
  sku: null,
  unit: 'шт',
  vatRatePercent: 22,
  active: true,
  prices: [
    { priceListId: 'retail', price: 1000 },
    { priceListId: 'wholesale', price: 800 },
  ],
};

describe('product lines', () => {
  it('takes the price of the chosen list', () => {
    expect(lineFromProduct(product, 'wholesale', 'k').price).toBe(800);
    expect(lineFromProduct(product, 'other', 'k').price).toBe(0);
  });

  it('previews totals as the server computes them', () => {
    const line = { ...lineFromProduct(product, 'retail', 'k'), quantity: 3, discountPercent: 10 };
    expect(previewTotals(line)).toEqual({ total: 2700, vat: 486.89 });
    expect(previewTotals({ ...line, vatIncluded: false })).toEqual({ total: 3294, vat: 594 });
  });

  it('round-trips a saved line into a request body', () => {
    const saved = {
      id: 'l1',
      productId: 'p1',
      name: 'Стеллаж',
      price: 1000,
      quantity: 2,
      discountPercent: 0,
      vatRatePercent: 22,
      vatIncluded: true,
      total: 2000,
      vat: 360.66,
    };
    expect(linesToBody([lineFromSaved(saved)])).toEqual([
      {
        productId: 'p1',
        name: 'Стеллаж',
        price: 1000,
        quantity: 2,
        discountPercent: 0,
        vatRatePercent: 22,
        vatIncluded: true,
      },
    ]);
  });
});
