/**
 * The app tolerates a trailing slash (`/api/v1/dossiers/` is `/api/v1/dossiers`), except where a
 * parameter could follow it: `/api/v1/public/procedures/` asks for the procedure of an empty code,
 * which does not exist (404), not for the list of procedures.
 */
import type { FastifyInstance } from 'fastify';
import { AppError } from '@motcua/domain';
import { collectionRoutes } from './openapi.ts';

export function refuseEmptyParameters(app: FastifyInstance): void {
  let collections: Set<string> | undefined;
  app.addHook('onRequest', async (request) => {
    const path = request.url.split('?', 1)[0]!;
    if (path.length <= 1 || !path.endsWith('/') || !request.routeOptions.url) return;
    collections ??= collectionRoutes(app.apiRoutes);
    const method = request.method === 'HEAD' ? 'GET' : request.method;
    if (collections.has(`${method} ${request.routeOptions.url}`)) throw new AppError('request.not_found');
  });
}
