/**
 * External figures (docs/rules/service-quality.md, "External figures"): SIPAS and the PAR Index,
 * yearly indices of the Ministry of Home Affairs, entered by an administrator of the province or
 * district they are published for, as published, with the publishing decision. Motcua stores and
 * shows them beside its own figures and never computes them. Every entry and deletion is audited
 * with the values it replaced.
 */
import {
  AppError, externalFigureIssues, externalFigureLevels, formatInstant, hasRoleOver, type Actor, type ExternalFigureKind,
} from '@motcua/domain';
import type { Deps } from '../../deps.ts';
import { inTransaction } from '../../db/transaction.ts';
import { recordAudit, type AuditContext } from '../audit/audit.repository.ts';
import * as repo from './external-figures.repository.ts';

export interface FigureInput {
  agency: string;
  kind: ExternalFigureKind;
  year: number;
  value: number;
  rank?: number | null | undefined;
  rankOf?: number | null | undefined;
  source: string;
  publishedOn?: string | null | undefined;
  note?: string | null | undefined;
}

type FigureRow = Awaited<ReturnType<typeof repo.listFigures>>[number];

export function presentFigure(f: FigureRow) {
  return {
    id: f.id, agency: f.agency_code, agencyName: f.agency_name, level: f.level, year: f.year, kind: f.kind, value: Number(f.value),
    rank: f.rank, rankOf: f.rank_of, source: f.source, publishedOn: f.published_on, note: f.note, enteredAt: formatInstant(f.entered_at.getTime()),
  };
}

/** Only an administrator over the agency enters its figures; an agency outside their subtrees is not found. */
const mayEnter = (actor: Actor, path: string) => hasRoleOver(actor, ['admin'], path);

export async function enterFigure(context: AuditContext, input: FigureInput, deps: Pick<Deps, 'db' | 'clock'>) {
  const agency = await deps.db.selectFrom('agencies').select(['id', 'code', 'path', 'level']).where('code', '=', input.agency).executeTakeFirst();
  if (!agency || !mayEnter(context.actor, agency.path)) throw new AppError('agency.not_found', { issues: [{ path: 'agency', message: `unknown agency "${input.agency}"` }] });
  if (!externalFigureLevels.includes(agency.level)) throw new AppError('external_figure.invalid_agency', { details: { level: agency.level } });
  const issues = externalFigureIssues({ ...input });
  if (issues.length) throw new AppError('request.invalid', { issues });
  const at = context.at ?? deps.clock();
  return inTransaction(deps.db, async (tx) => {
    const before = await repo.findFigureOf(tx, agency.id, input.year, input.kind);
    const id = await repo.upsertFigure(tx, {
      agencyId: agency.id, year: input.year, kind: input.kind, value: input.value, rank: input.rank ?? null, rankOf: input.rankOf ?? null,
      source: input.source.trim(), publishedOn: input.publishedOn ?? null, note: input.note?.trim() || null,
    }, context.actor.kind === 'staff' ? context.actor.userId : null, at);
    await recordAudit(tx, context, {
      action: 'external_figure.entered', entityType: 'external_figure', entityId: id, agencyId: agency.id,
      details: {
        agency: agency.code, kind: input.kind, year: input.year, value: input.value, rank: input.rank ?? null, rankOf: input.rankOf ?? null, source: input.source.trim(),
        ...(before ? { replaced: { value: Number(before.value), rank: before.rank, rankOf: before.rank_of, source: before.source } } : {}),
      },
    });
    const [row] = (await repo.listFigures(tx, { years: [input.year], kind: input.kind })).filter((f) => f.id === id);
    return presentFigure(row!);
  });
}

export async function removeFigure(context: AuditContext, id: string, deps: Pick<Deps, 'db' | 'clock'>): Promise<void> {
  await inTransaction(deps.db, async (tx) => {
    const figure = await repo.findFigure(tx, id);
    if (!figure || !mayEnter(context.actor, figure.path)) throw new AppError('external_figure.not_found');
    await repo.deleteFigure(tx, id);
    await recordAudit(tx, context, {
      action: 'external_figure.deleted', entityType: 'external_figure', entityId: id, agencyId: figure.agency_id,
      details: { agency: figure.agency_code, kind: figure.kind, year: figure.year, value: Number(figure.value), source: figure.source },
    });
  });
}

/**
 * The figures of `agency` (with those above and below it) or of every agency: of `year`, or with
 * `latest` the latest published up to `year` for each agency and index. Published figures: any
 * staff member reads them.
 */
export async function figureList(
  q: { agency?: string | undefined; year?: number | undefined; latest?: boolean | undefined; kind?: ExternalFigureKind | undefined }, deps: Pick<Deps, 'db'>,
) {
  let around: string[] | undefined;
  if (q.agency) {
    const agency = await deps.db.selectFrom('agencies').select('path').where('code', '=', q.agency).executeTakeFirst();
    if (!agency) throw new AppError('agency.not_found');
    around = [agency.path];
  }
  const latest = q.latest && q.year !== undefined;
  const rows = await repo.listFigures(deps.db, {
    years: q.year === undefined || latest ? undefined : [q.year], latestUpTo: latest ? q.year : undefined, kind: q.kind, around,
  });
  return { items: rows.map(presentFigure), total: rows.length };
}
