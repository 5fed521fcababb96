import Fastify from 'fastify';
import pg from 'pg';

/**
 * The least a Node server can do to answer a deal by id: Fastify, a pg pool of ten, one named
 * statement sent with pg's callback, the row as JSON. No authentication, validation or mapping.
 * `run.ts` measures Voronka's own route against it, to show what the product adds on top.
 */
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const app = Fastify({ logger: false });
app.get('/deals/:workspaceId/:id', (request, reply) => {
  const { workspaceId, id } = request.params as { workspaceId: string; id: string };
  pool.query(
    {
      name: 'deal',
      text: 'select * from deals where workspace_id = $1 and id = $2 and deleted_at is null',
      values: [workspaceId, id],
    },
    (error: Error | null, result: pg.QueryResult) => {
      if (error) return void reply.send(error);
      reply.header('content-type', 'application/json').send(JSON.stringify(result.rows[0]));
    },
  );
});
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.send?.('ready');
