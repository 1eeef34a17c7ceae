/**
 * Bench datasets: historical dossiers generated in SQL, fast (`INSERT … SELECT … FROM
 * generate_series` in batches, one statement writing a batch of dossiers and their action log),
 * for the lookup benchmark (1 million) and the report benchmarks (10 million).
 *
 * Dossier number i (0-based) is a pure function of i, so a dataset of N dossiers is the first N
 * of an endless sequence: growing a database from 1 to 10 million only adds the missing ones.
 * - received on a weekday between `from` and `to` (working hours 07:30–11:30, 13:00–17:00 local):
 *   day = i mod D (D weekdays), so every day gets the same share;
 * - at one of the commune People's Committees valid that day (before 1 July 2025 the three
 *   communes of the abolished district, from then on the 11 new communes), in turn: with
 *   k = i div D, agency = k mod A(day) and daily sequence = k div A(day) + 1, so the code
 *   `<agency code>-<YYMMDD>-<seq, at least 4 digits>` is unique by construction;
 * - for a commune-level procedure version of the catalogue in force over the whole period (weighted:
 *   civil status first; inter-agency procedures left out, their chain of agencies is not modelled);
 * - 60% at the counter (the agency's first counter), 35% online, 5% by post; 3% organizations, the rest citizens with
 *   Vietnamese names, 12-digit ID numbers (Nam Định's 036 prefix) and mobile numbers;
 * - with an outcome and its action log (2–6 events): returned (72%: 6 or 5 events, 2% after a
 *   refusal decision), resolved not yet returned (6%, 5% more after a supplement request),
 *   refused at intake (3%), withdrawn (2%); open ones (processing, received, supplement
 *   requested: 12%) only in the last 45 days before `to`, and any outcome that would lie after
 *   `to` is still processing;
 * - appointments: `same_day` → 17:00 (next working day after the 15:00 cut-off), `working_days`
 *   skipping weekends (holidays are ignored), `days` as calendar days; results 85% well ahead,
 *   12% close to the appointment, 3% late; result_class as the domain classifies it (a same-day
 *   procedure's result is `on_time`: it is ready on the appointment's day, not before).
 * Other tables are left as the server keeps them: the dossier id sequence is moved past the
 * generated ids and the daily code counters are set to the last sequence used, so a real intake
 * on the same database still gets a fresh code.
 *
 * The parameters are kept in the table `bench_dataset` of the bench database, so that a later
 * run knows what is there (and skips or extends the generation).
 *
 * Speed (2 cores, shared): about 140 000 rows/s, i.e. 1 million dossiers with 5.5 million events in
 * ~45 s. Large loads drop the secondary indexes of dossiers and dossier_events and build them
 * afterwards, two connections insert side by side, synchronous_commit is off; VACUUM (ANALYZE) at the end: a table that has
 * lived for years has its visibility map set by autovacuum, which a fresh bulk load has not (the
 * report's refusal count, an index-only scan, then reads 90 000 heap pages: 1.5 s instead of 0.15 s).
 * The dossier rows keep their triggers: foreign keys are checked and the statement triggers of
 * migration 0005 keep the report aggregates (report_daily, report_monthly) in step, batch by
 * batch. The action log's foreign-key checks are skipped (superuser, and only while no other
 * trigger fires on its inserts): each batch inserts its dossiers first, in the same transaction.
 */
import pg from 'pg';

export interface DossierDatasetOptions {
  count: number;
  /** First local date of receipt (default 2024-01-01). */
  from?: string;
  /** Last local date of receipt and "now" of the dataset (default: yesterday, local time). */
  to?: string;
  /** Dossiers per statement (default 50 000). */
  batchSize?: number;
  /** Connections inserting side by side (default 2, one per core). */
  parallel?: number;
  /** Drop the secondary indexes during the load and build them after (default: when adding ≥ 200 000 and at least doubling). */
  bulk?: boolean;
  /** Write the action log too (default true). The report benchmark needs only the dossier rows. */
  events?: boolean;
  log?: (line: string) => void;
}

export interface DossierDataset {
  count: number;
  events: number;
  from: string;
  to: string;
  /** False when the database already held the requested dataset. */
  generated: boolean;
  /** Dossiers written by this call (0 when skipped; less than count when extended). */
  written: number;
  eventsWritten: number;
  seconds: number;
  dossiersPerSecond: number;
  /** Dossier + event rows per second. */
  rowsPerSecond: number;
  /** A one-line description for the figures' `dataset`. */
  description: string;
}

