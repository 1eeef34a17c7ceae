/**
 * The fee report's queries (docs/rules/payments.md, "Reports"; the reference definition is
 * `feeFiguresOf` in the domain). Reviewed like code.
 *
 * One statement per report. Three sources, each read through an index range of one agency's
 * instants, are brought to one shape and summed per group:
 *   1. the ledger entries recorded in [start, end) (fee_entries_agency_recorded), less reversals and
 *      the entries they cancel (fee_entries_reverses): collected by method, refunded, waived;
 *   2. the dossiers received in [start, end) (dossiers_agency_received) that owe something or were
 *      exempted at reception: count, amount due, exemption, and what each still owes now. A dossier
 *      whose `fee_paid` is set owes nothing (the ledger's writer sets it from the same balance in
 *      the same transaction as each entry); only the others' entries are read (fee_entries_dossier);
 *   3. the online orders created in [start, end) and still pending.
 * A group is the receiving agency, the procedure, or the local month of the instant that put the
 * row in the period (recorded, received, created).
 */
import type { FeeEntryData } from '../../infra/xlsx/fee-workbook.ts';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { FeeEntryKind, PaymentMethod } from '@motcua/domain';
import type { Database } from '../../db/schema.ts';
import { scopeCte } from './reports.repository.ts';

export const feeGroupings = ['agency', 'procedure', 'month'] as const;
export type FeeGrouping = (typeof feeGroupings)[number];

export interface FeeReportFilter {
  /** [start, end): the period's instants (end moved back to the report's instant when it is not over). */
  start: Date;
  end: Date;
  /** Subtree roots (materialised paths) of the receiving agencies to count. */
  scopePaths: string[];
  level?: string | undefined;
  procedureCode?: string | undefined;
}

/** The sums of one group, as the query returns them. */
export interface FeeGroupSums {
  key: string;
  label: string;
  dossiers: number;
  due: number;
  exempted: number;
  outstanding: number;
  collected: number;
  cash: number;
  transfer: number;
  card: number;
  online: number;
  payments: number;
  onlinePayments: number;
  refunded: number;
  waived: number;
  pendingOrders: number;
  pendingAmount: number;
}

/** An entry that is not a reversal and was not reversed. */
const standing = (f: string): RawBuilder<unknown> =>
  sql`${sql.ref(`${f}.kind`)} <> 'reversal' AND NOT EXISTS (SELECT 1 FROM fee_entries r WHERE r.reverses = ${sql.ref(`${f}.id`)})`;

/** The group of a row: its receiving agency, its dossier's procedure, or the local month of its instant. */
function groupOf(by: FeeGrouping, refs: { agency: string; procedure: string; instant: string }): RawBuilder<string> {
  if (by === 'agency') return sql<string>`${sql.ref(refs.agency)}::text`;
  if (by === 'procedure') return sql<string>`${sql.ref(refs.procedure)}`;
  return sql<string>`to_char(motcua_local_date(${sql.ref(refs.instant)}), 'YYYY-MM')`;
}

/**
 * Each source is summed per group on its own (a few rows each), then the three are added up: the
 * rows are never sorted or spilled all together. Run with JIT compilation off: the planner's
 * estimate for a year of entries is high enough to compile the query, which took longer than the
 * query itself (0,3–3 s on 100 000 entries).
 */
