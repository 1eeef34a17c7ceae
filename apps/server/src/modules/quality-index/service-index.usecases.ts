/**
 * The service index of Decision 766/QĐ-TTg per unit and period, and the rankings of units
 * (docs/rules/service-quality.md, "The service index"): the figures from the repository, the scores
 * and ranks from the domain, the weights from the version in force. The same object feeds the API,
 * the console and the XLSX/PDF files.
 */
import type { Kysely } from 'kysely';
import {
  AppError, addServiceIndexFacts, emptyServiceIndexFacts, formatInstant, indexVersionInForce, localDateOf, nextVersionEffectiveFrom,
  previousPeriod, rankUnits, rankableTotal, scoreServiceIndex, serviceIndexIndicators, settingsProblems,
  type DateRange, type IndicatorSettings, type PlainDate, type ServiceIndexFacts, type ServiceIndexGroup, type ServiceIndexIndicator,
  type ServiceIndexScore,
} from '@motcua/domain';
import type { Database } from '../../db/schema.ts';
import { recordAudit, type AuditContext } from '../audit/audit.repository.ts';
import { reportWindow } from '../reports/reports.repository.ts';
import { assertPeriod, narrowScope } from '../reports/reports.usecases.ts';
import { indexFactsByAgency, unitsOf, type IndexUnit } from './service-index.repository.ts';
import { canManageIndexVersions } from './service-index.policies.ts';

export interface IndexRequest {
  from: PlainDate;
  to: PlainDate;
  /** The root of the subtree (agency code); default: every agency in scope. */
  agencyCode?: string | undefined;
  /** Only the units of this level (the ranking is always among units of one level). */
  level?: string | undefined;
}

export interface VersionView {
  number: number;
  effectiveFrom: PlainDate;
  indicators: IndicatorSettings;
  note: string | null;
  createdBy: string | null;
  createdAt: string;
}

export interface IndicatorFigure {
  numerator: number;
  denominator: number;
  /** min(1, share / target), 4 decimals; null without data. */
  value: number | null;
}

/** A unit's (or the scope's) index: the total, the five groups and every indicator. */
export interface IndexFigures {
  total: number | null;
  pointsCounted: number;
  groups: Record<ServiceIndexGroup, number | null>;
  indicators: Record<ServiceIndexIndicator, IndicatorFigure>;
}

export interface IndexRow extends IndexFigures {
  agency: string;
  agencyName: string;
  shortName: string | null;
  level: string;
  parent: string | null;
  /** Among the units of the same level in the scope. */
  rank: number | null;
  of: number;
  previousTotal: number | null;
  previousRank: number | null;
  previousOf: number;
  /** previousRank − rank: positive = moved up. */
  change: number | null;
}

export interface ServiceIndexReport {
  period: { from: PlainDate; to: PlainDate; asOf?: string };
  previousPeriod: DateRange;
  filters: { agency: string | null; level: string | null };
  version: { number: number; effectiveFrom: PlainDate };
  previousVersion: { number: number; effectiveFrom: PlainDate };
  /** The indicators with the weights and targets of the version in force. */
  indicators: Array<{ key: ServiceIndexIndicator; group: ServiceIndexGroup; weight: number; target: number }>;
  generatedAt: string;
  /** The index of the whole scope (every agency in it, at every level). */
  total: IndexFigures;
  rows: IndexRow[];
}

const figuresOf = (s: ServiceIndexScore): IndexFigures => ({
  total: s.total,
  pointsCounted: s.pointsCounted,
  groups: Object.fromEntries(s.groups.map((g) => [g.key, g.score])) as Record<ServiceIndexGroup, number | null>,
  indicators: Object.fromEntries(s.indicators.map((i) => [i.key, { numerator: i.numerator, denominator: i.denominator, value: i.value }])) as Record<ServiceIndexIndicator, IndicatorFigure>,
});

/** Every version of the weights, oldest first. */
export async function listVersions(db: Kysely<Database>): Promise<VersionView[]> {
  const rows = await db.selectFrom('service_index_versions')
    .select(['number', (eb) => eb.cast<string>('effective_from', 'text').as('effective_from'), 'indicators', 'note', 'created_by_name', 'created_at'])
    .orderBy('number').execute();
  return rows.map((r) => ({
    number: r.number, effectiveFrom: r.effective_from as PlainDate, indicators: r.indicators as IndicatorSettings, note: r.note,
    createdBy: r.created_by_name, createdAt: formatInstant(r.created_at.getTime()),
  }));
}

interface PeriodFigures {
  units: IndexUnit[];
  facts: Map<string, ServiceIndexFacts>;
  version: VersionView;
  asOf: number | null;
}

async function figuresFor(db: Kysely<Database>, scopePaths: string[], period: DateRange, versions: VersionView[], now: number): Promise<PeriodFigures> {
  const window = reportWindow(period, now);
  const [units, facts] = await Promise.all([unitsOf(db, { scopePaths }, period), indexFactsByAgency(db, { scopePaths }, period, window)]);
  return { units, facts, version: indexVersionInForce(versions, period.from), asOf: window.asOf };
}

/**
 * The index of every unit in `scopePaths` (narrowed to `agencyCode`'s subtree) for the period, made
 * at `now`, with each unit's rank among the units of its level and its rank in the previous period.
 */