/** Family names with their approximate shares (per thousand). */
export const familyNames: Array<[string, number]> = [
  ['Nguyễn', 380], ['Trần', 110], ['Lê', 95], ['Phạm', 70], ['Hoàng', 50], ['Phan', 45], ['Vũ', 39], ['Đặng', 21],
  ['Bùi', 20], ['Đỗ', 14], ['Hồ', 13], ['Ngô', 13], ['Dương', 10], ['Lý', 5], ['Đinh', 40], ['Trịnh', 30], ['Mai', 25], ['Lương', 20],
];
export const maleMiddleNames = ['Văn', 'Văn', 'Văn', 'Hữu', 'Đức', 'Minh', 'Quang', 'Thành', 'Xuân', 'Công', 'Ngọc', 'Anh'];
export const femaleMiddleNames = ['Thị', 'Thị', 'Thị', 'Thị', 'Thu', 'Ngọc', 'Thanh', 'Minh', 'Hồng', 'Phương', 'Kim', 'Thùy'];
export const maleGivenNames = [
  'An', 'Bình', 'Cường', 'Dũng', 'Đạt', 'Hải', 'Hiếu', 'Hùng', 'Huy', 'Khánh', 'Long', 'Mạnh', 'Nam', 'Phong', 'Quân', 'Sơn',
  'Thắng', 'Trung', 'Tuấn', 'Việt', 'Toàn', 'Thịnh', 'Kiên', 'Lộc',
];
export const femaleGivenNames = [
  'Anh', 'Chi', 'Dung', 'Giang', 'Hà', 'Hạnh', 'Hằng', 'Hoa', 'Hương', 'Lan', 'Linh', 'Mai', 'Ngọc', 'Nhung', 'Phương', 'Quỳnh',
  'Thảo', 'Trang', 'Vân', 'Yến', 'Huyền', 'Loan', 'Oanh', 'Thủy',
];
export const villages = ['Xóm 1', 'Xóm 2', 'Xóm 3', 'Xóm 4', 'Xóm 5', 'Xóm 6', 'Xóm 7', 'Xóm 8', 'Thôn Đông', 'Thôn Tây', 'Thôn Nam', 'Thôn Bắc', 'Thôn Trung', 'Thôn Hạ'];
export const staffNames = ['Phạm Thị Thu', 'Lê Thị Hoa', 'Vũ Đức Minh', 'Hoàng Văn Nam', 'Đỗ Văn Hùng', 'Bùi Thị Lan', 'Ngô Quang Tuấn', 'Trần Thị Lý'];

/** Weights of the demo catalogue's procedures (per thousand of a commune's dossiers); others get 10. */
export const procedureWeights: Record<string, number> = {
  '1.001193': 260, // birth registration
  '2.000815': 150, // certified copies
  '2.000908': 90,
  'DEMO.005': 90, // marital status certificate
  '1.000656': 60, // death registration
  '1.000894': 60, // marriage registration
  '2.000635': 50,
  'DEMO.008': 40,
};

/** Outcomes: [key, per thousand, status, actions]. */
export const outcomes: Array<[string, number, string, string[]]> = [
  ['ret6', 450, 'returned', ['submit', 'receive', 'transfer', 'forward', 'resolve', 'return_result']],
  ['ret5', 250, 'returned', ['submit', 'receive', 'transfer', 'resolve', 'return_result']],
  ['res5', 60, 'resolved', ['submit', 'receive', 'transfer', 'forward', 'resolve']],
  ['rej', 20, 'returned', ['submit', 'receive', 'transfer', 'reject', 'return_result']],
  ['refused', 30, 'refused', ['submit', 'refuse']],
  ['withdrawn', 20, 'withdrawn', ['submit', 'receive', 'withdraw']],
  ['supp', 50, 'resolved', ['submit', 'receive', 'transfer', 'request_supplement', 'receive_supplement', 'resolve']],
  ['proc', 70, 'processing', ['submit', 'receive', 'transfer']],
  ['recv', 30, 'received', ['submit', 'receive']],
  ['suppopen', 20, 'supplement_requested', ['submit', 'receive', 'transfer', 'request_supplement']],
];

/** Expands weights into a 1000-entry pick list (index by floor(random × 1000)). */
export function pickList<T>(items: Array<[T, number]>): T[] {
  const total = items.reduce((s, [, w]) => s + w, 0);
  const out: T[] = [];
  let acc = 0;
  for (const [item, w] of items) {
    acc += w;
    while (out.length < Math.round((acc / total) * 1000)) out.push(item);
  }
  return out;
}

const localToday = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
const addDays = (date: string, n: number) => new Date(Date.parse(date + 'T00:00:00Z') + n * 86_400_000).toISOString().slice(0, 10);

