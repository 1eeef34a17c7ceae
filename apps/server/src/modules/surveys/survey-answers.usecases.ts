/**
 * Answers to a satisfaction survey (docs/rules/service-quality.md, "Answers"), taken the ways
 * ratings are: by the applicant on the public page with an invitation's one-time token (their
 * phone, or a kiosk at the counter), or by an officer of the dossier's agency who took them by
 * phone, by letter or at the counter. One answer per invitation, while the survey is open; the
 * answer spends every token of its invitation and masks the token in the messages that carried
 * it. Every answer is audited; an officer's names the officer and the channel.
 *
 * The token is checked before anything else is said: an unknown or spent token learns nothing of
 * the survey (403 `survey.token_invalid`). The route's per-address limit slows guessing; 144
 * random bits cannot be guessed anyway.
 */
import { AppError, checkAnswers, formatInstant, type Actor, type Questionnaire, type SurveyAnswerChannel } from '@motcua/domain';
import type { Deps } from '../../deps.ts';
import { inTransaction } from '../../db/transaction.ts';
import { sha256 } from '../../infra/tokens.ts';
import { recordAudit, type AuditContext } from '../audit/audit.repository.ts';
import { readableSurvey } from './survey.context.ts';
import { takesAnswersAt } from './surveys.policies.ts';
import * as repo from './surveys.repository.ts';

const tokenInvalid = () => new AppError('survey.token_invalid');

function checked(questionnaire: Questionnaire, answers: Record<string, unknown>) {
  const result = checkAnswers(questionnaire, answers);
  if (result.issues.length) throw new AppError('survey.invalid_answers', { issues: result.issues });
  return result.answers;
}

/** The invitation a live token opens, on an open survey. */
async function liveInvitation(token: string, deps: Pick<Deps, 'db'>) {
  const row = await repo.invitationByToken(deps.db, sha256(token.trim()));
  if (!row || row.used_at !== null) throw tokenInvalid();
  if (row.status !== 'open') throw new AppError('survey.closed');
  if (row.answered_at !== null) throw new AppError('survey.already_answered');
  return row;
}

/** What the answer page shows for a token: the survey, the dossier it is about, the questionnaire. Spends nothing. */
export async function invitationForToken(token: string, deps: Pick<Deps, 'db'>) {
  const row = await liveInvitation(token, deps);
  return {
    title: row.title, agencyName: row.agency_name, dossierCode: row.dossier_code, procedureName: row.procedure_name,
    periodFrom: row.period_from, periodTo: row.period_to, questionnaire: row.questionnaire,
  };
}

/** Records an answer of an invitation in one transaction: the answer, its tokens spent, its messages retired, the audit entry. */
async function record(
  context: AuditContext,
  invitation: { id: number; surveyId: string; agencyId: string; dossierCode: string; applicantName: string },
  answers: ReturnType<typeof checked>,
  how: { channel: SurveyAnswerChannel; enteredBy: string | null; note: string | null; tokenHash?: string },
  deps: Pick<Deps, 'db' | 'clock'>,
): Promise<Date> {
  const at = context.at ?? deps.clock();
  await inTransaction(deps.db, async (tx) => {
    // Checked again under the survey's lock: a close may have committed since the first check.
    const status = await repo.surveyStatusForAnswer(tx, invitation.surveyId);
    if (status !== 'open') throw new AppError(status === 'closed' ? 'survey.closed' : 'survey.transition_not_allowed', { details: { status } });
    const spent = await repo.spendTokens(tx, invitation.id, at);
    // A token spent meanwhile (a second tab, an officer's entry) is spent: the first answer stands.
    if (how.tokenHash !== undefined && !spent.includes(how.tokenHash)) throw tokenInvalid();
    const inserted = await repo.insertResponse(tx, {
      invitationId: invitation.id, surveyId: invitation.surveyId, agencyId: invitation.agencyId, answers, channel: how.channel,
      enteredBy: how.enteredBy, note: how.note, at, ip: context.ip ?? null,
    });
    if (!inserted) throw new AppError('survey.already_answered');
    await repo.retireInvitationMessages(tx, invitation.surveyId, invitation.id, at, 'not sent: the invitation was answered before it was sent');
    const applicant: Actor = { kind: 'citizen', citizenId: `dossier:${invitation.dossierCode}` };
    const auditContext = how.channel === 'web' ? { ...context, actor: applicant, actorName: invitation.applicantName } : context;
    await recordAudit(tx, auditContext, {
      action: how.channel === 'web' ? 'survey.answered' : 'survey.answer_entered', entityType: 'survey', entityId: invitation.surveyId,
      agencyId: invitation.agencyId,
      details: { invitation: invitation.id, dossier: invitation.dossierCode, channel: how.channel, ...(how.note ? { note: how.note } : {}) },
    });
  });
  return at;
}

/** The applicant answers on the public page with the invitation's token. */
export async function answerWithToken(context: AuditContext, token: string, answers: Record<string, unknown>, deps: Pick<Deps, 'db' | 'clock'>) {
  const row = await liveInvitation(token, deps);
  const stored = checked(row.questionnaire, answers);
  const at = await record(context, {
    id: Number(row.invitation_id), surveyId: row.survey_id, agencyId: row.agency_id, dossierCode: row.dossier_code, applicantName: row.applicant_name,
  }, stored, { channel: 'web', enteredBy: null, note: null, tokenHash: sha256(token.trim()) }, deps);
  return { answeredAt: formatInstant(at.getTime()) };
}

/** An officer of the dossier's agency enters the answers the applicant gave by phone, by letter or at the counter. */
export async function answerForApplicant(
  context: AuditContext, surveyId: string, invitationId: number,
  input: { channel: 'phone' | 'letter' | 'counter'; answers: Record<string, unknown>; note?: string | undefined },
  deps: Pick<Deps, 'db' | 'clock'>,
) {
  const { survey } = await readableSurvey(context.actor, surveyId, deps);
  const invitation = await repo.findInvitation(deps.db, surveyId, invitationId);
  if (!invitation || !takesAnswersAt(context.actor, invitation.agency_path)) throw new AppError('survey.invitation_not_found');
  if (survey.status !== 'open') throw new AppError(survey.status === 'closed' ? 'survey.closed' : 'survey.transition_not_allowed', { details: { status: survey.status } });
  if (invitation.answered_at !== null) throw new AppError('survey.already_answered');
  const stored = checked(survey.questionnaire, input.answers);
  const at = await record(context, {
    id: Number(invitation.id), surveyId, agencyId: invitation.agency_id, dossierCode: invitation.dossier_code, applicantName: invitation.applicant_name,
  }, stored, { channel: input.channel, enteredBy: context.actor.kind === 'staff' ? context.actor.userId : null, note: input.note?.trim() || null }, deps);
  return { answeredAt: formatInstant(at.getTime()) };
}
