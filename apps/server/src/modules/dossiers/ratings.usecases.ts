/**
 * Satisfaction ratings (docs/rules/service-quality.md): only the applicant rates a dossier, once,
 * after its result. The applicant proves it with the security code of an online receipt or with
 * the one-time rating token printed as a QR code on form 01 (for a kiosk at the counter or a
 * phone), or by being signed in with the e-ID as the citizen whose dossier it is (proof `eid`,
 * through the citizen route; dossiers.policies.ts, `isCitizensDossier`). A code alone proves
 * nothing: codes are printed on every form and are partly sequential.
 *
 * A wrong proof is refused and audited, but never locks the dossier: a stranger's guesses must not
 * stop the applicant from rating (the route's per-address limit slows guessing; the proofs carry
 * 78 bits or more and cannot be guessed anyway: docs/rules/security-code.md).
 */
import { AppError, isDossierCode, resultStatuses, type Actor, type DossierStatus } from '@motcua/domain';
import type { Deps } from '../../deps.ts';
import { inTransaction } from '../../db/transaction.ts';
import { randomToken, sha256 } from '../../infra/tokens.ts';
import { recordAudit, type AuditContext } from '../audit/audit.repository.ts';
import { secretMatches } from './applicant-actions.usecases.ts';
import { notFound } from './dossier.context.ts';
import { isCitizensDossier } from './dossiers.policies.ts';
import { invalidCode } from './dossiers.queries.ts';
import * as repo from './dossiers.repository.ts';
import * as ratings from './ratings.repository.ts';

export interface RatingInput {
  score: number;
  comment?: string | undefined;
  /** The security code of an online receipt. */
  securityCode?: string | undefined;
  /** The one-time token of the rating QR code on form 01. */
  ratingToken?: string | undefined;
  /** Signed in with the e-ID: the citizen (a dossier not theirs answers "not found"). */
  citizen?: { actor: Actor; name: string } | undefined;
}

const proofRequired = () => new AppError('rating.proof_required');
const proofInvalid = () => new AppError('rating.proof_invalid');

/** The rating page a form 01's second QR code opens: the status page, the token in its fragment (never sent in a request line). */
export function ratingUrl(publicBaseUrl: string, code: string, token: string): string {
  return `${publicBaseUrl}/tra-cuu/${encodeURIComponent(code)}#danh-gia=${token}`;
}

/**
 * A new one-time rating token for the dossier, printed on form 01 (each print issues its own; all
 * die when the dossier is rated). Only its SHA-256 is kept, with who printed it. None once rated.
 */
export async function issueRatingToken(actor: Actor, dossierId: number, deps: Pick<Deps, 'db' | 'clock'>): Promise<string | undefined> {
  if (await ratings.isRated(deps.db, dossierId)) return undefined;
  // 18 bytes = 144 bits, 24 URL-safe characters: short enough for a small QR code.
  const token = randomToken(18);
  await ratings.insertRatingToken(deps.db, dossierId, sha256(token), actor.kind === 'staff' ? actor.userId : null, deps.clock());
  return token;
}

/** The applicant rates the handling of a dossier: five levels, 5 = very satisfied … 1 = very dissatisfied. */
export async function rateDossier(context: AuditContext, code: string, input: RatingInput, deps: Pick<Deps, 'db' | 'clock'>) {
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
  const proof = citizen
    ? 'eid' as const
    : securityCode && secretMatches(securityCode, row.access_secret_hash)
      ? 'security_code' as const
      : token && await ratings.ratingTokenUsable(deps.db, row.id, tokenHash) ? 'token' as const : undefined;
  if (!proof) {
    await recordAudit(deps.db, context, {
      action: 'dossier.rating_refused', entityType: 'dossier', entityId: row.code, agencyId: row.agency_id,
      details: { reason: 'wrong_proof', tried: [...(securityCode ? ['security_code'] : []), ...(token ? ['token'] : [])] },
    });
    throw proofInvalid();
  }
  if (!resultStatuses.has(row.status as DossierStatus)) throw new AppError('rating.too_early');
  const at = context.at ?? deps.clock();
  await inTransaction(deps.db, async (tx) => {
    if (proof === 'token' && !(await ratings.spendRatingToken(tx, row.id, tokenHash, at))) throw proofInvalid();
    const inserted = await ratings.insertRating(tx, {
      dossierId: row.id, score: input.score, comment: input.comment?.trim() || null, ip: context.ip ?? null, proof, at: context.at,
    });
    if (!inserted) throw new AppError('rating.already_rated');
    const actor: Actor = citizen?.actor ?? { kind: 'citizen', citizenId: `dossier:${row.code}` };
    await recordAudit(tx, { ...context, actor, actorName: citizen?.name ?? row.applicant_name }, {
      action: 'dossier.rated', entityType: 'dossier', entityId: row.code, agencyId: row.agency_id, details: { score: input.score, proof },
    });
  });
  return { code: row.code, score: input.score };
}
