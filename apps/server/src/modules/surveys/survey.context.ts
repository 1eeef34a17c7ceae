/** The survey a request is about, as the caller may see it (docs/rules/service-quality.md, "Who"). */
import { AppError, type Actor } from '@motcua/domain';
import type { Deps } from '../../deps.ts';
import { designScopes, managesSurvey, visibleAgencies } from './surveys.policies.ts';
import * as repo from './surveys.repository.ts';

const notFound = () => new AppError('survey.not_found');

/** A survey the actor may see (it covers one of their agencies, or they design over all of it); else "not found". */
export async function readableSurvey(actor: Actor, id: string, deps: Pick<Deps, 'db'>, options: { forUpdate?: boolean } = {}) {
  const survey = await repo.findSurvey(deps.db, id, options);
  if (!survey) throw notFound();
  const agencies = await repo.surveyAgencies(deps.db, id);
  const design = await designScopes(deps.db, actor);
  const visible = visibleAgencies(actor, design, agencies);
  if (visible.length === 0) throw notFound();
  return { survey, agencies, visible, manages: managesSurvey(design, agencies.map((a) => a.path)) };
}

/** A survey the actor designs; a reader who does not is refused, anyone else is told it does not exist. */
export async function managedSurvey(actor: Actor, id: string, deps: Pick<Deps, 'db'>, options: { forUpdate?: boolean } = {}) {
  const found = await readableSurvey(actor, id, deps, options);
  if (!found.manages) throw new AppError('auth.forbidden');
  return found;
}