export const setupSql = (from: string, to: string) => `
CREATE TABLE IF NOT EXISTS bench_dataset (key text PRIMARY KEY, params jsonb NOT NULL);
-- deterministic uniform random in [0, 1) from (i, salt)
CREATE OR REPLACE FUNCTION pg_temp.rnd(i bigint, salt bigint) RETURNS float8 LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
  $$ SELECT ((hashint8extended(i, salt) >> 8) & 16777215)::float8 / 16777216 $$;
-- n working days after a weekday (weekends skipped, holidays ignored), in calendar days
CREATE OR REPLACE FUNCTION pg_temp.wd(isodow int, n int) RETURNS int LANGUAGE sql IMMUTABLE AS
  $$ SELECT n + 2 * ((isodow - 1 + n) / 5) $$;
DROP TABLE IF EXISTS pg_temp.gen_days;
CREATE TEMP TABLE gen_days AS
  SELECT (row_number() OVER (ORDER BY day) - 1)::int AS d, day::date AS local_date, extract(isodow FROM day)::int AS dow,
         a.ids, a.codes, a.names, a.counters, cardinality(a.ids) AS n
  FROM generate_series('${from}'::date, '${to}'::date, interval '1 day') AS day
  CROSS JOIN LATERAL (
    SELECT array_agg(id ORDER BY code) AS ids, array_agg(code ORDER BY code) AS codes,
           array_agg(replace(name, 'Ủy ban nhân dân ', '') ORDER BY code) AS names,
           array_agg((SELECT c.id FROM counters c WHERE c.agency_id = ag.id AND c.active ORDER BY c.code LIMIT 1) ORDER BY code) AS counters
    FROM agencies ag
    WHERE level = 'commune' AND (valid_from IS NULL OR valid_from <= day::date) AND (valid_to IS NULL OR valid_to >= day::date)
  ) a
  WHERE extract(isodow FROM day) < 6 AND cardinality(a.ids) > 0;
CREATE UNIQUE INDEX ON gen_days (d);
DROP TABLE IF EXISTS pg_temp.gen_versions;
CREATE TEMP TABLE gen_versions AS
  SELECT (row_number() OVER (ORDER BY v.procedure_code, v.version) - 1)::int AS k, v.id, v.procedure_code, v.field,
         v.processing_time->>'unit' AS unit, coalesce((v.processing_time->>'value')::numeric, 0)::int AS value,
         coalesce((v.fee->>'amount')::bigint, 0) AS fee,
         (SELECT jsonb_agg(c || jsonb_build_object('index', o - 1, 'received', true, 'fileIds', '[]'::jsonb, 'digitized', false) ORDER BY o)
            FROM jsonb_array_elements(v.components) WITH ORDINALITY AS x(c, o)) AS components,
         (SELECT jsonb_agg(c || jsonb_build_object('index', o - 1, 'received', true, 'fileIds', '[]'::jsonb, 'digitized', true) ORDER BY o)
            FROM jsonb_array_elements(v.components) WITH ORDINALITY AS x(c, o)) AS components_digitized,
         ARRAY(SELECT s->>'name' FROM jsonb_array_elements(v.workflow) WITH ORDINALITY AS y(s, o) ORDER BY o) AS steps
  FROM procedure_versions v
  WHERE 'commune' = ANY (v.levels) AND cardinality(v.agency_codes) = 0 AND v.inter_agency = '[]'::jsonb
    AND (v.valid_from IS NULL OR v.valid_from <= '${from}'::date) AND (v.valid_to IS NULL OR v.valid_to >= '${to}'::date);
CREATE UNIQUE INDEX ON gen_versions (k);
ANALYZE gen_days; ANALYZE gen_versions;
`;

/**
 * One batch, step 1: the dossiers lo..hi-1 (ids lo+1..hi) with everything their rows and action
 * log need, into a temporary table dropped at commit.
 * $1 lo, $2 hi, $3 procedure pick list (version k), $4 outcome keys, $5 family names,
 * $6/$7 male middle/given, $8/$9 female middle/given, $10 villages, $11 staff names, $12 "now" of the dataset,
 * $13 outcome pick list and $14 family-name pick list (1-based positions in $4 and $5: a pick list of
 * 1 000 strings would be walked element by element at every subscript).
 * A chain of LATERAL (… OFFSET 0) steps: each computes its columns once per row (a plain chain of
 * subqueries would be flattened, repeating every expression wherever a later step uses it).
 */
