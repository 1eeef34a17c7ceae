/**
 * `motcua import dossiers`: historical dossiers from a JSON-lines file (SPEC §7), streamed in
 * batches (constant memory for any file size). Each batch is one transaction; a bad line is
 * reported with its number and reason and never stops or corrupts the rest. Running the same file
 * twice imports nothing twice: a code already imported with the same content is skipped, with
 * other content rejected; a line without a code is recognised by its content.
 */
import { sql, type Kysely } from 'kysely';
import { formatDossierCode, formatInstant, localDateOf, versionInForce } from '@motcua/domain';
import type { Database } from '../../db/schema.ts';
import { checkImportLine, type ImportFacts, type ImportLine } from './import-line.ts';

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
  versionId: string;
  field: string;
  code?: string;
}

interface Catalogue {
  agencies: Map<string, string>;
  versions: Map<string, Array<{ id: string; version: number; validFrom: string | null; validTo: string | null; field: string }>>;
}

async function loadCatalogue(db: Kysely<Database>): Promise<Catalogue> {
  const agencies = new Map((await db.selectFrom('agencies').select(['id', 'code']).execute()).map((a) => [a.code, a.id]));
  const versions = new Map<string, Array<{ id: string; version: number; validFrom: string | null; validTo: string | null; field: string }>>();
  for (const v of await db.selectFrom('procedure_versions').select(['id', 'procedure_code', 'version', 'valid_from', 'valid_to', 'field']).orderBy('version').execute()) {
    const list = versions.get(v.procedure_code) ?? [];
    list.push({ id: v.id, version: v.version, validFrom: v.valid_from, validTo: v.valid_to, field: v.field });
    versions.set(v.procedure_code, list);
  }
  return { agencies, versions };
}

