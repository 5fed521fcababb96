import { i18n } from '../app/i18n';

/** A date and time in the UI language, e.g. "12 Mar 2025, 14:05"; `null` becomes an em dash. */
export function formatDateTime(value: string | null): string {
  if (!value) return '—';
  return new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(value),
  );
}

export function formatDate(value: string | null): string {
  if (!value) return '—';
  return new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' }).format(new Date(value));
}
