/**
 * The fee report (docs/rules/payments.md, "Reports"): for a period and the agencies in the caller's
 * scope, per receiving agency, procedure or month and in total, what was due, collected (by
 * method), refunded, waived, what is still owed and what waits for an online payment, and the
 * share paid online. The same object feeds the API, the console and the XLSX export.
 */
import type { Kysely } from 'kysely';
import {
  addFeeFigures, emptyFeeFigures, feeReportWindow, formatInstant, onlinePaymentShare,
  type FeeFigures, type PlainDate,
} from '@motcua/domain';
import type { Database } from '../../db/schema.ts';
import { feeEntryLines, feeSumsBy, type FeeEntryLine, type FeeGroupSums, type FeeGrouping, type FeeReportFilter } from './fee-report.repository.ts';
import { assertPeriod, narrowScope } from './reports.usecases.ts';

export interface FeeReportRequest {
  from: PlainDate;
  to: PlainDate;
  agencyCode?: string | undefined;
  level?: string | undefined;
  procedureCode?: string | undefined;
  groupBy: FeeGrouping;
}

export interface FeeReportRow extends FeeFigures {
  /** Agency code, procedure code or "YYYY-MM". */
  key: string;
  /** Agency or procedure name; the month again for a month. */
  label: string;
}

export interface FeeReport {
  period: { from: PlainDate; to: PlainDate; asOf?: string };
  filters: { agency: string | null; level: string | null; procedure: string | null };
  groupBy: FeeGrouping;
  generatedAt: string;
  total: FeeFigures;
  rows: FeeReportRow[];
}

function figuresOf(s: FeeGroupSums): FeeFigures {
  return {
    dossiersWithFee: s.dossiers,
    amountDue: s.due,
    collected: { total: s.collected, cash: s.cash, transfer: s.transfer, card: s.card, online: s.online },
    payments: s.payments,
    onlinePayments: s.onlinePayments,
    refunded: s.refunded,
    waived: s.waived + s.exempted,
    waivedAtReception: s.exempted,
    outstanding: s.outstanding,
    pendingOrders: s.pendingOrders,
    pendingOnline: s.pendingAmount,
    onlineShare: onlinePaymentShare({ payments: s.payments, onlinePayments: s.onlinePayments, collected: s.collected, collectedOnline: s.online }),
  };
}

async function filterOf(db: Kysely<Database>, scopePaths: string[], request: FeeReportRequest, now: number) {
  assertPeriod(request);
  const window = feeReportWindow(request, now);
  const filter: FeeReportFilter = {
    start: new Date(window.start), end: new Date(window.end), scopePaths: await narrowScope(db, scopePaths, request.agencyCode),
    level: request.level, procedureCode: request.procedureCode,
  };
  return { window, filter };
}

/** The report for the agencies inside `scopePaths`, made at `now` (a period not over is counted up to `now`). */
export async function feeReport(db: Kysely<Database>, scopePaths: string[], request: FeeReportRequest, now: number): Promise<FeeReport> {
  const { window, filter } = await filterOf(db, scopePaths, request, now);
  const rows = (await feeSumsBy(db, filter, request.groupBy)).map((s) => ({ key: s.key, label: s.label, ...figuresOf(s) }));
  return {
    period: { from: request.from, to: request.to, ...(window.asOf === null ? {} : { asOf: formatInstant(window.asOf) }) },
    filters: { agency: request.agencyCode ?? null, level: request.level ?? null, procedure: request.procedureCode ?? null },
    groupBy: request.groupBy,
    generatedAt: formatInstant(now),
    total: rows.reduce<FeeFigures>((sum, r) => addFeeFigures(sum, r), emptyFeeFigures()),
    rows,
  };
}

/** The report and the entries it counts, for accounting's workbook. */
export async function feeReportWithEntries(
  db: Kysely<Database>, scopePaths: string[], request: FeeReportRequest, now: number,
): Promise<{ report: FeeReport; entries: FeeEntryLine[] }> {
  const report = await feeReport(db, scopePaths, request, now);
  const { filter } = await filterOf(db, scopePaths, request, now);
  return { report, entries: await feeEntryLines(db, filter) };
}
