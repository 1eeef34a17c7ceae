/** Online payment orders and what the gateways sent about them (migration 0033; docs/payments.md). */
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { PaymentOrderStatus } from '@motcua/domain';
import type { Database } from '../../db/schema.ts';
import type { PaymentCallbacksTable, PaymentOrdersTable } from '../../db/schema-payments.ts';

export type PaymentOrderRow = Selectable<PaymentOrdersTable>;

export async function insertOrder(db: Kysely<Database>, order: Insertable<PaymentOrdersTable>): Promise<PaymentOrderRow> {
  return db.insertInto('payment_orders').values(order).returningAll().executeTakeFirstOrThrow();
}

export async function findOrder(db: Kysely<Database>, reference: string): Promise<PaymentOrderRow | undefined> {
  return db.selectFrom('payment_orders').selectAll().where('reference', '=', reference).executeTakeFirst();
}

/** The order, locked until the end of the caller's transaction: an IPN and a query on it take turns. */
export async function lockOrder(db: Kysely<Database>, reference: string): Promise<PaymentOrderRow | undefined> {
  return db.selectFrom('payment_orders').selectAll().where('reference', '=', reference).forUpdate().executeTakeFirst();
}

/** The dossier's newest order still waiting for the gateway. */
export async function pendingOrderOf(db: Kysely<Database>, dossierId: number): Promise<PaymentOrderRow | undefined> {
  return db.selectFrom('payment_orders').selectAll().where('dossier_id', '=', dossierId).where('status', '=', 'pending')
    .orderBy('created_at', 'desc').limit(1).executeTakeFirst();
}

export async function settleOrder(
  db: Kysely<Database>,
  id: string,
  changes: { status: PaymentOrderStatus; settled_at: Date } & Partial<Pick<PaymentOrderRow, 'provider_transaction_no' | 'bank_code' | 'response_code' | 'paid_at'>>,
): Promise<void> {
  await db.updateTable('payment_orders').set(changes).where('id', '=', id).execute();
}

/** A query was made about the order (reconciliation, return address): counted, whatever it said. */
export async function noteChecked(db: Kysely<Database>, id: string, at: Date): Promise<void> {
  await db.updateTable('payment_orders').set((eb) => ({ checks: eb('checks', '+', 1), last_checked_at: at })).where('id', '=', id).execute();
}

/** Pending orders created before `createdBefore`, least recently checked first. */
export async function ordersToReconcile(db: Kysely<Database>, createdBefore: Date, limit: number): Promise<PaymentOrderRow[]> {
  return db.selectFrom('payment_orders').selectAll().where('status', '=', 'pending').where('created_at', '<', createdBefore)
    .orderBy('last_checked_at', (ob) => ob.asc().nullsFirst()).orderBy('created_at').limit(limit).execute();
}

export async function recordCallback(db: Kysely<Database>, row: Insertable<PaymentCallbacksTable>): Promise<void> {
  await db.insertInto('payment_callbacks').values(row).execute();
}

/** The ledger entry (with its receipt number) an order produced, if any. */
export async function entryOfOrder(db: Kysely<Database>, orderId: string) {
  return db.selectFrom('fee_entries').select(['id', 'receipt_symbol', 'receipt_number', 'receipt_year', 'recorded_at']).where('order_id', '=', orderId).executeTakeFirst();
}
