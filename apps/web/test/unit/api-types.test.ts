/**
 * The web app's API types (apps/web/src/shared/openapi.ts) are generated from the server's
 * OpenAPI document (apps/server/openapi.json, itself checked against the routes by
 * apps/server/test/unit/openapi.test.ts): regenerated here in memory, they must equal the
 * committed file, so a web build never compiles against shapes the server no longer has.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apiTypesPath, apiTypesText } from '../../scripts/api-types.ts';

describe('the generated API types', () => {
  it('are those of the committed OpenAPI document (run `npm run api-types -w @motcua/web` after `npm run openapi -w @motcua/server`)', async () => {
    const expected = await apiTypesText();
    expect(fs.readFileSync(apiTypesPath, 'utf8') === expected, 'apps/web/src/shared/openapi.ts is stale').toBe(true);
  }, 60_000);

  it('change when the document changes', async () => {
    const document = JSON.parse(fs.readFileSync(new URL('../../../server/openapi.json', import.meta.url), 'utf8'));
    const detail = document.paths['/api/v1/dossiers/{id}'].get.responses['200'].content['application/json'].schema;
    detail.properties.status.enum.push('lost_in_the_post');
    const changed = await apiTypesText(JSON.stringify(document));
    expect(changed).toContain('"lost_in_the_post"');
    expect(changed).not.toBe(fs.readFileSync(apiTypesPath, 'utf8'));
  }, 60_000);
});
