/**
 * Satisfaction ratings (docs/rules/service-quality.md): only the applicant rates a dossier, once,
 * after its result: five levels, the optional criteria of the one-stop scoring tool, a comment.
 * The applicant proves it with the security code of an online receipt, with a one-time rating
 * token printed as a QR code (on form 01 at reception, on the rating card handed over with the
 * result, or opened by the officer on the counter's screen), or by being signed in with the e-ID
 * as the citizen whose dossier it is (proof `eid`, through the citizen route; dossiers.policies.ts,
 * `isCitizensDossier`). A code alone proves nothing: codes are printed on every form and are
 * partly sequential.
 *
 * A wrong proof is refused and audited, but never locks the dossier: a stranger's guesses must not
 * stop the applicant from rating (the route's per-address limit slows guessing; the proofs carry
 * 78 bits or more and cannot be guessed anyway: docs/rules/security-code.md).
 *
 * A low rating (`isLowRating`) alerts the leaders of the receiving unit in the same transaction
 * (modules/ratings/rating-alerts.usecases.ts).
 */
import {
  AppError, isDossierCode, ratingPageUrl, resultStatuses, statusLabels,
  type Actor, type CriteriaAnswers, type CriterionPoints, type DossierStatus, type RatingCriterion, type RatingScore,
} from '@motcua/domain';
import type { Deps } from '../../deps.ts';
import { randomToken, sha256 } from '../../infra/tokens.ts';
import { recordAudit, type AuditContext } from '../audit/audit.repository.ts';
import { inTransactionWaking } from '../notifications/outbox.wake.ts';
import { alertOnLowRating } from '../ratings/rating-alerts.usecases.ts';
import { secretMatches } from './applicant-actions.usecases.ts';
import { contextOf, loadDossierContext, notFound } from './dossier.context.ts';
import { isCitizensDossier } from './dossiers.policies.ts';
import { invalidCode } from './dossiers.queries.ts';
import * as repo from './dossiers.repository.ts';
import * as ratings from './ratings.repository.ts';

export interface RatingProof {
  /** The security code of an online receipt. */
  securityCode?: string | undefined;
  /** The one-time token of a rating QR code. */
  ratingToken?: string | undefined;
  /** Signed in with the e-ID: the citizen (a dossier not theirs answers "not found"). */
  citizen?: { actor: Actor; name: string } | undefined;
}

export interface RatingInput extends RatingProof {
  score: number;
  /** Answers to the criteria; a criterion left out was not answered. */
  criteria?: CriteriaAnswers | undefined;
  comment?: string | undefined;
}

const proofRequired = () => new AppError('rating.proof_required');
const proofInvalid = () => new AppError('rating.proof_invalid');
const alreadyRated = () => new AppError('rating.already_rated');

/** The rating page a rating QR code opens (form 01, the rating card, the counter's screen). */
export function ratingUrl(publicBaseUrl: string, code: string, token: string): string {
  return ratingPageUrl(publicBaseUrl, code, token);
}

/**
 * A new one-time rating token for the dossier, for a QR code (each print issues its own; all die
 * when the dossier is rated). Only its SHA-256 is kept, with who issued it. None once rated.
 */
export async function issueRatingToken(actor: Actor, dossierId: number, deps: Pick<Deps, 'db' | 'clock'>): Promise<string | undefined> {
  if (await ratings.isRated(deps.db, dossierId)) return undefined;
  // 18 bytes = 144 bits, 24 URL-safe characters: short enough for a small QR code.
  const token = randomToken(18);
  await ratings.insertRatingToken(deps.db, dossierId, sha256(token), actor.kind === 'staff' ? actor.userId : null, deps.clock());
  return token;
}

/**
 * Staff hand the applicant a rating QR code with the result (the rating card, or the counter's
 * screen opened on the rating page): a dossier they may see, with a result and not yet rated.
 * Returns the rating page's address with a new token.
 */
export async function ratingInvitation(actor: Actor, dossierId: number, deps: Pick<Deps, 'db' | 'clock' | 'references' | 'config'>) {
  const ctx = await loadDossierContext(deps.db, deps.references, actor, dossierId);
  if (!resultStatuses.has(ctx.dossier.status as DossierStatus)) throw new AppError('rating.too_early');
  const token = await issueRatingToken(actor, ctx.dossier.id, deps);
  if (!token) throw alreadyRated();
  return { ctx, url: ratingUrl(deps.config.publicBaseUrl, ctx.dossier.code, token) };
}

/**
 * Who the rater is: the proof checked before anything of the dossier's state is told (a stranger
 * learns nothing the public status page does not show), then whether it can be rated now. A token
 * already spent proves the holder is the applicant of a dossier rated with it: "already rated".
 */
