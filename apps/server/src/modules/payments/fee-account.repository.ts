/** Reads of a dossier's fee account beyond the ledger itself: its signed receipts and its online orders. */
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { PaymentOrdersTable } from '../../db/schema-payments.ts';

export type PaymentOrderRow = Selectable<PaymentOrdersTable>;

/** Entry id → the public id of its signed receipt. */
export async function signedReceiptsOf(db: Kysely<Database>, entryIds: readonly string[]): Promise<Map<string, string>> {
  if (entryIds.length === 0) return new Map();
  const rows = await db.selectFrom('fee_receipts').select(['entry_id', 'signed_document_id']).where('entry_id', 'in', entryIds).execute();
  return new Map(rows.map((r) => [r.entry_id, r.signed_document_id]));
}

export async function paymentOrdersOf(db: Kysely<Database>, dossierId: number): Promise<PaymentOrderRow[]> {
  return db.selectFrom('payment_orders').selectAll().where('dossier_id', '=', dossierId).orderBy('created_at').execute();
}

export async function linkSignedReceipt(tx: Kysely<Database>, entryId: string, documentId: string, at: Date): Promise<void> {
  await tx.insertInto('fee_receipts').values({ entry_id: entryId, signed_document_id: documentId, created_at: at }).execute();
}
