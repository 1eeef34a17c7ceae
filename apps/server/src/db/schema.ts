/**
 * Table types for Kysely. Hand-written next to the migrations; the schema test compares them with
 * the live database so they cannot drift.
 */
import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { StaffRole } from '@motcua/domain';
import type { DossierTables } from './schema-dossiers.ts';
import type { SignedDocumentTables } from './schema-signed-documents.ts';
import type { DocumentOfficeTables } from './schema-document-office.ts';
import type { NotificationTables } from './schema-notifications.ts';
import type { PaymentTables } from './schema-payments.ts';
import type { QualityTables } from './schema-quality.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type RequiredTimestamp = ColumnType<Date, Date | string, Date | string>;
type PlainDateColumn = ColumnType<string, string, string>;

export interface AgenciesTable {
  id: Generated<string>;
  code: string;
  name: string;
  level: string;
  parent_id: string | null;
  path: string;
  valid_from: PlainDateColumn | null;
  valid_to: PlainDateColumn | null;
  successor_code: string | null;
  short_name: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface HolidaySchedulesTable {
  year: number;
  days_off: ColumnType<string[], string[], string[]>;
  working_days: ColumnType<string[], string[], string[]>;
  confidence: string | null;
  notes: string | null;
  source: string;
  loaded_at: Timestamp;
  loaded_by: string | null;
}

export interface CalendarSettingsTable {
  key: string;
  value: ColumnType<unknown, string, string>;
  updated_at: Timestamp;
  updated_by: string | null;
}

export interface AgencyCalendarsTable {
  agency_id: string;
  periods: JSONColumnType<Array<{ start: string; end: string }> | null, string | null, string | null>;
  weekly_days_off: number[] | null;
  updated_at: Timestamp;
}

export interface CountersTable {
  id: Generated<string>;
  agency_id: string;
  code: string;
  name: string;
  address: string | null;
  active: Generated<boolean>;
  created_at: Timestamp;
}

export interface UnitsTable {
  id: Generated<string>;
  agency_id: string;
  code: string;
  name: string;
  active: Generated<boolean>;
  created_at: Timestamp;
}

export interface UsersTable {
  id: Generated<string>;
  username: string;
  full_name: string;
  email: string | null;
  phone: string | null;
  password_hash: string;
  disabled: Generated<boolean>;
  unit_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface RoleAssignmentsTable {
  user_id: string;
  role: StaffRole;
  agency_id: string;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: RequiredTimestamp;
  ip: string | null;
  user_agent: string | null;
}

/** Migration 0016: accounts known from the e-ID, and their sessions. */
export interface CitizensTable {
  id: Generated<string>;
  issuer: string;
  subject: string;
  kind: 'citizen' | 'business';
  full_name: string;
  personal_id: string | null;
  birth_date: ColumnType<string | null, string | null, string | null>;
  gender: 'male' | 'female' | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  eid_level: 1 | 2;
  organization_name: string | null;
  tax_code: string | null;
  created_at: Timestamp;
  last_signed_in_at: Timestamp;
}

export interface CitizenSessionsTable {
  id: string;
  citizen_id: string;
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: RequiredTimestamp;
  id_token: string | null;
  refresh_token: string | null;
  access_expires_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  ip: string | null;
  user_agent: string | null;
}

/** A sign-in under way at the e-ID provider (migration 0021). */
export interface CitizenSignInsTable {
  state_hash: string;
  nonce: string;
  code_verifier: string;
  return_to: string;
  created_at: RequiredTimestamp;
  expires_at: RequiredTimestamp;
  used_at: Date | null;
  ip: string | null;
}

export interface LoginThrottleTable {
  scope: 'pair' | 'account' | 'address';
  key: string;
  failures: Generated<number>;
  last_failure_at: Date | null;
  blocked_until: Date | null;
}

export interface LoginAddressesTable {
  user_id: string;
  ip: string;
  last_signed_in_at: RequiredTimestamp;
}

export interface AuditEventsTable {
  id: Generated<number>;
  at: Timestamp;
  actor_kind: string;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  agency_id: string | null;
  ip: string | null;
  request_id: string | null;
  details: JSONColumnType<Record<string, unknown>, string | undefined, string>;
}

export interface ProceduresTable {
  id: Generated<string>;
  code: string;
  code_verified: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** One version of a procedure: content frozen by a trigger; only valid_to, status, replaced_by, end_note change. */
export interface ProcedureVersionsTable {
  id: Generated<string>;
  procedure_id: string;
  procedure_code: string;
  version: number;
  name: string;
  field: string;
  levels: ColumnType<string[], string[], string[]>;
  agency_codes: ColumnType<string[], string[] | undefined, string[]>;
  processing_time: JSONColumnType<import('@motcua/domain').LegalProcessingTime, string, string>;
  restart_after_supplement: Generated<boolean>;
  late_receipt_window_minutes: number | null;
  fee: JSONColumnType<import('@motcua/domain').Fee, string, string>;
  components: JSONColumnType<import('@motcua/domain').DossierComponent[], string, string>;
  result_type: string | null;
  /** Migration 0019: the kind of paper the result is, for the applicant's data store. */
  result_document_type: ColumnType<import('@motcua/domain').DocumentType | null, import('@motcua/domain').DocumentType | null | undefined, never>;
  legal_basis: string | null;
  fully_online: boolean;
  inter_agency: JSONColumnType<import('@motcua/domain').InterAgencyParticipant[], string | undefined, string>;
  workflow: JSONColumnType<import('@motcua/domain').WorkflowStep[], string, string>;
  valid_from: PlainDateColumn | null;
  valid_to: PlainDateColumn | null;
  status: Generated<import('@motcua/domain').ProcedureStatus>;
  replaced_by: string | null;
  end_note: string | null;
  content_hash: string;
  change_note: string | null;
  created_at: Timestamp;
  name_folded: ColumnType<string, never, never>;
  search_text: ColumnType<string, never, never>;
  /** Migration 0048: the folded words of the name, and of code, name and field, space-padded (catalogue search). */
  name_words: ColumnType<string, never, never>;
  search_words: ColumnType<string, never, never>;
  /** The declaration e-form of the version (migration 0018); null when it has none. */
  declaration: ColumnType<import('@motcua/domain').EFormDefinition | null, string | null | undefined, never>;
  /** Migration 0049: implementing agency, applicants, conditions, channels, legal texts; null when none given. */
  catalogue_details: ColumnType<import('@motcua/domain').CatalogueDetails | null, string | null | undefined, never>;
}

/** The catalogue search's vocabulary (migration 0048), in the order of the bundle's file. */
export interface CatalogueSearchTermsTable {
  position: number;
  kind: 'ignored' | 'synonym';
  phrase: string;
  means: ColumnType<string[], string[] | undefined, string[]>;
}

/** Bytes (bytea): Buffer when read, any byte array when written. */
type Bytes = ColumnType<Uint8Array, Uint8Array, Uint8Array>;

export interface SigningKeysTable {
  id: Generated<string>;
  role: 'person' | 'agency' | 'timestamping';
  agency_id: string | null;
  user_id: string | null;
  provider: 'pkcs12' | 'remote';
  /** PEM certificates, the key's own first, up to the root. */
  certificate_chain: string;
  /** PKCS#12 encrypted under SIGNING_KEY_PASSPHRASE (provider pkcs12). */
  pkcs12: Bytes | null;
  remote_key_id: string | null;
  image_png: Bytes | null;
  development: Generated<boolean>;
  valid_from: RequiredTimestamp;
  valid_to: RequiredTimestamp;
  revoked_at: Date | null;
  created_at: Timestamp;
}

export interface SigningTrustAnchorsTable {
  id: Generated<string>;
  name: string;
  certificate: string;
  pkcs12: Bytes | null;
  development: boolean;
  created_at: Timestamp;
}

export interface Database extends DossierTables, SignedDocumentTables, DocumentOfficeTables, NotificationTables, PaymentTables, QualityTables {
  agencies: AgenciesTable;
  users: UsersTable;
  role_assignments: RoleAssignmentsTable;
  sessions: SessionsTable;
  citizens: CitizensTable;
  citizen_sessions: CitizenSessionsTable;
  citizen_sign_ins: CitizenSignInsTable;
  login_throttle: LoginThrottleTable;
  login_addresses: LoginAddressesTable;
  audit_events: AuditEventsTable;
  holiday_schedules: HolidaySchedulesTable;
  calendar_settings: CalendarSettingsTable;
  agency_calendars: AgencyCalendarsTable;
  counters: CountersTable;
  units: UnitsTable;
  procedures: ProceduresTable;
  procedure_versions: ProcedureVersionsTable;
  catalogue_search_terms: CatalogueSearchTermsTable;
  signing_keys: SigningKeysTable;
  signing_trust_anchors: SigningTrustAnchorsTable;
}
