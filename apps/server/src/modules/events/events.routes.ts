import { actorOf } from '../../http/authenticate';
import type { App } from '../../http/route-types';
import type { LiveHub } from './event-bus';

const heartbeatMs = 25_000;

/** Server-sent events: one long response per browser tab, fed by the hub of this process. */
export function registerEventRoutes(app: App, hub: LiveHub): void {
  const openStreams = new Set<() => void>();
  // Open streams would hold a graceful shutdown forever; end them when the server closes.
  app.addHook('onClose', async () => {
    for (const end of openStreams) end();
  });

  app.get('/api/events', {
    schema: {
      tags: ['live'],
      summary: 'Server-sent events: record changes and notifications for the caller',
    },
    handler: async (request, reply) => {
      const actor = actorOf(request);
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      raw.write('retry: 3000\n: connected\n\n');
      const unsubscribe = hub.subscribe({
        userId: actor.userId,
        workspaceId: actor.workspaceId,
        visibility: actor.visibility,
        send: (event) => raw.write(`data: ${JSON.stringify(event)}\n\n`),
      });
      const heartbeat = setInterval(() => raw.write(': ping\n\n'), heartbeatMs);
      const end = () => {
        clearInterval(heartbeat);
        unsubscribe();
        openStreams.delete(end);
        raw.end();
      };
      openStreams.add(end);
      request.raw.on('close', end);
    },
  });
}
