/**
 * Designing and running a satisfaction survey (docs/rules/service-quality.md, "Satisfaction
 * surveys"): a draft is written and previewed; opening it draws the sample from the dossiers
 * closed in the period at its agencies (the domain's `drawSample`), creates one invitation per
 * sampled dossier and tells each applicant who has an address; closing it ends the answers.
 * Every change is audited.
 */
import {
  AppError, drawSample, formatInstant, periodInstants, questionnaireIssues, samplingPlanIssue, stratumSampleSize, surveyActionsFrom,
  surveyPeriodRange, surveyTransition, type Actor, type FieldIssue, type Questionnaire, type SamplingPlan, type SurveyAction, type SurveyPeriod,
} from '@motcua/domain';
import type { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { inTransaction } from '../../db/transaction.ts';
import { randomToken } from '../../infra/tokens.ts';
import { recordAudit, type AuditContext } from '../audit/audit.repository.ts';
import { inTransactionWaking } from '../notifications/outbox.wake.ts';
import { commonAgencyOf, designScopes, managesSurvey, readerScope } from './surveys.policies.ts';
import { managedSurvey, readableSurvey } from './survey.context.ts';
import * as repo from './surveys.repository.ts';
import type { SurveyBody } from './surveys.schemas.ts';
import { inviteSample } from './survey-invitations.ts';

export type SurveyInput = z.infer<typeof SurveyBody>;

const iso = (d: Date | null) => (d ? formatInstant(d.getTime()) : null);
const staffId = (actor: Actor) => (actor.kind === 'staff' ? actor.userId : null);

/** Checks a survey as written and resolves its agencies; refuses agencies outside the designer's subtrees as unknown. */
async function checkedValues(actor: Actor, input: SurveyInput, deps: Pick<Deps, 'db'>) {
  const design = await designScopes(deps.db, actor);
  if (design.length === 0) throw new AppError('auth.forbidden');
  const codes = [...new Set(input.agencies)];
  const agencies = await repo.agenciesByCodes(deps.db, codes);
  const known = new Map(agencies.map((a) => [a.code, a]));
  const outside = codes.filter((c) => !known.has(c) || !managesSurvey(design, [known.get(c)!.path]));
  if (outside.length) {
    throw new AppError('agency.not_found', { issues: outside.map((c) => ({ path: `agencies.${input.agencies.indexOf(c)}`, message: `unknown agency "${c}"` })) });
  }
  const questionnaire: Questionnaire = input.questionnaire;
  const issues: FieldIssue[] = questionnaireIssues(questionnaire).map((i) => ({ ...i, path: `questionnaire.${i.path}` }));
  const planIssue = samplingPlanIssue(input.sampling as SamplingPlan);
  if (planIssue) issues.push({ path: 'sampling', message: planIssue });
  if (issues.length) throw new AppError('survey.invalid', { issues });
  const period = input.period as SurveyPeriod;
  const range = surveyPeriodRange(period);
  const values: repo.SurveyValues = {
    title: input.title, period, periodFrom: range.from, periodTo: range.to, questionnaire, sampling: input.sampling as SamplingPlan,
    // 12 URL-safe characters (72 bits): written down with the results, anyone can draw the sample again.
    seed: input.seed ?? randomToken(9),
  };
  return { values, agencies: codes.map((c) => known.get(c)!) };
}

export async function createSurvey(context: AuditContext, input: SurveyInput, deps: Pick<Deps, 'db' | 'clock'>): Promise<string> {
  const { values, agencies } = await checkedValues(context.actor, input, deps);
  const at = context.at ?? deps.clock();
  return inTransaction(deps.db, async (tx) => {
    const id = await repo.insertSurvey(tx, values, staffId(context.actor)!, at);
    await repo.setSurveyAgencies(tx, id, agencies.map((a) => a.id));
    await recordAudit(tx, context, {
      action: 'survey.created', entityType: 'survey', entityId: id, agencyId: commonAgencyOf(agencies.map((a) => a.path)),
      details: { title: values.title, from: values.periodFrom, to: values.periodTo, agencies: agencies.map((a) => a.code), sampling: values.sampling, seed: values.seed },
    });
    return id;
  });
}

export async function updateSurvey(context: AuditContext, id: string, input: SurveyInput, deps: Pick<Deps, 'db' | 'clock'>): Promise<void> {
  const at = context.at ?? deps.clock();
  await inTransaction(deps.db, async (tx) => {
    const { survey } = await managedSurvey(context.actor, id, { db: tx }, { forUpdate: true });
    if (survey.status !== 'draft') throw new AppError('survey.not_draft');
    const { values, agencies } = await checkedValues(context.actor, input, { db: tx });
    await repo.updateSurvey(tx, id, values, at);
    await repo.setSurveyAgencies(tx, id, agencies.map((a) => a.id));
    await recordAudit(tx, context, {
      action: 'survey.updated', entityType: 'survey', entityId: id, agencyId: commonAgencyOf(agencies.map((a) => a.path)),
      details: { title: values.title, from: values.periodFrom, to: values.periodTo, agencies: agencies.map((a) => a.code), sampling: values.sampling, seed: values.seed },
    });
  });
}

export async function deleteSurvey(context: AuditContext, id: string, deps: Pick<Deps, 'db' | 'clock'>): Promise<void> {
  await inTransaction(deps.db, async (tx) => {
    const { survey, agencies } = await managedSurvey(context.actor, id, { db: tx }, { forUpdate: true });
    if (survey.status !== 'draft') throw new AppError('survey.not_draft');
    await repo.deleteSurvey(tx, id);
    await recordAudit(tx, context, {
      action: 'survey.deleted', entityType: 'survey', entityId: id, agencyId: commonAgencyOf(agencies.map((a) => a.path)), details: { title: survey.title },
    });
  });
}

export async function surveyDetail(actor: Actor, id: string, deps: Pick<Deps, 'db'>) {
  const { survey, agencies, visible, manages } = await readableSurvey(actor, id, deps);
  const counts = await repo.invitationCounts(deps.db, id, manages ? undefined : visible.map((a) => a.id));
  return {
    id: survey.id, title: survey.title, status: survey.status, period: survey.period, periodFrom: survey.period_from, periodTo: survey.period_to,
    agencies: agencies.map(({ id: agencyId, code, name, level }) => ({ id: agencyId, code, name, level })),
    questionnaire: survey.questionnaire, sampling: survey.sampling, seed: survey.seed,
    createdAt: iso(survey.created_at)!, openedAt: iso(survey.opened_at), closedAt: iso(survey.closed_at),
    invited: counts.invited, answered: counts.answered, canManage: manages, actions: manages ? surveyActionsFrom(survey.status) : [],
  };
}

/**
 * The sample a draft would draw now: per unit, the dossiers closed in the period and how many the
 * plan takes. A period not over yet is counted up to `now` (and said so); the sample is drawn
 * only once it is over.
 */
export async function samplePreview(actor: Actor, id: string, deps: Pick<Deps, 'db' | 'clock'>) {
  const { survey, visible } = await readableSurvey(actor, id, deps);
  const now = deps.clock().getTime();
  const { start, end } = periodInstants({ from: survey.period_from, to: survey.period_to });
  const until = Math.min(end, now);
  const counts = await repo.closedCounts(deps.db, visible.map((a) => a.id), new Date(start), new Date(until));
  const units = visible.map((a) => {
    const population = counts.get(a.id) ?? 0;
    return { agency: a.code, agencyName: a.name, population, sampleSize: stratumSampleSize(survey.sampling, population) };
  });
  return {
    ...(now < end ? { asOf: formatInstant(now) } : {}),
    units,
    total: { population: units.reduce((n, u) => n + u.population, 0), sampleSize: units.reduce((n, u) => n + u.sampleSize, 0) },
  };
}

/** Opens (draws the sample, invites) or closes a survey. */
export async function actOnSurvey(context: AuditContext, id: string, action: SurveyAction, deps: Deps): Promise<void> {
  const at = context.at ?? deps.clock();
  await inTransactionWaking(deps, async (tx) => {
    const { survey, agencies } = await managedSurvey(context.actor, id, { db: tx }, { forUpdate: true });
    const to = surveyTransition(survey.status, action);
    if (!to) throw new AppError('survey.transition_not_allowed', { details: { status: survey.status, action } });
    const agencyId = commonAgencyOf(agencies.map((a) => a.path));
    if (action === 'close') {
      await repo.setStatus(tx, id, to, staffId(context.actor)!, at);
      await repo.retireInvitationMessages(tx, id, null, at, 'not sent: the survey closed before it was sent');
      const counts = await repo.invitationCounts(tx, id);
      await recordAudit(tx, context, { action: 'survey.closed', entityType: 'survey', entityId: id, agencyId, details: counts });
      return;
    }
    const { start, end } = periodInstants({ from: survey.period_from, to: survey.period_to });
    // The population is every dossier closed in the period: drawn before the period ends, it would miss the last ones.
    if (at.getTime() < end) throw new AppError('survey.period_not_over', { details: { periodTo: survey.period_to } });
    const population = await repo.closedDossiers(tx, agencies.map((a) => a.id), new Date(start), new Date(end));
    const idOf = new Map(population.map((d) => [d.code, d.id]));
    const draw = drawSample(population.map((d) => ({ code: d.code, unit: d.agency_id })), survey.sampling, survey.seed, agencies.map((a) => a.id));
    const rows = draw.flatMap((u) => u.chosen.map((code, rank) => ({ surveyId: id, dossierId: idOf.get(code)!, agencyId: u.unit, rank: rank + 1 })));
    if (rows.length === 0) throw new AppError('survey.empty_sample');
    const invitations = await repo.insertInvitations(tx, rows, at);
    const notified = await inviteSample(tx, { id, title: survey.title }, invitations, deps, at);
    await repo.setStatus(tx, id, to, staffId(context.actor)!, at);
    const codeOf = new Map(agencies.map((a) => [a.id, a.code]));
    await recordAudit(tx, context, {
      action: 'survey.opened', entityType: 'survey', entityId: id, agencyId,
      details: {
        seed: survey.seed, sampling: survey.sampling, invited: rows.length, notified,
        units: draw.map((u) => ({ agency: codeOf.get(u.unit), population: u.population, sampled: u.chosen.length })),
      },
    });
  });
}

/** The surveys that cover one of the caller's agencies. */
export async function surveyList(actor: Actor, query: { status?: 'draft' | 'open' | 'closed' | undefined; limit: number; offset: number }, deps: Pick<Deps, 'db'>) {
  const scopes = [...new Set([...readerScope(actor), ...(await designScopes(deps.db, actor))])];
  const page = await repo.listSurveys(deps.db, scopes, query);
  return {
    total: page.total,
    items: page.items.map((s) => ({
      id: s.id, title: s.title, status: s.status, periodFrom: s.period_from, periodTo: s.period_to, agencies: s.agencies, invited: s.invited,
      answered: s.answered, createdAt: iso(s.created_at)!,
    })),
  };
}
