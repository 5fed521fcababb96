import type { FastifyReply, FastifyRequest } from 'fastify';
import { LogController } from 'fastify';

const infoLevels = new Set(['trace', 'debug', 'info']);

/**
 * One `info` line per answered request, in place of Fastify's two (one on arrival, one on answer),
 * holding what an access log needs: who asked what, the answer's status and how long it took. Each
 * line costs the server CPU: with Fastify's pair, the cheapest request (a deal by id) used 0.34 ms of
 * CPU at `info` against 0.24 ms at `warn` (`npm run bench:floor`, 2026-12-03).
 */
export class AccessLog extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply) {
    // At `warn` and above there is no line to write, so nothing is gathered for one.
    if (!error && !infoLevels.has(reply.log.level)) return;
    const line = {
      method: request.method,
      url: request.url,
      ip: request.ip,
      statusCode: reply.statusCode,
      responseTime: reply.elapsedTime,
    };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else reply.log.info(line, 'request completed');
  }
}
