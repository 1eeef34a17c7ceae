/**
 * SQL for dossiers: the projection row, the append-only action log, daily code counters. No rules
 * here; the use cases decide, these functions store.
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { FeeTerms, StoredDeclaration } from '@motcua/domain';
import type { Database } from '../../db/schema.ts';
import type { DossiersTable, DossierEventsTable } from '../../db/schema-dossiers.ts';

export type DossierRow = Selectable<DossiersTable>;
export type DossierEventRow = Selectable<DossierEventsTable>;

/** The next daily sequence number of an agency's dossier codes (never reused). */
export async function nextCodeSequence(db: Kysely<Database>, agencyId: string, localDate: string): Promise<number> {
  const r = await db
    .insertInto('dossier_code_counters')
    .values({ agency_id: agencyId, local_date: localDate, last_value: 1 })
    .onConflict((oc) => oc.columns(['agency_id', 'local_date']).doUpdateSet({ last_value: sql`dossier_code_counters.last_value + 1` }))
    .returning('last_value')
    .executeTakeFirstOrThrow();
  return r.last_value;
}

export type NewDossier = Omit<
  DossierRow,
  'id' | 'participant' | 'sets' | 'fee_amount' | 'fee_paid' | 'digitized' | 'imported' | 'lock_version' | 'created_at' | 'updated_at' | 'applicant' | 'components' | 'result_delivery' | 'prepared_by'
  | 'declaration' | 'declaration_form' | 'declaration_text' | 'fee_terms'
> & {
  /** What the dossier owes, fixed at reception (docs/rules/payments.md); absent before reception. */
  fee_terms?: FeeTerms | null;
  prepared_by?: string | null;
  applicant: Record<string, unknown>;
  components: unknown[];
  result_delivery: 'counter' | 'post' | 'online';
  participant: number;
  sets: number;
  fee_amount: number;
  fee_paid: boolean;
  digitized: boolean;
  imported: boolean;
  /** The e-form declaration, with the form it was filled on and its text for search (all three or none). */
  declaration?: { stored: StoredDeclaration; form: string; text: string } | undefined;
};

/**
 * Inserts a dossier and answers the row as stored. Only what the database generates comes back
 * (the rest is what was sent): a wide row with its JSON read back would cost both sides on every intake.
 */
export async function insertDossier(db: Kysely<Database>, row: NewDossier): Promise<DossierRow> {
  const generated = await db
    .insertInto('dossiers')
    .values({
      ...withoutDeclaration(row),
      applicant: JSON.stringify(row.applicant),
      components: JSON.stringify(row.components),
      ...(row.fee_terms ? { fee_terms: JSON.stringify(row.fee_terms) } : {}),
      ...(row.declaration
        ? { declaration: JSON.stringify(row.declaration.stored), declaration_form: row.declaration.form, declaration_text: row.declaration.text }
        : {}),
    })
    .returning(['id', 'lock_version', 'created_at', 'updated_at'])
    .executeTakeFirstOrThrow();
  return {
    ...withoutDeclaration(row),
    ...generated,
    // As read back from jsonb: without the keys whose value is undefined.
    applicant: asStoredJson(row.applicant),
    components: asStoredJson(row.components),
    prepared_by: row.prepared_by ?? null,
    fee_terms: row.fee_terms ? asStoredJson(row.fee_terms) : null,
    declaration: row.declaration ? asStoredJson(row.declaration.stored) : null,
    declaration_form: row.declaration?.form ?? null,
    declaration_text: row.declaration?.text ?? null,
  };
}

const asStoredJson = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

const withoutDeclaration = ({ declaration: _, ...row }: NewDossier) => row;

export type NewEvent = Omit<DossierEventRow, 'id' | 'reasons' | 'data'> & { reasons: string[] | null; data: Record<string, unknown> };

/** Appends events to a dossier's log and answers them as stored (only their ids come back, as in insertDossier). */
export async function insertEvents(db: Kysely<Database>, events: NewEvent[]): Promise<DossierEventRow[]> {
  if (events.length === 0) return [];
  const ids = await db
    .insertInto('dossier_events')
    .values(events.map((e) => ({ ...e, reasons: e.reasons ? JSON.stringify(e.reasons) : null, data: JSON.stringify(e.data) })))
    .returning(['id', 'dossier_id', 'seq'])
    .execute();
  const idOf = new Map(ids.map((r) => [`${r.dossier_id}/${r.seq}`, r.id]));
  return events.map((e) => ({ ...e, id: idOf.get(`${e.dossier_id}/${e.seq}`)!, reasons: e.reasons ? [...e.reasons] : null, data: asStoredJson(e.data) }));
}

