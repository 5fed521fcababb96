const weights10 = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const weights11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const weights12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

function checkDigit(digits: number[], weights: number[]): number {
  const sum = weights.reduce((total, weight, i) => total + weight * (digits[i] ?? 0), 0);
  return (sum % 11) % 10;
}

/**
 * Whether a Russian taxpayer number (ИНН) is well formed: 10 digits for an organisation with one
 * check digit, 12 for a person or sole trader with two, by the Federal Tax Service's weights.
 *
 * @example isValidInn('7707083893') // true
 */
export function isValidInn(inn: string): boolean {
  if (!/^\d{10}$|^\d{12}$/.test(inn)) return false;
  const digits = [...inn].map(Number);
  if (digits.length === 10) return checkDigit(digits, weights10) === digits[9];
  return checkDigit(digits, weights11) === digits[10] && checkDigit(digits, weights12) === digits[11];
}

/**
 * Whether a registration reason code (КПП) is well formed: four digits of the tax office, two digits or
 * capital Latin letters of the reason, three digits of the sequence number.
 *
 * @example isValidKpp('773601001') // true
 */
export function isValidKpp(kpp: string): boolean {
  return /^\d{4}[\dA-Z]{2}\d{3}$/.test(kpp);
}
