/** Table types of migration 0024 (the document office: registers, official documents, their log). */
import type { ColumnType, Generated } from 'kysely';
import type { DocumentDirection, OfficialDocumentStatus, OfficialDocumentType } from '@motcua/domain';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface DocumentRegistersTable {
  id: Generated<string>;
  agency_id: string;
  year: number;
  direction: DocumentDirection;
  agency_abbreviation: string;
  last_number: number;
  created_at: Timestamp;
}

export interface OfficialDocumentsTable {
  id: Generated<string>;
  agency_id: string;
  direction: DocumentDirection;
  status: OfficialDocumentStatus;
  document_type: OfficialDocumentType;
  register_id: string | null;
  register_year: number | null;
  number: number | null;
  symbol: string | null;
  original_number: string | null;
  summary: string;
  summary_folded: ColumnType<string, never, never>;
  issuing_body: string | null;
  recipients: string | null;
  document_date: ColumnType<string | null, string | null | undefined, string | null>;
  drafting_unit_id: string | null;
  handling_unit_id: string | null;
  due_at: NullableTimestamp;
  registered_at: NullableTimestamp;
  received_at: NullableTimestamp;
  approved_at: NullableTimestamp;
  signed_at: NullableTimestamp;
  issued_at: NullableTimestamp;
  handled_at: NullableTimestamp;
  created_by: string;
  signed_by: string | null;
  /** Null for a dossier's form listed in the register (`form_key`). */
  file_id: string | null;
  /** The dossier's form this row numbers: `dossier:<id>:event:<log row>:form:<NN>`. */
  form_key: ColumnType<string | null, string | null | undefined, never>;
  signed_document_id: string | null;
  digitally_signed: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface OfficialDocumentEventsTable {
  id: Generated<string>;
  document_id: string;
  action: string;
  from_status: string | null;
  to_status: string;
  actor_id: string | null;
  actor_name: string | null;
  at: ColumnType<Date, Date | string, never>;
  details: ColumnType<Record<string, unknown>, string | undefined, never>;
}

export interface DocumentOfficeTables {
  document_registers: DocumentRegistersTable;
  official_documents: OfficialDocumentsTable;
  official_document_events: OfficialDocumentEventsTable;
}