/** The dossier row, locked for the rest of the transaction (one action at a time per dossier). */
export async function lockDossier(db: Kysely<Database>, id: number): Promise<DossierRow | undefined> {
  return db.selectFrom('dossiers').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function findDossier(db: Kysely<Database>, id: number): Promise<DossierRow | undefined> {
  return db.selectFrom('dossiers').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A dossier by code, whatever the case its letters are typed in (the unique index on `upper(code)`). */
export async function findDossierByCode(db: Kysely<Database>, code: string): Promise<DossierRow | undefined> {
  return db.selectFrom('dossiers').selectAll().where(sql`upper(code)`, '=', sql`upper(${code})`).executeTakeFirst();
}

export async function eventsOf(db: Kysely<Database>, dossierId: number): Promise<DossierEventRow[]> {
  return db.selectFrom('dossier_events').selectAll().where('dossier_id', '=', dossierId).orderBy('seq').execute();
}

export type ProjectionUpdate = Partial<Omit<DossierRow, 'id' | 'code' | 'created_at' | 'applicant' | 'components' | 'declaration'>> & {
  components?: unknown[];
};

export async function updateProjection(db: Kysely<Database>, id: number, changes: ProjectionUpdate): Promise<DossierRow> {
  const { components, fee_terms, ...rest } = changes;
  return db
    .updateTable('dossiers')
    .set({
      ...rest,
      ...(components ? { components: JSON.stringify(components) } : {}),
      ...(fee_terms !== undefined ? { fee_terms: fee_terms === null ? null : JSON.stringify(fee_terms) } : {}),
      updated_at: new Date(),
      lock_version: sql`lock_version + 1`,
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * A dossier by code with its action log and whether it was rated, in one round trip (the public
 * status page is the most frequent request of all).
 */
export async function findDossierWithLogByCode(
  db: Kysely<Database>,
  code: string,
): Promise<{ dossier: DossierRow; events: DossierEventRow[]; rated: boolean } | undefined> {
  const r = await sql<DossierRow & { log: Array<Record<string, unknown>>; rated: boolean }>`
    SELECT d.*,
           EXISTS (SELECT 1 FROM dossier_ratings r WHERE r.dossier_id = d.id) AS rated,
           (SELECT coalesce(json_agg(e ORDER BY e.seq), '[]'::json) FROM dossier_events e WHERE e.dossier_id = d.id) AS log
      FROM dossiers d WHERE upper(d.code) = upper(${code})`.execute(db);
  const row = r.rows[0];
  if (!row) return undefined;
  const { log, rated, ...dossier } = row;
  const date = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string));
  const events = log.map((e) => ({ ...e, at: new Date(e.at as string), step_due_at: date(e.step_due_at), clock_due_at: date(e.clock_due_at) }) as unknown as DossierEventRow);
  return { dossier: dossier as DossierRow, events, rated };
}

/** The declaration's fields an e-ID now vouches for (assisted filing confirmed signed in); the answers are unchanged. */
export async function markDeclarationVerified(db: Kysely<Database>, dossierId: number, verified: string[]): Promise<void> {
  await sql`UPDATE dossiers SET declaration = jsonb_set(declaration, '{verified}', ${JSON.stringify(verified)}::jsonb) WHERE id = ${dossierId} AND declaration IS NOT NULL`.execute(db);
}

/**
 * Prepared dossiers (assisted filing) still awaiting their applicant's confirmation whose `prepare`
 * log row (the server's clock, as every action) is before `before`: oldest first.
 */
export async function preparedBefore(db: Kysely<Database>, before: Date, limit: number): Promise<number[]> {
  const rows = await db.selectFrom('dossiers as d')
    .innerJoin('dossier_events as e', (j) => j.onRef('e.dossier_id', '=', 'd.id').on('e.action', '=', 'prepare'))
    .select('d.id')
    .where('d.status', '=', 'awaiting_confirmation').where('e.at', '<', before)
    .orderBy('e.at').limit(limit).execute();
  return rows.map((r) => r.id);
}
