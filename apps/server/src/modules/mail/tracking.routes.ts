import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { App } from '../../http/route-types';
import { markOpened } from './tracked-mail';

// A transparent 1×1 GIF: what a mail program shows where the pixel is.
const pixel = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
const keyPattern = /^([\w-]{32})\.gif$/;

/** The open-tracking pixel of e-mails sent about records: every answer is the same image. */
export function registerTrackingRoutes(app: App, db: Kysely<DB>): void {
  app.get('/t/:file', { schema: { hide: true } }, async (request, reply) => {
    const key = keyPattern.exec((request.params as { file: string }).file)?.[1];
    if (key) await markOpened(db, key);
    // Never cached, so a second opening (another device) is seen too.
    reply.header('cache-control', 'no-store, max-age=0');
    return reply.type('image/gif').send(pixel);
  });
}
