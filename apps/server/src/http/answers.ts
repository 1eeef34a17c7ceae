/**
 * Checking an answer against its route's schema before it is sent: undocumented keys are dropped,
 * and an answer that does not fit is a server error, never sent. fastify-type-provider-zod does it
 * with `z.safeEncode`, which in zod 4 runs every schema with checks twice (a first pass without
 * them) and skips the compiled object parser: for the dossier detail, 60 µs against 17 µs. For a
 * schema in which nothing depends on the direction (no transform, codec, default, catch…), encoding
 * and parsing give the same value, so such a schema is parsed.
 */
import type { FastifySerializerCompiler } from 'fastify/types/schema.js';
import { ResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';

/** Kinds of schema that behave the same in both directions (zod 4 `def.type`); any other kind is encoded. */
const sameBothWays = new Set([
  'string', 'number', 'int', 'boolean', 'bigint', 'symbol', 'null', 'undefined', 'void', 'never', 'any', 'unknown', 'date', 'nan',
  'literal', 'enum', 'template_literal', 'file', 'object', 'array', 'tuple', 'record', 'map', 'set', 'union', 'intersection',
  'optional', 'nullable', 'nonoptional', 'readonly', 'lazy', 'custom',
]);

type Def = { type: string; getter?: () => unknown } & Record<string, unknown>;
const isSchema = (x: unknown): x is z.core.$ZodType => typeof x === 'object' && x !== null && '_zod' in x;

/** Whether `schema` and every schema inside it give the same value whether parsed or encoded. */
export function directionless(schema: z.core.$ZodType, seen = new Set<z.core.$ZodType>()): boolean {
  if (seen.has(schema)) return true;
  seen.add(schema);
  const def = schema._zod.def as unknown as Def;
  if (!sameBothWays.has(def.type)) return false;
  const inner: unknown[] = [];
  for (const key of Object.keys(def)) {
    if (key === 'checks') continue; // refinements and formats: the same checks in both directions
    const value = key === 'getter' && def.type === 'lazy' ? def.getter!() : def[key];
    if (isSchema(value)) inner.push(value);
    else if (Array.isArray(value)) inner.push(...value);
    else if (key === 'shape' && value && typeof value === 'object') inner.push(...Object.values(value));
  }
  return inner.every((s) => !isSchema(s) || directionless(s, seen));
}

export type AnswerCheck = (value: unknown) => z.ZodSafeParseResult<unknown>;

const checks = new WeakMap<z.core.$ZodType, AnswerCheck>();

/** The check of answers of `schema`: parsing when that is the same as encoding (decided once per schema). */
export function answerCheck(schema: z.core.$ZodType): AnswerCheck {
  let check = checks.get(schema);
  if (!check) {
    check = directionless(schema) ? (value) => z.safeParse(schema, value) : (value) => z.safeEncode(schema, value);
    checks.set(schema, check);
  }
  return check;
}

/** The route's schema as fastify hands it over (a zod schema, or one wrapped in `properties`). */
function zodSchemaOf(schema: unknown): z.core.$ZodType {
  if (isSchema(schema)) return schema;
  const wrapped = (schema as { properties?: unknown } | null)?.properties;
  if (isSchema(wrapped)) return wrapped;
  throw new Error(`not a zod schema: ${JSON.stringify(schema)}`);
}

/** fastify-type-provider-zod's serializer compiler, with `answerCheck` for the check. */
export const answerSerializerCompiler: FastifySerializerCompiler<unknown> = ({ schema, method, url }) => {
  const check = answerCheck(zodSchemaOf(schema));
  return (data: unknown) => {
    const result = check(data);
    if (result.error) throw new ResponseSerializationError(method, url, { cause: result.error });
    return JSON.stringify(result.data);
  };
};
