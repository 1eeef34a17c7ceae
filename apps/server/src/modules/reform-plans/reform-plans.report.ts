/**
 * The report of a year's reform plans (docs/rules/reform-plans.md, "The report"): the tasks the
 * caller sees, each in its state on the report's date by the domain's rule, counted per lead unit,
 * per plan and in total. The counts are made here from the same facts the lists show, never by a
 * second rule in SQL: the SQL only selects the tasks, their units and their progress reports.
 */
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import {
  AppError, headTitle, officialHeading, placeName, formatInstant, reformDaysLate, reformProgressAsOf, reformTaskState, tallyReformTasks, type Actor, type PlainDate, type ReformTaskState,
} from '@motcua/domain';
import type { Database } from '../../db/schema.ts';
import type { Deps } from '../../deps.ts';
import type { ReformIssuer } from '../../infra/pdf/report/reform-report-pdf.ts';
import { agencyWithParent } from '../reports/reports.repository.ts';
import * as repo from './reform-plans.repository.ts';
import { callerOf, loadTasks, presentUnit, todayOf, visibilityOf } from './reform-plans.queries.ts';
import type { ReformReport, ReportQuery } from './reform-plans.schemas.ts';

export type ReformReportData = z.infer<typeof ReformReport>;

/** The year and date of a report: `on` defaults to today, or 31 December of a year that is over. */
export function reportDates(q: { year?: number | undefined; on?: string | undefined }, today: PlainDate): { year: number; on: PlainDate } {
  const year = q.year ?? Number((q.on ?? today).slice(0, 4));
  const yearEnd = `${year}-12-31` as PlainDate;
  const on = (q.on as PlainDate | undefined) ?? (today < yearEnd ? today : yearEnd);
  return { year, on };
}

export async function reformReport(actor: Actor, q: z.infer<typeof ReportQuery>, deps: Pick<Deps, 'db' | 'clock'>): Promise<ReformReportData> {
  const caller = await callerOf(deps.db, actor);
  const now = deps.clock();
  const { year, on } = reportDates(q, todayOf(deps));
  const agency = q.agencyId ? await deps.db.selectFrom('agencies').select(['id', 'name', 'path']).where('id', '=', q.agencyId).executeTakeFirst() : undefined;
  if (q.agencyId && !agency) throw new AppError('agency.not_found');
  const visibility = visibilityOf(caller);
  const plans = await repo.listPlans(deps.db, { year, agencyPath: agency?.path, planId: q.planId }, visibility);
  if (q.planId && plans.length === 0) throw new AppError('reform.plan_not_found');
  const tasks = await loadTasks(deps.db, await repo.listTasks(deps.db, { planIds: plans.map((p) => p.id) }, visibility));

  const counted = tasks.map((t) => {
    const lead = presentUnit(t.units.find((u) => u.role === 'lead')!, t.row.plan_agency_path);
    return { task: t, lead, state: reformTaskState(t.facts, on) };
  });
  const group = <K extends string>(keyOf: (c: (typeof counted)[number]) => K) => {
    const groups = new Map<K, ReformTaskState[]>();
    for (const c of counted) groups.set(keyOf(c), [...(groups.get(keyOf(c)) ?? []), c.state]);
    return groups;
  };

  const unitGroups = group((c) => `${c.lead.kind}:${c.lead.id}`);
  const unitNames = new Map(counted.map((c) => [`${c.lead.kind}:${c.lead.id}`, c.lead]));
  const byUnit = [...unitGroups.entries()]
    .map(([key, states]) => {
      const unit = unitNames.get(key)!;
      return { key, name: unit.name, detail: unit.kind === 'unit' ? unit.agencyName : null, ...tallyReformTasks(states) };
    })
    .sort((a, b) => (a.detail ?? a.name).localeCompare(b.detail ?? b.name, 'vi') || a.name.localeCompare(b.name, 'vi'));
  const planGroups = group((c) => c.task.row.plan_id);
  const byPlan = plans.map((p) => ({ key: p.id, name: p.title, detail: [p.document_number, p.agency_name].filter(Boolean).join(' — ') || null, ...tallyReformTasks(planGroups.get(p.id) ?? []) }));
  const titles = new Map(plans.map((p) => [p.id, p.title]));

  return {
    year,
    on,
    generatedAt: formatInstant(now.getTime()),
    filters: {
      agency: agency ? { id: agency.id, name: agency.name } : null,
      plan: q.planId && plans[0] ? { id: plans[0].id, title: plans[0].title } : null,
    },
    total: tallyReformTasks(counted.map((c) => c.state)),
    byUnit,
    byPlan,
    tasks: counted.map(({ task, lead, state }) => ({
      id: task.row.id, planId: task.row.plan_id, planTitle: titles.get(task.row.plan_id) ?? '', area: task.row.area, number: task.number, title: task.row.title,
      lead: lead.kind === 'unit' ? `${lead.name} (${lead.agencyName})` : lead.name, deadline: task.row.deadline,
      completedOn: state.startsWith('done') ? task.row.completed_on : null,
      progress: state.startsWith('done') ? 100 : reformProgressAsOf(task.facts.progress, on), state, daysLate: reformDaysLate(task.facts, on),
    })),
  };
}

/**
 * Who issues the PDF (Decree 30/2020, Annex I): the agency whose plans the report counts, when they
 * are all of one agency; undefined otherwise (the report then has no heading).
 */
export async function reformReportIssuer(db: Kysely<Database>, report: ReformReportData): Promise<ReformIssuer | undefined> {
  const ids = report.byPlan.map((p) => p.key);
  if (ids.length === 0) return undefined;
  const agencies = await db.selectFrom('reform_plans as p').innerJoin('agencies as a', 'a.id', 'p.agency_id').select('a.code').distinct().where('p.id', 'in', ids).execute();
  if (agencies.length !== 1) return undefined;
  const agency = await agencyWithParent(db, agencies[0]!.code);
  if (!agency) return undefined;
  return { heading: officialHeading(agency, agency.parent), place: placeName(agency), signerTitle: headTitle(agency) };
}
