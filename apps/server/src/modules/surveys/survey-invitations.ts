/**
 * The invitations of a survey reach the applicants (docs/rules/service-quality.md, "Invitations"):
 * - when the survey opens, every applicant with an address (e-mail, phone, or the citizen account
 *   that filed the dossier, with its preferences) gets a `survey_invitation` message through the
 *   notification outbox, in the same transaction, with a link to the answer page that carries a
 *   one-time token;
 * - the follow-up list (a PDF for phone calls and letters) prints every unanswered invitation with
 *   a QR code of the same page and a new one-time token, issued for that print.
 * Tokens have 144 random bits; only their SHA-256 is stored, with who issued them. The link puts
 * the token in the address's fragment (`/khao-sat#t=…`), so it never reaches a server log.
 */
import type { Kysely } from 'kysely';
import { AppError, formatInstant, type Actor } from '@motcua/domain';
import type { Database } from '../../db/schema.ts';
import type { Deps } from '../../deps.ts';
import { inTransaction } from '../../db/transaction.ts';
import { randomToken, sha256 } from '../../infra/tokens.ts';
import { renderSurveyInvitationList } from '../../infra/pdf/survey-invitations.ts';
import { recordAudit, type AuditContext } from '../audit/audit.repository.ts';
import { applicantAddresses, citizenContactsOf } from '../notifications/dossier-notices.ts';
import { enqueueNotifications, type NewNotification } from '../notifications/outbox.repository.ts';
import { commonAgencyOf } from './surveys.policies.ts';
import * as repo from './surveys.repository.ts';
import { readableSurvey } from './survey.context.ts';

/** The answer page of an invitation: the portal's `/khao-sat`, the token in the fragment. */
export function surveyAnswerLink(publicBaseUrl: string, token: string): string {
  return `${publicBaseUrl.replace(/\/$/, '')}/khao-sat#t=${token}`;
}

/** A new one-time token: 18 random bytes, 24 URL-safe characters (a small QR code). */
const newToken = () => randomToken(18);

/**
 * Writes to the applicant of every sampled dossier who has an address, and issues the token their
 * link carries (one per invitation, whatever the number of addresses). Returns how many
 * invitations were sent a message.
 */
export async function inviteSample(
  tx: Kysely<Database>, survey: { id: string; title: string }, invitations: ReadonlyArray<{ id: number; dossier_id: number }>,
  deps: Pick<Deps, 'config'>, at: Date,
): Promise<number> {
  let notified = 0;
  for (let i = 0; i < invitations.length; i += 500) {
    const part = invitations.slice(i, i + 500);
    const dossiers = new Map((await repo.dossierContacts(tx, part.map((p) => p.dossier_id))).map((d) => [Number(d.id), d]));
    const accounts = await citizenContactsOf(tx, [...dossiers.values()].flatMap((d) => (d.submitter_citizen_id ? [d.submitter_citizen_id] : [])));
    const messages: NewNotification[] = [];
    const tokens: Array<{ hash: string; invitationId: number; purpose: 'message' }> = [];
    const sent: number[] = [];
    for (const invitation of part) {
      const d = dossiers.get(invitation.dossier_id)!;
      const addresses = applicantAddresses(d, d.submitter_citizen_id ? accounts.get(d.submitter_citizen_id) : undefined);
      if (addresses.length === 0) continue;
      const token = newToken();
      const link = surveyAnswerLink(deps.config.publicBaseUrl, token);
      tokens.push({ hash: sha256(token), invitationId: invitation.id, purpose: 'message' });
      sent.push(invitation.id);
      for (const a of addresses) {
        messages.push({
          kind: 'survey_invitation', channel: a.channel, destination: a.destination, recipientKind: a.recipientKind, citizenId: a.citizenId ?? null,
          locale: a.locale, dossierId: invitation.dossier_id, agencyId: d.agency_id,
          dedupeKey: repo.invitationMessageKey(survey.id, invitation.id, `${a.channel}:${a.destination}`),
          variables: { code: d.code, link, procedureName: d.procedure_name, agencyName: d.agency_name, recipientName: a.recipientName, surveyTitle: survey.title },
        });
      }
    }
    await repo.insertTokens(tx, tokens, null, at);
    await repo.markNotified(tx, sent);
    await enqueueNotifications(tx, messages, at);
    notified += sent.length;
  }
  return notified;
}

