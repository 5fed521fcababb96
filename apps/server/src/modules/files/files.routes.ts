import { IdParams, maxFileBytes, StoredFile, UploadFileQuery } from '@voronka/domain';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema';
import { actorOf } from '../../http/authenticate';
import { invalid } from '../../http/errors';
import { type App, errorResponses } from '../../http/route-types';
import { readFile, saveFile } from './files.service';

/** `attachment; filename="…"; filename*=UTF-8''…`: an ASCII fallback and the real (Cyrillic) name. */
function disposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export async function registerFileRoutes(app: App, db: Kysely<DB>): Promise<void> {
  // Uploads carry the file itself as the body, whatever its type: in this scope every body is bytes.
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: maxFileBytes }, (_request, body, done) =>
      done(null, body),
    );
    scope.withTypeProvider<ZodTypeProvider>().post('/api/files', {
      schema: {
        tags: ['files'],
        summary: `Uploads a file (the request body is the file's bytes, its Content-Type the file's type; at most ${maxFileBytes / 1024 / 1024} MB)`,
        querystring: UploadFileQuery,
        response: { 201: StoredFile, ...errorResponses },
      },
      handler: async (request, reply) => {
        if (!Buffer.isBuffer(request.body)) throw invalid('body', 'Send the file as the request body');
        const contentType = (request.headers['content-type'] ?? '').split(';')[0]!.trim();
        const file = await saveFile(db, actorOf(request), {
          name: request.query.name,
          contentType: contentType || 'application/octet-stream',
          data: request.body,
        });
        return reply.status(201).send(file);
      },
    });
  });

  app.get('/api/files/:id', {
    schema: {
      tags: ['files'],
      summary: 'Downloads a file of the workspace (always as an attachment)',
      params: IdParams,
      response: { 200: z.unknown().meta({ description: 'The file' }), ...errorResponses },
    },
    handler: async (request, reply) => {
      const { file, data } = await readFile(db, actorOf(request), request.params.id);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', disposition(file.name))
        .header('cache-control', 'private, max-age=3600')
        .send(data);
    },
  });
}
