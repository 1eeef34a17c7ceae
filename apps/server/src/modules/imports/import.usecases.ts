/**
 * `motcua import dossiers`: historical dossiers from a JSON-lines file (docs/interfaces.md), streamed in
 * batches (constant memory for any file size). Each batch is one transaction; a bad line is
 * reported with its number and reason and never stops or corrupts the rest. Running the same file
 * twice imports nothing twice: a code already imported with the same content is skipped, with
 * other content rejected; a line without a code is recognised by its content.
 */
import type { Kysely } from 'kysely';
import type pg from 'pg';
import { dossierCodeKey, formatDossierCode, formatInstant, localDateOf, versionInForce, type EFormDefinition } from '@motcua/domain';
import type { Database } from '../../db/schema.ts';
import { checkImportDeclaration, checkImportLine, type ImportFacts, type ImportLine, type ImportedDeclaration } from './import-line.ts';
import { isUniqueViolation, withBatchWriter, type BatchWriter } from './batch-writer.ts';

export interface ImportSummary {
  lines: number;
  imported: number;
  skipped: number;
  rejected: number;
}

export interface ImportOptions {
  batchSize?: number;
  onRejected?: (lineNumber: number, reason: string) => void;
  onBatch?: (summary: ImportSummary) => void;
}

interface Accepted {
  lineNumber: number;
  line: ImportLine;
  hash: string;
  facts: ImportFacts;
  agencyId: string;
  counterId: string | null;
  versionId: string;
  field: string;
  declaration: ImportedDeclaration | null;
  code?: string;
}

interface Catalogue {
  agencies: Map<string, string>;
  /** The counter that received an agency's history (its first open counter), for form 07. */
  counters: Map<string, string>;
  versions: Map<string, Array<CatalogueVersion>>;
}

interface CatalogueVersion {
  id: string;
  version: number;
  validFrom: string | null;
  validTo: string | null;
  field: string;
  declaration: EFormDefinition | null;
}

async function loadCatalogue(db: Kysely<Database>): Promise<Catalogue> {
  const agencies = new Map((await db.selectFrom('agencies').select(['id', 'code']).execute()).map((a) => [a.code, a.id]));
  const versions = new Map<string, CatalogueVersion[]>();
  const rows = await db.selectFrom('procedure_versions').select(['id', 'procedure_code', 'version', 'valid_from', 'valid_to', 'field', 'declaration']).orderBy('version').execute();
  for (const v of rows) {
    const list = versions.get(v.procedure_code) ?? [];
    list.push({ id: v.id, version: v.version, validFrom: v.valid_from, validTo: v.valid_to, field: v.field, declaration: v.declaration });
    versions.set(v.procedure_code, list);
  }
  const counters = new Map<string, string>();
  for (const c of await db.selectFrom('counters').select(['id', 'agency_id']).where('active', '=', true).orderBy('code').execute()) {
    if (!counters.has(c.agency_id)) counters.set(c.agency_id, c.id);
  }
  return { agencies, versions, counters };
}

/** Where to import: Kysely for reading, and the node-postgres pool for the bulk writes. */
export interface ImportTarget {
  db: Kysely<Database>;
  pool: pg.Pool;
  kind: 'postgres' | 'pglite';
}