async function proveRater(context: AuditContext, code: string, input: RatingProof, deps: Pick<Deps, 'db'>) {
  if (!isDossierCode(code)) throw invalidCode();
  const securityCode = input.securityCode?.trim() ?? '';
  const token = input.ratingToken?.trim() ?? '';
  const citizen = input.citizen;
  if (!securityCode && !token && !citizen) throw proofRequired();
  const row = await repo.findDossierByCode(deps.db, code);
  // Existence is what the public status page already tells anyone with the code; a signed-in
  // citizen is told nothing of a dossier that is not theirs.
  if (!row || row.status === 'draft' || (citizen && !isCitizensDossier(citizen.actor, row))) throw notFound();
  const tokenHash = token ? sha256(token) : '';
  const tokenState = token && !citizen ? await ratings.ratingTokenState(deps.db, row.id, tokenHash) : undefined;
  const proof = citizen
    ? 'eid' as const
    : securityCode && secretMatches(securityCode, row.access_secret_hash)
      ? 'security_code' as const
      : tokenState ? 'token' as const : undefined;
  if (!proof) {
    await recordAudit(deps.db, context, {
      action: 'dossier.rating_refused', entityType: 'dossier', entityId: row.code, agencyId: row.agency_id,
      details: { reason: 'wrong_proof', tried: [...(securityCode ? ['security_code'] : []), ...(token ? ['token'] : [])] },
    });
    throw proofInvalid();
  }
  if (!resultStatuses.has(row.status as DossierStatus)) throw new AppError('rating.too_early');
  if ((proof === 'token' && tokenState === 'spent') || await ratings.isRated(deps.db, row.id)) throw alreadyRated();
  return { row, proof, tokenHash };
}

/**
 * Before the applicant answers anything (the kiosk, a phone opening the QR code): whether the
 * proof rates this dossier now, and what the page shows of it. Writes nothing but a refused proof.
 */
export async function checkRatingProof(context: AuditContext, code: string, input: RatingProof, deps: Pick<Deps, 'db' | 'references'>) {
  const { row } = await proveRater(context, code, input, deps);
  const ctx = await contextOf(deps.db, deps.references, row, []);
  return {
    code: row.code,
    procedureName: ctx.version.name,
    agencyName: ctx.agencies.receiving.name,
    status: row.status as DossierStatus,
    statusLabel: statusLabels[row.status as DossierStatus],
  };
}

/** The answers given, as rows: only criteria the applicant answered. */
function answersOf(criteria: CriteriaAnswers | undefined): Array<[RatingCriterion, CriterionPoints]> {
  return Object.entries(criteria ?? {}).filter((e): e is [RatingCriterion, CriterionPoints] => e[1] !== undefined);
}

/**
 * The applicant rates the handling of a dossier: five levels (5 very satisfied … 1 very
 * dissatisfied), the criteria they chose to answer, a comment. One transaction writes the rating,
 * its answers, the spent token, the audit row and, for a low rating, the alert and the messages
 * to the unit's leaders.
 */
export async function rateDossier(context: AuditContext, code: string, input: RatingInput, deps: Pick<Deps, 'db' | 'clock' | 'references' | 'config' | 'outbox'>) {
  const { row, proof, tokenHash } = await proveRater(context, code, input, deps);
  const at = context.at ?? deps.clock();
  const score = input.score as RatingScore;
  const comment = input.comment?.trim() || null;
  const answers = answersOf(input.criteria);
  const ctx = await contextOf(deps.db, deps.references, row, []);
  const alert = await inTransactionWaking(deps, async (tx) => {
    // The token spent meanwhile by another rating with it: that one rated the dossier.
    if (proof === 'token' && !(await ratings.spendRatingToken(tx, row.id, tokenHash, at))) throw alreadyRated();
    const inserted = await ratings.insertRating(tx, { dossierId: row.id, score, comment, ip: context.ip ?? null, proof, at });
    if (!inserted) throw alreadyRated();
    await ratings.insertRatingAnswers(tx, row.id, answers);
    const actor: Actor = input.citizen?.actor ?? { kind: 'citizen', citizenId: `dossier:${row.code}` };
    await recordAudit(tx, { ...context, actor, actorName: input.citizen?.name ?? row.applicant_name }, {
      action: 'dossier.rated', entityType: 'dossier', entityId: row.code, agencyId: row.agency_id,
      details: { score, proof, criteria: Object.fromEntries(answers), ...(comment ? { comment: true } : {}) },
    });
    return alertOnLowRating(tx, {
      dossier: { id: row.id, code: row.code, agencyId: row.agency_id },
      agencyName: ctx.agencies.receiving.name, procedureName: ctx.version.name, score, comment, at,
    }, deps);
  });
  return { code: row.code, score, criteria: Object.fromEntries(answers) as CriteriaAnswers, alerted: alert.alerted };
}
