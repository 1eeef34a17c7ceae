/**
 * The citizen's data store (Decree 45/2020/NĐ-CP art. 16; docs/rules/data-store.md): what a dossier
 * puts into its applicant's store (the digitized components when it is received, the electronic
 * result when it is resolved), and the reuse of stored documents instead of new uploads. The
 * writes run inside the transaction of the dossier change that causes them.
 */
import type { Kysely } from 'kysely';
import {
  AppError, defaultValidUntil, documentTypeInfo, documentValidity, isDocumentType, storedDocumentUsable,
  type Actor, type CitizenAccountRef, type DossierComponent, type FieldIssue, type PlainDate,
} from '@motcua/domain';
import type { Database } from '../../db/schema.ts';
import type { AgencyRef } from '../reference/reference.cache.ts';
import * as repo from './data-store.repository.ts';
import type { CitizenDocumentRow, Owner } from './data-store.repository.ts';

export type { Owner } from './data-store.repository.ts';

/** The store of a dossier's applicant: their personal ID number, or an organization's tax code. */
export function ownerOfApplicant(applicant: { kind: 'citizen' | 'organization'; idNumber?: string | null | undefined }): Owner | null {
  const id = applicant.idNumber?.trim();
  if (!id) return null;
  return { kind: applicant.kind === 'organization' ? 'business' : 'citizen', id };
}

/** The store of a signed-in account: a business's by its tax code, a person's by personal ID number. */
export function ownerOfAccount(account: CitizenAccountRef | undefined): Owner | null {
  if (!account) return null;
  if (account.kind === 'business') return account.taxCode ? { kind: 'business', id: account.taxCode } : null;
  return account.personalId ? { kind: 'citizen', id: account.personalId } : null;
}

/** What the store needs of a dossier that puts documents in it. */
export interface DossierFacts {
  id: number;
  code: string;
  applicantKind: 'citizen' | 'organization';
  applicantIdNumber: string | null;
  /** The components as stored on the dossier. */
  components: ReadonlyArray<{ index: number; name: string; fileIds: string[] }>;
}

const validUntilOf = (type: string | null, issuedOn: PlainDate): string | null =>
  type && isDocumentType(type) ? defaultValidUntil(type, issuedOn) : null;

/**
 * At receipt: each file of each component goes into the applicant's store, with the kind of paper
 * the procedure gives the component, the receiving agency as the one that digitized it and the day
 * of receipt as its date (the paper itself was issued that day or before, so a legal validity
 * counted from it is an upper bound). Nothing when the applicant's ID number is unknown.
 */
export async function storeReceivedComponents(
  tx: Kysely<Database>,
  dossier: DossierFacts,
  specs: readonly DossierComponent[],
  agency: AgencyRef,
  at: Date,
  receivedOn: PlainDate,
): Promise<number> {
  const owner = ownerOfApplicant({ kind: dossier.applicantKind, idNumber: dossier.applicantIdNumber });
  if (!owner) return 0;
  const fileIds = dossier.components.flatMap((c) => c.fileIds);
  const files = new Map((await repo.filesOfDossier(tx, dossier.id, fileIds)).map((f) => [f.id, f]));
  const documents = dossier.components.flatMap((c) => c.fileIds.flatMap((fileId) => {
    const file = files.get(fileId);
    if (!file) return [];
    const type = specs[c.index]?.documentType ?? null;
    return [{
      owner, documentType: type, title: c.name, sourceDossierId: dossier.id, sourceDossierCode: dossier.code, componentIndex: c.index,
      issuingAgencyId: agency.id, issuingAgencyName: agency.name, issuedOn: receivedOn, validUntil: validUntilOf(type, receivedOn),
      fileId, fileSha256: file.sha256, origin: 'digitized_component' as const, at,
    }];
  }));
  return repo.insertDocuments(tx, documents);
}

/**
 * The electronic result (files attached when the dossier is resolved) goes into the applicant's
 * store, issued by the agency that resolves it on that day, of the kind the procedure names.
 */
export async function storeResultFiles(
  tx: Kysely<Database>,
  dossier: DossierFacts,
  procedure: { name: string; resultType: string | null; resultDocumentType?: string | undefined },
  fileIds: readonly string[],
  agency: AgencyRef,
  at: Date,
  issuedOn: PlainDate,
): Promise<number> {
  const owner = ownerOfApplicant({ kind: dossier.applicantKind, idNumber: dossier.applicantIdNumber });
  if (!owner || fileIds.length === 0) return 0;
  const type = procedure.resultDocumentType ?? null;
  const title = procedure.resultType ?? (type && isDocumentType(type) ? documentTypeInfo[type].label.vi : `Kết quả: ${procedure.name}`);
  const files = await repo.filesOfDossier(tx, dossier.id, fileIds);
  return repo.insertDocuments(tx, files.map((f) => ({
    owner, documentType: type, title, sourceDossierId: dossier.id, sourceDossierCode: dossier.code, componentIndex: null,
    issuingAgencyId: agency.id, issuingAgencyName: agency.name, issuedOn, validUntil: validUntilOf(type, issuedOn),
    fileId: f.id, fileSha256: f.sha256, origin: 'result' as const, at,
  })));
}

/** A component to be filled from the store. */
export interface ReuseRequest {
  index: number;
  storedDocumentIds: readonly string[];
}

