/**
 * The catalogue's use cases: the public search, a procedure's page, the monthly list of changes,
 * the fields; and publishing entries, which the bundle loader and `POST /api/v1/procedures` share.
 * Publishing is plan-then-apply: every entry is checked and planned before anything is written.
 */
import { createHash } from 'node:crypto';
import {
  AppError, canonicalVersionContent, catalogueChanges, formatIssuePath, localDateOf, parseProcedureBundleEntry, planCatalogueChange,
  readCatalogueQuery, versionInForce, type CatalogueDecision, type SearchVocabulary, type ParsedProcedureEntry, type ProcedureEntryInput, type ProcedureIssue,
  type AuditAction,
} from '@motcua/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Deps } from '../../deps.ts';
import { recordAudit, type AuditContext } from '../audit/audit.repository.ts';
import { canPublishProcedure } from './procedures.policies.ts';
import { readSearchTerms, searchCatalogue, type SearchTermRow } from './catalogue-search.repository.ts';
import * as repo from './procedures.repository.ts';

/** Today's local date in Asia/Ho_Chi_Minh, from the injected clock. */
export const todayOf = (clock: Deps['clock']): string => localDateOf(clock().getTime());

export const contentHashOf = (canonical: string): string => createHash('sha256').update(canonical).digest('hex');

export type EntryOutcome = 'created' | 'amended' | 'unchanged' | 'abolished' | 'replaced';

export interface PlannedEntry {
  index: number;
  entry: ParsedProcedureEntry;
  codeVerified: boolean | undefined;
  contentHash: string | null;
  decision: Exclude<CatalogueDecision, { action: 'refuse' }>;
}

export interface EntryIssue {
  /** Position of the entry in the list. */
  index: number;
  issue: ProcedureIssue;
}

/**
 * Checks entries against the domain rules and what is stored (levels, agencies, other procedures,
 * the latest versions) and decides what each does. Writes nothing.
 */
export async function planProcedureEntries(
  db: Kysely<Database>,
  entries: ReadonlyArray<{ input: ProcedureEntryInput; codeVerified?: boolean | undefined }>,
  today: string,
  /** How messages name an entry (a bundle says where it is in the file). */
  entryName: (index: number) => string = (index) => `entry ${index}`,
): Promise<{ plans: PlannedEntry[]; issues: EntryIssue[] }> {
  const issues: EntryIssue[] = [];
  const refs = await repo.agencyReferences(db);
  const procedureCodes = await repo.allProcedureCodes(db);
  for (const e of entries) procedureCodes.add(e.input.code);
  const context = { levels: refs.levels, agencyCodes: new Set(refs.codes.keys()), procedureCodes };

  const firstIndex = new Map<string, number>();
  entries.forEach((e, index) => {
    const seen = firstIndex.get(e.input.code);
    if (seen === undefined) firstIndex.set(e.input.code, index);
    else issues.push({ index, issue: { at: ['code'], path: 'code', message: `duplicate code "${e.input.code}" (first at ${entryName(seen)})` } });
  });

  const parsed: Array<{ index: number; entry: ParsedProcedureEntry; codeVerified: boolean | undefined }> = [];
  entries.forEach((e, index) => {
    const result = parseProcedureBundleEntry(e.input, context);
    if (result.ok) parsed.push({ index, entry: result.entry, codeVerified: e.codeVerified });
    else issues.push(...result.issues.map((issue) => ({ index, issue })));
  });

  const latest = await repo.findLatestVersions(db, [...new Set(parsed.map((p) => p.entry.code))]);
  const plans: PlannedEntry[] = [];
  for (const p of parsed) {
    if (firstIndex.get(p.entry.code) !== p.index) continue;
    const contentHash = p.entry.kind === 'definition' ? contentHashOf(canonicalVersionContent(p.entry.content)) : null;
    const decision = planCatalogueChange(latest.get(p.entry.code), p.entry, contentHash, today);
    if (decision.action === 'refuse') issues.push({ index: p.index, issue: decision.issue });
    else plans.push({ ...p, contentHash, decision });
  }
  return { plans, issues };
}

const auditActions: Record<Exclude<EntryOutcome, 'unchanged'>, AuditAction> = {
  created: 'procedure.created',
  amended: 'procedure.amended',
  abolished: 'procedure.abolished',
  replaced: 'procedure.replaced',
};

