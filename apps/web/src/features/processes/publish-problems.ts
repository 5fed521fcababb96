import { ApiError } from '../../api/client';

/** One element the engine refuses, from a 422 `process_invalid` answer to publishing. */
export type PublishProblem = { elementId: string; message: string; code: string };

/**
 * The refused elements of a failed publish, or `null` when the error is something else.
 *
 * @example publishProblems(error) // [{ elementId: 'approve', message: 'Assignee of …', code: 'invalid_extension' }]
 */
export function publishProblems(error: unknown): PublishProblem[] | null {
  if (!(error instanceof ApiError) || error.code !== 'process_invalid' || !Array.isArray(error.details))
    return null;
  return error.details.map((detail: { path?: unknown; message?: unknown; code?: unknown }) => ({
    elementId: typeof detail.path === 'string' && detail.path !== 'process' ? detail.path : '',
    message: typeof detail.message === 'string' ? detail.message : '',
    code: typeof detail.code === 'string' ? detail.code : '',
  }));
}