export interface CheckedReuse {
  index: number;
  document: CitizenDocumentRow;
}

const notUsable = (issues: FieldIssue[]) =>
  new AppError('stored_document.not_usable', {
    messages: {
      vi: 'Giấy tờ trong kho dữ liệu không dùng được cho thành phần hồ sơ này',
      en: 'A stored document cannot be used for this component',
    },
    issues,
  });

const refusalText = {
  component_untyped: 'this component is not a kind of paper the store holds',
  type_mismatch: 'not the kind of paper this component asks for',
  not_yet_issued: 'issued after the day of the dossier',
  expired: 'no longer valid on the day of the dossier',
} as const;

/**
 * Checks every stored document a submission names: it exists and is the applicant's (`owner`),
 * and the domain's rule allows it for its component on local date `on`. Another owner's document
 * is refused as if it did not exist.
 */
export async function checkReuses(
  db: Kysely<Database>,
  owner: Owner | null,
  specs: readonly DossierComponent[],
  requests: readonly ReuseRequest[],
  on: PlainDate,
  paths: { component: (i: number) => string },
): Promise<CheckedReuse[]> {
  const wanted = requests.filter((r) => r.storedDocumentIds.length > 0);
  if (wanted.length === 0) return [];
  const found = new Map((await repo.documentsByIds(db, wanted.flatMap((r) => r.storedDocumentIds))).map((d) => [d.id, d]));
  const issues: FieldIssue[] = [];
  const checked: CheckedReuse[] = [];
  requests.forEach((r, i) => {
    r.storedDocumentIds.forEach((id, j) => {
      const path = `${paths.component(i)}.storedDocumentIds.${j}`;
      const document = found.get(id);
      if (!owner) {
        issues.push({ path, message: 'the applicant’s ID number is needed to use their stored documents' });
        return;
      }
      if (!document || document.owner_kind !== owner.kind || document.owner_id !== owner.id) {
        issues.push({ path, message: 'unknown, or not the applicant’s' });
        return;
      }
      const decision = storedDocumentUsable(
        { documentType: document.document_type ?? '', issuedOn: document.issued_on as PlainDate, validUntil: document.valid_until as PlainDate | null },
        specs[r.index]?.documentType,
        on,
      );
      if (!decision.usable) issues.push({ path, message: refusalText[decision.reason] });
      else if (!checked.some((c) => c.index === r.index && c.document.id === id)) checked.push({ index: r.index, document });
    });
  });
  if (issues.length) throw notUsable(issues);
  return checked;
}

/**
 * Inside the transaction that creates a dossier: each reused document's file is copied onto the
 * new dossier for its component (same stored bytes and hash), before the dossier row exists.
 * Returns the new file ids by component index; `recordReuses` claims them once the row exists.
 */
export async function copyReusedFiles(
  tx: Kysely<Database>,
  reuses: readonly CheckedReuse[],
  actor: { kind: string; id: string | null },
  at: Date,
): Promise<Array<CheckedReuse & { fileId: string }>> {
  const out: Array<CheckedReuse & { fileId: string }> = [];
  for (const r of reuses) {
    const fileId = await repo.copyFileForDossier(tx, r.document.file_id, { dossierId: null, componentIndex: r.index, actorKind: actor.kind, actorId: actor.id, at });
    out.push({ ...r, fileId });
  }
  return out;
}

/** Claims the copied files for the dossier and records each reuse (who, when, for which component). */
export async function recordReuses(
  tx: Kysely<Database>,
  dossierId: number,
  reuses: ReadonlyArray<CheckedReuse & { fileId: string }>,
  actor: { kind: string; id: string | null; name: string | null },
  at: Date,
): Promise<void> {
  if (reuses.length === 0) return;
  await repo.claimCopies(tx, dossierId, reuses.map((r) => r.fileId));
  await repo.insertReuses(tx, reuses.map((r) => ({
    documentId: r.document.id, dossierId, componentIndex: r.index, fileId: r.fileId,
    actorKind: actor.kind, actorId: actor.id, actorName: actor.name, at,
  })));
}

/** Who acts, as the reuse record keeps it. */
export function reuseActor(actor: Actor, name: string | null): { kind: string; id: string | null; name: string | null } {
  if (actor.kind === 'staff') return { kind: 'staff', id: actor.userId, name: name ?? actor.username };
  if (actor.kind === 'citizen') return { kind: 'citizen', id: actor.citizenId, name };
  return { kind: actor.kind, id: null, name };
}

/** A stored document as the owner and the counter see it, on local date `on`. */
export function presentDocument(d: CitizenDocumentRow, on: PlainDate) {
  const type = d.document_type && isDocumentType(d.document_type) ? d.document_type : null;
  return {
    id: d.id,
    documentType: type,
    documentTypeText: type ? documentTypeInfo[type].label : null,
    title: d.title,
    origin: d.origin,
    sourceDossier: d.source_dossier_code ? { id: d.source_dossier_id, code: d.source_dossier_code } : null,
    issuingAgency: d.issuing_agency_name,
    issuedOn: d.issued_on,
    validUntil: d.valid_until,
    validity: documentValidity({ validUntil: d.valid_until as PlainDate | null }, on),
    sha256: d.file_sha256,
  };
}