export const batchSql = (days: number) => `
CREATE TEMP TABLE gen_batch ON COMMIT DROP AS
SELECT g.*,
       CASE g.outcome WHEN 'ret6' THEN 'returned' WHEN 'ret5' THEN 'returned' WHEN 'rej' THEN 'returned' WHEN 'res5' THEN 'resolved'
         WHEN 'supp' THEN 'resolved' WHEN 'refused' THEN 'refused' WHEN 'withdrawn' THEN 'withdrawn' WHEN 'proc' THEN 'processing'
         WHEN 'recv' THEN 'received' ELSE 'supplement_requested' END AS status,
       CASE g.outcome WHEN 'ret6' THEN ARRAY['submit','receive','transfer','forward','resolve','return_result']
         WHEN 'ret5' THEN ARRAY['submit','receive','transfer','resolve','return_result']
         WHEN 'rej' THEN ARRAY['submit','receive','transfer','reject','return_result']
         WHEN 'res5' THEN ARRAY['submit','receive','transfer','forward','resolve']
         WHEN 'supp' THEN ARRAY['submit','receive','transfer','request_supplement','receive_supplement','resolve']
         WHEN 'refused' THEN ARRAY['submit','refuse']
         WHEN 'withdrawn' THEN ARRAY['submit','receive','withdraw']
         WHEN 'proc' THEN ARRAY['submit','receive','transfer']
         WHEN 'recv' THEN ARRAY['submit','receive']
         ELSE ARRAY['submit','receive','transfer','request_supplement'] END AS actions,
       CASE WHEN g.outcome IN ('supp', 'suppopen') THEN g.clock_due_at ELSE g.due_at END AS clock_due,
       CASE WHEN g.outcome IN ('ret6','ret5','rej','res5','supp') THEN g.result0 END AS result_at,
       CASE WHEN g.outcome IN ('ret6','ret5','rej') THEN g.returned0 END AS returned_at,
       CASE WHEN g.outcome = 'withdrawn' THEN g.withdrawn0 END AS withdrawn_at,
       -- when the open part of the work ends (for the times of intermediate actions)
       CASE WHEN g.outcome IN ('ret6','ret5','rej','res5','supp') THEN g.result0
            WHEN g.outcome = 'withdrawn' THEN g.withdrawn0
            ELSE least(g.due_at, greatest(g.received_at, ($12::date + time '17:00') AT TIME ZONE 'Asia/Ho_Chi_Minh')) END AS work_end
FROM generate_series($1::bigint, $2::bigint - 1) AS s(i)
JOIN gen_days dd ON dd.d = (s.i % ${days})::int
CROSS JOIN LATERAL (SELECT i, dd.local_date, dd.dow, dd.n, (i / ${days}) AS k,
       dd.ids[((i / ${days}) % dd.n) + 1] AS agency_id, dd.codes[((i / ${days}) % dd.n) + 1] AS agency_code,
       dd.names[((i / ${days}) % dd.n) + 1] AS agency_name, dd.counters[((i / ${days}) % dd.n) + 1] AS counter_id,
       ((i / ${days}) / dd.n) + 1 AS seq,
       pg_temp.rnd(i, 1) AS r1, pg_temp.rnd(i, 2) AS r2, pg_temp.rnd(i, 3) AS r3, pg_temp.rnd(i, 4) AS r4,
       pg_temp.rnd(i, 5) AS r5, pg_temp.rnd(i, 6) AS r6, pg_temp.rnd(i, 7) AS r7, pg_temp.rnd(i, 8) AS r8,
       pg_temp.rnd(i, 9) AS r9, pg_temp.rnd(i, 10) AS r10 OFFSET 0) g0
JOIN gen_versions v ON v.k = ($3::int[])[1 + floor(g0.r1 * 1000)::int]
CROSS JOIN LATERAL (SELECT g0.*, v.id AS version_id, v.procedure_code, v.field, v.unit, v.value, v.fee, v.steps,
       CASE WHEN g0.r9 < 0.8 THEN v.components_digitized ELSE v.components END AS components, g0.r9 < 0.8 AS digitized,
       ($4::text[])[($13::int[])[1 + floor(g0.r2 * 1000)::int]] AS outcome0,
       CASE WHEN g0.r4 < 0.60 THEN 'counter' WHEN g0.r4 < 0.95 THEN 'online' ELSE 'postal' END AS channel,
       ((g0.local_date + CASE WHEN floor(g0.r3 * 480) < 240 THEN time '07:30' + floor(g0.r3 * 480) * interval '1 minute'
                               ELSE time '13:00' + (floor(g0.r3 * 480) - 240) * interval '1 minute' END)
         AT TIME ZONE 'Asia/Ho_Chi_Minh') AS received_at,
       g0.r5 < 0.5 AS male, g0.r10 < 0.03 AS organization OFFSET 0) g1
CROSS JOIN LATERAL (SELECT g1.*,
       CASE g1.channel WHEN 'counter' THEN g1.received_at
                       WHEN 'online' THEN g1.received_at - (0.2 + g1.r6 * 40) * interval '1 hour'
                       ELSE g1.received_at - interval '2 days' END AS submitted_at,
       CASE g1.unit
         WHEN 'same_day' THEN ((g1.local_date + pg_temp.wd(g1.dow, CASE WHEN floor(g1.r3 * 480) >= 420 THEN 1 ELSE 0 END))
                                + time '17:00') AT TIME ZONE 'Asia/Ho_Chi_Minh'
         WHEN 'working_days' THEN g1.received_at + pg_temp.wd(g1.dow, g1.value) * interval '1 day'
         WHEN 'working_hours' THEN g1.received_at + pg_temp.wd(g1.dow, ceil(g1.value / 8.0)::int) * interval '1 day'
         ELSE g1.received_at + g1.value * interval '1 day' END AS due_at,
       -- where the result falls between receipt and the appointment (clock)
       CASE WHEN g1.r6 < 0.85 THEN 0.15 + 0.75 * g1.r7 WHEN g1.r6 < 0.97 THEN 0.9 + 0.1 * g1.r7 ELSE 1.0 + 0.6 * g1.r7 END AS f,
       CASE WHEN g1.outcome0 IN ('proc', 'recv', 'suppopen') AND g1.local_date < $12::date - 45 THEN 'ret6' ELSE g1.outcome0 END AS outcome1 OFFSET 0) g2
CROSS JOIN LATERAL (SELECT g2.*,
       CASE WHEN g2.outcome1 IN ('supp', 'suppopen') THEN 0.25 * (g2.due_at - g2.received_at) ELSE interval '0' END AS pause OFFSET 0) g3
CROSS JOIN LATERAL (SELECT g3.*, g3.due_at + g3.pause AS clock_due_at,
       g3.received_at + (CASE WHEN g3.outcome1 = 'supp' THEN greatest(g3.f, 0.6) ELSE g3.f END) * ((g3.due_at + g3.pause) - g3.received_at) AS result0 OFFSET 0) g4
CROSS JOIN LATERAL (SELECT g4.*,
       g4.result0 + (0.5 + g4.r8 * 47.5) * interval '1 hour' AS returned0,
       g4.received_at + 0.3 * (g4.due_at - g4.received_at) AS withdrawn0 OFFSET 0) g5
CROSS JOIN LATERAL (SELECT g5.*,
       CASE WHEN g5.outcome1 IN ('ret6', 'ret5', 'rej') AND g5.returned0 > ($12::date + 1 + time '00:00') AT TIME ZONE 'Asia/Ho_Chi_Minh' THEN 'proc'
            WHEN g5.outcome1 IN ('res5', 'supp') AND g5.result0 > ($12::date + 1 + time '00:00') AT TIME ZONE 'Asia/Ho_Chi_Minh' THEN 'proc'
            WHEN g5.outcome1 = 'withdrawn' AND g5.withdrawn0 > ($12::date + 1 + time '00:00') AT TIME ZONE 'Asia/Ho_Chi_Minh' THEN 'recv'
            ELSE g5.outcome1 END AS outcome,
       CASE WHEN g5.organization
            THEN 'Công ty TNHH ' || ($7::text[])[1 + floor(g5.r7 * cardinality($7::text[]))::int] || ' ' || ($7::text[])[1 + floor(g5.r8 * cardinality($7::text[]))::int]
            ELSE ($5::text[])[($14::int[])[1 + floor(g5.r5 * 1000)::int]] || ' ' ||
                 CASE WHEN g5.male THEN ($6::text[])[1 + floor(g5.r6 * cardinality($6::text[]))::int] || ' ' || ($7::text[])[1 + floor(g5.r7 * cardinality($7::text[]))::int]
                      ELSE ($8::text[])[1 + floor(g5.r6 * cardinality($8::text[]))::int] || ' ' || ($9::text[])[1 + floor(g5.r7 * cardinality($9::text[]))::int] END
       END AS applicant_name,
       CASE WHEN g5.organization THEN '06' || lpad(floor(g5.r8 * 1e8)::text, 8, '0')
            ELSE '036' || CASE WHEN g5.r9 < 0.75 THEN (CASE WHEN g5.male THEN '0' ELSE '1' END) || lpad((50 + floor(g5.r8 * 50))::int::text, 2, '0')
                               ELSE (CASE WHEN g5.male THEN '2' ELSE '3' END) || lpad(floor(g5.r8 * 7)::int::text, 2, '0') END
                 || lpad(floor(g5.r3 * 1e6)::text, 6, '0') END AS id_number,
       '09' || lpad(floor(g5.r10 * 1e8)::text, 8, '0') AS phone,
       ($10::text[])[1 + floor(g5.r8 * cardinality($10::text[]))::int] || ', ' || g5.agency_name || ', tỉnh Ninh Bình' AS address,
       ($11::text[])[1 + (g5.k % cardinality($11::text[]))::int] AS staff_name OFFSET 0) g
`;

