/**
 * The OpenAPI document is valid OpenAPI 3.1, complete (every route has its success answer and its
 * refusals as problem+json, every reference resolves, domain lists are enums, not strings), and
 * the committed copy (apps/server/openapi.json, from which the web client is generated) is the
 * document the code describes today.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Validator } from '@seriousme/openapi-schema-validator';
import { errorCodes } from '@motcua/domain';
import { buildOpenApiDocument, openApiText } from '../../src/openapi-document.ts';

type Json = Record<string, any>;
const methods = ['get', 'put', 'post', 'delete', 'patch'] as const;
const committed = path.resolve(import.meta.dirname, '../../openapi.json');

/** Every (path, method, operation) of the document. */
function operations(doc: Json): Array<{ where: string; op: Json }> {
  return Object.entries(doc.paths as Json).flatMap(([p, item]) =>
    methods.filter((m) => item[m]).map((m) => ({ where: `${m.toUpperCase()} ${p}`, op: item[m] as Json })));
}

/** Every object in a JSON value, with its path. */
function* walk(value: unknown, at = '#'): Generator<{ at: string; node: Json }> {
  if (Array.isArray(value)) for (let i = 0; i < value.length; i++) yield* walk(value[i], `${at}/${i}`);
  else if (value !== null && typeof value === 'object') {
    yield { at, node: value as Json };
    for (const [k, v] of Object.entries(value)) yield* walk(v, `${at}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`);
  }
}

function resolvePointer(doc: Json, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  return ref.slice(2).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Json)[key] : undefined), doc);
}

/** Properties that hold one of the domain's closed lists wherever they appear. */
const closedProperties = new Set([
  'status', 'fromStatus', 'toStatus', 'action', 'channel', 'resultDelivery', 'resultClass', 'role', 'stepRole', 'actorRole', 'purpose', 'form', 'unit', 'kind',
]);
/** Where such a name holds something else: said why. */
const openOnPurpose: Record<string, string> = {
  'GET /api/v1/audit-events action': 'audit actions are dotted names of every module (dossier.receive, auth.sign_in), not a dossier action',
};

describe('the OpenAPI document', () => {
  let doc: Json;
  beforeAll(async () => {
    doc = await buildOpenApiDocument();
  }, 60_000);

  it('is the committed apps/server/openapi.json (run `npm run openapi -w @motcua/server` after changing a route)', () => {
    expect(fs.readFileSync(committed, 'utf8') === openApiText(doc), 'apps/server/openapi.json is stale').toBe(true);
  });

  it('is valid OpenAPI 3.1', async () => {
    const result = await new Validator().validate(structuredClone(doc));
    expect(result.errors ?? [], JSON.stringify(result.errors, null, 1)?.slice(0, 2000)).toEqual([]);
    expect(result.valid).toBe(true);
    expect(doc.openapi).toBe('3.1.0');
  });

  it('resolves every $ref', () => {
    const broken = [...walk(doc)].filter(({ node }) => typeof node.$ref === 'string' && resolvePointer(doc, node.$ref) === undefined)
      .map(({ at, node }) => `${at}: ${node.$ref}`);
    expect(broken).toEqual([]);
  });

  it('gives every operation a success answer, and JSON answers their schema', () => {
    const missing: string[] = [];
    for (const { where, op } of operations(doc)) {
      // A redirect is the success answer of the e-ID sign-in's routes (303 to the provider, to the portal).
      const success = Object.entries(op.responses as Json).filter(([s]) => /^2\d\d$/.test(s) || s === '303');
      if (success.length === 0) missing.push(`${where}: no 2xx`);
      for (const [status, response] of success) {
        if (status === '204' || status === '303') {
          if (response.content) missing.push(`${where}: 204 with a body`);
          continue;
        }
        const content = (response.content ?? {}) as Json;
        if (Object.keys(content).length === 0) missing.push(`${where}: ${status} without content`);
        const json = content['application/json'];
        if (json && (!json.schema || Object.keys(json.schema).length === 0)) missing.push(`${where}: ${status} JSON without a schema`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('documents the refusals of every operation as problem+json with the statuses its access and input imply', () => {
    const wrong: string[] = [];
    for (const { where, op } of operations(doc)) {
      const statuses = Object.keys(op.responses as Json);
      const takesInput = Boolean(op.parameters?.length || op.requestBody);
      const signedIn = Boolean(op.security?.some((s: Json) => 'session' in s));
      const expected = ['500', ...(takesInput ? ['400'] : []), ...(signedIn ? ['401'] : [])];
      for (const status of expected) if (!statuses.includes(status)) wrong.push(`${where}: no ${status}`);
      for (const status of statuses.filter((s) => Number(s) >= 400)) {
        const schema = op.responses[status].content?.['application/problem+json']?.schema;
        if (schema?.allOf?.[0]?.$ref !== '#/components/schemas/Problem') wrong.push(`${where}: ${status} is not a Problem`);
        const codes: string[] = schema?.allOf?.[1]?.properties?.code?.enum ?? [];
        if (codes.length === 0 || codes.some((c) => !(errorCodes as string[]).includes(c))) wrong.push(`${where}: ${status} codes ${codes}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(doc.components.schemas.Problem.properties.code.enum).toEqual(errorCodes);
    expect(doc.components.schemas.Problem.required).toEqual(expect.arrayContaining(['type', 'title', 'status', 'detail', 'code', 'messages', 'requestId']));
  });

  it('says 204 where a route answers no content, and 200 and 201 where it answers both', () => {
    const successes = (where: string) => {
      const [method, p] = where.split(' ') as [string, string];
      return Object.keys(doc.paths[p][method.toLowerCase()].responses).filter((s) => s.startsWith('2'));
    };
    expect(successes('POST /api/v1/auth/logout')).toEqual(['204']);
    expect(successes('PUT /api/v1/agencies/{id}/calendar')).toEqual(['204']);
    expect(successes('POST /api/v1/users/{id}/password')).toEqual(['204']);
    expect(successes('POST /api/v1/procedures')).toEqual(['200', '201']);
    expect(successes('POST /api/v1/dossiers')).toEqual(['201']);
  });

  it('names the domain’s lists as enums, never as plain strings', () => {
    const plain: string[] = [];
    for (const { where, op } of operations(doc)) {
      for (const { at, node } of walk(op)) {
        for (const [name, schema] of Object.entries((node.properties ?? {}) as Json)) {
          if (!closedProperties.has(name) || `${where} ${name}` in openOnPurpose) continue;
          const branches: Json[] = [schema, ...((schema.anyOf ?? []) as Json[])];
          const isText = branches.some((b) => b.type === 'string' || (Array.isArray(b.type) && b.type.includes('string')));
          const closed = branches.some((b) => Array.isArray(b.enum) || b.const !== undefined || typeof b.pattern === 'string');
          if (isText && !closed) plain.push(`${where} ${at} ${name}`);
        }
      }
      for (const parameter of (op.parameters ?? []) as Json[]) {
        if (closedProperties.has(parameter.name) && !(`${where} ${parameter.name}` in openOnPurpose)
          && parameter.schema?.type === 'string' && !parameter.schema.enum && !parameter.schema.pattern) plain.push(`${where} parameter ${parameter.name}`);
      }
    }
    expect(plain).toEqual([]);
    const detail = doc.paths['/api/v1/dossiers/{id}'].get.responses['200'].content['application/json'].schema;
    expect(detail.properties.status.enum).toContain('supplement_requested');
    expect(detail.properties.timeline.items.properties.action.enum).toContain('request_supplement');
  });
});
