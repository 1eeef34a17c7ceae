/**
 * Every place a route reads text from, found by walking its schemas: each property of its params
 * and querystring (text on the wire, whatever they are parsed into), and each string of its body
 * and headers, nested objects, array items, record keys and values and the unknown keys of open
 * objects included. For each, a request that carries a given value there and nothing else.
 */
import { z } from 'zod';
import type { DeclaredRoute } from '../../src/http/access.ts';

export type InputLocation = 'params' | 'querystring' | 'body' | 'headers';

export interface InputProbe {
  location: InputLocation;
  /** The issue path a refusal must name, e.g. `body.applicant.name`. */
  issuePath(value: string): string;
  /** The request that carries `value` (already URL-encoded for params and querystring) at this place. */
  request(value: string): { url: string; body?: unknown; headers?: Record<string, string> };
  /** A readable name of the place, for test titles. */
  name: string;
}

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  additionalProperties?: JsonSchema | boolean;
  propertyNames?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  minItems?: number;
};

const sampleUuid = '00000000-0000-4000-8000-000000000000';
/** A key for the unknown properties of an open object. */
const unknownKey = 'unknownProperty';

function jsonSchemaOf(schema: unknown): JsonSchema | undefined {
  if (!schema) return undefined;
  return z.toJSONSchema(schema as z.ZodType, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

const typesOf = (s: JsonSchema): string[] => (s.type === undefined ? [] : ([] as string[]).concat(s.type));

/** Required properties with a fixed value (a union's discriminator): filled, so that the branch is chosen. */
function discriminators(s: JsonSchema): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of s.required ?? []) {
    const p = s.properties?.[key];
    if (p?.const !== undefined) out[key] = p.const;
    else if (p?.enum?.length) out[key] = p.enum[0];
  }
  return out;
}

interface Leaf {
  /** Path segments; `null` stands for the probed value itself (a record key). */
  path: Array<string | number | null>;
  build: (value: string) => unknown;
}

/** Every string a JSON value of this schema can hold, and how to build a value holding `value` there. */
function stringLeaves(s: JsonSchema | undefined, path: Leaf['path'], build: (value: unknown) => unknown, depth = 0): Leaf[] {
  if (!s || depth > 12) return [];
  const leaves: Leaf[] = [];
  for (const branch of [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])]) leaves.push(...stringLeaves(branch, path, build, depth + 1));
  const types = typesOf(s);
  if (types.includes('string')) leaves.push({ path, build });
  if (types.includes('array') && s.items) leaves.push(...stringLeaves(s.items, [...path, 0], (v) => build([v]), depth + 1));
  if (types.includes('object')) {
    const base = discriminators(s);
    for (const [key, p] of Object.entries(s.properties ?? {})) {
      leaves.push(...stringLeaves(p, [...path, key], (v) => build({ ...base, [key]: v }), depth + 1));
    }
    const extra = s.additionalProperties;
    if (s.propertyNames) leaves.push({ path: [...path, null], build: (v) => build({ ...base, [v]: 'x' }) });
    if (extra !== undefined && extra !== false) {
      const key = s.propertyNames?.format === 'uuid' ? sampleUuid : unknownKey;
      // An open object (`additionalProperties: {}`) takes anything under an unknown key: text included.
      const value: JsonSchema = extra === true || Object.keys(extra).length === 0 ? { type: 'string' } : extra;
      leaves.push(...stringLeaves(value, [...path, key], (v) => build({ ...base, [key]: v }), depth + 1));
    }
  }
  return leaves;
}

