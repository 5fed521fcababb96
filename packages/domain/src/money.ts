/**
 * Money is counted in integer minor units (kopecks) so that sums never drift; each product line is
 * rounded to the kopeck once, and a deal's amount is the exact sum of its lines.
 */
export interface ProductLineInput {
  /** Unit price in kopecks. */
  price: number;
  /** Up to three decimals (1.5 kg, 0.25 h). */
  quantity: number;
  discountPercent: number;
  vatRatePercent: number;
  /** Russian prices are usually quoted with VAT inside; otherwise VAT is added on top. */
  vatIncluded: boolean;
}

export interface LineTotals {
  gross: number;
  discount: number;
  net: number;
  vat: number;
  total: number;
}

/**
 * @example lineTotals({ price: 1_000_00, quantity: 3, discountPercent: 10, vatRatePercent: 22, vatIncluded: true })
 * // { gross: 3_000_00, discount: 300_00, net: 2_700_00, vat: 486_89, total: 2_700_00 }
 */
export function lineTotals(line: ProductLineInput): LineTotals {
  const gross = Math.round(line.price * line.quantity);
  const discount = Math.round((gross * line.discountPercent) / 100);
  const net = gross - discount;
  if (line.vatIncluded) {
    const vat = Math.round((net * line.vatRatePercent) / (100 + line.vatRatePercent));
    return { gross, discount, net, vat, total: net };
  }
  const vat = Math.round((net * line.vatRatePercent) / 100);
  return { gross, discount, net, vat, total: net + vat };
}

export function sumTotals(lines: readonly ProductLineInput[]): LineTotals {
  return lines.map(lineTotals).reduce(
    (sum, line) => ({
      gross: sum.gross + line.gross,
      discount: sum.discount + line.discount,
      net: sum.net + line.net,
      vat: sum.vat + line.vat,
      total: sum.total + line.total,
    }),
    { gross: 0, discount: 0, net: 0, vat: 0, total: 0 },
  );
}

/** Roubles with kopecks as typed by a person or an API client, to kopecks. */
export function toMinorUnits(amount: number): number {
  return Math.round(amount * 100);
}

export function fromMinorUnits(minor: number): number {
  return minor / 100;
}
