/**
 * Writes one batch of import rows in its own transaction on a node-postgres client: with COPY on
 * a PostgreSQL server (the fastest way in), with `json_populate_recordset` on the embedded
 * database (whose adapter does not speak COPY). Rows are arrays of values in column order.
 */
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

export type Row = unknown[];

export interface BatchWriter {
  query<T extends pg.QueryResultRow>(text: string, params?: unknown[]): Promise<T[]>;
  /** Inserts rows; a conflict with a unique index fails the statement (and the batch). */
  insert(table: string, columns: readonly string[], rows: Row[]): Promise<void>;
  /** Inserts rows, skipping those that conflict; returns the `returning` columns of the inserted ones. */
  insertSkippingConflicts<T extends pg.QueryResultRow>(table: string, columns: readonly string[], rows: Row[], returning: string): Promise<T[]>;
}

const needsEscape = /[\\\t\n\r]/;

/** One value in COPY's text format. */
function copyValue(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  const text = typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : typeof v === 'boolean' ? (v ? 't' : 'f') : String(v);
  return needsEscape.test(text) ? text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : text;
}

function* copyText(rows: Row[]): Generator<string> {
  let chunk = '';
  for (const row of rows) {
    for (let i = 0; i < row.length; i++) chunk += (i ? '\t' : '') + copyValue(row[i]);
    chunk += '\n';
    if (chunk.length > 256_000) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

function asObjects(columns: readonly string[], rows: Row[]): string {
  return JSON.stringify(rows.map((r) => Object.fromEntries(columns.map((c, i) => [c, r[i]]))));
}

export async function withBatchWriter<T>(pool: pg.Pool, useCopy: boolean, work: (writer: BatchWriter) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  const stagingReady = new Set<string>();
  const copy = async (table: string, columns: readonly string[], rows: Row[]) => {
    const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
    await pipeline(Readable.from(copyText(rows)), stream);
  };
  const writer: BatchWriter = {
    async query(text, params) {
      return (await client.query(text, params)).rows;
    },
    async insert(table, columns, rows) {
      if (!rows.length) return;
      if (useCopy) return copy(table, columns, rows);
      const list = columns.join(', ');
      await client.query(`INSERT INTO ${table} (${list}) SELECT ${list} FROM json_populate_recordset(NULL::${table}, $1)`, [asObjects(columns, rows)]);
    },
    async insertSkippingConflicts(table, columns, rows, returning) {
      if (!rows.length) return [];
      const list = columns.join(', ');
      if (!useCopy) {
        const r = await client.query(
          `INSERT INTO ${table} (${list}) SELECT ${list} FROM json_populate_recordset(NULL::${table}, $1) ON CONFLICT DO NOTHING RETURNING ${returning}`,
          [asObjects(columns, rows)],
        );
        return r.rows;
      }
      // COPY cannot skip conflicts: rows go to a temporary staging table first.
      const staging = `import_staging_${table}`;
      if (!stagingReady.has(staging)) {
        // The written columns only, with their types and no constraints (checked on the real insert).
        await client.query(`CREATE TEMP TABLE IF NOT EXISTS ${staging} ON COMMIT DELETE ROWS AS SELECT ${list} FROM ${table} WITH NO DATA`);
        stagingReady.add(staging);
      }
      await copy(staging, columns, rows);
      const r = await client.query(`INSERT INTO ${table} (${list}) SELECT ${list} FROM ${staging} ON CONFLICT DO NOTHING RETURNING ${returning}`);
      return r.rows;
    },
  };
  try {
    await client.query('BEGIN');
    const result = await work(writer);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/** A unique index refused a row: another writer got there first. */
export const isUniqueViolation = (error: unknown): boolean => (error as { code?: string })?.code === '23505';
