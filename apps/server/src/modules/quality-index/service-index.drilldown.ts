/**
 * What is behind each figure of the service index (docs/rules/service-quality.md, "Drill-down"):
 * for an indicator, the items counted in its denominator or in its numerator — dossiers, ratings,
 * payments, feedback or catalogue entries — paged, with the same definitions as the figures
 * (`service-index.repository.ts`; the dossiers' conditions are the statistics drill-down's), so
 * that the number of items listed is the figure.
 */
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import { formatInstant, type DateRange, type DossierChannel, type FeedbackChannel, type Instant, type ResultClass, type ServiceIndexIndicator } from '@motcua/domain';
import type { Database } from '../../db/schema.ts';
import { conditionFor } from '../reports/reports.drilldown.ts';
import { reportWindow, type ReportWindow } from '../reports/reports.repository.ts';
import { appliesTo, catalogueOn, firstReuse, lastCountedDay, signedResult, standingPayment } from './service-index.repository.ts';

export const indexParts = ['denominator', 'numerator'] as const;
export type IndexPart = (typeof indexParts)[number];

export const indexItemKinds = ['dossier', 'rating', 'payment', 'feedback', 'procedure'] as const;
export type IndexItemKind = (typeof indexItemKinds)[number];

export interface IndexItem {
  kind: IndexItemKind;
  /** Dossier code (dossiers, ratings, payments), feedback code or procedure code. */
  ref: string;
  dossierId: number | null;
  /** Applicant (dossiers, ratings, payments), feedback title or procedure name. */
  title: string;
  /** The instant that put the item in the period (received, resolved, rated, paid, answered, due…). */
  at: string | null;
  /** Code of the agency it counts at. */
  agency: string;
  procedureCode: string | null;
  channel: DossierChannel | FeedbackChannel | null;
  resultClass: ResultClass | null;
  score: number | null;
  amount: number | null;
  method: string | null;
  /** Whether the item is also counted in the numerator (always true when listing the numerator). */
  met: boolean;
}

interface Source {
  /** Columns: kind, ref, dossier_id, title, at, agency, procedure_code, channel, result_class, score, amount, method, met. */
  select: RawBuilder<unknown>;
}

const dossierColumns = (at: RawBuilder<unknown>, met: RawBuilder<SqlBool>) => sql`
  'dossier' AS kind, d.code AS ref, d.id AS dossier_id, d.applicant_name AS title, ${at} AS at, u.code AS agency,
  d.procedure_code, d.channel, d.result_class, NULL::integer AS score, NULL::bigint AS amount, NULL::text AS method, (${met}) AS met`;

/** The dossiers of the units matching `where`, each flagged with `met`. */
const dossiers = (where: RawBuilder<SqlBool>, met: RawBuilder<SqlBool>, at: RawBuilder<unknown>): Source => ({
  select: sql`SELECT ${dossierColumns(at, met)} FROM dossiers d JOIN units u ON u.id = d.agency_id WHERE ${where}`,
});

