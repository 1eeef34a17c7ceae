/**
 * A dossier's form signed digitally (docs/signatures.md): rendered as printed for staff (its number
 * from the register), stored as a signed document of kind `form` with its verification QR, and
 * signed as the domain's `formSigning` says — by the officer who issued it (01, 02), or by the head
 * with the agency's seal (03, 04, 05). Its register entry, if it has one, is marked signed.
 */
import {
  AppError, formIssuedBy, formSigning, hasRoleOver, signableForms, type Actor, type SignableForm,
} from '@motcua/domain';
import type { Deps } from '../../deps.ts';
import { renderFormDocument } from '../../infra/pdf/index.ts';
import type { AuditContext } from '../audit/audit.repository.ts';
import { markFormSigned, registerFormNumbering } from '../document-office/document-office.forms.ts';
import { signNewDocument } from '../signed-documents/signed-documents.usecases.ts';
import { signingServices } from '../signed-documents/signing.port.ts';
import { loadDossierContext, type DossierContext } from './dossier.context.ts';
import { formDocument, formKeyOf } from './dossier.forms.ts';
import type { DossierEventRow } from './dossiers.repository.ts';

/** The log row of the last action that issued `form`. */
const issuingRow = (ctx: DossierContext, form: SignableForm): DossierEventRow | undefined =>
  [...ctx.events].reverse().find((e) => formIssuedBy(e.action) === form);

function maySign(actor: Actor, ctx: DossierContext, form: SignableForm, issuing: DossierEventRow): boolean {
  if (actor.kind !== 'staff') return false;
  return formSigning(form).signer === 'issuer'
    ? issuing.actor_id === actor.userId
    : hasRoleOver(actor, ['leader'], ctx.agencies.receiving.path);
}

/** The forms of the dossier the caller may sign now: issued, and theirs to sign. */
export async function signableFormsOf(actor: Actor, dossierId: number, deps: Pick<Deps, 'db' | 'references'>): Promise<SignableForm[]> {
  const ctx = await loadDossierContext(deps.db, deps.references, actor, dossierId);
  return signableForms.filter((form) => {
    const issuing = issuingRow(ctx, form);
    return issuing !== undefined && maySign(actor, ctx, form, issuing);
  });
}

/** Signs form `form` of the dossier as the caller; answers the signed PDF. */
export async function signDossierForm(context: AuditContext, dossierId: number, form: SignableForm, deps: Deps): Promise<{ pdf: Uint8Array; fileName: string; id: string }> {
  const actor = context.actor;
  const ctx = await loadDossierContext(deps.db, deps.references, actor, dossierId);
  const issuing = issuingRow(ctx, form);
  if (!issuing) throw new AppError('dossier.form_not_issued', { messages: { vi: `Hồ sơ chưa có mẫu ${form}`, en: `Form ${form} has not been issued for this dossier` } });
  if (!maySign(actor, ctx, form, issuing)) throw new AppError('auth.forbidden', { details: { form } });
  const document = await formDocument(ctx, form, deps, { numbering: registerFormNumbering(actor, deps) });
  const { pdf, signatureSlot } = await renderFormDocument(document);
  const at = deps.clock();
  const code = ctx.dossier.code;
  const fileName = `mau-${form}-${code}-ky-so.pdf`;
  const key = formKeyOf(ctx.dossier.id, issuing.id, form);
  const signed = await signNewDocument(
    context,
    {
      kind: 'form', agencyId: ctx.agencies.receiving.id, dossierId: ctx.dossier.id, number: document.number ?? null,
      title: `Mẫu số ${form} — hồ sơ ${code}`, fileName, pdf, signatureSlot: signatureSlot ?? null, createdBy: actor.kind === 'staff' ? actor.userId : null, at,
    },
    formSigning(form).roles,
    { db: deps.db, storage: deps.storage, config: deps.config, references: deps.references, signing: signingServices(deps) },
    (tx, id) => markFormSigned(tx, key, id, at),
  );
  return { pdf: signed.pdf, fileName, id: signed.document.id };
}
