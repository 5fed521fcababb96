import type { ErrorCode, FieldIssue } from '@voronka/domain';

/** A failed API call: the server's error code, its message and, for validation errors, the field issues. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | 'network';
  readonly details: unknown;

  constructor(status: number, code: ErrorCode | 'network', message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /** Field issues of a `validation_failed` error, keyed by field name without the `body.` prefix. */
  fieldErrors(): Record<string, string> {
    if (this.code !== 'validation_failed' || !Array.isArray(this.details)) return {};
    const errors: Record<string, string> = {};
    for (const issue of this.details as FieldIssue[]) {
      const field = issue.path.replace(/^body\./, '');
      errors[field] ??= issue.message;
    }
    return errors;
  }
}

type RequestOptions = {
  /** Set for calls where 401 is an answer, not a lost session (login, the session probe). */
  anonymous?: boolean;
};

let csrfToken: string | null = null;
let unauthenticatedHandler: () => void = () => {};

/** The token from the current session; every non-GET request sends it back in `X-CSRF-Token`. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when a request answers 401: the session ended on the server. */
export function onUnauthenticated(handler: () => void): void {
  unauthenticatedHandler = handler;
}

async function request<Result>(
  method: string,
  path: string,
  body?: unknown,
  options: RequestOptions = {},
): Promise<Result> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  // A file goes as its own bytes with its own type; everything else as JSON.
  const file = body instanceof Blob ? body : null;
  if (file) headers['Content-Type'] = file.type || 'application/octet-stream';
  else if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: file ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
  } catch (cause) {
    throw new ApiError(0, 'network', cause instanceof Error ? cause.message : String(cause));
  }

  const payload: unknown = response.status === 204 ? null : await response.json().catch(() => null);
  if (response.ok) return payload as Result;

  const error = (payload as { error?: { code?: ErrorCode; message?: string; details?: unknown } } | null)
    ?.error;
  if (response.status === 401 && !options.anonymous) unauthenticatedHandler();
  throw new ApiError(
    response.status,
    error?.code ?? 'internal',
    error?.message ?? response.statusText,
    error?.details,
  );
}

export const api = {
  get: <Result>(path: string, options?: RequestOptions) => request<Result>('GET', path, undefined, options),
  post: <Result>(path: string, body?: unknown, options?: RequestOptions) =>
    request<Result>('POST', path, body ?? {}, options),
  patch: <Result>(path: string, body: unknown) => request<Result>('PATCH', path, body),
  put: <Result>(path: string, body: unknown) => request<Result>('PUT', path, body),
  delete: <Result>(path: string) => request<Result>('DELETE', path),
  /** Uploads a file (or any blob) as the request body. */
  upload: <Result>(path: string, file: Blob) => request<Result>('POST', path, file),
};

/** List endpoints answer `{ items }`. */
export type ListResponse<Item> = { items: Item[] };
/** Cursor-paginated lists: `nextCursor` is null on the last page. */
export type PageResponse<Item> = { items: Item[]; nextCursor: string | null };
export type OkResponse = { ok: true };
