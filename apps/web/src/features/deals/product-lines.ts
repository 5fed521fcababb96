import { fromMinorUnits, lineTotals, type Product, toMinorUnits } from '@voronka/domain';
import type { DealProduct } from '../../api/types';

/** One product line as the editor holds it; `key` tells rows apart before they have ids. */
export type ProductLine = {
  key: string;
  productId: string | null;
  name: string;
  price: number;
  quantity: number;
  discountPercent: number;
  vatRatePercent: number;
  vatIncluded: boolean;
};

export function lineFromSaved(line: DealProduct): ProductLine {
  const { id, total: _total, vat: _vat, ...fields } = line;
  return { key: id, ...fields };
}

/** A new line for a catalogue product at its price in the chosen list (0 when the list has none). */
export function lineFromProduct(product: Product, priceListId: string | null, key: string): ProductLine {
  return {
    key,
    productId: product.id,
    name: product.name,
    price: priceIn(product, priceListId) ?? 0,
    quantity: 1,
    discountPercent: 0,
    vatRatePercent: product.vatRatePercent,
    vatIncluded: true,
  };
}

export function priceIn(product: Product, priceListId: string | null): number | null {
  return product.prices.find((price) => price.priceListId === priceListId)?.price ?? null;
}

/**
 * A line's total and VAT in roubles, computed the way the server does (in kopecks, rounded once).
 *
 * @example previewTotals({ price: 1000, quantity: 3, discountPercent: 10, vatRatePercent: 22, vatIncluded: true, … })
 * // { total: 2700, vat: 486.89 }
 */
export function previewTotals(line: ProductLine): { total: number; vat: number } {
  const totals = lineTotals({ ...line, price: toMinorUnits(line.price) });
  return { total: fromMinorUnits(totals.total), vat: fromMinorUnits(totals.vat) };
}

/** The `products` of a PATCH body. */
export function linesToBody(lines: readonly ProductLine[]) {
  return lines.map(({ key: _key, ...line }) => line);
}
