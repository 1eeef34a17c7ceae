/**
 * The React app (apps/web/dist): its files, and index.html for any other non-API GET (the
 * client-side routes). What the browser may keep:
 * - `assets/` holds only Vite's output, every name carrying a hash of its content: a year,
 *   `immutable` (a new build has new names, so nothing stale is ever served from the cache);
 * - index.html, whatever route it answers: `no-cache`, revalidated on each visit (ETag), so a new
 *   build is picked up at once;
 * - anything else (the icon): five minutes.
 * A file is sent brotli- or gzip-compressed when the build wrote a `.br` or `.gz` copy beside it
 * (apps/web/scripts/precompress.ts) and the request's Accept-Encoding takes it, always with
 * `Vary: Accept-Encoding`; nothing is compressed per request.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { AppError } from '@motcua/domain';

export const immutableCache = 'public, max-age=31536000, immutable';
export const revalidate = 'no-cache';
const shortCache = 'public, max-age=300';

export function cacheControlOf(relativePath: string): string {
  if (relativePath.startsWith('assets' + path.sep)) return immutableCache;
  return relativePath === 'index.html' ? revalidate : shortCache;
}

export function registerWebApp(app: FastifyInstance, webDistDir: string | undefined): void {
  if (!webDistDir || !fs.existsSync(path.join(webDistDir, 'index.html'))) return;
  // cacheControl: false, or @fastify/send would replace the header set below with `max-age=0`.
  void app.register(fastifyStatic, { root: webDistDir, serve: false, preCompressed: true, cacheControl: false });
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    const url = request.url.split('?')[0] ?? '/';
    if (url.startsWith('/api/') || url === '/healthz') throw new AppError('request.not_found');
    const file = path.join(webDistDir, path.normalize(decodeURIComponent(url)).replace(/^(\.\.[/\\])+/, ''));
    if (file.startsWith(webDistDir) && file !== webDistDir && fs.existsSync(file) && fs.statSync(file).isFile()) {
      const rel = path.relative(webDistDir, file);
      return reply.header('cache-control', cacheControlOf(rel)).sendFile(rel);
    }
    // A missing script or style of a previous build is a 404, never the app's page.
    if (url.startsWith('/assets/')) throw new AppError('request.not_found');
    return reply.header('cache-control', revalidate).sendFile('index.html');
  });
}
