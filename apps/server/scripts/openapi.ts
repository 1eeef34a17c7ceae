/**
 * `npm run openapi -w @motcua/server`: writes the OpenAPI document to apps/server/openapi.json
 * (no database, no server). Run it after changing a route's schema; commit the file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildOpenApiDocument, openApiText } from '../src/openapi-document.ts';

const target = path.resolve(import.meta.dirname, '../openapi.json');
const document = await buildOpenApiDocument();
fs.writeFileSync(target, openApiText(document));
const paths = Object.keys((document.paths ?? {}) as object).length;
console.log(`${path.relative(process.cwd(), target)}: ${paths} paths`);
