/**
 * The counter intake as data: what the officer has entered so far, the checks the screen makes
 * before sending (the server makes them again), the items missing from the dossier, and the
 * request body of `POST /dossiers`.
 */
import type { ComponentKind, ProcedureDetail } from '../../shared/catalogue.ts';
import { applicantBody, emptyApplicant, type ApplicantDraft } from '../../shared/applicant.ts';
import type { UploadedFile } from '../../shared/upload.ts';
import type { DocumentType } from '../../portal/data-store/dataStore.api.ts';
import { declarationBody, type DeclarationDraft } from '../../shared/eform/declaration.ts';

export type Decision = 'receive' | 'request_completion' | 'refuse';
export type Channel = 'counter' | 'postal';
export type ResultDelivery = 'counter' | 'post' | 'online';

export interface ComponentDraft {
  index: number;
  name: string;
  required: boolean;
  received: boolean;
  kind: ComponentKind;
  count: number;
  files: UploadedFile[];
  /** The kind of paper, when the applicant's data store may hold it. */
  documentType: DocumentType | null;
  /** Documents of the applicant's data store used for it (docs/rules/data-store.md). */
  storedDocumentIds: string[];
  note: string;
}

export interface IntakeDraft {
  agencyId: string | undefined;
  procedure: ProcedureDetail | undefined;
  applicant: ApplicantDraft;
  components: ComponentDraft[];
  channel: Channel;
  sets: number;
  resultDelivery: ResultDelivery;
  feeRow: string;
  /** An exemption of the fee schedule granted at reception (its label); '' for none. */
  feeExemption: string;
  decision: Decision;
  reasons: string[];
  note: string;
  /** Assisted online filing: where the applicant's one-time code goes. */
  sendCodeBy: 'sms' | 'email';
  /** The declaration e-form as the officer fills it; null when the paper declaration is used. */
  declaration: DeclarationDraft | null;
}

export function emptyDraft(agencyId: string | undefined): IntakeDraft {
  return {
    agencyId, procedure: undefined, applicant: emptyApplicant, components: [], channel: 'counter', sets: 1,
    resultDelivery: 'counter', feeRow: '', feeExemption: '', decision: 'receive', reasons: [''], note: '', sendCodeBy: 'sms', declaration: null,
  };
}

/** The checklist of a procedure's papers, nothing ticked yet: the officer ticks what is handed over. */
export function componentsOf(procedure: ProcedureDetail): ComponentDraft[] {
  return procedure.components.map((component, index) => ({
    index, name: component.name, required: component.required, received: false, kind: component.kind,
    count: component.count, files: [], documentType: component.documentType ?? null, storedDocumentIds: [], note: '',
  }));
}

/** Required papers not (yet) received: they block reception and fill the supplement request. */
export function missingRequired(components: readonly ComponentDraft[]): ComponentDraft[] {
  return components.filter((component) => component.required && !component.received);
}

/** The body of `POST /dossiers` for the counter. */
export function intakeBody(draft: IntakeDraft) {
  if (!draft.procedure) throw new Error('intakeBody: no procedure chosen');
  const reasons = draft.reasons.map((r) => r.trim()).filter(Boolean);
  return {
    procedureCode: draft.procedure.code,
    ...(draft.agencyId ? { agencyId: draft.agencyId } : {}),
    channel: draft.channel,
    applicant: applicantBody(draft.applicant),
    components: draft.components.map((c) => ({
      index: c.index,
      received: c.received,
      kind: c.kind,
      count: c.count,
      ...(c.files.length ? { fileIds: c.files.map((f) => f.id) } : {}),
      ...(c.storedDocumentIds.length ? { storedDocumentIds: c.storedDocumentIds } : {}),
      ...(c.note.trim() ? { note: c.note.trim() } : {}),
    })),
    sets: draft.sets,
    resultDelivery: draft.resultDelivery,
    ...(draft.feeRow ? { feeRow: draft.feeRow } : {}),
    ...(draft.feeExemption && draft.decision === 'receive' ? { feeExemption: draft.feeExemption } : {}),
    decision: draft.decision,
    ...(draft.decision !== 'receive' && reasons.length ? { reasons } : {}),
    ...(draft.note.trim() ? { note: draft.note.trim() } : {}),
    ...(draft.declaration && draft.procedure.declaration ? { declaration: declarationBody(draft.procedure.declaration, draft.declaration) } : {}),
  };
}

/** Which form the decision issues (Circular 03/2025 Annex I). */
export const formOfDecision: Record<Decision, '01' | '02' | '03'> = { receive: '01', request_completion: '02', refuse: '03' };

/**
 * The body of `POST /dossiers/assisted` (assisted online filing): the same draft, online — every
 * component is its uploaded files — and where the applicant's confirmation code goes.
 */
export function assistedBody(draft: IntakeDraft) {
  if (!draft.procedure) throw new Error('assistedBody: no procedure chosen');
  const applicant = applicantBody(draft.applicant);
  return {
    procedureCode: draft.procedure.code,
    ...(draft.agencyId ? { agencyId: draft.agencyId } : {}),
    applicant: { ...applicant, idNumber: applicant.idNumber ?? '' },
    components: draft.components.filter((c) => c.files.length).map((c) => ({
      index: c.index,
      fileIds: c.files.map((f) => f.id),
      ...(c.note.trim() ? { note: c.note.trim() } : {}),
    })),
    resultDelivery: draft.resultDelivery,
    ...(draft.feeRow ? { feeRow: draft.feeRow } : {}),
    sendCodeBy: draft.sendCodeBy,
    ...(draft.declaration && draft.procedure.declaration ? { declaration: declarationBody(draft.procedure.declaration, draft.declaration) } : {}),
  };
}
