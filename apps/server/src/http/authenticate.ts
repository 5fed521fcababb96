import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { Actor } from '../modules/access/actor';
import { apiTokenPrefix, findTokenActor } from '../modules/api-tokens/api-tokens.service';
import { hashToken } from '../modules/auth/secrets';
import { findSessionActor, touchSession } from '../modules/auth/sessions.queries';
import { knownActors } from './actor-cache';
import { AppError } from './errors';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    /** Routes reachable without a session or token: login, health, docs. */
    public?: boolean;
  }
}

export const sessionCookie = 'voronka_session';
const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// Sliding expiry is written at most this often, so reads do not turn into writes on every request.
const touchIntervalMs = 5 * 60 * 1000;

export interface AuthenticateOptions {
  db: Kysely<DB>;
  sessionTtlHours: number;
}

/** Resolves the actor for every /api request and refuses the ones that need one and have none. */
export function registerAuthentication(app: FastifyInstance, options: AuthenticateOptions): void {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const isPublic = request.routeOptions.config?.public === true || request.url.startsWith('/api/docs');
    const bearer = readBearer(request);
    if (bearer) {
      request.actor = await tokenActor(options.db, bearer, request.method);
      return;
    }
    const cookie = request.cookies[sessionCookie];
    if (!cookie) {
      if (!isPublic) throw new AppError('unauthenticated', 'Sign in first');
      return;
    }
    const actor = await sessionActor(options, cookie);
    if (!actor) {
      if (!isPublic) throw new AppError('session_expired', 'Your session has expired; sign in again');
      return;
    }
    // Cookies ride along on cross-site requests; a token only our page can read proves the request is ours.
    if (unsafeMethods.has(request.method) && !isPublic) {
      const header = request.headers['x-csrf-token'];
      if (header !== actor.csrfToken)
        throw new AppError('csrf_failed', 'Missing or wrong X-CSRF-Token header');
    }
    request.actor = actor.actor;
  });
}

function readBearer(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const [scheme, value] = header.split(' ');
  if (scheme?.toLowerCase() !== 'bearer' || !value)
    throw new AppError('unauthenticated', 'Authorization must be "Bearer <token>"');
  return value;
}

async function tokenActor(db: Kysely<DB>, token: string, method: string): Promise<Actor> {
  const hash = hashToken(token);
  const row = token.startsWith(apiTokenPrefix)
    ? await knownActors.tokens.lookup(hash, () => findTokenActor(db, hash))
    : undefined;
  if (!row?.active || (row.expiresAt && row.expiresAt < new Date())) {
    throw new AppError('unauthenticated', 'The API token is unknown, revoked or expired');
  }
  const needed = unsafeMethods.has(method) ? 'write' : 'read';
  if (!row.scopes.includes(needed) && !row.scopes.includes('admin')) {
    throw new AppError('forbidden', `The API token lacks the "${needed}" scope`);
  }
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > touchIntervalMs) {
    const now = new Date();
    await db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', row.tokenId).execute();
    knownActors.tokens.patch(hash, { lastUsedAt: now });
  }
  return {
    userId: row.userId,
    workspaceId: row.workspaceId,
    name: row.name,
    role: row.role,
    function: row.function,
    departmentId: row.departmentId,
    visibility: row.visibility,
    via: 'token',
    sessionId: null,
    // A token with the admin scope may also read and write; "admin" alone still needs an admin user.
    scopes: row.scopes.includes('admin') ? ['read', 'write', 'admin'] : row.scopes,
  };
}

async function sessionActor(
  options: AuthenticateOptions,
  cookie: string,
): Promise<{ actor: Actor; csrfToken: string } | null> {
  // A session's id is the hash of its cookie.
  const sessionId = hashToken(cookie);
  const row = await knownActors.sessions.lookup(sessionId, () => findSessionActor(options.db, sessionId));
  const now = Date.now();
  if (!row?.active || row.expiresAt.getTime() <= now) return null;
  if (now - row.lastSeenAt.getTime() > touchIntervalMs) {
    const expiresAt = new Date(now + options.sessionTtlHours * 3600 * 1000);
    await touchSession(options.db, row.sessionId, expiresAt);
    knownActors.sessions.patch(row.sessionId, { lastSeenAt: new Date(now), expiresAt });
  }
  return {
    csrfToken: row.csrfToken,
    actor: {
      userId: row.userId,
      workspaceId: row.workspaceId,
      name: row.name,
      role: row.role,
      function: row.function,
      departmentId: row.departmentId,
      visibility: row.visibility,
      via: 'session',
      sessionId: row.sessionId,
      scopes: ['read', 'write', 'admin'],
    },
  };
}

/** For handlers behind the hook: the actor is always there; this narrows the type. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('unauthenticated', 'Sign in first');
  return request.actor;
}
