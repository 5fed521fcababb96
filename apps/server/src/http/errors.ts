import type { ErrorBody, ErrorCode, FieldIssue } from '@voronka/domain';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';

/** The one error every layer throws; the handler below turns it into `{ error: { code, message, details } }`. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

const statusByCode: Record<ErrorCode, number> = {
  validation_failed: 400,
  bad_request: 400,
  unauthenticated: 401,
  session_expired: 401,
  csrf_failed: 403,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  stage_gate: 422,
  process_invalid: 422,
  payload_too_large: 413,
  rate_limited: 429,
  internal: 500,
};

export function invalid(path: string, message: string): AppError {
  return new AppError('validation_failed', `${path}: ${message}`, [{ path, message }] satisfies FieldIssue[]);
}
export function notFound(what: string): AppError {
  return new AppError('not_found', `${what} not found`);
}
export function forbidden(message = 'You do not have permission to do this'): AppError {
  return new AppError('forbidden', message);
}

interface PgError {
  code?: string;
  constraint?: string;
  detail?: string;
}

function toAppError(error: FastifyError & PgError): AppError {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues: FieldIssue[] = error.validation.flatMap((issue) => {
      const tail = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
      const path = [error.validationContext, tail].filter(Boolean).join('.');
      // Zod reports unknown fields on their parent; name each field instead.
      const keys = (issue.params as { keys?: unknown }).keys;
      if (issue.keyword === 'unrecognized_keys' && Array.isArray(keys)) {
        return keys.map((key) => ({ path: `${path}.${String(key)}`, message: 'is not a known field' }));
      }
      return [{ path, message: issue.message ?? 'is invalid' }];
    });
    const first = issues[0];
    const summary = first ? `${first.path}: ${first.message}` : 'Request is invalid';
    return new AppError('validation_failed', summary, issues);
  }
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return new AppError('payload_too_large', error.message);
  if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
    return new AppError('bad_request', 'Request body is not valid JSON');
  }
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return new AppError('bad_request', error.message);
  // Constraint violations that a service did not catch first: still the client's fault, never a 500.
  if (error.code === '23505')
    return new AppError('conflict', 'A record with these values already exists', {
      constraint: error.constraint,
    });
  if (error.code === '23503')
    return new AppError('conflict', 'A referenced record does not exist', { constraint: error.constraint });
  if (error.code === '22P02') return new AppError('bad_request', 'A value has the wrong format');
  if (error.code === '22021' || error.code === '22P05')
    return new AppError('bad_request', 'Text contains a character that cannot be stored');
  if (error.statusCode === 429) return new AppError('rate_limited', error.message);
  if (error.statusCode === 413) return new AppError('payload_too_large', error.message);
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return new AppError('bad_request', error.message);
  }
  return new AppError('internal', 'Internal server error');
}

export function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const appError = toAppError(error);
  const status = statusByCode[appError.code];
  if (status >= 500 || isResponseSerializationError(error))
    request.log.error({ err: error }, 'request failed');
  const body: ErrorBody = {
    error: { code: appError.code, message: appError.message, details: appError.details },
  };
  void reply.status(status).send(body);
}