/**
 * The follow-up list of unanswered invitations at the caller's agencies (or one of them), as a
 * PDF with a QR code per invitation; each print issues new one-time tokens (audited), so a list
 * printed twice holds two valid codes per invitation until either answers.
 */
export async function printInvitations(
  context: AuditContext, surveyId: string, q: { agency?: string | undefined; limit: number; offset: number }, deps: Pick<Deps, 'db' | 'clock' | 'config'>,
): Promise<{ pdf: Uint8Array; fileName: string }> {
  const actor: Actor = context.actor;
  const at = context.at ?? deps.clock();
  const { survey, visible } = await readableSurvey(actor, surveyId, deps);
  if (survey.status !== 'open') throw new AppError(survey.status === 'closed' ? 'survey.closed' : 'survey.transition_not_allowed', { details: { status: survey.status } });
  const agencies = q.agency ? visible.filter((a) => a.code === q.agency) : visible;
  if (q.agency && agencies.length === 0) throw new AppError('agency.not_found');
  const rows = await repo.pendingInvitations(deps.db, surveyId, agencies.map((a) => a.id), q);
  const printed = rows.map((r) => ({ ...r, token: newToken() }));
  await inTransaction(deps.db, async (tx) => {
    await repo.insertTokens(tx, printed.map((r) => ({ hash: sha256(r.token), invitationId: Number(r.id), purpose: 'print' as const })), actor.kind === 'staff' ? actor.userId : null, at);
    await recordAudit(tx, context, {
      action: 'survey.invitations_printed', entityType: 'survey', entityId: surveyId, agencyId: commonAgencyOf(agencies.map((a) => a.path)),
      details: { count: printed.length, agency: q.agency ?? null, offset: q.offset },
    });
  });
  const pdf = await renderSurveyInvitationList({
    title: survey.title,
    period: { from: survey.period_from, to: survey.period_to },
    agencyName: agencies.length === 1 ? agencies[0]!.name : null,
    issuedAt: formatInstant(at.getTime()),
    rows: printed.map((r, i) => ({
      no: q.offset + i + 1, dossierCode: r.code, applicantName: r.applicant_name, phone: r.applicant_phone, address: r.applicant_address,
      agencyName: r.agency_name, procedureName: r.procedure_name, notified: r.notified, link: surveyAnswerLink(deps.config.publicBaseUrl, r.token),
    })),
  });
  return { pdf, fileName: `khao-sat-${survey.period_from}-${q.agency ?? 'tat-ca'}.pdf` };
}

/** The invitations at the caller's agencies (or one of them), for follow-up. */
export async function invitationPage(
  actor: Actor, surveyId: string, q: { agency?: string | undefined; answered?: boolean | undefined; q?: string | undefined; limit: number; offset: number },
  deps: Pick<Deps, 'db'>,
) {
  const { visible } = await readableSurvey(actor, surveyId, deps);
  const agencies = q.agency ? visible.filter((a) => a.code === q.agency) : visible;
  if (q.agency && agencies.length === 0) throw new AppError('agency.not_found');
  const page = await repo.invitationList(deps.db, surveyId, agencies.map((a) => a.id), q);
  const iso = (d: Date | null) => (d ? formatInstant(d.getTime()) : null);
  return {
    total: page.total,
    items: page.items.map((i) => ({
      id: Number(i.id), dossierId: Number(i.dossier_id), dossierCode: i.code, agency: i.agency_code, agencyName: i.agency_name, procedureName: i.procedure_name,
      applicantName: i.applicant_name, applicantPhone: i.applicant_phone, applicantAddress: i.applicant_address, closedAt: iso(i.closed_at),
      notified: i.notified, answeredAt: iso(i.answered_at), channel: i.channel,
    })),
  };
}
