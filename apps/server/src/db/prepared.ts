import { CompiledQuery, type Kysely, type QueryResult } from 'kysely';
import { createHash } from 'node:crypto';
import type pg from 'pg';

/**
 * A statement whose text starts with `/* prepared: NAME *\/` is prepared once per connection of
 * the PostgreSQL server: it is then neither parsed nor planned again (after its fifth execution
 * the server keeps a generic plan). For the few statements every request sends (the session, the
 * rows of an intake), where parsing and planning cost as much as running them. PGlite runs them as
 * plain statements (the comment is a comment).
 */
export const preparedMark = (name: string) => `/* prepared: ${name} */`;

export function prepareMarkedStatements(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as { query: unknown }).query = (...args: unknown[]) => {
    const [text, values] = args;
    const name = typeof text === 'string' && args.length <= 2 ? /^\/\* prepared: ([\w.-]+) \*\//.exec(text)?.[1] : undefined;
    return name ? query({ name, text, values }) : query(...args);
  };
}

/**
 * A statement of fixed text, prepared (`name`) and run with positional parameters on `db` (or the
 * transaction it is). Its text is written once: Kysely neither builds nor compiles it on every
 * call, which on the hottest paths (every intake) cost more of the server's time than the driver.
 */
export function preparedStatement<R>(name: string, text: string): (db: Kysely<any>, parameters: readonly unknown[]) => Promise<QueryResult<R>> {
  const marked = `${preparedMark(name)} ${text}`;
  return (db, parameters) => db.executeQuery<R>(CompiledQuery.raw(marked, parameters as unknown[]));
}

/** How many rows at most a multi-row insert is prepared for (one statement per row count); longer ones are sent unprepared. */
const preparedRowsMax = 4;

/** Rows for a fixed insert, to run alone (`run`) or with others in one statement (`insertTogether`). */
export interface InsertPart<R> {
  insert: FixedInsert<R>;
  rows: ReadonlyArray<readonly unknown[]>;
}

export interface FixedInsert<R> {
  name: string;
  returns: boolean;
  /** The statement for `rows` rows, its parameters numbered from `$offset+1`. */
  text(rows: number, offset?: number): string;
  run(db: Kysely<any>, rows: ReadonlyArray<readonly unknown[]>): Promise<QueryResult<R>>;
  part(rows: ReadonlyArray<readonly unknown[]>): InsertPart<R>;
}

/**
 * `INSERT INTO table (columns) VALUES (…), (…) [onConflict] [RETURNING returning]` for any number
 * of rows, each given as its values in the order of `columns`; `expressions` wraps a column's
 * parameter when it needs SQL around it (`coalesce($n::timestamptz, now())`). Prepared as
 * `name_<rows>` up to four rows.
 */
export function fixedInsert<R>(
  name: string, table: string, columns: readonly string[],
  options: { onConflict?: string; returning?: string; expressions?: Readonly<Record<string, (p: string) => string>> } = {},
): FixedInsert<R> {
  const head = `INSERT INTO ${table} (${columns.join(', ')}) VALUES `;
  const tail = `${options.onConflict ? ` ${options.onConflict}` : ''}${options.returning ? ` RETURNING ${options.returning}` : ''}`;
  const wrap = (c: string) => options.expressions?.[c] ?? ((p: string) => p);
  const text = (rows: number, offset = 0) => head + Array.from({ length: rows }, (_, r) =>
    `(${columns.map((c, i) => wrap(c)(`$${offset + r * columns.length + i + 1}`)).join(', ')})`).join(', ') + tail;
  const statements = new Map<number, (db: Kysely<any>, parameters: readonly unknown[]) => Promise<QueryResult<R>>>();
  const statementFor = (rows: number) => {
    let s = statements.get(rows);
    if (!s) {
      const sql = text(rows);
      s = rows <= preparedRowsMax ? preparedStatement<R>(`${name}_${rows}`, sql) : (db, p) => db.executeQuery<R>(CompiledQuery.raw(sql, p as unknown[]));
      if (rows <= preparedRowsMax) statements.set(rows, s);
    }
    return s;
  };
  const insert: FixedInsert<R> = {
    name,
    returns: Boolean(options.returning),
    text,
    run: (db, rows) => statementFor(rows.length)(db, rows.length === 1 ? rows[0]! : rows.flat()),
    part: (rows) => ({ insert, rows }),
  };
  return insert;
}

