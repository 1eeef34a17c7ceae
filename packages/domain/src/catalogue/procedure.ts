import type { EFormDefinition } from '../eforms/form.ts';
import type { FeeItemKind } from '../payments/terms.ts';

/**
 * The procedure catalogue (docs/rules/agencies-and-catalogue.md): what a procedure version says. A version is immutable once
 * published — a dossier keeps the version it was received under — so every change of content is a
 * new version, and only a version's end (validTo, status) is ever recorded afterwards.
 */
import type { DocumentType } from './document-types.ts';

/** Units of a legal processing time (docs/rules/time.md). */
export const timeUnits = ['working_days', 'working_hours', 'days', 'same_day'] as const;
export type ProcessingTimeUnit = (typeof timeUnits)[number];

/** Units of a step budget or an agency's share: a processing time without `same_day`. */
export const budgetUnits = ['working_days', 'working_hours', 'days'] as const;
export type BudgetUnit = (typeof budgetUnits)[number];

export interface LegalProcessingTime {
  value: number;
  unit: ProcessingTimeUnit;
  /** `same_day` only: dossiers received after this local time ("HH:MM") are due the next working day. */
  cutoff?: string | undefined;
}

export interface TimeBudget {
  value: number;
  unit: BudgetUnit;
}

/** The kind of copy a dossier component must be (thành phần hồ sơ). */
export const componentKinds = ['original', 'certified_copy', 'copy', 'electronic'] as const;
export type ComponentKind = (typeof componentKinds)[number];

export interface DossierComponent {
  name: string;
  kind: ComponentKind;
  count: number;
  required: boolean;
  /** A form template (file name or URL) the applicant fills in, when there is one. */
  template?: string | undefined;
  /**
   * The kind of paper (`documentTypes`), when the component is one a citizen's data store can
   * hold: a stored document of the same kind, still valid, may be used instead of an upload.
   */
  documentType?: DocumentType | undefined;
}

export interface FeeRow {
  label: string;
  amount: number;
  /** A reduced amount when the dossier is filed online (docs/rules/agencies-and-catalogue.md). */
  onlineAmount?: number | undefined;
}

/** One item of a fee schedule: a fee (phí) or a charge (lệ phí), one amount or an amount by case. */
export type FeeItem =
  | { kind: FeeItemKind; label: string; amount: number; onlineAmount?: number | undefined }
  /** By case (per page, per copy, per area…): the case is chosen at reception, the same for every table of the schedule. */
  | { kind: FeeItemKind; label: string; table: FeeRow[] };

/**
 * A group of applicants the law exempts (e.g. "Người có công với cách mạng", "Hộ nghèo"): `share`
 * is the percentage waived, 100 for a full exemption; `appliesTo` limits it to fees or to charges.
 */
export interface FeeExemption {
  label: string;
  share: number;
  appliesTo?: FeeItemKind | undefined;
}

/**
 * Fees and charges (phí, lệ phí), in whole đồng. `fixed` and `table` are the first catalogue's
 * shapes (one amount, not said to be a fee or a charge), kept so that stored versions keep their
 * content hash; `schedule` is the full fee schedule (docs/rules/payments.md).
 */
export type Fee =
  | { kind: 'free' }
  | { kind: 'fixed'; currency: 'VND'; amount: number; onlineAmount?: number | undefined }
  /** The amount depends on the case (per page, per copy, per area…): one row is chosen at intake. */
  | { kind: 'table'; currency: 'VND'; table: FeeRow[] }
  | FeeSchedule;

export interface FeeSchedule {
  kind: 'schedule';
  currency: 'VND';
  items: FeeItem[];
  exemptions: FeeExemption[];
  /** The text that sets the amounts (a circular of the Ministry of Finance, a resolution of the provincial council). */
  legalBasis: string | null;
  /** The fee is paid before the dossier is processed: unpaid, it stays at national status 6. */
  payBeforeProcessing: boolean;
}

/** One agency in an inter-agency chain (liên thông), with its share of the legal time. */
export interface InterAgencyParticipant {
  /** An agency level (`commune`, `province`, …) or an agency code. */
  agency: string;
  name: string;
  share: TimeBudget;
}

export const workflowRoles = ['officer', 'specialist', 'leader'] as const;
export type WorkflowRole = (typeof workflowRoles)[number];

/** One step of the internal workflow, with its time budget (the per-step due time of form 06). */
export interface WorkflowStep {
  key: string;
  /** Vietnamese, as printed on the control sheet. */
  name: string;
  role: WorkflowRole;
  /** Index into `interAgency`; 0 (the default) is the receiving agency. */
  participant?: number | undefined;
  budget: TimeBudget;
}

/** How a dossier may be submitted (cách thức thực hiện): at the counter, by post, online. */
export const submissionChannels = ['in_person', 'postal', 'online'] as const;
export type SubmissionChannel = (typeof submissionChannels)[number];

/** One text of the legal basis (căn cứ pháp lý): its number, name, date of issue (`YYYY-MM-DD`) and issuer. */
export interface LegalDocument {
  number: string;
  title: string;
  issuedOn: string;
  issuer: string;
}

/**
 * What the national catalogue publishes about a procedure beyond how a dossier is handled. Each
 * key is left out (not null) when the entry does not give it, so that older versions keep their hash.
 */
export interface CatalogueDetails {
  /** Cơ quan thực hiện, in words ("Ủy ban nhân dân cấp xã"). */
  implementingAgency?: string | undefined;
  /** Đối tượng thực hiện: who may apply. */
  applicants?: string[] | undefined;
  /** Điều kiện thực hiện; an empty list says there are none ("Không"). */
  conditions?: string[] | undefined;
  /** Cách thức thực hiện; online is the level `fullyOnline` says (toàn trình or một phần). */
  channels?: SubmissionChannel[] | undefined;
  legalDocuments?: LegalDocument[] | undefined;
}