/** Carries out planned entries, each with its audit row, in the caller's transaction. */
export async function applyProcedurePlans(db: Kysely<Database>, plans: readonly PlannedEntry[], audit: AuditContext): Promise<EntryOutcome[]> {
  const outcomes: EntryOutcome[] = [];
  for (const plan of plans) {
    const { entry, decision } = plan;
    const { id: procedureId, codeVerifiedChanged } = await repo.ensureProcedure(db, entry.code, plan.codeVerified);
    if (codeVerifiedChanged) {
      // Not a new version (the code is not a rule of the procedure), but a change all the same.
      await recordAudit(db, audit, { action: 'procedure.code_verified', entityType: 'procedure', entityId: entry.code, details: { codeVerified: plan.codeVerified } });
    }
    let outcome: EntryOutcome = 'unchanged';
    let details: Record<string, unknown> = {};
    if (decision.action === 'create' || decision.action === 'amend') {
      if (entry.kind !== 'definition') throw new Error('a definition entry is expected');
      if (decision.action === 'amend') {
        await repo.closeVersion(db, { code: entry.code, version: decision.previous.version, validTo: decision.previous.validTo, status: 'amended' });
      }
      await repo.insertVersion(db, {
        procedureId, code: entry.code, version: decision.version, content: entry.content, validFrom: decision.validFrom,
        contentHash: plan.contentHash!, changeNote: entry.changeNote,
      });
      outcome = decision.action === 'create' ? 'created' : 'amended';
      details = { version: decision.version, validFrom: decision.validFrom, contentHash: plan.contentHash, changeNote: entry.changeNote };
      if (decision.action === 'amend') details.previous = decision.previous;
    } else if (decision.action === 'end') {
      await repo.closeVersion(db, {
        code: entry.code, version: decision.version, validTo: decision.validTo, status: decision.status, replacedBy: decision.replacedBy, note: entry.changeNote,
      });
      outcome = decision.status;
      details = { version: decision.version, validTo: decision.validTo, replacedBy: decision.replacedBy, changeNote: entry.changeNote };
    }
    if (outcome !== 'unchanged') {
      await recordAudit(db, audit, { action: auditActions[outcome], entityType: 'procedure', entityId: entry.code, details });
    }
    outcomes.push(outcome);
  }
  return outcomes;
}

/**
 * `POST /api/v1/procedures`: one entry, through the same planning as a bundle. The caller must be
 * allowed to publish for every agency the entry (and the version it changes) applies to.
 */
export async function publishProcedureEntry(
  context: AuditContext,
  input: { entry: ProcedureEntryInput; codeVerified?: boolean | undefined },
  deps: Pick<Deps, 'db' | 'clock' | 'references'>,
): Promise<{ outcome: EntryOutcome; code: string; version: number | null }> {
  const published = await deps.db.transaction().execute(async (tx) => {
    const refs = await repo.agencyReferences(tx);
    const current = (await repo.findLatestVersions(tx, [input.entry.code])).get(input.entry.code);
    const newAgencies = 'agencies' in input.entry ? input.entry.agencies ?? [] : current?.agencies ?? [];
    const codes = [...newAgencies, ...(current?.agencies ?? [])];
    const catalogueWide = newAgencies.length === 0 || (current !== undefined && current.agencies.length === 0);
    const agencyPaths = codes.flatMap((c) => refs.codes.get(c)?.path ?? []);
    if (!canPublishProcedure(context.actor, { catalogueWide, agencyPaths })) {
      throw new AppError('auth.forbidden', {
        issues: [{ path: 'agencies', message: catalogueWide ? 'a procedure for every agency of its levels is published by a province administrator' : 'outside your agencies' }],
      });
    }
    const { plans, issues } = await planProcedureEntries(tx, [{ input: input.entry, codeVerified: input.codeVerified }], todayOf(deps.clock));
    if (issues.length) {
      throw new AppError('procedure.invalid', { issues: issues.map(({ issue }) => ({ path: formatIssuePath(issue.at), message: issue.message })) });
    }
    const [outcome] = await applyProcedurePlans(tx, plans, context);
    const decision = plans[0]!.decision;
    return { outcome: outcome!, code: input.entry.code, version: 'version' in decision ? decision.version : null };
  });
  // The versions of a procedure are cached; other processes hear of it from the database.
  deps.references.invalidate();
  return published;
}

