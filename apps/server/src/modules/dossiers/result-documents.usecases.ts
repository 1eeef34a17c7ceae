/**
 * The dossier's electronic result (docs/rules/results.md): the specialist attaches a PDF or
 * generates the result notice (`attach_result`); the leader signs it with their key and the
 * agency's seal (`sign_result`); a refusal decision (`reject`) is form 03 as a signed document.
 * Each step runs inside the dossier action's transaction and returns the facts its log row keeps.
 */
import type { Kysely } from 'kysely';
import { AppError, formatInstant, localDateOf, type DossierAction } from '@motcua/domain';
import type { Database } from '../../db/schema.ts';
import type { Deps } from '../../deps.ts';
import { renderForm } from '../../infra/pdf/index.ts';
import { renderResultNotice } from '../../infra/pdf/result-notice.ts';
import type { AuditContext } from '../audit/audit.repository.ts';
import { storeResultFiles, type DossierFacts } from '../data-store/data-store.usecases.ts';
import { claimFiles } from '../files/files.usecases.ts';
import * as documents from '../signed-documents/signed-documents.repository.ts';
import { prepareSignedDocument, readAll, signDocument, type SignedDocumentDeps } from '../signed-documents/signed-documents.usecases.ts';
import { signingServices } from '../signed-documents/signing.port.ts';
import type { DossierContext } from './dossier.context.ts';
import { formDocument, issuingName, placeOf } from './dossier.forms.ts';

export type ResultDeps = SignedDocumentDeps & Pick<Deps, 'config'>;

export const resultDepsOf = (deps: Deps): ResultDeps => ({ storage: deps.storage, config: deps.config, references: deps.references, signing: signingServices(deps) });

/** What the specialist writes on a generated result notice. */
export interface GeneratedResult {
  outcome: string;
  details?: string[] | undefined;
  /** The leader's signature block title, e.g. "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"; "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH" when not given. */
  signerTitle?: string | undefined;
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
    issuingBody: { ...(parent ? { parentName: issuingName(parent) } : {}), name: issuingName(agency) },
    place: placeOf(agency.name),
    issuedAt: formatInstant(now.getTime()),
    dossierCode: d.code,
    statusUrl: `${deps.config.publicBaseUrl}/tra-cuu/${encodeURIComponent(d.code)}`,
    applicant: {
      name: d.applicant_name,
      ...(d.applicant_id_number ? { idNumber: d.applicant_id_number } : {}),
      ...(d.applicant_address ? { address: d.applicant_address } : {}),
    },
    procedureName: ctx.version.name,
    outcome: generated.outcome,
    ...(generated.details?.length ? { details: generated.details } : {}),
    signer: { title: generated.signerTitle ?? 'TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH' },
  });
}

/**
 * The leader signs the current result: their own signature, then the agency's seal. Once both are
 * on it, the signed file is the dossier's result for the applicant (a `result` file: "Hồ sơ của
 * tôi", the status page with the security code) and enters their data store.
 */
async function signResult(tx: Kysely<Database>, context: AuditContext, ctx: DossierContext, now: Date, deps: ResultDeps): Promise<Record<string, unknown>> {
  const d = ctx.dossier;
  const current = await documents.currentResultOf(tx, d.id, { lock: true });
  if (!current) throw new AppError('signed_document.not_found');
  const names = context.actor.kind === 'staff' ? await deps.references.userNames(tx, [context.actor.userId]) : new Map<string, string>();
  const signerContext = { ...context, actorName: context.actor.kind === 'staff' ? names.get(context.actor.userId) ?? context.actorName : context.actorName };
  const signatures = [];
  let document = current;
  for (const as of ['person', 'agency'] as const) {
    if (as === 'person' && document.status !== 'unsigned') continue;
    const done = await signDocument(tx, deps, signerContext, { id: document.id, as, at: now });
    document = done.document;
    signatures.push(done.signature);
  }
  const fileId = await documents.insertResultFile(tx, {
    dossierId: d.id, name: document.file_name.replace(/(\.pdf)?$/i, '.pdf'), size: Number(document.size_bytes), sha256: document.sha256,
    storageKey: document.storage_key, userId: context.actor.kind === 'staff' ? context.actor.userId : null, at: now,
  });
  await documents.setResultFile(tx, document.id, fileId);
  const facts: DossierFacts = {
    id: d.id, code: d.code, applicantKind: d.applicant_kind, applicantIdNumber: d.applicant_id_number,
    components: d.components as DossierFacts['components'],
  };
  if (document.kind === 'dossier_result') {
    await storeResultFiles(tx, facts, ctx.version, [fileId], ctx.agencies.handling, now, localDateOf(now.getTime()));
  }
  return { signedDocument: document.id, sha256: document.sha256, signatures: signatures.map(({ userId: _u, ...s }) => s) };
}

/** The refusal decision of a rejected dossier: form 03 from its `reject` log row, as a document to sign. */
export async function prepareRejectionDecision(tx: Kysely<Database>, ctx: DossierContext, context: AuditContext, now: Date, deps: ResultDeps & Pick<Deps, 'db'>) {
  const form = await formDocument(ctx, '03', { ...deps, db: tx });
  const pdf = await renderForm(form);
  return prepareSignedDocument(tx, deps, {
    kind: 'rejection_decision', agencyId: ctx.agencies.handling.id, dossierId: ctx.dossier.id, title: `Từ chối giải quyết hồ sơ ${ctx.dossier.code}`,
    fileName: `tu-choi-${ctx.dossier.code}.pdf`, pdf, createdBy: context.actor.kind === 'staff' ? context.actor.userId : null, at: now,
  });
}