export async function importDossiers(db: Kysely<Database>, lines: AsyncIterable<string>, options: ImportOptions = {}): Promise<ImportSummary> {
  const batchSize = options.batchSize ?? 2000;
  const catalogue = await loadCatalogue(db);
  const summary: ImportSummary = { lines: 0, imported: 0, skipped: 0, rejected: 0 };
  const reject = (n: number, reason: string) => {
    summary.rejected++;
    options.onRejected?.(n, reason);
  };
  let batch: Accepted[] = [];
  const flush = async () => {
    if (batch.length) await importBatch(db, batch, summary, reject);
    batch = [];
    options.onBatch?.({ ...summary });
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
    batch.push({ lineNumber: n, line, hash: checked.hash, facts: checked.facts, agencyId, versionId: version.id, field: version.field, ...(line.code ? { code: line.code } : {}) });
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  return summary;
}

async function importBatch(db: Kysely<Database>, batch: Accepted[], summary: ImportSummary, reject: (n: number, reason: string) => void): Promise<void> {
  await db.transaction().execute(async (tx) => {
    // The same code twice in the batch: later copies are compared with the first.
    const byCode = new Map<string, Accepted>();
    const byHash = new Map<string, Accepted>();
    const fresh: Accepted[] = [];
    for (const a of batch) {
      const first = a.code ? byCode.get(a.code) : byHash.get(a.hash);
      if (first) {
        if (first.hash === a.hash) summary.skipped++;
        else reject(a.lineNumber, `code ${a.code} appears earlier in the file (line ${first.lineNumber}) with different content`);
        continue;
      }
      if (a.code) byCode.set(a.code, a);
      else byHash.set(a.hash, a);
      fresh.push(a);
    }
    // Lines without a code that were imported before are recognised by their content.
    const codeless = fresh.filter((a) => !a.code);
    let toInsert = fresh;
    if (codeless.length) {
      const seen = new Set(
        (await tx.selectFrom('dossiers').select('import_hash').where('import_hash', 'in', codeless.map((a) => a.hash)).execute()).map((r) => r.import_hash),
      );
      toInsert = fresh.filter((a) => {
        if (a.code || !seen.has(a.hash)) return true;
        summary.skipped++;
        return false;
      });
      await assignCodes(tx, toInsert.filter((a) => !a.code));
    }
    if (!toInsert.length) return;
    const rows = toInsert.map((a) => dossierRow(a));
    const inserted = await sql<{ id: number; code: string }>`
      INSERT INTO dossiers (${sql.raw(dossierColumns.join(', '))})
      SELECT ${sql.raw(dossierColumns.join(', '))} FROM json_populate_recordset(NULL::dossiers, ${JSON.stringify(rows)})
      ON CONFLICT (code) DO NOTHING
      RETURNING id, code`.execute(tx);
    const ids = new Map(inserted.rows.map((r) => [r.code, Number(r.id)]));
    const conflicts = toInsert.filter((a) => !ids.has(a.code!));
    if (conflicts.length) {
      const existing = new Map(
        (await tx.selectFrom('dossiers').select(['code', 'import_hash']).where('code', 'in', conflicts.map((a) => a.code!)).execute()).map((r) => [r.code, r.import_hash]),
      );
      for (const a of conflicts) {
        if (existing.get(a.code!) === a.hash) summary.skipped++;
        else reject(a.lineNumber, `code ${a.code} was already imported with different content`);
      }
    }
    const events = toInsert.filter((a) => ids.has(a.code!)).flatMap((a) => eventRows(a, ids.get(a.code!)!));
    for (let i = 0; i < events.length; i += 20_000) {
      await sql`
        INSERT INTO dossier_events (${sql.raw(eventColumns.join(', '))})
        SELECT ${sql.raw(eventColumns.join(', '))} FROM json_populate_recordset(NULL::dossier_events, ${JSON.stringify(events.slice(i, i + 20_000))})`.execute(tx);
    }
    summary.imported += ids.size;
  });
}

/** Codes for lines without one, from the agencies' daily counters (the same as live intake). */
async function assignCodes(tx: Kysely<Database>, lines: Accepted[]): Promise<void> {
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
  const reserved = await sql<{ agency_id: string; local_date: string; last_value: number }>`
    INSERT INTO dossier_code_counters (agency_id, local_date, last_value)
    SELECT agency_id, local_date, last_value FROM json_populate_recordset(NULL::dossier_code_counters, ${JSON.stringify(wanted)})
    ORDER BY agency_id, local_date
    ON CONFLICT (agency_id, local_date) DO UPDATE SET last_value = dossier_code_counters.last_value + EXCLUDED.last_value
    RETURNING agency_id, local_date::text, last_value`.execute(tx);
  for (const r of reserved.rows) {
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
  'imported', 'import_hash',
];

const iso = (ms: number | null) => (ms === null ? null : formatInstant(ms));

function dossierRow(a: Accepted) {
  const { line, facts } = a;
  return {
    code: a.code, agency_id: a.agencyId, handling_agency_id: a.agencyId, procedure_version_id: a.versionId, procedure_code: line.procedure,
    field: a.field, channel: line.channel, result_delivery: 'counter', status: facts.status, national_status: facts.nationalStatus,
    step_index: null, participant: 0, applicant_kind: line.applicant.kind, applicant_name: line.applicant.name,
    applicant_id_number: line.applicant.idNumber ?? null, applicant_phone: line.applicant.phone ?? null,
    applicant_email: line.applicant.email ?? null, applicant_address: line.applicant.address ?? null, applicant: line.applicant,
    components: [], sets: 1, fee_amount: 0, fee_paid: false, submitted_at: line.receivedAt, received_at: line.receivedAt,
    // The appointment the legacy system recorded, pauses included: kept, never recomputed.
    due_at: line.dueAt, clock_due_at: line.dueAt, apology_due_at: iso(facts.apologyDueAt), result_at: iso(facts.resultAt),
    returned_at: iso(facts.returnedAt), withdrawn_at: iso(facts.withdrawnAt), closed_at: iso(facts.closedAt), result_class: facts.resultClass,
    digitized: line.digitized, imported: true, import_hash: a.hash,
  };
}

const eventColumns = [
  'dossier_id', 'seq', 'action', 'at', 'actor_kind', 'actor_name', 'actor_role', 'from_status', 'to_status', 'handling_agency_id',
  'clock_due_at', 'note', 'reasons', 'data',
];

function eventRows(a: Accepted, dossierId: number) {
  const base = { dossier_id: dossierId, actor_kind: 'system', actor_name: 'import', actor_role: 'system', handling_agency_id: a.agencyId, clock_due_at: a.line.dueAt };
  const rows: Array<Record<string, unknown>> = [
    { ...base, seq: 1, action: 'submit', at: a.line.receivedAt, from_status: null, to_status: 'submitted', note: null, reasons: null, data: { channel: a.line.channel, imported: true } },
    { ...base, seq: 2, action: 'receive', at: a.line.receivedAt, from_status: 'submitted', to_status: 'received', note: null, reasons: null, data: {} },
  ];
  a.facts.events.forEach(({ event, action, from, to }, i) => {
    const { type: _type, at, note, reasons, ...rest } = event;
    rows.push({
      ...base, seq: i + 3, action, at, from_status: from, to_status: to, note: note ?? null, reasons: reasons ?? null,
      // Everything else the legacy system said (newDueAt, …) is kept for the export.
      data: rest,
    });
  });
  return rows;
}