/** Step 2: the dossier rows (their statement triggers maintain the report aggregates). */
export const insertDossiersSql = `
INSERT INTO dossiers (
  id, code, agency_id, handling_agency_id, counter_id, procedure_version_id, procedure_code, field, channel, result_delivery,
  status, national_status, step_index, participant, assignee_id, applicant_kind, applicant_name, applicant_id_number,
  applicant_phone, applicant_email, applicant_address, applicant, components, sets, fee_amount, fee_paid, submitted_at,
  received_at, due_at, clock_due_at, apology_due_at, result_at, returned_at, withdrawn_at, refused_at, closed_at, result_class,
  clock_stopped_at, overdue_from, digitized, imported, import_hash, access_secret_hash, lock_version, created_at, updated_at)
OVERRIDING SYSTEM VALUE
SELECT d.i + 1,
       d.agency_code || '-' || to_char(d.local_date, 'YYMMDD') || '-' || CASE WHEN d.seq < 10000 THEN lpad(d.seq::text, 4, '0') ELSE d.seq::text END,
       d.agency_id, d.agency_id, CASE WHEN d.channel = 'online' THEN NULL ELSE d.counter_id END, d.version_id, d.procedure_code, d.field, d.channel,
       CASE WHEN d.channel = 'online' AND d.r8 < 0.5 THEN 'online' WHEN d.channel = 'postal' THEN 'post' ELSE 'counter' END,
       d.status,
       CASE d.status WHEN 'received' THEN 2 WHEN 'refused' THEN 3 WHEN 'processing' THEN 4 WHEN 'supplement_requested' THEN 5
         WHEN 'withdrawn' THEN 8 WHEN 'resolved' THEN 9 WHEN 'returned' THEN 10 END,
       CASE d.outcome WHEN 'refused' THEN NULL WHEN 'recv' THEN 0 WHEN 'withdrawn' THEN 0 WHEN 'proc' THEN 1 WHEN 'suppopen' THEN 1 ELSE 3 END,
       0, NULL, CASE WHEN d.organization THEN 'organization' ELSE 'citizen' END, d.applicant_name, d.id_number, d.phone, NULL, d.address,
       jsonb_build_object('kind', CASE WHEN d.organization THEN 'organization' ELSE 'citizen' END, 'name', d.applicant_name,
         'idNumber', d.id_number, 'phone', d.phone, 'address', d.address),
       d.components, 1, d.fee, d.fee > 0 AND d.result_at IS NOT NULL, d.submitted_at,
       CASE WHEN d.outcome = 'refused' THEN NULL ELSE d.received_at END,
       CASE WHEN d.outcome = 'refused' THEN NULL ELSE d.due_at END,
       CASE WHEN d.outcome = 'refused' THEN NULL ELSE d.clock_due END,
       NULL, d.result_at, d.returned_at, d.withdrawn_at,
       CASE WHEN d.outcome = 'refused' THEN d.received_at END,
       coalesce(d.result_at, d.withdrawn_at),
       CASE WHEN d.result_at IS NULL THEN NULL
            WHEN d.result_at > d.clock_due THEN 'overdue'
            WHEN (d.result_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date < (d.clock_due AT TIME ZONE 'Asia/Ho_Chi_Minh')::date THEN 'ahead'
            ELSE 'on_time' END,
       -- The running stop (the open supplement request, as in the action log) and from when the
       -- dossier is overdue, by the domain's overdueFromOf (docs/rules/time.md, "Overdue as of now"):
       -- in progress with the clock running, its appointment; a stop before it, none; closed, none.
       CASE WHEN d.status = 'supplement_requested' THEN d.stop_at END,
       CASE WHEN d.status IN ('received', 'processing') THEN d.clock_due
            WHEN d.status = 'supplement_requested' AND d.stop_at >= d.clock_due THEN d.clock_due END,
       d.digitized, false, NULL, NULL, cardinality(d.actions) - 2, d.submitted_at,
       coalesce(d.returned_at, d.result_at, d.withdrawn_at, d.received_at)
FROM (SELECT b.*, b.received_at + 0.1 * (b.work_end - b.received_at) + 0.1 * (b.due_at - b.received_at) AS stop_at FROM gen_batch b) d
`;

