import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api, onUnauthenticated, setCsrfToken } from './client';

function answer(status: number, body: unknown) {
  return vi.fn(async (_url: string, _init?: RequestInit) => new Response(JSON.stringify(body), { status }));
}

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
  onUnauthenticated(() => {});
});

describe('api client', () => {
  it('sends the CSRF token on changes but not on reads, with the session cookie', async () => {
    const fetch = answer(200, { ok: true });
    vi.stubGlobal('fetch', fetch);
    setCsrfToken('token-1');
    await api.get('/leads');
    await api.patch('/leads/1', { title: 'x' });
    const [readUrl, read] = fetch.mock.calls[0] ?? [];
    const [, change] = fetch.mock.calls[1] ?? [];
    expect(readUrl).toBe('/api/leads');
    expect(read?.credentials).toBe('same-origin');
    expect(new Headers(read?.headers).has('X-CSRF-Token')).toBe(false);
    expect(new Headers(change?.headers).get('X-CSRF-Token')).toBe('token-1');
    expect(change?.body).toBe('{"title":"x"}');
  });

  it('turns an error body into an ApiError with field errors keyed without "body."', async () => {
    vi.stubGlobal(
      'fetch',
      answer(400, {
        error: {
          code: 'validation_failed',
          message: 'Invalid request',
          details: [{ path: 'body.email', message: 'Invalid email' }],
        },
      }),
    );
    const error = await api.post('/invitations', {}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('validation_failed');
    expect((error as ApiError).fieldErrors()).toEqual({ email: 'Invalid email' });
  });

  it('reports a lost session on 401, except for calls where 401 is the answer', async () => {
    vi.stubGlobal('fetch', answer(401, { error: { code: 'unauthenticated', message: 'Sign in' } }));
    const lost = vi.fn();
    onUnauthenticated(lost);
    await api.post('/auth/login', {}, { anonymous: true }).catch(() => {});
    expect(lost).not.toHaveBeenCalled();
    await api.get('/leads').catch(() => {});
    expect(lost).toHaveBeenCalledOnce();
  });
});
