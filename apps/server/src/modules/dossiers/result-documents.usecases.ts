/**
 * The dossier's electronic result (docs/rules/results.md): the specialist attaches a PDF or
 * generates the result notice (`attach_result`); the leader signs it with their key and the
 * agency's seal (`sign_result`); a refusal decision (`reject`) is form 03 as a signed document.
 * Each step runs inside the dossier action's transaction and returns the facts its log row keeps.
 */
import type { Kysely } from 'kysely';
import { AppError, decide, formatInstant, localDateOf, officialHeading, type DossierAction } from '@motcua/domain';
import type { Database } from '../../db/schema.ts';
import type { Deps } from '../../deps.ts';
import { renderForm } from '../../infra/pdf/index.ts';
import { renderResultNotice } from '../../infra/pdf/result-notice.ts';
import type { AuditContext } from '../audit/audit.repository.ts';
import { storeResultFiles, type DossierFacts } from '../data-store/data-store.usecases.ts';
import { claimFiles } from '../files/files.usecases.ts';
import * as documents from '../signed-documents/signed-documents.repository.ts';
import {
  draftSignedDocument, insertDraft, prepareSignatures, prepareSignedDocument, readAll, recordSignatures, signableDraft,
  type DraftDocument, type PreparedSignatures,
} from '../signed-documents/signed-documents.usecases.ts';
import { signingServices } from '../signed-documents/signing.port.ts';
import { loadDossierContext, stateOf, type DossierContext } from './dossier.context.ts';
import type { DossierEventRow } from './dossiers.repository.ts';
import { formDocument, issuingBodyOf, placeOf } from './dossier.forms.ts';
import { rolesForAction } from './dossiers.policies.ts';

/** What the result steps need inside the action's transaction (no signing there: see `prepareResultAction`). */
export interface ResultDeps {
  storage: Deps['storage'];
  config: Deps['config'];
  references: Deps['references'];
  /** The signatures of `sign_result`, made before the transaction opened. */
  signatures?: PreparedSignatures | undefined;
}

export const resultDepsOf = (deps: Deps, prepared?: PreparedResult): ResultDeps => ({
  storage: deps.storage, config: deps.config, references: deps.references, signatures: prepared?.signatures,
});

/**
 * Signing made before the action's transaction: the leader's and the agency's signatures of the
 * current result (`sign_result`), or the refusal decision drafted and signed (`reject`).
 */
export interface PreparedResult {
  action: 'sign_result' | 'reject';
  at: Date;
  signatures: PreparedSignatures;
  /** `reject`: the refusal decision, stored with its QR code, inserted with the action. */
  decision?: DraftDocument | undefined;
}

const signingActions: ReadonlySet<string> = new Set(['sign_result', 'reject']);

/** True when the action signs, and so must be prepared outside the transaction. */
export const actionSigns = (action: string) => signingActions.has(action);

/**
 * Signs what `command` will sign, outside any transaction (keys, images and the time-stamp
 * authority are read through the database: signing.port.ts). The action is first checked against
 * the transition table as it stands, so that nothing is signed for an action that will be refused;
 * the transaction checks again and refuses if the document changed meanwhile.
 */
export async function prepareResultAction(
  context: AuditContext,
  dossierId: number,
  command: { action: string; reasons?: string[] | undefined },
  deps: Deps,
): Promise<PreparedResult | undefined> {
  if (!actionSigns(command.action)) return undefined;
  const action = command.action as 'sign_result' | 'reject';
  const actor = context.actor;
  const ctx = await loadDossierContext(deps.db, deps.references, actor, dossierId);
  const at = deps.clock();
  const roles = rolesForAction(actor, action, ctx.agencies, ctx.dossier.prepared_by);
  const reasons = command.reasons?.map((r) => r.trim()).filter(Boolean);
  decide(stateOf(ctx), { action, at: at.getTime(), actorRole: 'leader', actorId: actor.kind === 'staff' ? actor.userId : null, reasons }, ctx.version.workflow, roles);
  const name = actor.kind === 'staff' ? (await deps.references.userNames(deps.db, [actor.userId])).get(actor.userId) : undefined;
  const signing = { db: deps.db, storage: deps.storage, references: deps.references, signing: signingServices(deps) };
  if (action === 'sign_result') {
    const current = await documents.currentResultOf(deps.db, ctx.dossier.id);
    if (!current) throw new AppError('signed_document.not_found');
    const roles = current.status === 'unsigned' ? (['person', 'agency'] as const) : (['agency'] as const);
    return { action, at, signatures: await prepareSignatures(signing, { actor, name }, current, roles, at) };
  }
  const decision = await draftRejectionDecision(ctx, context, reasons ?? [], name, at, deps);
  return { action, at, decision, signatures: await prepareSignatures(signing, { actor, name }, signableDraft(decision), ['person', 'agency'], at) };
}

