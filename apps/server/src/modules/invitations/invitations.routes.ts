import { CreatedInvitation, CreateInvitationBody, IdParams, Invitation, Ok } from '@voronka/domain';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema';
import { actorOf } from '../../http/authenticate';
import { type App, errorResponses } from '../../http/route-types';
import { createInvitation, findInvitations, revokeInvitation } from './invitations.service';

export function registerInvitationRoutes(app: App, db: Kysely<DB>): void {
  app.get('/api/invitations', {
    schema: {
      tags: ['organisation'],
      summary: 'Invitations sent (admins)',
      response: { 200: z.object({ items: z.array(Invitation) }), ...errorResponses },
    },
    handler: async (request) => ({ items: await findInvitations(db, actorOf(request)) }),
  });

  app.post('/api/invitations', {
    schema: {
      tags: ['organisation'],
      summary: 'Invite a person; the link is returned once (admins)',
      body: CreateInvitationBody,
      response: { 200: CreatedInvitation, ...errorResponses },
    },
    handler: async (request) => createInvitation(db, actorOf(request), request.body),
  });

  app.delete('/api/invitations/:id', {
    schema: {
      tags: ['organisation'],
      summary: 'Revoke an invitation (admins)',
      params: IdParams,
      response: { 200: Ok, ...errorResponses },
    },
    handler: async (request) => {
      await revokeInvitation(db, actorOf(request), request.params.id);
      return { ok: true as const };
    },
  });
}
