/**
 * The fee ledger (docs/rules/payments.md): the one way an entry is written. In the caller's
 * transaction it locks the dossier, takes the next receipt number of the agency's yearly series
 * for money received, inserts the entry, then brings `dossiers.fee_paid` and the national status
 * (6 while a fee due before processing is outstanding) in line with the new balance, and writes the
 * audit trail. Counter payments, online payments (IPN or reconciliation), refunds, waivers and
 * reversals all come through here.
 */
import type { Kysely, Selectable } from 'kysely';
import { feeBalance, localDateOf, nationalStatusOf, type DossierStatus, type FeeBalance, type FeeEntryKind, type PaymentMethod } from '@motcua/domain';
import type { Database } from '../../db/schema.ts';
import type { FeeEntriesTable } from '../../db/schema-payments.ts';
import { recordAudit, type AuditContext } from '../audit/audit.repository.ts';

export type FeeEntryRow = Selectable<FeeEntriesTable>;

export interface NewFeeEntry {
  dossierId: number;
  kind: FeeEntryKind;
  /** Required for `payment` and `refund`. */
  method?: PaymentMethod | undefined;
  amount: number;
  /** For a `reversal`: the entry it cancels. */
  reverses?: string | undefined;
  /** For an online payment: its order (at most one entry per order, enforced by the database). */
  orderId?: string | undefined;
  payerName?: string | undefined;
  reason?: string | undefined;
  /** A waiver's legal basis. */
  legalBasis?: string | undefined;
  /** The staff member who recorded it; none for a gateway's notification. */
  recordedBy?: string | undefined;
  recordedAt: Date;
}

export interface AppendedFeeEntry {
  entry: FeeEntryRow;
  balance: FeeBalance;
}

/** The receipt symbol of an agency's series for a year (ký hiệu biên lai): "BL" + two-digit year + "E" (electronic). */
export const receiptSymbolOf = (year: number): string => `BL${String(year % 100).padStart(2, '0')}E`;

export async function appendFeeEntry(tx: Kysely<Database>, input: NewFeeEntry, audit: AuditContext): Promise<AppendedFeeEntry> {
  const dossier = await tx
    .selectFrom('dossiers')
    .select(['id', 'code', 'agency_id', 'status', 'fee_amount', 'fee_terms', 'national_status', 'fee_paid'])
    .where('id', '=', input.dossierId)
    .forUpdate()
    .executeTakeFirstOrThrow();

  let receipt: { year: number; number: number; symbol: string } | undefined;
  if (input.kind === 'payment') {
    const year = Number(localDateOf(input.recordedAt.getTime()).slice(0, 4));
    const symbol = receiptSymbolOf(year);
    const row = await tx
      .insertInto('receipt_series')
      .values({ agency_id: dossier.agency_id, year, symbol, last_number: 1 })
      .onConflict((oc) => oc.columns(['agency_id', 'year']).doUpdateSet((eb) => ({ last_number: eb('receipt_series.last_number', '+', 1) })))
      .returning(['last_number', 'symbol'])
      .executeTakeFirstOrThrow();
    receipt = { year, number: row.last_number, symbol: row.symbol };
  }

  const entry = await tx
    .insertInto('fee_entries')
    .values({
      dossier_id: dossier.id,
      agency_id: dossier.agency_id,
      kind: input.kind,
      method: input.method ?? null,
      amount: input.amount,
      reverses: input.reverses ?? null,
      order_id: input.orderId ?? null,
      receipt_year: receipt?.year ?? null,
      receipt_number: receipt?.number ?? null,
      receipt_symbol: receipt?.symbol ?? null,
      payer_name: input.payerName ?? null,
      reason: input.reason ?? null,
      legal_basis: input.legalBasis ?? null,
      recorded_by: input.recordedBy ?? null,
      recorded_at: input.recordedAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();

  const entries = await tx.selectFrom('fee_entries').select(['id', 'kind', 'amount', 'reverses']).where('dossier_id', '=', dossier.id).execute();
  const balance = feeBalance(dossier.fee_amount, entries);
  const feePaid = dossier.fee_amount > 0 && balance.settled;
  const nationalStatus = nationalStatusOf(dossier.status as DossierStatus, {
    outstanding: balance.outstanding,
    payBeforeProcessing: dossier.fee_terms?.payBeforeProcessing ?? false,
  });
  if (feePaid !== dossier.fee_paid || nationalStatus !== dossier.national_status) {
    await tx.updateTable('dossiers').set({ fee_paid: feePaid, national_status: nationalStatus, updated_at: input.recordedAt }).where('id', '=', dossier.id).execute();
  }

  await recordAudit(tx, { ...audit, at: input.recordedAt }, {
    action: `fee.${input.kind}`,
    entityType: 'dossier',
    entityId: dossier.code,
    agencyId: dossier.agency_id,
    details: {
      entryId: entry.id,
      amount: input.amount,
      ...(input.method ? { method: input.method } : {}),
      ...(receipt ? { receipt: `${receipt.symbol} ${receipt.number}/${receipt.year}` } : {}),
      ...(input.orderId ? { orderId: input.orderId } : {}),
      ...(input.reverses ? { reverses: input.reverses } : {}),
      outstanding: balance.outstanding,
    },
  });
  return { entry, balance };
}

/** The ledger of a dossier, oldest first. */
export async function feeEntriesOf(db: Kysely<Database>, dossierId: number): Promise<FeeEntryRow[]> {
  return db.selectFrom('fee_entries').selectAll().where('dossier_id', '=', dossierId).orderBy('recorded_at').orderBy('id').execute();
}