/** What the specialist writes on a generated result notice. */
export interface GeneratedResult {
  outcome: string;
  details?: string[] | undefined;
  /** The leader's signature block title, e.g. "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"; "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH" when not given. */
  signerTitle?: string | undefined;
  /** The competent person's name, printed under the signature slot. */
  signerName?: string | undefined;
}

export interface ResultCommand {
  action: DossierAction;
  fileIds?: string[] | undefined;
  generateResult?: GeneratedResult | undefined;
}

const oneFile = () =>
  new AppError('request.invalid', {
    messages: { vi: 'Cần đính kèm đúng một tệp PDF kết quả, hoặc chọn tạo thông báo kết quả', en: 'Attach exactly one PDF result, or generate the result notice' },
    issues: [{ path: 'fileIds', message: 'exactly one PDF, or generateResult' }],
  });

const notPdf = () =>
  new AppError('file.unsupported_type', {
    messages: { vi: 'Kết quả điện tử phải là tệp PDF', en: 'The electronic result must be a PDF' },
    issues: [{ path: 'fileIds.0', message: 'not a PDF' }],
  });

/**
 * Runs before the log row of `attach_result` / `sign_result` is written; returns the facts for its
 * `data` and whether the command's files were taken care of here.
 */
export async function resultStep(
  tx: Kysely<Database>,
  context: AuditContext,
  ctx: DossierContext,
  command: ResultCommand,
  now: Date,
  deps: ResultDeps | undefined,
): Promise<{ data: Record<string, unknown>; filesClaimed: boolean } | null> {
  if (command.action !== 'attach_result' && command.action !== 'sign_result') return null;
  if (!deps) throw new AppError('internal.unexpected', { details: { reason: 'result deps not wired' } });
  if (command.action === 'attach_result') return attachResult(tx, context, ctx, command, now, deps);
  return { data: await signResult(tx, context, ctx, now, deps), filesClaimed: false };
}

async function attachResult(tx: Kysely<Database>, context: AuditContext, ctx: DossierContext, command: ResultCommand, now: Date, deps: ResultDeps) {
  const d = ctx.dossier;
  const files = command.fileIds ?? [];
  if ((files.length === 1) === Boolean(command.generateResult)) throw oneFile();
  let pdf: Uint8Array;
  let slot = null;
  let fileName: string;
  if (files.length === 1) {
    await claimFiles(tx, context.actor, d.id, [{ id: files[0]!, index: null }], {}, 'attachment');
    const file = await tx.selectFrom('files').select(['media_type', 'storage_key', 'original_name']).where('id', '=', files[0]!).executeTakeFirstOrThrow();
    if (file.media_type !== 'application/pdf') throw notPdf();
    pdf = await readAll(deps.storage.read(file.storage_key));
    fileName = file.original_name;
  } else {
    const rendered = await resultNotice(tx, ctx, command.generateResult!, now, deps);
    pdf = rendered.pdf;
    slot = rendered.signatureSlot;
    fileName = `ket-qua-${d.code}.pdf`;
  }
  const previous = await documents.currentResultOf(tx, d.id, { lock: true });
  if (previous) await documents.supersede(tx, previous.id, now);
  const document = await prepareSignedDocument(tx, deps, {
    kind: 'dossier_result', agencyId: ctx.agencies.handling.id, dossierId: d.id, title: resultTitle(ctx), fileName, pdf, signatureSlot: slot,
    createdBy: context.actor.kind === 'staff' ? context.actor.userId : null, at: now,
  });
  return {
    data: { signedDocument: document.id, generated: files.length === 0, ...(files.length ? { files } : {}), sha256: document.sha256, ...(previous ? { replaces: previous.id } : {}) },
    filesClaimed: true,
  };
}

const resultTitle = (ctx: DossierContext) => ctx.version.resultType ?? `Kết quả giải quyết thủ tục: ${ctx.version.name}`;