/** Step 3: the action log. */
export const insertEventsSql = `
INSERT INTO dossier_events (
  dossier_id, seq, action, at, actor_kind, actor_id, actor_name, actor_role, from_status, to_status, step_index, step_name,
  participant, handling_agency_id, assignee_id, step_due_at, clock_due_at, note, reasons, data, form, request_id)
SELECT d.i + 1, e.seq, e.action, t.at,
       CASE WHEN e.action = 'submit' AND d.channel = 'online' THEN 'citizen' ELSE 'staff' END, NULL,
       CASE WHEN e.action = 'submit' AND d.channel = 'online' THEN d.applicant_name ELSE d.staff_name END,
       CASE WHEN e.action = 'submit' AND d.channel = 'online' THEN 'citizen'
            WHEN e.action IN ('forward', 'request_supplement') THEN 'specialist'
            WHEN e.action IN ('resolve', 'reject') THEN 'leader' ELSE 'officer' END,
       CASE e.action WHEN 'submit' THEN NULL WHEN 'receive' THEN 'submitted' WHEN 'refuse' THEN 'submitted' WHEN 'transfer' THEN 'received'
         WHEN 'withdraw' THEN 'received' WHEN 'receive_supplement' THEN 'supplement_requested'
         WHEN 'return_result' THEN CASE WHEN d.outcome = 'rej' THEN 'rejected' ELSE 'resolved' END ELSE 'processing' END,
       CASE e.action WHEN 'submit' THEN 'submitted' WHEN 'receive' THEN 'received' WHEN 'refuse' THEN 'refused' WHEN 'transfer' THEN 'processing'
         WHEN 'forward' THEN 'processing' WHEN 'request_supplement' THEN 'supplement_requested' WHEN 'receive_supplement' THEN 'processing'
         WHEN 'resolve' THEN 'resolved' WHEN 'reject' THEN 'rejected' WHEN 'return_result' THEN 'returned' ELSE 'withdrawn' END,
       s.step, d.steps[s.step + 1], 0, d.agency_id, NULL,
       CASE e.action WHEN 'receive' THEN t.at + 0.1 * (d.due_at - d.received_at) WHEN 'transfer' THEN t.at + 0.6 * (d.due_at - d.received_at)
         WHEN 'forward' THEN t.at + 0.2 * (d.due_at - d.received_at) END,
       CASE WHEN e.action IN ('submit', 'refuse') THEN NULL ELSE d.clock_due END,
       NULL,
       CASE e.action WHEN 'refuse' THEN '["Hồ sơ không thuộc thẩm quyền giải quyết"]'::jsonb
         WHEN 'reject' THEN '["Không đủ điều kiện theo quy định"]'::jsonb
         WHEN 'request_supplement' THEN '["Bổ sung bản sao giấy tờ tùy thân"]'::jsonb END,
       CASE WHEN e.action = 'submit' THEN jsonb_build_object('channel', d.channel) ELSE '{}'::jsonb END,
       CASE e.action WHEN 'receive' THEN '01' WHEN 'refuse' THEN '03' WHEN 'request_supplement' THEN '02' WHEN 'withdraw' THEN '05' END,
       NULL
FROM gen_batch d
CROSS JOIN LATERAL unnest(d.actions) WITH ORDINALITY AS e(action, seq)
CROSS JOIN LATERAL (SELECT CASE e.action
    WHEN 'submit' THEN d.submitted_at
    WHEN 'receive' THEN d.received_at
    WHEN 'refuse' THEN d.received_at
    WHEN 'transfer' THEN d.received_at + 0.1 * (d.work_end - d.received_at)
    WHEN 'forward' THEN d.received_at + 0.5 * (d.work_end - d.received_at)
    -- (the dossier's clock_stopped_at says the same for an open request)
    WHEN 'request_supplement' THEN d.received_at + 0.1 * (d.work_end - d.received_at) + 0.1 * (d.due_at - d.received_at)
    WHEN 'receive_supplement' THEN d.received_at + 0.1 * (d.work_end - d.received_at) + 0.1 * (d.due_at - d.received_at) + d.pause
    WHEN 'resolve' THEN d.result_at
    WHEN 'reject' THEN d.result_at
    WHEN 'return_result' THEN d.returned_at
    ELSE d.withdrawn_at END AS at) t
CROSS JOIN LATERAL (SELECT CASE e.action WHEN 'submit' THEN NULL WHEN 'refuse' THEN NULL WHEN 'receive' THEN 0 WHEN 'withdraw' THEN 0
    WHEN 'transfer' THEN 1 WHEN 'request_supplement' THEN 1 WHEN 'receive_supplement' THEN 1 WHEN 'forward' THEN 2 ELSE 3 END AS step) s
`;

