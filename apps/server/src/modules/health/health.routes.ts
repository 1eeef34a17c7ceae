import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Deps } from '../../deps.ts';

/** 200 when the server and its database answer; 503 otherwise. */
export function registerHealthRoutes(app: FastifyInstance, deps: Deps & { ready: () => boolean }): void {
  app.get('/healthz', { config: { rateLimit: false }, schema: { hide: true } }, async (_request, reply) => {
    if (!deps.ready()) return reply.status(503).send({ status: 'starting' });
    try {
      await sql`SELECT 1`.execute(deps.db);
      return { status: 'ok' };
    } catch {
      return reply.status(503).send({ status: 'database_unavailable' });
    }
  });
}
