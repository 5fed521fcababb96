import { ApiToken, CreateApiTokenBody, CreatedApiToken, IdParams, Ok } from '@voronka/domain';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema';
import { actorOf } from '../../http/authenticate';
import { type App, errorResponses } from '../../http/route-types';
import { createApiToken, findApiTokens, revokeApiToken } from './api-tokens.service';

export function registerApiTokenRoutes(app: App, db: Kysely<DB>): void {
  app.get('/api/api-tokens', {
    schema: {
      tags: ['integrations'],
      summary: 'API tokens (admins see all, others their own)',
      response: { 200: z.object({ items: z.array(ApiToken) }), ...errorResponses },
    },
    handler: async (request) => ({ items: await findApiTokens(db, actorOf(request)) }),
  });

  app.post('/api/api-tokens', {
    schema: {
      tags: ['integrations'],
      summary: 'Create a token for Authorization: Bearer; the secret is returned once',
      body: CreateApiTokenBody,
      response: { 200: CreatedApiToken, ...errorResponses },
    },
    handler: async (request) => createApiToken(db, actorOf(request), request.body),
  });

  app.delete('/api/api-tokens/:id', {
    schema: {
      tags: ['integrations'],
      summary: 'Revoke a token',
      params: IdParams,
      response: { 200: Ok, ...errorResponses },
    },
    handler: async (request) => {
      await revokeApiToken(db, actorOf(request), request.params.id);
      return { ok: true as const };
    },
  });
}