function sourceOf(indicator: ServiceIndexIndicator, part: IndexPart, w: ReportWindow): Source {
  const s = w.start;
  const e = w.end;
  const only = (den: RawBuilder<SqlBool>, num: RawBuilder<SqlBool>) => (part === 'numerator' ? sql<SqlBool>`(${den}) AND (${num})` : den);
  const received = conditionFor('receivedInPeriod', w);
  const resolved = conditionFor('resolved', w);
  switch (indicator) {
    case 'on_time': {
      const num = sql<SqlBool>`d.result_class IN ('ahead', 'on_time')`;
      return dossiers(only(resolved, num), num, sql`d.closed_at`);
    }
    case 'overdue_apology': {
      const den = sql<SqlBool>`((${conditionFor('resolvedOverdue', w)}) OR (${conditionFor('inProgressOverdue', w)}))`;
      const num = sql<SqlBool>`d.apology_due_at IS NOT NULL`;
      return dossiers(only(den, num), num, sql`d.clock_due_at`);
    }
    case 'digitized':
      return dossiers(only(received, sql`d.digitized`), sql`d.digitized`, sql`d.received_at`);
    case 'online': {
      const num = sql<SqlBool>`d.channel = 'online'`;
      return dossiers(only(received, num), num, sql`d.received_at`);
    }
    case 'fully_online': {
      const fully = sql<SqlBool>`d.procedure_code IN (SELECT c.procedure_code FROM (${catalogueOn(lastCountedDay(w))}) c WHERE c.fully_online)`;
      const num = sql<SqlBool>`d.channel = 'online'`;
      return dossiers(only(sql<SqlBool>`${received} AND ${fully}`, num), num, sql`d.received_at`);
    }
    case 'electronic_results': {
      const signedIn = (alias: string) => sql<SqlBool>`${signedResult(alias)} AND ${sql.ref(`${alias}.updated_at`)} >= ${s} AND ${sql.ref(`${alias}.updated_at`)} < ${e}`;
      if (part === 'denominator') {
        const met = sql<SqlBool>`EXISTS (SELECT 1 FROM signed_documents x WHERE x.dossier_id = d.id AND ${signedIn('x')})`;
        return dossiers(resolved, met, sql`d.closed_at`);
      }
      return {
        select: sql`SELECT ${dossierColumns(sql`x.updated_at`, sql<SqlBool>`TRUE`)}
          FROM signed_documents x JOIN dossiers d ON d.id = x.dossier_id JOIN units u ON u.id = d.agency_id WHERE ${signedIn('x')}`,
      };
    }
    case 'data_reuse': {
      const reusedIn = (alias: string) => sql<SqlBool>`${sql.ref(`${alias}.at`)} >= ${s} AND ${sql.ref(`${alias}.at`)} < ${e} AND ${firstReuse(alias)}`;
      if (part === 'denominator') {
        const met = sql<SqlBool>`EXISTS (SELECT 1 FROM document_reuses x WHERE x.dossier_id = d.id AND ${reusedIn('x')})`;
        return dossiers(received, met, sql`d.received_at`);
      }
      return {
        select: sql`SELECT ${dossierColumns(sql`x.at`, sql<SqlBool>`TRUE`)}
          FROM document_reuses x JOIN dossiers d ON d.id = x.dossier_id JOIN units u ON u.id = d.agency_id WHERE ${reusedIn('x')}`,
      };
    }
    case 'online_payment': {
      const num = sql<SqlBool>`f.method = 'online'`;
      const den = sql<SqlBool>`f.recorded_at >= ${s} AND f.recorded_at < ${e} AND ${standingPayment('f')}`;
      return {
        select: sql`SELECT 'payment' AS kind, d.code AS ref, d.id AS dossier_id, d.applicant_name AS title, f.recorded_at AS at, u.code AS agency,
                           d.procedure_code, d.channel, NULL::text AS result_class, NULL::integer AS score, f.amount, f.method, (${num}) AS met
                      FROM fee_entries f JOIN units u ON u.id = f.agency_id JOIN dossiers d ON d.id = f.dossier_id
                     WHERE ${only(den, num)}`,
      };
    }
    case 'satisfied':
    case 'rating_average': {
      const num = indicator === 'satisfied' ? sql<SqlBool>`r.score >= 4` : sql<SqlBool>`TRUE`;
      return {
        select: sql`SELECT 'rating' AS kind, d.code AS ref, d.id AS dossier_id, d.applicant_name AS title, r.rated_at AS at, u.code AS agency,
                           d.procedure_code, d.channel, NULL::text AS result_class, r.score, NULL::bigint AS amount, NULL::text AS method, (${num}) AS met
                      FROM dossier_ratings r JOIN dossiers d ON d.id = r.dossier_id JOIN units u ON u.id = d.agency_id
                     WHERE ${only(sql<SqlBool>`r.rated_at >= ${s} AND r.rated_at < ${e}`, num)}`,
      };
    }
    case 'feedback_published':
    case 'feedback_on_time': {
      const published = indicator === 'feedback_published';
      const den = published
        ? sql<SqlBool>`f.answered_at >= ${s} AND f.answered_at < ${e} AND f.publish_consent AND f.status <> 'refused'`
        : sql<SqlBool>`f.due_at >= ${s} AND f.due_at < ${e} AND f.status <> 'refused'`;
      const num = published ? sql<SqlBool>`f.published_at < ${e}` : sql<SqlBool>`f.answered_at <= f.due_at`;
      return {
        select: sql`SELECT 'feedback' AS kind, f.code AS ref, NULL::bigint AS dossier_id, f.title, ${published ? sql`f.answered_at` : sql`f.due_at`} AS at,
                           u.code AS agency, NULL::text AS procedure_code, f.channel, NULL::text AS result_class, NULL::integer AS score,
                           NULL::bigint AS amount, NULL::text AS method, coalesce(${num}, FALSE) AS met
                      FROM feedback f JOIN units u ON u.id = f.agency_id
                     WHERE ${only(den, num)}`,
      };
    }
    case 'catalogue_complete': {
      const num = sql<SqlBool>`c.in_force AND c.complete`;
      return {
        select: sql`SELECT 'procedure' AS kind, c.procedure_code AS ref, NULL::bigint AS dossier_id, c.name AS title, NULL::timestamptz AS at,
                           s.code AS agency, c.procedure_code, NULL::text AS channel, NULL::text AS result_class, NULL::integer AS score,
                           NULL::bigint AS amount, NULL::text AS method, (${num}) AS met
                      FROM units s JOIN (${catalogueOn(lastCountedDay(w))}) c ON ${appliesTo}
                     WHERE ${only(sql<SqlBool>`c.in_force OR c.kept`, num)}`,
      };
    }
  }
}

