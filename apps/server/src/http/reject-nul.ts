import type { FastifyInstance } from 'fastify';
import { invalid } from './errors';

/** The path of the first string holding a NUL character, or null. */
export function findNul(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  // An uploaded file's bytes are stored as bytes, NULs and all.
  if (Buffer.isBuffer(value)) return null;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = findNul(item, `${path}.${i}`);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = findNul(key, `${path}.${key}`) ?? findNul(item, `${path}.${key}`);
      if (found) return found;
    }
  }
  return null;
}

/** PostgreSQL cannot store the NUL character in text; refuse it up front, naming the field. */
export function registerNulGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const found = findNul(request.body, 'body') ?? findNul(request.query, 'querystring');
    if (found) throw invalid(found, 'must not contain the NUL character');
  });
}
