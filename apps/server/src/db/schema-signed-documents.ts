/** Table types of migration 0023 (signed documents). */
import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { SignedDocumentKind, SignedDocumentStatus } from '@motcua/domain';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A rectangle in PDF points on a page (0-based), origin bottom left (infra/signing's PageRect). */
export interface SlotRect { page: number; x: number; y: number; width: number; height: number }

type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

/** One signature of a signed document, as the verification page and the log show it. */
export interface SignatureRecord {
  as: 'person' | 'agency';
  /** The signer as the product knows them: the leader's full name, or the agency's name. */
  signer: string;
  userId: string | null;
  /** The signing certificate's subject, issuer and serial number (hex). */
  subject: string;
  issuer: string;
  serial: string;
  /** ISO 8601 with the Vietnam offset. */
  signedAt: string;
  timestamped: boolean;
}

export interface SignedDocumentsTable {
  id: string;
  kind: SignedDocumentKind;
  agency_id: string;
  dossier_id: number | null;
  number: string | null;
  title: string;
  file_name: string;
  storage_key: string;
  size_bytes: number;
  sha256: string;
  status: Generated<SignedDocumentStatus>;
  signature_slot: JSONColumnType<SlotRect | null, string | null, string | null>;
  signatures: JSONColumnType<SignatureRecord[], string | undefined, string>;
  result_file_id: string | null;
  created_by: string | null;
  superseded_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SignedDocumentTables {
  signed_documents: SignedDocumentsTable;
}
