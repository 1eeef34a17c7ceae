import type pg from 'pg';

/**
 * A statement whose text starts with `/* prepared: NAME *\/` is prepared once per connection of
 * the PostgreSQL server: it is then neither parsed nor planned again (after its fifth execution
 * the server keeps a generic plan). For the few statements every request sends (the session), where
 * planning costs more than running them. PGlite runs them as plain statements (the comment is a comment).
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