export async function serviceIndexReport(db: Kysely<Database>, scopePaths: string[], request: IndexRequest, now: number): Promise<ServiceIndexReport> {
  assertPeriod(request);
  const scope = await narrowScope(db, scopePaths, request.agencyCode);
  const period: DateRange = { from: request.from, to: request.to };
  const before = previousPeriod(period);
  const versions = await listVersions(db);
  const [current, previous] = await Promise.all([figuresFor(db, scope, period, versions, now), figuresFor(db, scope, before, versions, now)]);
  const score = (p: PeriodFigures, agencyId: string) => {
    const facts = p.facts.get(agencyId) ?? emptyServiceIndexFacts();
    const s = scoreServiceIndex(facts, p.version.indicators);
    return { score: s, ranked: rankableTotal(facts, s.total) };
  };

  const wanted = (u: IndexUnit) => !request.level || u.level === request.level;
  const nowUnits = current.units.filter(wanted);
  const previousUnits = previous.units.filter(wanted);
  type Scored = ReturnType<typeof score>;
  const byId = new Map<string, { unit: IndexUnit; now: Scored | null; before: Scored | null }>();
  for (const u of nowUnits) byId.set(u.id, { unit: u, now: score(current, u.id), before: null });
  for (const u of previousUnits) {
    const entry = byId.get(u.id) ?? { unit: u, now: null, before: null };
    entry.before = score(previous, u.id);
    byId.set(u.id, entry);
  }
  const levels = new Map<string, Array<typeof byId extends Map<string, infer E> ? E : never>>();
  for (const entry of byId.values()) levels.set(entry.unit.level, [...(levels.get(entry.unit.level) ?? []), entry]);

  const rows: IndexRow[] = [];
  for (const entries of levels.values()) {
    for (const r of rankUnits(entries, (e) => e.now?.ranked ?? null, (e) => e.before?.ranked ?? null)) {
      if (!r.unit.now) continue; // a unit of the previous period only
      const u = r.unit.unit;
      rows.push({
        agency: u.code, agencyName: u.name, shortName: u.shortName, level: u.level, parent: u.parentCode, ...figuresOf(r.unit.now.score),
        rank: r.rank, of: r.of, previousTotal: r.unit.before?.score.total ?? null, previousRank: r.previousRank, previousOf: r.previousOf, change: r.change,
      });
    }
  }
  const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });
  const levelOrder = ['province', 'department', 'police', 'district', 'commune'];
  const levelIndex = (l: string) => (levelOrder.includes(l) ? levelOrder.indexOf(l) : levelOrder.length);
  rows.sort((a, b) => levelIndex(a.level) - levelIndex(b.level) || a.level.localeCompare(b.level)
    || (a.rank ?? Infinity) - (b.rank ?? Infinity) || collator.compare(a.agencyName, b.agencyName));

  const scopeFacts = [...current.facts.values()].reduce(addServiceIndexFacts, emptyServiceIndexFacts());
  const settings = current.version.indicators;
  return {
    period: { ...period, ...(current.asOf === null ? {} : { asOf: formatInstant(current.asOf) }) },
    previousPeriod: before,
    filters: { agency: request.agencyCode ?? null, level: request.level ?? null },
    version: { number: current.version.number, effectiveFrom: current.version.effectiveFrom },
    previousVersion: { number: previous.version.number, effectiveFrom: previous.version.effectiveFrom },
    indicators: serviceIndexIndicators.map((i) => ({ key: i.key, group: i.group, weight: settings[i.key].weight, target: settings[i.key].target })),
    generatedAt: formatInstant(now),
    total: figuresOf(scoreServiceIndex(scopeFacts, settings)),
    rows,
  };
}

/**
 * An administrator of a root agency makes a new version of the weights. It takes effect on the
 * first day of the next month (by the server's clock, Vietnam time): never the current or a past
 * period. Audited.
 */
export async function createVersion(
  db: Kysely<Database>,
  context: AuditContext,
  input: { indicators: IndicatorSettings; note?: string | undefined },
  now: number,
): Promise<VersionView> {
  const roots = await db.selectFrom('agencies').select('path').where('parent_id', 'is', null).execute();
  if (!canManageIndexVersions(context.actor, roots.map((r) => r.path))) throw new AppError('auth.forbidden');
  const problems = settingsProblems(input.indicators);
  if (problems.length) throw new AppError('request.invalid', { issues: problems });
  const indicators = Object.fromEntries(serviceIndexIndicators.map((i) => [i.key, { weight: input.indicators[i.key].weight, target: input.indicators[i.key].target }]));
  const effectiveFrom = nextVersionEffectiveFrom(localDateOf(now));
  const actor = context.actor;
  const number = await db.transaction().execute(async (tx) => {
    // Versions are numbered in the order they are made: one writer at a time.
    await tx.selectFrom('service_index_versions').select('number').forUpdate().execute();
    const last = await tx.selectFrom('service_index_versions').select((eb) => eb.fn.max('number').as('n')).executeTakeFirst();
    const next = Number(last?.n ?? 0) + 1;
    await tx.insertInto('service_index_versions').values({
      number: next, effective_from: effectiveFrom, indicators: JSON.stringify(indicators), note: input.note ?? null,
      created_by: actor.kind === 'staff' ? actor.userId : null, created_by_name: context.actorName ?? (actor.kind === 'staff' ? actor.username : null),
      created_at: new Date(now),
    }).execute();
    await recordAudit(tx, context, {
      action: 'service_index.version_created', entityType: 'service_index_version', entityId: String(next),
      details: { effectiveFrom, indicators, note: input.note ?? null },
    });
    return next;
  });
  return (await listVersions(db)).find((v) => v.number === number)!;
}
