/**
 * The electronic receipt (biên lai điện tử) of a payment (docs/rules/payments.md): printed from the
 * ledger entry and the dossier's fee terms, signed digitally by the officer who collected the money
 * and sealed with the agency's key, stored once as a signed document (kind `fee_receipt`, its QR
 * code to the public verification page) and served as stored from then on. Signing happens right
 * after the payment is recorded; when no key is available the receipt is served unsigned, and the
 * collector's next download signs it.
 */
import { AppError, feeItemKindLabels, officialHeading, paymentMethodLabels, feeReceiptText, formatInstant, type Actor } from '@motcua/domain';
import type { Deps } from '../../deps.ts';
import { renderFeeReceipt, type FeeReceiptDocument } from '../../infra/pdf/fee-receipt.ts';
import type { AuditContext } from '../audit/audit.repository.ts';
import { issuingBodyOf, placeOf } from '../dossiers/dossier.forms.ts';
import type { DossierContext } from '../dossiers/dossier.context.ts';
import { findSignedDocument } from '../signed-documents/signed-documents.repository.ts';
import { readAll, signNewDocument } from '../signed-documents/signed-documents.usecases.ts';
import { signingServices } from '../signed-documents/signing.port.ts';
import { linkSignedReceipt, signedReceiptsOf } from './fee-account.repository.ts';
import type { FeeEntryRow } from './fee-ledger.repository.ts';

export interface ReceiptFile {
  pdf: Uint8Array;
  fileName: string;
  signed: boolean;
}

const notFound = () => new AppError('fee.receipt_not_found');

/** The payment entry of the dossier that carries a receipt, or "not found". */
async function receiptEntry(deps: Pick<Deps, 'db'>, dossierId: number, entryId: string): Promise<FeeEntryRow> {
  // A malformed id is simply not one of the dossier's entries.
  if (!/^[0-9a-f-]{36}$/i.test(entryId)) throw notFound();
  const entry = await deps.db.selectFrom('fee_entries').selectAll().where('id', '=', entryId).where('dossier_id', '=', dossierId).executeTakeFirst();
  if (!entry || entry.receipt_number === null) throw notFound();
  return entry;
}

const fileNameOf = (entry: FeeEntryRow, code: string) => `bien-lai-${entry.receipt_symbol}-${String(entry.receipt_number).padStart(7, '0')}-${code}.pdf`;

/** The receipt's data from the ledger entry, the dossier and its fee terms. */
async function receiptDocument(ctx: DossierContext, entry: FeeEntryRow, deps: Pick<Deps, 'db' | 'references' | 'config'>): Promise<FeeReceiptDocument> {
  const d = ctx.dossier;
  const receiving = ctx.agencies.receiving;
  const parent = receiving.parentId ? (await deps.references.agencies(deps.db, [receiving.parentId])).get(receiving.parentId) : undefined;
  const collector = entry.recorded_by ? (await deps.references.userNames(deps.db, [entry.recorded_by])).get(entry.recorded_by) : undefined;
  const terms = d.fee_terms;
  const statusUrl = `${deps.config.publicBaseUrl}/tra-cuu/${encodeURIComponent(d.code)}`;
  return {
    issuingBody: issuingBodyOf(officialHeading(receiving, parent)),
    place: placeOf(receiving.name),
    issuedAt: formatInstant(entry.recorded_at.getTime()),
    dossierCode: d.code,
    statusUrl,
    symbol: entry.receipt_symbol!,
    number: entry.receipt_number!,
    agencyName: receiving.name,
    payer: {
      name: entry.payer_name ?? d.applicant_name,
      ...(d.applicant_address && (entry.payer_name ?? d.applicant_name) === d.applicant_name ? { address: d.applicant_address } : {}),
    },
    procedureName: ctx.version.name,
    items: terms?.items.length
      ? terms.items.map((i) => ({ kindLabel: feeItemKindLabels[i.kind].vi, label: i.label, amount: i.amount }))
      : [{ kindLabel: 'Phí, lệ phí', label: ctx.version.name, amount: d.fee_amount }],
    exemption: terms?.exemption,
    amount: entry.amount,
    methodLabel: entry.method ? paymentMethodLabels[entry.method].vi : '',
    collectorName: collector,
    legalBasis: terms?.legalBasis ?? null,
    verifyUrl: statusUrl,
  };
}