/** Everything a version says about how a dossier is handled: the part that is hashed and frozen. */
export interface ProcedureContent {
  name: string;
  field: string;
  /** Agency levels that implement the procedure. */
  levels: string[];
  /** Explicit agency codes, when only some agencies of those levels implement it; empty = all. */
  agencies: string[];
  processingTime: LegalProcessingTime;
  /** Whether the whole legal time counts again from the receipt of a supplement (docs/rules/time.md). */
  restartAfterSupplement: boolean;
  /** A dossier received within this many minutes before the end of the working day counts as received the next period. */
  lateReceiptWindowMinutes: number | null;
  fee: Fee;
  components: DossierComponent[];
  resultType: string | null;
  /** The kind of paper the result is (`documentTypes`), when it goes into the applicant's data store as such. */
  resultDocumentType?: DocumentType | undefined;
  legalBasis: string | null;
  /** Online service "toàn trình" (Decree 42/2022/NĐ-CP). */
  fullyOnline: boolean;
  /** Ordered; empty unless the procedure is inter-agency. Participant 0 is the receiving agency. */
  interAgency: InterAgencyParticipant[];
  workflow: WorkflowStep[];
  /** The declaration as an interactive e-form (docs/eforms.md); left out (not null) when there is none, so older hashes stay. */
  declaration?: EFormDefinition | undefined;
  /** What the public catalogue shows besides; left out when the entry gives none of it. */
  details?: CatalogueDetails | undefined;
}

export const procedureStatuses = ['active', 'amended', 'replaced', 'abolished'] as const;
export type ProcedureStatus = (typeof procedureStatuses)[number];

/** Dates are local plain dates `YYYY-MM-DD`; `validTo` is the last day in force (inclusive). */
export interface VersionValidity {
  version: number;
  /** `null`: in force since before the catalogue recorded it. */
  validFrom: string | null;
  validTo: string | null;
  status: ProcedureStatus;
}

export interface ProcedureVersion extends ProcedureContent, VersionValidity {
  id: string;
  code: string;
  /** For a `replaced` version: the code of the procedure that replaces it. */
  replacedBy: string | null;
  changeNote: string | null;
  contentHash: string;
}

/** Optional fields of a bundle entry that describes a procedure (docs/interfaces.md, `procedures.json`). */
export interface ProcedureDefinitionInput {
  code: string;
  status?: 'active' | undefined;
  name: string;
  field: string;
  levels: string[];
  agencies?: string[] | undefined;
  processingTime: LegalProcessingTime;
  restartAfterSupplement?: boolean | undefined;
  lateReceiptWindowMinutes?: number | undefined;
  /** Absent: free. See `FeeInput`. */
  fee?: FeeInput | undefined;
  components: DossierComponent[];
  resultType?: string | undefined;
  resultDocumentType?: DocumentType | undefined;
  legalBasis?: string | undefined;
  fullyOnline: boolean;
  interAgency?: InterAgencyParticipant[] | undefined;
  /** Absent: `defaultWorkflow` of the processing time and the inter-agency chain. */
  workflow?: WorkflowStep[] | undefined;
  /** The declaration e-form, already resolved (a bundle may name one of `eforms.json`). */
  declaration?: EFormDefinition | undefined;
  implementingAgency?: string | undefined;
  applicants?: string[] | undefined;
  conditions?: string[] | undefined;
  channels?: SubmissionChannel[] | undefined;
  legalDocuments?: LegalDocument[] | undefined;
  validFrom?: string | undefined;
  validTo?: string | undefined;
  changeNote?: string | undefined;
}

/** A bundle entry that ends a procedure: abolished, or replaced by another one. */
export interface ProcedureEndInput {
  code: string;
  status: 'abolished' | 'replaced';
  replacedBy?: string | undefined;
  /** The last day in force… */
  validTo?: string | undefined;
  /** …or the first day no longer in force. One of the two is required. */
  validFrom?: string | undefined;
  changeNote?: string | undefined;
}

export type ProcedureEntryInput = ProcedureDefinitionInput | ProcedureEndInput;

/**
 * A fee as a bundle gives it: nothing (free); `{amount, onlineAmount?}` or `{table}` (one item);
 * or `{items}`. Any of `kind`, `label`, `exemptions`, `legalBasis`, `payBeforeProcessing` makes it
 * a fee schedule (docs/bundle-format.md).
 */
export interface FeeInput {
  currency?: 'VND' | undefined;
  amount?: number | undefined;
  onlineAmount?: number | undefined;
  table?: FeeRow[] | undefined;
  /** With `amount` or `table`: what the one item is (default `charge`) and its name. */
  kind?: FeeItemKind | undefined;
  label?: string | undefined;
  items?: FeeItemInput[] | undefined;
  exemptions?: FeeExemption[] | undefined;
  legalBasis?: string | undefined;
  payBeforeProcessing?: boolean | undefined;
}

export interface FeeItemInput {
  kind: FeeItemKind;
  label: string;
  amount?: number | undefined;
  onlineAmount?: number | undefined;
  table?: FeeRow[] | undefined;
}

export const isEndEntry = (entry: ProcedureEntryInput): entry is ProcedureEndInput =>
  entry.status === 'abolished' || entry.status === 'replaced';

/**
 * A code of the national database of procedures ("1.000894", "2.000635"): the public may see it.
 * Any other code ("DEMO.018", a province's own numbering) is internal and never shown as "Mã thủ tục".
 */
export const isNationalProcedureCode = (code: string): boolean => /^\d\.\d{6}$/.test(code);
