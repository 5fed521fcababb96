import { type CompileProblemCode, compileProblemCodes, type FeelSubject } from '@voronka/domain';
import type { TFunction } from 'i18next';
import { ApiError } from '../../api/client';

/** One element the engine refuses, from a 422 `process_invalid` answer to publishing. */
export type PublishProblem = {
  elementId: string;
  /** The server's English sentence: shown when the code is one this page does not know. */
  message: string;
  code: string;
  params: Record<string, string>;
};

/**
 * The refused elements of a failed publish, or `null` when the error is something else.
 *
 * @example publishProblems(error) // [{ elementId: 'approve', code: 'assignee_without_value', params: { element: 'approve' }, … }]
 */
export function publishProblems(error: unknown): PublishProblem[] | null {
  if (!(error instanceof ApiError) || error.code !== 'process_invalid' || !Array.isArray(error.details))
    return null;
  return error.details.map(
    (detail: { path?: unknown; message?: unknown; code?: unknown; params?: unknown }) => ({
      elementId: typeof detail.path === 'string' && detail.path !== 'process' ? detail.path : '',
      message: typeof detail.message === 'string' ? detail.message : '',
      code: typeof detail.code === 'string' ? detail.code : '',
      params: stringParams(detail.params),
    }),
  );
}

function stringParams(params: unknown): Record<string, string> {
  if (!params || typeof params !== 'object') return {};
  return Object.fromEntries(
    Object.entries(params).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}

const isKnownCode = (code: string): code is CompileProblemCode =>
  (compileProblemCodes as readonly string[]).includes(code);

/**
 * The problem in the user's language, worded from its code and params; the server's sentence for a
 * code this build does not know.
 */
export function problemText(t: TFunction, problem: PublishProblem): string {
  if (!isKnownCode(problem.code)) return problem.message;
  const params = { ...problem.params };
  if (problem.code === 'feel_syntax' && params.subject) {
    params.subject = t(`processesMore.feelSubjects.${params.subject as FeelSubject}`, {
      ...problem.params,
      defaultValue: params.subject,
    });
  }
  return t(`processesMore.problems.${problem.code}`, { ...params, defaultValue: problem.message });
}
