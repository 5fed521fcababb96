import {
  AcceptInvitationBody,
  ChangePasswordBody,
  ErrorBody,
  LoginBody,
  Ok,
  Session,
  UpdateProfileBody,
  User,
} from '@voronka/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { actorOf, sessionCookie } from '../../http/authenticate';
import { type App, errorResponses } from '../../http/route-types';
import { changeProfile } from '../users/users.service';
import {
  acceptInvitation,
  changePassword,
  describeSession,
  login,
  logout,
  type StartedSession,
} from './auth.service';

export interface AuthRoutesDeps {
  db: Kysely<DB>;
  sessionTtlHours: number;
  secureCookies: boolean;
}

export function registerAuthRoutes(app: App, deps: AuthRoutesDeps): void {
  const setCookie = (reply: FastifyReply, started: StartedSession) =>
    reply.setCookie(sessionCookie, started.cookieToken, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: deps.secureCookies,
      expires: started.expiresAt,
    });
  const client = (request: FastifyRequest) => ({
    ip: request.ip,
    userAgent: request.headers['user-agent'] ?? null,
  });

  app.post('/api/auth/login', {
    config: { public: true },
    schema: {
      tags: ['auth'],
      summary: 'Sign in with email and password',
      body: LoginBody,
      response: { 200: Session, ...errorResponses, 429: ErrorBody },
    },
    handler: async (request, reply) => {
      const started = await login(deps, request.body.email, request.body.password, client(request));
      setCookie(reply, started);
      return started.session;
    },
  });

  app.post('/api/auth/accept-invitation', {
    config: { public: true },
    schema: {
      tags: ['auth'],
      summary: 'Accept an invitation and sign in',
      body: AcceptInvitationBody,
      response: { 200: Session, ...errorResponses },
    },
    handler: async (request, reply) => {
      const started = await acceptInvitation(deps, request.body, client(request));
      setCookie(reply, started);
      return started.session;
    },
  });

  app.get('/api/auth/session', {
    schema: {
      tags: ['auth'],
      summary: 'The signed-in user, workspace and CSRF token',
      response: { 200: Session, ...errorResponses },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      const row = actor.sessionId
        ? await deps.db
            .selectFrom('sessions')
            .select('csrf_token')
            .where('id', '=', actor.sessionId)
            .executeTakeFirst()
        : undefined;
      return describeSession(deps.db, actor.workspaceId, actor.userId, row?.csrf_token ?? '');
    },
  });

  app.post('/api/auth/logout', {
    schema: { tags: ['auth'], summary: 'Sign out this session', response: { 200: Ok, ...errorResponses } },
    handler: async (request, reply) => {
      await logout(deps.db, actorOf(request));
      reply.clearCookie(sessionCookie, { path: '/' });
      return { ok: true as const };
    },
  });

  app.post('/api/auth/password', {
    schema: {
      tags: ['auth'],
      summary: 'Change own password; other sessions are signed out',
      body: ChangePasswordBody,
      response: { 200: Ok, ...errorResponses },
    },
    handler: async (request) => {
      await changePassword(deps.db, actorOf(request), request.body.currentPassword, request.body.newPassword);
      return { ok: true as const };
    },
  });

  app.patch('/api/auth/profile', {
    schema: {
      tags: ['auth'],
      summary: 'Change own name or language',
      body: UpdateProfileBody,
      response: { 200: User, ...errorResponses },
    },
    handler: async (request) => changeProfile(deps.db, actorOf(request), request.body),
  });
}