async function storedReceipt(deps: Pick<Deps, 'db' | 'storage'>, entry: FeeEntryRow): Promise<Uint8Array | undefined> {
  const documentId = (await signedReceiptsOf(deps.db, [entry.id])).get(entry.id);
  const document = documentId ? await findSignedDocument(deps.db, documentId) : undefined;
  return document ? readAll(deps.storage.read(document.storage_key)) : undefined;
}

/**
 * Signs the receipt of `entryId` as its collector (`context.actor`, who must be the staff member
 * who recorded it) with the agency's seal, and stores it. Outside any transaction (keys are read
 * through the database). Answers the signed bytes; the stored copy if another request signed first.
 */
export async function signFeeReceipt(context: AuditContext, ctx: DossierContext, entryId: string, deps: Deps): Promise<ReceiptFile> {
  const entry = await receiptEntry(deps, ctx.dossier.id, entryId);
  const fileName = fileNameOf(entry, ctx.dossier.code);
  const stored = await storedReceipt(deps, entry);
  if (stored) return { pdf: stored, fileName, signed: true };
  const actor = context.actor;
  if (actor.kind !== 'staff' || actor.userId !== entry.recorded_by) throw new AppError('auth.forbidden', { details: { entry: entry.id } });
  const { pdf, signatureSlot } = await renderFeeReceipt(await receiptDocument(ctx, entry, deps));
  const at = deps.clock();
  const text = feeReceiptText(entry.receipt_symbol!, entry.receipt_number!);
  try {
    const signed = await signNewDocument(
      context,
      {
        kind: 'fee_receipt', agencyId: ctx.agencies.receiving.id, dossierId: ctx.dossier.id, number: text,
        title: `Biên lai thu phí, lệ phí ${text} — hồ sơ ${ctx.dossier.code}`, fileName, pdf, signatureSlot, createdBy: actor.userId, at,
      },
      ['person', 'agency'],
      { db: deps.db, storage: deps.storage, config: deps.config, references: deps.references, signing: signingServices(deps) },
      (tx, id) => linkSignedReceipt(tx, entry.id, id, at),
    );
    return { pdf: signed.pdf, fileName, signed: true };
  } catch (error) {
    // Two downloads signing at once: the first one's copy is the receipt.
    const raced = await storedReceipt(deps, entry);
    if (raced) return { pdf: raced, fileName, signed: true };
    throw error;
  }
}

/**
 * The receipt to download: the signed copy when there is one; else, for its collector, signed now
 * (unsigned if that fails: no key yet); for anyone else who may see it, printed unsigned.
 */
export async function feeReceiptPdf(
  reader: { actor: Actor; context?: AuditContext | undefined },
  ctx: DossierContext,
  entryId: string,
  deps: Deps,
  onSigningError: (error: unknown) => void,
): Promise<ReceiptFile> {
  const entry = await receiptEntry(deps, ctx.dossier.id, entryId);
  const fileName = fileNameOf(entry, ctx.dossier.code);
  const stored = await storedReceipt(deps, entry);
  if (stored) return { pdf: stored, fileName, signed: true };
  const actor = reader.actor;
  if (reader.context && actor.kind === 'staff' && actor.userId === entry.recorded_by) {
    try {
      return await signFeeReceipt(reader.context, ctx, entryId, deps);
    } catch (error) {
      onSigningError(error);
    }
  }
  const { pdf } = await renderFeeReceipt(await receiptDocument(ctx, entry, deps));
  return { pdf, fileName, signed: false };
}