async function readParams(client: pg.ClientBase): Promise<{ count: number; from: string; to: string } | undefined> {
  const exists = (await client.query(`SELECT to_regclass('bench_dataset') IS NOT NULL AS e`)).rows[0].e as boolean;
  if (!exists) return undefined;
  const r = await client.query(`SELECT params FROM bench_dataset WHERE key = 'dossiers'`);
  return r.rows[0]?.params;
}

export class DatasetMismatch extends Error {}

interface DroppedIndex {
  table: string;
  name: string;
  definition: string;
  /** The unique constraint the index backed, re-attached after the build. */
  constraint: string | null;
}

/** Drops the indexes of `tables` other than primary keys; returns how to build them again. */
async function dropSecondaryIndexes(client: pg.Client, tables: string[]): Promise<DroppedIndex[]> {
  const r = await client.query<DroppedIndex>(
    `SELECT t.relname AS table, i.relname AS name, pg_get_indexdef(x.indexrelid) AS definition, c.conname AS constraint
     FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
     LEFT JOIN pg_constraint c ON c.conindid = x.indexrelid AND c.conrelid = x.indrelid AND c.contype = 'u'
     WHERE t.relname = ANY ($1) AND t.relnamespace = 'public'::regnamespace AND NOT x.indisprimary
     ORDER BY t.relname, i.relname`,
    [tables],
  );
  for (const ix of r.rows) {
    await client.query(ix.constraint ? `ALTER TABLE ${ix.table} DROP CONSTRAINT ${ix.constraint}` : `DROP INDEX ${ix.name}`);
  }
  return r.rows;
}

/**
 * Makes the database hold exactly `count` generated dossiers: skips when it already does, extends
 * a smaller generated dataset, generates into an empty one. Throws DatasetMismatch when the
 * database holds other dossiers (drop and recreate it then).
 */