const dedupe = (leaves: Leaf[]): Leaf[] => {
  const seen = new Set<string>();
  return leaves.filter((l) => {
    const key = JSON.stringify(l.path) + JSON.stringify(l.build('§'));
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};

const joinPath = (location: InputLocation, path: Leaf['path'], value: string) =>
  [location, ...path.map((p) => (p === null ? value : String(p)))].join('.');

const stringCandidates = ['x', 'Xy', 'abc', '000000000000', '0912345678', '08:00', '2025-01-02', '2025-01', 'x.y', 'ABC123'];

/**
 * A value the schema accepts (as far as JSON Schema says: refinements aside), so that a probe of
 * one place is not hidden by the refusal of another (Fastify validates params, body, querystring
 * and headers in turn and stops at the first that fails).
 */
export function exampleOf(s: JsonSchema | undefined): unknown {
  if (!s) return undefined;
  const branch = s.anyOf?.[0] ?? s.oneOf?.[0] ?? s.allOf?.[0];
  if (branch && s.type === undefined) return exampleOf(branch);
  if (s.const !== undefined) return s.const;
  if (s.enum?.length) return s.enum[0];
  const type = typesOf(s)[0];
  if (type === 'object') {
    return Object.fromEntries((s.required ?? []).map((key) => [key, exampleOf(s.properties?.[key])]));
  }
  if (type === 'array') return Array.from({ length: s.minItems ?? 0 }, () => exampleOf(s.items));
  if (type === 'number' || type === 'integer') return s.minimum ?? 1;
  if (type === 'boolean') return false;
  if (type === 'null') return null;
  if (s.format === 'uuid') return sampleUuid;
  if (s.format === 'email') return 'a@example.vn';
  if (s.format === 'date') return '2025-01-02';
  if (s.format === 'date-time') return '2025-01-02T08:00:00+07:00';
  const pattern = s.pattern ? new RegExp(s.pattern) : undefined;
  const fits = (c: string) => (!pattern || pattern.test(c)) && c.length >= (s.minLength ?? 0) && c.length <= (s.maxLength ?? Infinity);
  return stringCandidates.find(fits) ?? 'x';
}

/** A URL for the route with every path parameter filled with an accepted value, `param` (if given) with `value`. */
function urlOf(route: DeclaredRoute, params: JsonSchema | undefined, param?: string, value?: string, query?: string): string {
  const path = route.url.replace(/:(\w+)/g, (_m, name: string) =>
    name === param ? value! : encodeURIComponent(String(exampleOf(params?.properties?.[name]) ?? 'x')));
  return query ? `${path}?${query}` : path;
}

export function inputProbes(route: DeclaredRoute): InputProbe[] {
  const schema = route.schema as { params?: unknown; querystring?: unknown; body?: unknown; headers?: unknown } | undefined;
  const params = jsonSchemaOf(schema?.params);
  const body = jsonSchemaOf(schema?.body);
  const url = (param?: string, value?: string, query?: string) => urlOf(route, params, param, value, query);
  const probes: InputProbe[] = [];
  for (const name of Object.keys(params?.properties ?? {})) {
    probes.push({
      location: 'params', name: `params.${name}`,
      issuePath: () => `params.${name}`,
      request: (value) => ({ url: url(name, value) }),
    });
  }
  for (const name of Object.keys(jsonSchemaOf(schema?.querystring)?.properties ?? {})) {
    probes.push({
      location: 'querystring', name: `querystring.${name}`,
      issuePath: () => `querystring.${name}`,
      request: (value) => ({ url: url(undefined, undefined, `${encodeURIComponent(name)}=${value}`) }),
    });
  }
  for (const leaf of dedupe(stringLeaves(body, [], (v) => v))) {
    probes.push({
      location: 'body', name: joinPath('body', leaf.path, '<key>'),
      issuePath: (value) => joinPath('body', leaf.path, value),
      request: (value) => ({ url: url(), body: leaf.build(value) }),
    });
  }
  for (const leaf of stringLeaves(jsonSchemaOf(schema?.headers), [], (v) => v)) {
    const header = String(leaf.path[0]);
    probes.push({
      location: 'headers', name: `headers.${header}`,
      issuePath: () => `headers.${header}`,
      request: (value) => ({ url: url(), ...(body ? { body: exampleOf(body) } : {}), headers: { [header]: value } }),
    });
  }
  return probes;
}
