/** Table types of migrations 0033 and 0035 (fees and payments: ledger, receipt series, online orders, gateway callbacks). */
import type { ColumnType, Generated } from 'kysely';
import type { FeeEntryKind, PaymentMethod, PaymentOrderStatus, PaymentProviderName } from '@motcua/domain';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** bigint columns: whole đồng, far below 2^53 (`db/database.ts` reads int8 as a number). */
type Amount = ColumnType<number, number | bigint, number>;

export interface PaymentOrdersTable {
  id: Generated<string>;
  reference: string;
  dossier_id: number;
  agency_id: string;
  provider: PaymentProviderName;
  amount: Amount;
  currency: ColumnType<'VND', 'VND' | undefined, 'VND'>;
  status: ColumnType<PaymentOrderStatus, PaymentOrderStatus | undefined, PaymentOrderStatus>;
  citizen_id: string | null;
  payer_ip: string | null;
  created_at: Timestamp;
  expires_at: Timestamp;
  settled_at: NullableTimestamp;
  provider_transaction_no: string | null;
  bank_code: string | null;
  response_code: string | null;
  paid_at: NullableTimestamp;
  last_checked_at: NullableTimestamp;
  checks: ColumnType<number, number | undefined, number>;
}

export interface ReceiptSeriesTable {
  agency_id: string;
  year: number;
  symbol: string;
  last_number: ColumnType<number, number | undefined, number>;
}

export interface FeeEntriesTable {
  id: Generated<string>;
  dossier_id: number;
  agency_id: string;
  kind: FeeEntryKind;
  method: PaymentMethod | null;
  amount: Amount;
  currency: ColumnType<'VND', 'VND' | undefined, never>;
  reverses: string | null;
  order_id: string | null;
  receipt_year: number | null;
  receipt_number: number | null;
  receipt_symbol: string | null;
  payer_name: string | null;
  reason: string | null;
  /** A waiver's legal basis (migration 0035). */
  legal_basis: ColumnType<string | null, string | null | undefined, never>;
  recorded_by: string | null;
  recorded_at: Timestamp;
}

export interface PaymentCallbacksTable {
  id: Generated<number>;
  provider: string;
  kind: 'ipn' | 'return' | 'query';
  order_id: string | null;
  reference: string | null;
  params: ColumnType<Record<string, unknown>, Record<string, unknown> | string, never>;
  answer_code: string;
  outcome: string;
  received_at: Timestamp;
}

/** Migration 0035: the signed receipt of a payment entry. */
export interface FeeReceiptsTable {
  entry_id: string;
  signed_document_id: string;
  created_at: Timestamp;
}

export interface PaymentTables {
  fee_receipts: FeeReceiptsTable;
  payment_orders: PaymentOrdersTable;
  receipt_series: ReceiptSeriesTable;
  fee_entries: FeeEntriesTable;
  payment_callbacks: PaymentCallbacksTable;
}
