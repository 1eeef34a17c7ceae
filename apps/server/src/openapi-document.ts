/**
 * The OpenAPI document without a database or a listening server: the app is built with a
 * database driver that never connects (routes and schemas need none to be described), then asked
 * for its document. `npm run openapi -w @motcua/server` writes it to `apps/server/openapi.json`,
 * from which the web app's client types are generated; a test fails when that file is stale.
 */
import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely';
import { loadConfig } from './config.ts';
import type { Database } from './db/schema.ts';
import { buildDeps } from './deps.ts';
import { buildApp } from './http/app.ts';

export async function buildOpenApiDocument(): Promise<Record<string, unknown>> {
  const db = new Kysely<Database>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (k) => new PostgresIntrospector(k),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });
  // A fixed configuration: the document must not depend on the machine that writes it.
  const config = loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent', PUBLIC_BASE_URL: 'https://motcua.example', DATA_DIR: '/nonexistent' });
  const app = await buildApp(buildDeps(config, db), { logger: false });
  try {
    await app.ready();
    return app.swagger() as unknown as Record<string, unknown>;
  } finally {
    await app.close();
    await db.destroy();
  }
}

/** The document as committed: two-space JSON and a final newline. */
export const openApiText = (document: unknown): string => `${JSON.stringify(document, null, 2)}\n`;
