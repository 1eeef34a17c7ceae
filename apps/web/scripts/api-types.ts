/**
 * `npm run api-types -w @motcua/web`: writes the web app's API types (apps/web/src/shared/openapi.ts)
 * from the server's OpenAPI document (apps/server/openapi.json, written by
 * `npm run openapi -w @motcua/server`). Run both after changing a route's schema; commit both.
 * A unit test (apps/web/test/unit/api-types.test.ts) fails when the committed file is stale.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import openapiTS, { astToString, COMMENT_HEADER, type OpenAPI3 } from 'openapi-typescript';

const here = path.dirname(fileURLToPath(import.meta.url));
export const openApiDocumentPath = path.resolve(here, '../../server/openapi.json');
export const apiTypesPath = path.resolve(here, '../src/shared/openapi.ts');

const header = `${COMMENT_HEADER.trimEnd()}
/* Generated from apps/server/openapi.json by \`npm run api-types -w @motcua/web\`. */

`;

/** The text of apps/web/src/shared/openapi.ts for an OpenAPI document (by default the committed one). */
export async function apiTypesText(documentText = fs.readFileSync(openApiDocumentPath, 'utf8')): Promise<string> {
  const document = JSON.parse(documentText) as OpenAPI3;
  const ast = await openapiTS(document, { silent: true, alphabetize: false });
  return header + astToString(ast);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const text = await apiTypesText();
  fs.writeFileSync(apiTypesPath, text);
  console.log(`${path.relative(process.cwd(), apiTypesPath)}: ${text.split('\n').length} lines`);
}