export async function ensureDossierDataset(connectionString: string, options: DossierDatasetOptions): Promise<DossierDataset> {
  const log = options.log ?? ((line: string) => console.log(line));
  const connect = async () => {
    const c = new pg.Client({ connectionString, application_name: 'motcua-bench-dataset' });
    await c.connect();
    return c;
  };
  const client = await connect();
  const clients: pg.Client[] = [client];
  try {
    const params = await readParams(client);
    const present = Number((await client.query('SELECT count(*) AS n FROM dossiers')).rows[0].n);
    const eventsPresent = async () => Number((await client.query(`SELECT reltuples::bigint AS n FROM pg_class WHERE relname = 'dossier_events'`)).rows[0].n);
    if (params && params.count === present && present === options.count) {
      const events = await eventsPresent();
      return {
        count: present, events, from: params.from, to: params.to, generated: false, written: 0, eventsWritten: 0, seconds: 0,
        dossiersPerSecond: 0, rowsPerSecond: 0,
        description: `${fmtCount(present)} dossiers (~${fmtCount(events)} events) received ${params.from}…${params.to}, already in the database (generation skipped)`,
      };
    }
    if (present > 0 && !(params && params.count === present && present < options.count)) {
      throw new DatasetMismatch(`the database holds ${fmtCount(present)} dossiers, not the ${fmtCount(options.count)} generated ones asked for`);
    }
    const from = params?.from ?? options.from ?? '2024-01-01';
    const to = params?.to ?? options.to ?? addDays(localToday(), -1);
    const batchSize = options.batchSize ?? 50_000;
    const start = present;
    // Many rows at once: drop the secondary indexes (unique ones too) and build them afterwards,
    // several times faster than maintaining them row by row.
    const bulk = options.bulk ?? options.count - start >= Math.max(200_000, start);
    const workers = Math.max(1, options.parallel ?? 2);
    for (let w = 1; w < workers; w++) clients.push(await connect());

    const t0 = performance.now();
    for (const c of clients) {
      await c.query(`SET synchronous_commit = off`);
      await c.query(`SET work_mem = '256MB'`);
      await c.query(`SET temp_buffers = '256MB'`); // the batch table, before the first temporary table
      await c.query(`SET maintenance_work_mem = '512MB'`);
      // The LATERAL steps must not be memoized (every row is different), and a one-off JIT
      // compilation of this big statement costs more than it saves.
      await c.query(`SET enable_memoize = off`);
      await c.query(`SET jit = off`);
      // Triggers stay on: the statement triggers on dossiers maintain the report aggregates
      // (migration 0005), and the foreign keys are checked like any other insert.
      await c.query(setupSql(from, to));
    }
    const days = Number((await client.query('SELECT count(*) AS n FROM gen_days')).rows[0].n);
    const versions = (await client.query<{ k: number; procedure_code: string }>('SELECT k, procedure_code FROM gen_versions ORDER BY k')).rows;
    if (days === 0 || versions.length === 0) throw new Error('no commune or no commune-level procedure to generate dossiers for');
    const procedurePicks = pickList(versions.map((v) => [v.k, procedureWeights[v.procedure_code] ?? 10] as [number, number]));
    const outcomePicks = pickList(outcomes.map(([, w], k) => [k + 1, w] as [number, number]));
    const familyPicks = pickList(familyNames.map(([, w], k) => [k + 1, w] as [number, number]));

    const dropped = bulk ? await dropSecondaryIndexes(client, ['dossiers', 'dossier_events']) : [];
    let eventsWritten = 0;
    let done = start;
    let next = start;
    let lastLog = performance.now();
    const sql = batchSql(days);
    // The action log's only insert trigger is its foreign key to the dossier, inserted just before
    // in the same transaction: when no other trigger fires on insert, skip the 5+ checks per
    // dossier (superuser only). The dossier rows keep all theirs (the report aggregates).
    const superuser = (await client.query(`SELECT rolsuper FROM pg_roles WHERE rolname = current_user`)).rows[0]?.rolsuper === true;
    const otherEventTriggers = Number((await client.query(
      `SELECT count(*) AS n FROM pg_trigger WHERE tgrelid = 'dossier_events'::regclass AND NOT tgisinternal AND (tgtype & 4) <> 0`,
    )).rows[0].n);
    const skipEventChecks = superuser && otherEventTriggers === 0;
    // Each connection takes the next batch until none is left (both cores busy).
    await Promise.all(clients.map(async (c) => {
      while (next < options.count) {
        const lo = next;
        const hi = Math.min(options.count, lo + batchSize);
        next = hi;
        await c.query('BEGIN');
        try {
          await c.query(sql, [
            lo, hi, procedurePicks, outcomes.map(([key]) => key), familyNames.map(([name]) => name), maleMiddleNames, maleGivenNames,
            femaleMiddleNames, femaleGivenNames, villages, staffNames, to, outcomePicks, familyPicks,
          ]);
          await c.query(insertDossiersSql);
          if (options.events !== false) {
            if (skipEventChecks) await c.query('SET LOCAL session_replication_role = replica');
            const r = await c.query(insertEventsSql);
            eventsWritten += r.rowCount ?? 0;
          }
          await c.query('COMMIT');
        } catch (error) {
          await c.query('ROLLBACK');
          throw error;
        }
        done += hi - lo;
        const now = performance.now();
        if (now - lastLog > 10_000) {
          lastLog = now;
          log(`    … ${fmtCount(done)} / ${fmtCount(options.count)} dossiers (${fmtCount((done - start) / ((now - t0) / 1000))} dossiers/s)`);
        }
      }
    }));
    const insertSeconds = (performance.now() - t0) / 1000;
    const tIndex = performance.now();
    const queue = [...dropped];
    await Promise.all(clients.slice(0, 2).map(async (c) => {
      for (let ix = queue.shift(); ix; ix = queue.shift()) {
        await c.query(ix.definition);
        if (ix.constraint) await c.query(`ALTER TABLE ${ix.table} ADD CONSTRAINT ${ix.constraint} UNIQUE USING INDEX ${ix.name}`);
      }
    }));
    const indexSeconds = (performance.now() - tIndex) / 1000;

    // Keep the server's own bookkeeping right: ids and daily code sequences continue after these.
    await client.query(`SELECT setval(pg_get_serial_sequence('dossiers', 'id'), (SELECT max(id) FROM dossiers))`);
    await client.query(`
      INSERT INTO dossier_code_counters (agency_id, local_date, last_value)
      SELECT dd.ids[a], dd.local_date, m.last
      FROM gen_days dd
      CROSS JOIN LATERAL (SELECT ($1::bigint / ${days}) + CASE WHEN dd.d < ($1::bigint % ${days}) THEN 1 ELSE 0 END AS c) cnt
      CROSS JOIN LATERAL generate_series(1, dd.n) AS a
      CROSS JOIN LATERAL (SELECT (cnt.c / dd.n) + CASE WHEN (a - 1) < (cnt.c % dd.n) THEN 1 ELSE 0 END AS last) m
      WHERE m.last > 0
      ON CONFLICT (agency_id, local_date) DO UPDATE SET last_value = greatest(dossier_code_counters.last_value, EXCLUDED.last_value)`, [options.count]);
    const tAnalyze = performance.now();
    await Promise.all([client.query('VACUUM (ANALYZE) dossiers'), (clients[1] ?? client).query('VACUUM (ANALYZE) dossier_events')]);
    await client.query('ANALYZE dossier_code_counters');
    const analyzeSeconds = (performance.now() - tAnalyze) / 1000;
    await client.query(
      `INSERT INTO bench_dataset (key, params) VALUES ('dossiers', $1) ON CONFLICT (key) DO UPDATE SET params = EXCLUDED.params`,
      [JSON.stringify({ count: options.count, from, to, generatedAt: new Date().toISOString() })],
    );
    const seconds = (performance.now() - t0) / 1000;
    const written = options.count - start;
    const events = await eventsPresent();
    log(`    ${fmtCount(written)} dossiers + ${fmtCount(eventsWritten)} events: inserted in ${insertSeconds.toFixed(1)} s ` +
      `(${workers} connections${dropped.length ? `, ${dropped.length} secondary indexes dropped` : ''}` +
      `${skipEventChecks ? ', foreign-key checks of the action log skipped' : ''})` +
      `${dropped.length ? `, indexes rebuilt in ${indexSeconds.toFixed(1)} s` : ''}, ANALYZE ${analyzeSeconds.toFixed(1)} s; total ${seconds.toFixed(1)} s`);
    return {
      count: options.count, events, from, to, generated: true, written, eventsWritten, seconds,
      dossiersPerSecond: written / seconds,
      rowsPerSecond: (written + eventsWritten) / seconds,
      description: `${fmtCount(options.count)} dossiers (~${fmtCount(events)} events) received ${from}…${to}, ` +
        `${start ? `extended from ${fmtCount(start)} and ` : ''}generated in this run (${seconds.toFixed(0)} s)`,
    };
  } finally {
    for (const c of clients) await c.end();
  }
}

function fmtCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}