export async function feeSumsBy(db: Kysely<Database>, f: FeeReportFilter, by: FeeGrouping): Promise<FeeGroupSums[]> {
  if (f.scopePaths.length === 0) return [];
  const ids = sql`SELECT id FROM scope`;
  const procedure = f.procedureCode ? sql`AND d.procedure_code = ${f.procedureCode}` : sql``;
  // The entries need their dossier only for its procedure.
  const withDossier = by === 'procedure' || Boolean(f.procedureCode);
  const paid = (method: PaymentMethod) => sql`sum(f.amount) FILTER (WHERE f.kind = 'payment' AND f.method = ${method})`;
  const ofKind = (kind: FeeEntryKind) => sql`sum(f.amount) FILTER (WHERE f.kind = ${kind})`;
  const label = by === 'agency'
    ? sql`s.code AS key, s.name AS label FROM groups g JOIN scope s ON s.id::text = g.k ORDER BY s.path`
    : by === 'procedure'
      ? sql`g.k AS key, coalesce((SELECT pv.name FROM procedure_versions pv WHERE pv.procedure_code = g.k ORDER BY pv.version DESC LIMIT 1), g.k) AS label
            FROM groups g ORDER BY g.k`
      : sql`g.k AS key, g.k AS label FROM groups g ORDER BY g.k`;
  const query = sql<Record<keyof FeeGroupSums, string | number | null>>`
    WITH ${scopeCte(f)},
    received AS (
      SELECT d.id, d.agency_id, d.procedure_code, d.received_at, d.fee_amount, d.fee_paid,
             coalesce((d.fee_terms -> 'exemption' ->> 'waived')::bigint, 0) AS exempted
        FROM dossiers d
       WHERE d.agency_id IN (${ids}) AND d.received_at >= ${f.start} AND d.received_at < ${f.end}
         AND (d.fee_amount > 0 OR d.fee_terms -> 'exemption' IS NOT NULL) ${procedure}
    ),
    covered AS (
      SELECT e.dossier_id, sum(CASE WHEN e.kind = 'refund' THEN -e.amount ELSE e.amount END) AS covered
        FROM fee_entries e
       WHERE e.dossier_id IN (SELECT id FROM received WHERE fee_amount > 0 AND NOT fee_paid) AND ${standing('e')}
       GROUP BY e.dossier_id
    ),
    counted AS (
      SELECT ${groupOf(by, { agency: 'f.agency_id', procedure: 'd.procedure_code', instant: 'f.recorded_at' })} AS k,
             0 AS dossiers, 0 AS due, 0 AS exempted, 0 AS outstanding,
             ${ofKind('payment')} AS collected, ${paid('cash')} AS cash, ${paid('transfer')} AS transfer, ${paid('card')} AS card,
             ${paid('online')} AS online, count(*) FILTER (WHERE f.kind = 'payment') AS payments,
             count(*) FILTER (WHERE f.kind = 'payment' AND f.method = 'online') AS online_payments,
             ${ofKind('refund')} AS refunded, ${ofKind('waiver')} AS waived, 0 AS pending_orders, 0 AS pending_amount
        FROM fee_entries f ${withDossier ? sql`JOIN dossiers d ON d.id = f.dossier_id` : sql``}
       WHERE f.agency_id IN (${ids}) AND f.recorded_at >= ${f.start} AND f.recorded_at < ${f.end} AND ${standing('f')} ${procedure}
       GROUP BY 1
      UNION ALL
      SELECT ${groupOf(by, { agency: 'r.agency_id', procedure: 'r.procedure_code', instant: 'r.received_at' })},
             count(*) FILTER (WHERE r.fee_amount > 0), sum(r.fee_amount), sum(r.exempted),
             sum(greatest(0, r.fee_amount - coalesce(c.covered, 0))) FILTER (WHERE r.fee_amount > 0 AND NOT r.fee_paid),
             0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
        FROM received r LEFT JOIN covered c ON c.dossier_id = r.id
       GROUP BY 1
      UNION ALL
      SELECT ${groupOf(by, { agency: 'o.agency_id', procedure: 'd.procedure_code', instant: 'o.created_at' })},
             0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, count(*), sum(o.amount)
        FROM payment_orders o JOIN dossiers d ON d.id = o.dossier_id
       WHERE o.status = 'pending' AND o.agency_id IN (${ids}) AND o.created_at >= ${f.start} AND o.created_at < ${f.end} ${procedure}
       GROUP BY 1
    ),
    groups AS (
      SELECT k, sum(dossiers) AS dossiers, sum(due) AS due, sum(exempted) AS exempted, sum(outstanding) AS outstanding,
             sum(collected) AS collected, sum(cash) AS cash, sum(transfer) AS transfer, sum(card) AS card, sum(online) AS online,
             sum(payments) AS payments, sum(online_payments) AS online_payments, sum(refunded) AS refunded, sum(waived) AS waived,
             sum(pending_orders) AS pending_orders, sum(pending_amount) AS pending_amount
        FROM counted GROUP BY k
    )
    SELECT g.dossiers, g.due, g.exempted, g.outstanding, g.collected, g.cash, g.transfer, g.card, g.online, g.payments,
           g.online_payments AS "onlinePayments", g.refunded, g.waived, g.pending_orders AS "pendingOrders", g.pending_amount AS "pendingAmount",
           ${label}`;
  const result = await db.transaction().execute(async (tx) => {
    await sql`SET LOCAL jit = off`.execute(tx);
    return query.execute(tx);
  });
  return result.rows.map((r) => {
    const out = { key: String(r.key), label: String(r.label) } as FeeGroupSums;
    for (const [k, v] of Object.entries(r)) if (k !== 'key' && k !== 'label') (out as unknown as Record<string, number>)[k] = Number(v ?? 0);
    return out;
  });
}

/** One entry of the period, for accounting's list: the workbook's own line, so the two cannot drift. */
export type FeeEntryLine = FeeEntryData;

/** The entries the report counts (reversed ones and reversals left out), oldest first. */
export async function feeEntryLines(db: Kysely<Database>, f: FeeReportFilter): Promise<FeeEntryLine[]> {
  if (f.scopePaths.length === 0) return [];
  const result = await sql<{
    recorded_at: Date; dossier_code: string; procedure_code: string; procedure_name: string; agency_code: string; agency_name: string;
    kind: FeeEntryKind; method: PaymentMethod | null; amount: string | number; receipt_symbol: string | null; receipt_number: number | null;
    reference: string | null;
  }>`
    WITH ${scopeCte(f)}
    SELECT f.recorded_at, d.code AS dossier_code, d.procedure_code, pv.name AS procedure_name, s.code AS agency_code, s.name AS agency_name,
           f.kind, f.method, f.amount, f.receipt_symbol, f.receipt_number, o.reference
      FROM fee_entries f
      JOIN scope s ON s.id = f.agency_id
      JOIN dossiers d ON d.id = f.dossier_id
      JOIN procedure_versions pv ON pv.id = d.procedure_version_id
      LEFT JOIN payment_orders o ON o.id = f.order_id
     WHERE f.recorded_at >= ${f.start} AND f.recorded_at < ${f.end} AND ${standing('f')}
       ${f.procedureCode ? sql`AND d.procedure_code = ${f.procedureCode}` : sql``}
     ORDER BY f.recorded_at, f.receipt_number NULLS LAST, f.id`.execute(db);
  return result.rows.map((r) => ({
    recordedAt: r.recorded_at, dossierCode: r.dossier_code, procedureCode: r.procedure_code, procedureName: r.procedure_name,
    agencyCode: r.agency_code, agencyName: r.agency_name, kind: r.kind, method: r.method, amount: Number(r.amount),
    receiptSymbol: r.receipt_symbol, receiptNumber: r.receipt_number, orderReference: r.reference,
  }));
}