export async function importDossiers(target: ImportTarget, lines: AsyncIterable<string>, options: ImportOptions = {}): Promise<ImportSummary> {
  const batchSize = options.batchSize ?? 2000;
  const catalogue = await loadCatalogue(target.db);
  const summary: ImportSummary = { lines: 0, imported: 0, skipped: 0, rejected: 0 };
  const reject = (n: number, reason: string) => {
    summary.rejected++;
    options.onRejected?.(n, reason);
  };
  let batch: Accepted[] = [];
  // Two batches in flight: while PostgreSQL writes one, the next is parsed, checked and sent on a
  // second connection (the embedded database, with one connection, simply takes them in turn).
  const inFlight = new Set<Promise<void>>();
  const flush = async () => {
    const current = batch;
    batch = [];
    if (current.length) {
      const copy = target.kind === 'postgres';
      const p = withBatchWriter(target.pool, copy, (writer) => importBatch(writer, current, summary, reject, false))
        .catch((error) => {
          if (!isUniqueViolation(error)) throw error;
          return withBatchWriter(target.pool, copy, (writer) => importBatch(writer, current, summary, reject, true));
        })
        .then(() => {
        inFlight.delete(p);
        options.onBatch?.({ ...summary });
      });
      inFlight.add(p);
    }
    while (inFlight.size >= 2) await Promise.race(inFlight);
  };
  for await (const text of lines) {
    summary.lines++;
    const n = summary.lines;
    if (!text.trim()) {
      summary.lines--;
      continue;
    }
    const checked = checkImportLine(text);
    if (!checked.ok) {
      reject(n, checked.reason);
      continue;
    }
    const { line } = checked;
    const agencyId = catalogue.agencies.get(line.agency);
    if (!agencyId) {
      reject(n, `unknown agency "${line.agency}"`);
      continue;
    }
    const versions = catalogue.versions.get(line.procedure);
    if (!versions?.length) {
      reject(n, `unknown procedure "${line.procedure}"`);
      continue;
    }
    // Bound to the version in force on the day of receipt (else the nearest one).
    const day = localDateOf(checked.facts.receivedAt);
    const version = versionInForce(versions, day) ?? versions.find((v) => v.validFrom !== null && v.validFrom > day) ?? versions[versions.length - 1]!;
    let declaration: ImportedDeclaration | null = null;
    if (line.declaration) {
      const found = checkImportDeclaration(version.declaration, line.declaration, line.procedure, day);
      if (!found.ok) {
        reject(n, found.reason);
        continue;
      }
      declaration = found.declaration;
    }
    batch.push({
      lineNumber: n, line, hash: checked.hash, facts: checked.facts, agencyId, counterId: catalogue.counters.get(agencyId) ?? null,
      versionId: version.id, field: version.field, declaration, ...(line.code ? { code: line.code } : {}),
    });
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  await Promise.all(inFlight);
  options.onBatch?.({ ...summary });
  return summary;
}

/**
 * One batch. The fast way (`careful` false): codes and contents already in the database are
 * looked up first, ids are taken from the sequence, and the new rows are written plainly (COPY).
 * If another writer inserts one of them meanwhile, a unique index refuses the batch and it is
 * run again the careful way: rows written with ON CONFLICT DO NOTHING, conflicts sorted after.
 */
async function importBatch(
  writer: BatchWriter,
  batch: Accepted[],
  summary: ImportSummary,
  reject: (n: number, reason: string) => void,
  careful: boolean,
): Promise<void> {
  // The same code (whatever its case) or, without a code, the same content twice in the batch:
  // compared with the first.
  const byKey = new Map<string, Accepted>();
  const fresh: Accepted[] = [];
  let skipped = 0;
  const rejected: Array<[number, string]> = [];
  for (const a of batch) {
    const key = a.code ? dossierCodeKey(a.code) : `#${a.hash}`;
    const first = byKey.get(key);
    if (first) {
      if (first.hash === a.hash) skipped++;
      else rejected.push([a.lineNumber, `code ${a.code} appears earlier in the file (line ${first.lineNumber}${first.code === a.code ? '' : `, as ${first.code}`}) with different content`]);
      continue;
    }
    byKey.set(key, a);
    fresh.push(a);
  }
  // The same content already imported is skipped. (A code already there with other content makes
  // the fast write fail on the code's unique index: the careful way then rejects that line.)
  const known = new Set(
    (await writer.query<{ import_hash: string }>('SELECT import_hash FROM dossiers WHERE import_hash = ANY($1::text[])', [fresh.map((a) => a.hash)]))
      .map((k) => k.import_hash),
  );
  const toInsert = fresh.filter((a) => {
    if (!known.has(a.hash)) return true;
    skipped++;
    return false;
  });
  await assignCodes(writer, toInsert.filter((a) => !a.code));
  let ids: Map<string, number>;
  if (!careful) {
    const reserved = await writer.query<{ id: string }>("SELECT nextval(pg_get_serial_sequence('dossiers', 'id')) AS id FROM generate_series(1, $1::int)", [toInsert.length]);
    ids = new Map(toInsert.map((a, i) => [a.code!, Number(reserved[i]!.id)]));
    await writer.insert('dossiers', ['id', ...dossierColumns], toInsert.map((a) => [ids.get(a.code!), ...dossierRow(a)]));
  } else {
    const inserted = await writer.insertSkippingConflicts<{ id: string | number; code: string }>('dossiers', dossierColumns, toInsert.map(dossierRow), 'id, code');
    ids = new Map(inserted.map((r) => [r.code, Number(r.id)]));
    const lost = toInsert.filter((x) => !ids.has(x.code!));
    if (lost.length) {
      // Codes compared as the unique index compares them: whatever the case of their letters.
      const now = new Map(
        (await writer.query<{ code: string; import_hash: string | null }>(
          'SELECT code, import_hash FROM dossiers WHERE upper(code) = ANY($1::text[])', [lost.map((a) => dossierCodeKey(a.code!))],
        )).map((r) => [dossierCodeKey(r.code), r]),
      );
      for (const a of lost) {
        // Beaten by another writer: the same content (or its code with this content) is there now.
        const there = now.get(dossierCodeKey(a.code!));
        if (!there || there.import_hash === a.hash) skipped++;
        else if (there.code !== a.code) rejected.push([a.lineNumber, `code ${a.code} is already the code of another dossier, written ${there.code} (codes differing only by case are the same code)`]);
        else rejected.push([a.lineNumber, `code ${a.code} was already imported with different content`]);
      }
    }
  }
  await writer.insert('dossier_events', eventColumns, toInsert.filter((a) => ids.has(a.code!)).flatMap((a) => eventRows(a, ids.get(a.code!)!)));
  // Counted once the batch is written (the caller's transaction commits it, or nothing counts).
  summary.imported += ids.size;
  summary.skipped += skipped;
  for (const [line, reason] of rejected) reject(line, reason);
}

/** Codes for lines without one, from the agencies' daily counters (the same as live intake). */
async function assignCodes(writer: BatchWriter, lines: Accepted[]): Promise<void> {
  if (!lines.length) return;
  const groups = new Map<string, Accepted[]>();
  for (const a of lines) {
    const key = `${a.agencyId}|${localDateOf(a.facts.receivedAt)}`;
    groups.set(key, [...(groups.get(key) ?? []), a]);
  }
  const wanted = [...groups.entries()].map(([key, list]) => {
    const [agency_id, local_date] = key.split('|');
    return { agency_id, local_date, last_value: list.length };
  });
  const reserved = await writer.query<{ agency_id: string; local_date: string; last_value: number }>(
    `INSERT INTO dossier_code_counters (agency_id, local_date, last_value)
     SELECT agency_id, local_date, last_value FROM json_populate_recordset(NULL::dossier_code_counters, $1)
     ORDER BY agency_id, local_date
     ON CONFLICT (agency_id, local_date) DO UPDATE SET last_value = dossier_code_counters.last_value + EXCLUDED.last_value
     RETURNING agency_id, local_date::text, last_value`,
    [JSON.stringify(wanted)],
  );
  for (const r of reserved) {
    const list = groups.get(`${r.agency_id}|${r.local_date}`)!;
    list.forEach((a, i) => {
      a.code = formatDossierCode(a.line.agency, r.local_date, r.last_value - list.length + 1 + i);
    });
  }
}

const dossierColumns = [
  'code', 'agency_id', 'handling_agency_id', 'procedure_version_id', 'procedure_code', 'field', 'channel', 'result_delivery', 'status',
  'national_status', 'step_index', 'participant', 'applicant_kind', 'applicant_name', 'applicant_id_number', 'applicant_phone',
  'applicant_email', 'applicant_address', 'applicant', 'components', 'sets', 'fee_amount', 'fee_paid', 'submitted_at', 'received_at',
  'due_at', 'clock_due_at', 'apology_due_at', 'result_at', 'returned_at', 'withdrawn_at', 'closed_at', 'result_class', 'digitized',
  'imported', 'import_hash', 'counter_id', 'clock_stopped_at', 'overdue_from', 'declaration', 'declaration_form', 'declaration_text',
];

const iso = (ms: number | null) => (ms === null ? null : formatInstant(ms));

/** The dossier row, in the order of `dossierColumns`. */
function dossierRow(a: Accepted): unknown[] {
  const { line, facts } = a;
  const p = line.applicant;
  return [
    a.code, a.agencyId, a.agencyId, a.versionId, line.procedure, a.field, line.channel, 'counter', facts.status, facts.nationalStatus,
    null, 0, p.kind, p.name, p.idNumber ?? null, p.phone ?? null, p.email ?? null, p.address ?? null, p,
    [], 1, 0, false, line.receivedAt, line.receivedAt,
    // The appointment the legacy system recorded, pauses included: kept, never recomputed.
    line.dueAt, line.dueAt, iso(facts.apologyDueAt), iso(facts.resultAt), iso(facts.returnedAt), iso(facts.withdrawnAt),
    iso(facts.closedAt), facts.resultClass, line.digitized, true, a.hash, a.counterId, iso(facts.clockStoppedAt), iso(facts.overdueFrom),
    a.declaration?.stored ?? null, a.declaration?.form ?? null, a.declaration?.text ?? null,
  ];
}

const eventColumns = [
  'dossier_id', 'seq', 'action', 'at', 'actor_kind', 'actor_name', 'actor_role', 'from_status', 'to_status', 'handling_agency_id',
  'clock_due_at', 'note', 'reasons', 'data',
];

/** The action log rows, in the order of `eventColumns`. */
function eventRows(a: Accepted, dossierId: number): unknown[][] {
  const agency = a.agencyId;
  const due = a.line.dueAt;
  // Row 1 (the submission and receipt the previous system recorded) is not stored: it is read back
  // from the dossier row itself (dossier.context.ts), one row less per imported dossier.
  const rows: unknown[][] = [];
  a.facts.events.forEach(({ event, action, from, to }, i) => {
    const { type: _type, at, note, reasons, ...rest } = event;
    // Everything else the legacy system said (newDueAt, …) is kept for the export.
    rows.push([dossierId, i + 2, action, at, 'system', 'import', 'system', from, to, agency, due, note ?? null, reasons ?? null, rest]);
  });
  return rows;
}
