import { TelephonyCallBody, TelephonyCallResult } from '@voronka/domain';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { actorOf } from '../../http/authenticate';
import { type App, errorResponses } from '../../http/route-types';
import { reportCall } from './telephony.service';

export function registerTelephonyRoutes(app: App, db: Kysely<DB>): void {
  app.post('/api/telephony/calls', {
    schema: {
      tags: ['integrations'],
      summary:
        'A PBX reports a finished call: logged on the caller’s lead, deal or contact (an unknown number becomes a lead); a missed call leaves a call-back task and fires the call.missed trigger',
      body: TelephonyCallBody,
      response: { 200: TelephonyCallResult, ...errorResponses },
    },
    handler: async (request) => reportCall(db, actorOf(request), request.body),
  });
}