/** The text of each combination of parts sent together, prepared (their row counts are small). */
const together = new Map<string, string>();

type Returned<P> = { [K in keyof P]: P[K] extends InsertPart<infer R> ? R[] : never };

/**
 * Inserts into several tables in one statement and one round trip (data-modifying `WITH` parts,
 * each run once and to completion; their triggers fire at the end of the statement). Only for rows
 * that do not depend on each other: no part sees another's rows. Answers each part's returned rows
 * (read back as JSON: numbers, text and booleans keep their values), none for a part without rows.
 */
export async function insertTogether<P extends ReadonlyArray<InsertPart<any>>>(db: Kysely<any>, parts: P): Promise<Returned<P>> {
  const present = parts.map((p, i) => ({ ...p, i })).filter((p) => p.rows.length > 0);
  const out = parts.map(() => []) as unknown[][];
  if (present.length === 0) return out as Returned<P>;
  const key = present.map((p) => `${p.i}:${p.insert.name}_${p.rows.length}`).join('.');
  let statement = together.get(key);
  if (!statement) {
    let offset = 0;
    const withs = present.map((p) => {
      const sql = `p${p.i} AS (${p.insert.text(p.rows.length, offset)})`;
      offset += p.rows.length * (p.rows[0]?.length ?? 0);
      return sql;
    });
    const answers = present.filter((p) => p.insert.returns).map((p) => `(SELECT coalesce(json_agg(p${p.i}), '[]') FROM p${p.i}) AS p${p.i}`);
    const text = `WITH ${withs.join(', ')} SELECT ${answers.length ? answers.join(', ') : '1 AS done'}`;
    const prepared = present.every((p) => p.rows.length <= preparedRowsMax);
    statement = prepared ? `${preparedMark(`together_${createHash('sha1').update(key).digest('hex').slice(0, 16)}`)} ${text}` : text;
    if (prepared) together.set(key, statement);
  }
  const parameters = present.flatMap((p) => p.rows.flat());
  const compiled = CompiledQuery.raw(statement, parameters);
  const row = (await db.executeQuery<Record<string, unknown[]>>(compiled)).rows[0]!;
  for (const p of present) if (p.insert.returns) out[p.i] = row[`p${p.i}`]!;
  return out as Returned<P>;
}

/**
 * Rows a unit of work leaves for its end (`deferInserts`): they then go in one statement with the
 * rows its opener adds last — the idempotency key and its answer (http/idempotency.ts) — one round
 * trip fewer on every intake. Only for rows nothing reads back before the commit.
 */
const deferredIn = new WeakMap<Kysely<any>, Array<InsertPart<any>>>();

/** From now on, `insertTogetherOrLater` in `tx` keeps its rows for `takeDeferredInserts`. */
export function deferInserts(tx: Kysely<any>): void {
  deferredIn.set(tx, []);
}

/** The rows kept for the end of `tx`'s unit of work (and no more deferral in it). */
export function takeDeferredInserts(tx: Kysely<any>): Array<InsertPart<any>> {
  const parts = deferredIn.get(tx) ?? [];
  deferredIn.delete(tx);
  return parts;
}

/**
 * `insertTogether`, unless the unit of work that opened `db` defers its inserts: the parts are then
 * kept for its end and nothing is answered (undefined): the caller must not need what they return.
 */
export async function insertTogetherOrLater<P extends ReadonlyArray<InsertPart<any>>>(db: Kysely<any>, parts: P): Promise<Returned<P> | undefined> {
  const kept = deferredIn.get(db);
  if (!kept) return insertTogether(db, parts);
  kept.push(...parts);
  return undefined;
}
