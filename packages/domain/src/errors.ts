import { z } from 'zod';

/** Stable error codes; the HTTP status is derived from the code in one place on the server. */
export const errorCodes = [
  'validation_failed',
  'bad_request',
  'unauthenticated',
  'session_expired',
  'csrf_failed',
  'forbidden',
  'not_found',
  'conflict',
  'stage_gate',
  'process_invalid',
  'payload_too_large',
  'rate_limited',
  'internal',
] as const;
export const ErrorCode = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const FieldIssue = z.object({ path: z.string(), message: z.string() });
export type FieldIssue = z.infer<typeof FieldIssue>;

export const ErrorBody = z
  .object({
    error: z.object({
      code: ErrorCode,
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: 'Error' });
export type ErrorBody = z.infer<typeof ErrorBody>;