/**
 * The public search: the query read with the province's vocabulary (abbreviations, ignored words),
 * then ranked over the procedures in force today (docs/rules/catalogue-search.md).
 */
export async function searchProcedures(
  query: { q?: string | undefined; field?: string | undefined; level?: string | undefined; agency?: string | undefined; limit: number; offset: number },
  deps: Pick<Deps, 'db' | 'clock'>,
) {
  const { q, ...filter } = query;
  const text = q?.trim();
  const read = text ? readCatalogueQuery(text, vocabularyOf(await readSearchTerms(deps.db))) : undefined;
  return searchCatalogue(deps.db, { ...filter, query: read, date: todayOf(deps.clock) });
}

function vocabularyOf(rows: readonly SearchTermRow[]): SearchVocabulary {
  return {
    ignoredWords: rows.filter((r) => r.kind === 'ignored').map((r) => r.phrase),
    synonyms: rows.filter((r) => r.kind === 'synonym').map((r) => ({ phrase: r.phrase, means: r.means })),
  };
}

export async function listProcedureFields(deps: Pick<Deps, 'db' | 'clock'>) {
  return repo.fieldsInForce(deps.db, todayOf(deps.clock));
}

/**
 * The version a dossier received on a local date is bound to (its `procedure_versions.id` is what
 * the dossier keeps); `undefined` when the procedure was not in force that day.
 */
export async function procedureVersionInForce(code: string, date: string, deps: Pick<Deps, 'db'>): Promise<repo.ProcedureVersionRow | undefined> {
  return versionInForce(await repo.findVersionsOfProcedure(deps.db, code), date);
}

/**
 * A procedure's page: the version in force on `at.date` (default today) or, when none is
 * (abolished, not yet in force), the latest one, flagged; or exactly `at.version`. With the whole
 * history and the replacement's name.
 */
export async function getProcedure(code: string, at: { date?: string | undefined; version?: number | undefined }, deps: Pick<Deps, 'db' | 'clock'>) {
  const versions = await repo.findVersionsOfProcedure(deps.db, code);
  if (versions.length === 0) throw new AppError('procedure.not_found');
  const asOf = at.date ?? todayOf(deps.clock);
  const inForce = versionInForce(versions, asOf);
  const shown = versions.find((v) => v.version === at.version) ?? inForce ?? versions[versions.length - 1]!;
  const replacement = shown.replacedBy ? (await repo.latestNames(deps.db, [shown.replacedBy])).get(shown.replacedBy) : undefined;
  return {
    asOf,
    inForce: inForce !== undefined && inForce.version === shown.version,
    version: shown,
    replacedBy: shown.replacedBy ? { code: shown.replacedBy, name: replacement ?? null } : null,
    history: [...versions].reverse(),
  };
}

/**
 * What changed from month `from` to month `to` (`YYYY-MM`, both included; one month when they are
 * equal), by the date each change takes effect.
 */
export async function listCatalogueChanges(period: { from: string; to: string }, deps: Pick<Deps, 'db'>) {
  const months = monthsBetween(period.from, period.to);
  const [year, m] = period.to.split('-').map(Number) as [number, number];
  const lastDay = new Date(Date.UTC(year, m, 0)).getUTCDate();
  const versions = await repo.versionsOfProceduresChangedBetween(deps.db, `${period.from}-01`, `${period.to}-${String(lastDay).padStart(2, '0')}`);
  const changes = months.flatMap((month) => catalogueChanges(versions, month));
  const names = await repo.latestNames(deps.db, [...new Set(changes.flatMap((c) => (c.version.replacedBy ? [c.version.replacedBy] : [])))]);
  return changes.map((c) => ({
    ...c,
    replacedBy: c.version.replacedBy ? { code: c.version.replacedBy, name: names.get(c.version.replacedBy) ?? null } : null,
  }));
}

/** The months from `from` to `to` (`YYYY-MM`, both included), in order; empty when `from` is after `to`. */
export function monthsBetween(from: string, to: string): string[] {
  const index = (month: string) => {
    const [y, m] = month.split('-').map(Number) as [number, number];
    return y * 12 + (m - 1);
  };
  const months: string[] = [];
  for (let i = index(from); i <= index(to); i++) months.push(`${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
  return months;
}

/** Current month in Asia/Ho_Chi_Minh, `YYYY-MM`. */
export const currentMonthOf = (clock: Deps['clock']): string => todayOf(clock).slice(0, 7);
