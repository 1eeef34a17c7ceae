/**
 * SQL for dossiers: the projection row, the append-only action log, daily code counters. No rules
 * here; the use cases decide, these functions store.
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import { dossierCodePrefix, dossierSequenceDigits, formatDossierCode, parseDossierCode, type FeeTerms, type StoredDeclaration } from '@motcua/domain';
import type { Database } from '../../db/schema.ts';
import type { DossiersTable, DossierEventsTable } from '../../db/schema-dossiers.ts';
import { fixedInsert, preparedStatement } from '../../db/prepared.ts';

export type DossierRow = Selectable<DossiersTable>;
export type DossierEventRow = Selectable<DossierEventsTable>;

/** Takes the next daily sequence number of an agency's dossier codes (never reused), as `WITH` part `c`. */
const nextCodePart = `c AS (INSERT INTO dossier_code_counters (agency_id, local_date, last_value) VALUES ($1, $2, 1)
  ON CONFLICT (agency_id, local_date) DO UPDATE SET last_value = dossier_code_counters.last_value + 1 RETURNING last_value)`;

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

/** Every column an intake writes, in the order of the statement's parameters (the rest are generated). */
const dossierColumns = [
  'code', 'agency_id', 'handling_agency_id', 'counter_id', 'procedure_version_id', 'procedure_code', 'field', 'channel', 'result_delivery',
  'status', 'national_status', 'step_index', 'participant', 'assignee_id', 'applicant_kind', 'applicant_name', 'applicant_id_number',
  'applicant_phone', 'applicant_email', 'applicant_address', 'applicant', 'components', 'sets', 'fee_amount', 'fee_paid', 'fee_terms',
  'submitted_at', 'received_at', 'due_at', 'clock_due_at', 'apology_due_at', 'result_at', 'returned_at', 'withdrawn_at', 'refused_at',
  'closed_at', 'clock_stopped_at', 'overdue_from', 'result_class', 'digitized', 'imported', 'import_hash', 'access_secret_hash',
  'submitter_citizen_id', 'prepared_by', 'declaration', 'declaration_form', 'declaration_text',
] as const satisfies ReadonlyArray<keyof DossiersTable>;
// A column added to the table must be added above (or be generated): the statement lists them all.
type Unwritten = Exclude<keyof DossiersTable, (typeof dossierColumns)[number] | 'id' | 'lock_version' | 'created_at' | 'updated_at'>;
const _everyColumnWritten: [Unwritten] extends [never] ? true : Unwritten = true;

/**
 * The dossier row, its code made in the same statement from the agency's counter (part `c`): the
 * code's parameter is the day's prefix (`dossierCodePrefix`) and the sequence is appended as
 * `formatDossierCode` writes it (zeros in front up to `dossierSequenceDigits`). One round trip
 * instead of two on every intake; the code that comes back is checked against the domain's format.
 */
const numberedDossierRow = fixedInsert<Pick<DossierRow, 'id' | 'code' | 'lock_version' | 'created_at' | 'updated_at'>>(
  'dossier_insert', 'dossiers', dossierColumns, {
    returning: 'id, code, lock_version, created_at, updated_at',
    expressions: {
      code: (p) => `(SELECT ${p} || lpad(c.last_value::text, greatest(${dossierSequenceDigits}, length(c.last_value::text)), '0') FROM c)`,
    },
  });
const insertNumberedDossierRow = preparedStatement<Pick<DossierRow, 'id' | 'code' | 'lock_version' | 'created_at' | 'updated_at'>>(
  'dossier_insert_numbered', `WITH ${nextCodePart} ${numberedDossierRow.text(1, 2)}`);

/**
 * Inserts a dossier with the next code of its agency's day and answers the row as stored. Only what the database generates comes back
 * (the rest is what was sent): a wide row with its JSON read back would cost both sides on every
 * intake. Each JSON column is stringified once: that text is the parameter, and parsed, the value
 * answered (as it reads back from jsonb: without the keys whose value is undefined).
 */
