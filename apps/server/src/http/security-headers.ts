import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * Helmet's security headers, computed once at start and set on every answer. The Fastify wrapper
 * built a new Helmet middleware (parsing the CSP directives again) on every request; with static
 * options the headers never change, so doing it once saves that work on each call.
 */
export function registerSecurityHeaders(app: FastifyInstance, options: HelmetOptions): void {
  const headers = helmetHeaders(options);
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
}

/** Runs Helmet against a response that only records what is set on it. */
function helmetHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader(name: string, value: string | number | string[]) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  const middleware = helmet(options) as unknown as (
    request: object,
    response: object,
    next: (error?: unknown) => void,
  ) => void;
  middleware({}, response, (error) => {
    if (error) throw error;
  });
  return headers;
}
