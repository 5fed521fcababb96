/**
 * Normalises a phone number to E.164 ("+79123456789"), reading Russian numbers the ways people write
 * them: "8 (912) 345-67-89", "+7 912 345 67 89", "9123456789", "7-912-345-67-89". An extension after
 * "доб.", "ext" or "#" is dropped. Returns null when the input cannot be a phone number.
 *
 * @example normalizePhone('8 (912) 345-67-89') // '+79123456789'
 */
export function normalizePhone(input: string): string | null {
  const main = input.split(/доб|ext|#|,/i)[0] ?? '';
  if (/[^\d\s()+\-.]/.test(main.trim())) return null;
  const international = main.trim().startsWith('+');
  let digits = main.replace(/\D/g, '');
  if (!international && digits.startsWith('00')) return e164(digits.slice(2));
  if (international) return digits.startsWith('7') && digits.length !== 11 ? null : e164(digits);
  if (digits.length === 11 && (digits.startsWith('8') || digits.startsWith('7')))
    digits = `7${digits.slice(1)}`;
  else if (digits.length === 10) digits = `7${digits}`;
  else return null;
  return `+${digits}`;
}

function e164(digits: string): string | null {
  return digits.length >= 8 && digits.length <= 15 && !digits.startsWith('0') ? `+${digits}` : null;
}

/**
 * Formats an E.164 number for people: Russian numbers as "+7 912 345-67-89", others unchanged.
 *
 * @example formatPhone('+79123456789') // '+7 912 345-67-89'
 */
export function formatPhone(e164Number: string): string {
  const match = /^\+7(\d{3})(\d{3})(\d{2})(\d{2})$/.exec(e164Number);
  return match ? `+7 ${match[1]} ${match[2]}-${match[3]}-${match[4]}` : e164Number;
}
