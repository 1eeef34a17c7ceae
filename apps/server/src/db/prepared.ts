import { CompiledQuery, type Kysely, type QueryResult } from 'kysely';
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

/**
 * `INSERT INTO table (columns) VALUES (…), (…) suffix` for any number of rows, each given as its
 * values in the order of `columns`; `casts` gives a column's parameter a type when a SQL expression
 * (`coalesce($n::timestamptz, now())`) needs one. Prepared as `name_<rows>` up to four rows.
 */
export function fixedInsert<R>(
  name: string, table: string, columns: readonly string[], suffix = '', expressions: Readonly<Record<string, (p: string) => string>> = {},
): (db: Kysely<any>, rows: ReadonlyArray<readonly unknown[]>) => Promise<QueryResult<R>> {
  const statements = new Map<number, (db: Kysely<any>, parameters: readonly unknown[]) => Promise<QueryResult<R>>>();
  const head = `INSERT INTO ${table} (${columns.join(', ')}) VALUES `;
  const statementFor = (rows: number) => {
    let s = statements.get(rows);
    if (!s) {
      const tuples = Array.from({ length: rows }, (_, r) =>
        `(${columns.map((c, i) => (expressions[c] ?? ((p: string) => p))(`$${r * columns.length + i + 1}`)).join(', ')})`);
      const text = `${head}${tuples.join(', ')}${suffix ? ` ${suffix}` : ''}`;
      s = rows <= preparedRowsMax ? preparedStatement<R>(`${name}_${rows}`, text) : (db, p) => db.executeQuery<R>(CompiledQuery.raw(text, p as unknown[]));
      if (rows <= preparedRowsMax) statements.set(rows, s);
    }
    return s;
  };
  return (db, rows) => statementFor(rows.length)(db, rows.length === 1 ? rows[0]! : rows.flat());
}
