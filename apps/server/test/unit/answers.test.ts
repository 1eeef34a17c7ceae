/**
 * Answers are checked by parsing when their schema gives the same value both ways (http/answers.ts),
 * else encoded as fastify-type-provider-zod does: a schema with a transform, a codec, a default or a
 * catch anywhere inside is encoded.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { answerCheck, directionless } from '../../src/http/answers.ts';
import { DossierDetailSchema } from '../../src/modules/dossiers/dossiers.presenter.ts';

const Tree: z.ZodType<{ name: string; children: unknown[] }> = z.lazy(() => z.object({ name: z.string(), children: z.array(Tree) }));
const isoDate = z.codec(z.iso.datetime(), z.date(), { decode: (s) => new Date(s), encode: (d) => d.toISOString() });

describe('answer checks', () => {
  it('parse schemas of plain values, however nested (objects, arrays, unions, records, lazy ones)', () => {
    for (const schema of [
      z.object({ a: z.string().max(3), b: z.number().int().nullable(), c: z.array(z.enum(['x', 'y'])).optional() }),
      z.union([z.object({ k: z.literal('a') }), z.object({ k: z.literal('b'), n: z.number() })]),
      z.record(z.string(), z.union([z.string(), z.boolean()])).readonly(),
      Tree,
      DossierDetailSchema,
    ]) expect(directionless(schema)).toBe(true);
  });

  it('encode schemas in which something depends on the direction, wherever it is', () => {
    for (const schema of [
      z.object({ a: z.string().transform((s) => s.length) }),
      z.object({ a: z.array(z.object({ at: isoDate })) }),
      z.object({ a: z.string().default('x') }),
      z.object({ a: z.number().catch(0) }),
      z.union([z.string(), z.object({ d: z.string().pipe(z.email()) })]),
      z.lazy(() => z.object({ a: z.string().optional().default('') })),
    ]) expect(directionless(schema)).toBe(false);
  });

  it('answer what encoding answers: undocumented keys dropped, a value that does not fit refused', () => {
    const schema = z.object({ id: z.number(), at: z.string().nullable(), items: z.array(z.object({ n: z.number() })) });
    const value = { id: 1, at: null, secret: 'x', items: [{ n: 2, extra: true }] };
    const check = answerCheck(schema);
    expect(check(value)).toEqual(z.safeEncode(schema, value));
    expect(check(value).data).toEqual({ id: 1, at: null, items: [{ n: 2 }] });
    expect(check({ ...value, id: '1' }).success).toBe(false);
    // A codec's answer is encoded: the date goes out as its ISO text.
    const dated = z.object({ at: isoDate });
    expect(answerCheck(dated)({ at: new Date(Date.UTC(2026, 0, 2)) }).data).toEqual({ at: '2026-01-02T00:00:00.000Z' });
  });
});