export interface IndexItemsQuery {
  indicator: ServiceIndexIndicator;
  part: IndexPart;
  period: DateRange;
  scopePaths: string[];
  /** Only the agencies whose path is exactly one of `scopePaths` (a unit's own row), not their subtrees. */
  agencyOnly: boolean;
  limit: number;
  offset: number;
}

export async function indexItems(db: Kysely<Database>, q: IndexItemsQuery, madeAt: Instant): Promise<{ total: number; items: IndexItem[] }> {
  if (q.scopePaths.length === 0) return { total: 0, items: [] };
  const scope = q.agencyOnly
    ? sql.join(q.scopePaths.map((p) => sql`a.path = ${p}`), sql` OR `)
    : sql.join(q.scopePaths.map((p) => sql`starts_with(a.path, ${p})`), sql` OR `);
  const source = sourceOf(q.indicator, q.part, reportWindow(q.period, madeAt));
  const units = sql`units AS (SELECT a.id, a.code, a.level, a.path FROM agencies a WHERE ${scope})`;
  const [rows, count] = await Promise.all([
    sql<{
      kind: IndexItemKind; ref: string; dossier_id: number | null; title: string; at: Date | null; agency: string; procedure_code: string | null;
      channel: DossierChannel | FeedbackChannel | null; result_class: ResultClass | null; score: number | null; amount: number | null; method: string | null; met: boolean;
    }>`WITH ${units}, items AS (${source.select})
       SELECT * FROM items ORDER BY at NULLS LAST, agency, ref LIMIT ${q.limit} OFFSET ${q.offset}`.execute(db),
    sql<{ n: string }>`WITH ${units}, items AS (${source.select}) SELECT count(*) AS n FROM items`.execute(db),
  ]);
  return {
    total: Number(count.rows[0]?.n ?? 0),
    items: rows.rows.map((r) => ({
      kind: r.kind, ref: r.ref, dossierId: r.dossier_id === null ? null : Number(r.dossier_id), title: r.title,
      at: r.at ? formatInstant(r.at.getTime()) : null, agency: r.agency, procedureCode: r.procedure_code, channel: r.channel,
      resultClass: r.result_class, score: r.score === null ? null : Number(r.score), amount: r.amount === null ? null : Number(r.amount),
      method: r.method, met: Boolean(r.met),
    })),
  };
}