/** The result notice, headed by the handling agency, printed from the dossier's record. */
async function resultNotice(tx: Kysely<Database>, ctx: DossierContext, generated: GeneratedResult, now: Date, deps: ResultDeps) {
  const d = ctx.dossier;
  const agency = ctx.agencies.handling;
  const parent = agency.parentId ? (await deps.references.agencies(tx, [agency.parentId])).get(agency.parentId) : undefined;
  return renderResultNotice({
    issuingBody: issuingBodyOf(officialHeading(agency, parent)),
    place: placeOf(agency.name),
    issuedAt: formatInstant(now.getTime()),
    dossierCode: d.code,
    statusUrl: `${deps.config.publicBaseUrl}/tra-cuu/${encodeURIComponent(d.code)}`,
    applicant: {
      name: d.applicant_name,
      ...(d.applicant_id_number ? { idNumber: d.applicant_id_number } : {}),
      ...(d.applicant_address ? { address: d.applicant_address } : {}),
      ...(d.applicant_phone ? { phone: d.applicant_phone } : {}),
      ...(d.applicant_email ? { email: d.applicant_email } : {}),
    },
    procedureName: ctx.version.name,
    outcome: generated.outcome,
    ...(generated.details?.length ? { details: generated.details } : {}),
    signer: { title: generated.signerTitle ?? 'TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH', ...(generated.signerName ? { name: generated.signerName } : {}) },
  });
}

/**
 * Records the leader's and the agency's signatures (made before the transaction). Once both are on
 * it, the signed file is the dossier's result for the applicant (a `result` file: "Hồ sơ của tôi",
 * the status page with the security code) and a result enters their data store.
 */
async function signResult(tx: Kysely<Database>, context: AuditContext, ctx: DossierContext, now: Date, deps: ResultDeps): Promise<Record<string, unknown>> {
  const d = ctx.dossier;
  const current = await documents.currentResultOf(tx, d.id);
  if (!deps.signatures || !current || deps.signatures.documentId !== current.id) {
    throw new AppError('signed_document.signature_not_allowed', { details: { reason: 'the signatures were not prepared for the current result' } });
  }
  const document = await recordSignatures(tx, context, deps.signatures);
  const fileId = await documents.insertResultFile(tx, {
    dossierId: d.id, name: document.file_name.replace(/(\.pdf)?$/i, '.pdf'), size: Number(document.size_bytes), sha256: document.sha256,
    storageKey: document.storage_key, userId: context.actor.kind === 'staff' ? context.actor.userId : null, at: now,
  });
  await documents.setResultFile(tx, document.id, fileId);
  if (document.kind === 'dossier_result') {
    const facts: DossierFacts = {
      id: d.id, code: d.code, applicantKind: d.applicant_kind, applicantIdNumber: d.applicant_id_number,
      components: d.components as DossierFacts['components'],
    };
    await storeResultFiles(tx, facts, ctx.version, [fileId], ctx.agencies.handling, now, localDateOf(now.getTime()));
  }
  return { signedDocument: document.id, sha256: document.sha256, signatures: deps.signatures.signatures.map(({ userId: _u, ...s }) => s) };
}

/**
 * The refusal decision of a dossier the leader rejects: form 03 as it will be printed from the
 * `reject` log row (the reasons, the leader, the instant), drafted before that row exists.
 */
async function draftRejectionDecision(ctx: DossierContext, context: AuditContext, reasons: string[], name: string | undefined, at: Date, deps: Deps) {
  const actor = context.actor;
  const row: DossierEventRow = {
    id: 0, dossier_id: ctx.dossier.id, seq: ctx.events.length + 1, action: 'reject', at, actor_kind: 'staff', actor_id: actor.kind === 'staff' ? actor.userId : null,
    actor_name: name ?? null, actor_role: 'leader', from_status: ctx.dossier.status, to_status: 'rejected', step_index: null, step_name: null, participant: 0,
    handling_agency_id: ctx.agencies.handling.id, assignee_id: null, step_due_at: null, clock_due_at: null, note: null, reasons, data: {}, form: '03', request_id: null,
  };
  const form = await formDocument({ ...ctx, events: [...ctx.events, row] }, '03', deps);
  return draftSignedDocument(deps, {
    kind: 'rejection_decision', agencyId: ctx.agencies.handling.id, dossierId: ctx.dossier.id, title: `Từ chối giải quyết hồ sơ ${ctx.dossier.code}`,
    fileName: `tu-choi-${ctx.dossier.code}.pdf`, pdf: await renderForm(form), createdBy: actor.kind === 'staff' ? actor.userId : null, at,
  });
}

/**
 * Inside the reject's transaction: the refusal decision drafted before it becomes the dossier's
 * result document, replacing a result attached before the refusal.
 */
export async function insertRejectionDecision(tx: Kysely<Database>, prepared: PreparedResult) {
  const decision = prepared.decision!;
  const previous = await documents.currentResultOf(tx, decision.dossierId!, { lock: true });
  if (previous) await documents.supersede(tx, previous.id, prepared.at);
  return insertDraft(tx, decision);
}
