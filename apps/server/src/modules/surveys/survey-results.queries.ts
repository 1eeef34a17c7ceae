/**
 * The results of a survey for the caller (docs/rules/service-quality.md, "Results"): its units
 * that the caller reads (every unit for its designers, their own agencies for the others), the
 * total over those, and the external figures of the period's years for those agencies and the
 * agencies above them. The numbers are the domain's `surveyResults`; the JSON and the XLSX carry
 * the same ones.
 */
import { formatInstant, surveyResults, type Actor } from '@motcua/domain';
import type { Deps } from '../../deps.ts';
import { listFigures } from '../external-figures/external-figures.repository.ts';
import { presentFigure } from '../external-figures/external-figures.usecases.ts';
import { readableSurvey } from './survey.context.ts';
import * as repo from './surveys.repository.ts';

export async function surveyResultsFor(actor: Actor, id: string, deps: Pick<Deps, 'db' | 'clock'>) {
  const { survey, visible } = await readableSurvey(actor, id, deps);
  const inputs = await repo.resultInputs(deps.db, id, visible.map((a) => a.id));
  const results = surveyResults(survey.questionnaire, visible.map((a) => ({
    unit: a.id,
    invited: inputs.invited.get(a.id) ?? 0,
    answers: inputs.answers.filter((r) => r.agency_id === a.id).map((r) => r.answers),
  })));
  const byId = new Map(visible.map((a) => [a.id, a]));
  // The indices of the period's (last) year, or the latest published before it: a year's SIPAS comes out the next spring.
  const figures = await listFigures(deps.db, { latestUpTo: Number(survey.period_to.slice(0, 4)), around: visible.map((a) => a.path) });
  return {
    survey: { id: survey.id, title: survey.title, status: survey.status, periodFrom: survey.period_from, periodTo: survey.period_to, questionnaire: survey.questionnaire },
    generatedAt: formatInstant(deps.clock().getTime()),
    units: results.units.map(({ unit, ...figures }) => ({ agency: byId.get(unit)!.code, agencyName: byId.get(unit)!.name, ...figures })),
    total: results.total,
    externalFigures: figures.map(presentFigure),
  };
}