export async function insertNumberedDossier(
  db: Kysely<Database>, day: { agencyCode: string; localDate: string }, row: Omit<NewDossier, 'code'>,
): Promise<DossierRow> {
  const applicant = JSON.stringify(row.applicant);
  const components = JSON.stringify(row.components);
  const feeTerms = row.fee_terms ? JSON.stringify(row.fee_terms) : null;
  const declaration = row.declaration ? JSON.stringify(row.declaration.stored) : null;
  const prefix = dossierCodePrefix(day.agencyCode, day.localDate);
  const stored: Omit<DossierRow, 'id' | 'lock_version' | 'created_at' | 'updated_at'> = {
    ...withoutDeclaration(row),
    code: prefix,
    applicant: JSON.parse(applicant) as Record<string, unknown>,
    components: JSON.parse(components) as unknown[],
    prepared_by: row.prepared_by ?? null,
    submitter_citizen_id: row.submitter_citizen_id ?? null,
    fee_terms: feeTerms === null ? null : (JSON.parse(feeTerms) as FeeTerms),
    declaration: declaration === null ? null : (JSON.parse(declaration) as StoredDeclaration),
    declaration_form: row.declaration?.form ?? null,
    declaration_text: row.declaration?.text ?? null,
  };
  const text: Partial<Record<(typeof dossierColumns)[number], string | null>> = { applicant, components, fee_terms: feeTerms, declaration };
  const values = dossierColumns.map((c) => (c in text ? text[c as keyof typeof text] : (stored[c] ?? null)));
  const generated = (await insertNumberedDossierRow(db, [row.agency_id, day.localDate, ...values])).rows[0]!;
  const sequence = parseDossierCode(generated.code)?.sequence;
  if (sequence === undefined || formatDossierCode(day.agencyCode, day.localDate, sequence) !== generated.code) {
    throw new Error(`dossier code ${generated.code} is not of the domain's format`);
  }
  return { ...stored, ...generated };
}

const withoutDeclaration = <R extends { declaration?: unknown }>({ declaration: _, ...row }: R): Omit<R, 'declaration'> => row;

export type NewEvent = Omit<DossierEventRow, 'id' | 'reasons' | 'data'> & { reasons: string[] | null; data: Record<string, unknown> };

const eventColumns = [
  'dossier_id', 'seq', 'action', 'at', 'actor_kind', 'actor_id', 'actor_name', 'actor_role', 'from_status', 'to_status', 'step_index',
  'step_name', 'participant', 'handling_agency_id', 'assignee_id', 'step_due_at', 'clock_due_at', 'note', 'reasons', 'data', 'form', 'request_id',
] as const satisfies ReadonlyArray<keyof NewEvent>;
type UnwrittenEvent = Exclude<keyof DossierEventsTable, (typeof eventColumns)[number] | 'id'>;
const _everyEventColumnWritten: [UnwrittenEvent] extends [never] ? true : UnwrittenEvent = true;

const eventRows = fixedInsert<{ id: number; dossier_id: number; seq: number }>('dossier_events_insert', 'dossier_events', eventColumns, { returning: 'id, dossier_id, seq' });

/** Events to append, as stored, and the rows of their insert (alone: `insertEvents`; with others: `insertTogether`). */
export function newEventRows(events: NewEvent[]) {
  const stored = events.map((e) => {
    const reasons = e.reasons ? JSON.stringify(e.reasons) : null;
    const data = JSON.stringify(e.data);
    const values = eventColumns.map((c) => (c === 'reasons' ? reasons : c === 'data' ? data : (e[c] ?? null)));
    return { row: { ...e, reasons: reasons === null ? null : (JSON.parse(reasons) as string[]), data: JSON.parse(data) as Record<string, unknown> }, values };
  });
  return {
    part: eventRows.part(stored.map((s) => s.values)),
    /**
     * The events as stored, given what their insert returned; without it (an insert deferred to the
     * end of the unit of work, db/prepared.ts), with id 0, as the import row has: an event's id is
     * never presented, and nothing in the unit reads it.
     */
    stored(ids?: ReadonlyArray<{ id: number; dossier_id: number; seq: number }>): DossierEventRow[] {
      const idOf = new Map(ids?.map((r) => [`${r.dossier_id}/${r.seq}`, r.id]));
      return stored.map(({ row }) => ({ ...row, id: ids ? idOf.get(`${row.dossier_id}/${row.seq}`)! : 0 }));
    },
  };
}

/** Appends events to a dossier's log and answers them as stored (only their ids come back, as in insertDossier). */
export async function insertEvents(db: Kysely<Database>, events: NewEvent[]): Promise<DossierEventRow[]> {
  if (events.length === 0) return [];
  const rows = newEventRows(events);
  return rows.stored((await eventRows.run(db, rows.part.rows)).rows);
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
