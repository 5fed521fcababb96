import { notifications } from '@mantine/notifications';
import { ApiError } from '../api/client';
import { i18n } from '../app/i18n';

function addressOnly(error: ApiError): boolean {
  const paths = Object.keys(error.fieldErrors());
  return paths.length > 0 && paths.every((path) => path.startsWith('params.'));
}

/** The user-facing title for an error: translated by code, never the raw server text alone. */
export function errorTitle(error: unknown): string {
  if (!(error instanceof ApiError)) return i18n.t('errors.generic');
  switch (error.code) {
    case 'network':
      return i18n.t('errors.network');
    case 'forbidden':
      return i18n.t('errors.forbidden');
    case 'not_found':
      return i18n.t('errors.notFound');
    case 'conflict':
      return i18n.t('errors.conflict');
    case 'rate_limited':
      return i18n.t('errors.rateLimited');
    case 'unauthenticated':
    case 'session_expired':
      return i18n.t('errors.sessionExpired');
    case 'validation_failed':
      // Only the address was refused (an id that is no id: a mistyped or stale link): nothing is there.
      return addressOnly(error) ? i18n.t('errors.notFound') : i18n.t('errors.validation');
    default:
      return i18n.t('errors.generic');
  }
}

function errorBody(error: unknown): string | undefined {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : undefined;
  const fields = Object.values(error.fieldErrors());
  if (fields.length > 0) return fields.join('; ');
  return error.code === 'network' ? undefined : error.message;
}

export function notifyError(error: unknown): void {
  notifications.show({ color: 'red', title: errorTitle(error), message: errorBody(error) ?? '' });
}

export function notifySuccess(message: string): void {
  notifications.show({ color: 'teal', message });
}
