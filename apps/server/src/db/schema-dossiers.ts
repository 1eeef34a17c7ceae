/** Table types of migration 0004 (dossiers, their log, files, counters, idempotency keys). */
import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { FeeTerms } from '@motcua/domain';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json<T extends object | null> = JSONColumnType<T, string, string>;

export interface DossiersTable {
  id: Generated<number>;
  code: string;
  agency_id: string;
  handling_agency_id: string;
  counter_id: string | null;
  procedure_version_id: string;
  procedure_code: string;
  field: string;
  channel: 'counter' | 'online' | 'postal';
  result_delivery: ColumnType<'counter' | 'post' | 'online', 'counter' | 'post' | 'online' | undefined, 'counter' | 'post' | 'online'>;
  status: string;
  national_status: number | null;
  step_index: number | null;
  participant: Generated<number>;
  assignee_id: string | null;
  applicant_kind: 'citizen' | 'organization';
  applicant_name: string;
  applicant_id_number: string | null;
  applicant_phone: string | null;
  applicant_email: string | null;
  applicant_address: string | null;
  applicant: Json<Record<string, unknown>>;
  components: Json<unknown[]>;
  sets: Generated<number>;
  fee_amount: Generated<number>;
  fee_paid: Generated<boolean>;
  /** What the dossier owes, fixed at reception (migration 0033); null before reception and for dossiers received before fees were recorded. */
  fee_terms: ColumnType<FeeTerms | null, FeeTerms | string | null | undefined, FeeTerms | string | null>;
  submitted_at: NullableTimestamp;
  received_at: NullableTimestamp;
  due_at: NullableTimestamp;
  clock_due_at: NullableTimestamp;
  apology_due_at: NullableTimestamp;
  result_at: NullableTimestamp;
  returned_at: NullableTimestamp;
  withdrawn_at: NullableTimestamp;
  refused_at: NullableTimestamp;
  closed_at: NullableTimestamp;
  /** When the running stop of the clock began (migration 0012). */
  clock_stopped_at: NullableTimestamp;
  /** From when the dossier is overdue; null when it cannot become overdue now (migration 0012). */
  overdue_from: NullableTimestamp;
  result_class: 'ahead' | 'on_time' | 'overdue' | null;
  digitized: Generated<boolean>;
  imported: Generated<boolean>;
  import_hash: string | null;
  access_secret_hash: string | null;
  /** The citizen account that submitted it online while signed in (migration 0017). */
  submitter_citizen_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** The staff member (officer or community helper) who prepared it for the applicant (migration 0020). */
  prepared_by: ColumnType<string | null, string | null | undefined, string | null>;
  /** The e-form declaration (migration 0018): answers and the keys the e-ID verified; the form as `id@version`; its answers as text for search. */
  declaration: ColumnType<import('@motcua/domain').StoredDeclaration | null, string | null | undefined, string | null>;
  declaration_form: ColumnType<string | null, string | null | undefined, string | null>;
  declaration_text: ColumnType<string | null, string | null | undefined, string | null>;
  lock_version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface DossierEventsTable {
  id: Generated<number>;
  dossier_id: number;
  seq: number;
  action: string;
  at: ColumnType<Date, Date | string, Date | string>;
  actor_kind: string;
  actor_id: string | null;
  actor_name: string | null;
  actor_role: string | null;
  from_status: string | null;
  to_status: string;
  step_index: number | null;
  step_name: string | null;
  participant: number | null;
  handling_agency_id: string | null;
  assignee_id: string | null;
  step_due_at: NullableTimestamp;
  clock_due_at: NullableTimestamp;
  note: string | null;
  reasons: JSONColumnType<string[] | null, string | null, string | null>;
  data: Json<Record<string, unknown>>;
  form: string | null;
  request_id: string | null;
}

export interface DossierCodeCountersTable {
  agency_id: string;
  local_date: string;
  last_value: number;
}

export interface FilesTable {
  id: Generated<string>;
  dossier_id: number | null;
  purpose: 'component' | 'supplement' | 'result' | 'attachment';
  component_index: number | null;
  original_name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  storage_key: string;
  upload_token_hash: string | null;
  uploaded_by_kind: string;
  uploaded_by: string | null;
  created_at: Timestamp;
}

export interface IdempotencyKeysTable {
  scope: string;
  key: string;
  request_hash: string;
  status_code: number | null;
  response: ColumnType<unknown, string | null, string | null>;
  created_at: Timestamp;
}

export interface DossierRatingsTable {
  dossier_id: number;
  score: number;
  comment: string | null;
  rated_at: Timestamp;
  ip: string | null;
  /** How the rater proved to be the applicant (docs/rules/service-quality.md). */
  proof: 'security_code' | 'token' | 'eid' | null;
}

/** One-time rating tokens printed on form 01 (only their SHA-256 is kept). */
export interface DossierRatingTokensTable {
  token_hash: string;
  dossier_id: number;
  issued_at: Generated<Date>;
  issued_by: string | null;
  used_at: Date | null;
}

/** One-time codes that confirm a prepared dossier (assisted filing, migration 0020). */
export interface DossierConfirmationCodesTable {
  id: Generated<number>;
  dossier_id: number;
  salt: string;
  code_hash: string;
  channel: 'sms' | 'email';
  destination_masked: string;
  issued_by: string | null;
  issued_at: Date;
  expires_at: Date;
  attempts: Generated<number>;
  locked_at: Date | null;
  used_at: Date | null;
  voided_at: Date | null;
}

export interface ReportAggregateTable {
  agency_id: string;
  field: string;
  procedure_code: string;
  channel: string;
  day: string;
  received: number;
  digitized: number;
  resolved_ahead: number;
  resolved_on_time: number;
  resolved_overdue: number;
  withdrawn: number;
  due: number;
  due_closed: number;
}

export interface DossierTables {
  report_daily: ReportAggregateTable;
  report_monthly: ReportAggregateTable;
  dossier_ratings: DossierRatingsTable;
  dossier_rating_tokens: DossierRatingTokensTable;
  dossier_confirmation_codes: DossierConfirmationCodesTable;
  dossiers: DossiersTable;
  dossier_events: DossierEventsTable;
  dossier_code_counters: DossierCodeCountersTable;
  files: FilesTable;
  idempotency_keys: IdempotencyKeysTable;
  citizen_documents: CitizenDocumentsTable;
  document_reuses: DocumentReusesTable;
}

/** Migration 0019: the citizen's data store (docs/rules/data-store.md). */
export interface CitizenDocumentsTable {
  id: Generated<string>;
  owner_kind: 'citizen' | 'business';
  owner_id: string;
  document_type: string | null;
  title: string;
  source_dossier_id: number | null;
  source_dossier_code: string | null;
  component_index: number | null;
  issuing_agency_id: string | null;
  issuing_agency_name: string;
  /** Local dates, `YYYY-MM-DD`. */
  issued_on: ColumnType<string, string, string>;
  valid_until: ColumnType<string | null, string | null, string | null>;
  file_id: string;
  file_sha256: string;
  origin: 'digitized_component' | 'result';
  created_at: Timestamp;
}

export interface DocumentReusesTable {
  id: Generated<number>;
  document_id: string;
  dossier_id: number;
  component_index: number;
  file_id: string;
  actor_kind: string;
  actor_id: string | null;
  actor_name: string | null;
  at: ColumnType<Date, Date | string, Date | string>;
}
