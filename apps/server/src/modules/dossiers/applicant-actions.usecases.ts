/**
 * What the applicant may do themselves: send the supplement an officer or a specialist asked for,
 * or withdraw the dossier (Decree 118/2025 art. 21, form 05). They prove the dossier is theirs
 * either with the access secret printed on an online receipt (no account needed; stored only as
 * its SHA-256, and a counter dossier has none) or by being signed in with the e-ID as the
 * citizen whose dossier it is (dossiers.policies.ts, `isCitizensDossier`; counter dossiers too).
 */
import { AppError, isDossierCode, securityCodeCandidates, type Actor } from '@motcua/domain';
import type { Deps } from '../../deps.ts';
import { inTransactionWaking } from '../notifications/outbox.wake.ts';
import { safeEqual, sha256 } from '../../infra/tokens.ts';
import type { AuditContext } from '../audit/audit.repository.ts';
import { actionDepsOf, applyAction } from './actions.usecases.ts';
import { contextOf, notFound } from './dossier.context.ts';
import { isCitizensDossier } from './dossiers.policies.ts';
import * as repo from './dossiers.repository.ts';
import { invalidCode } from './dossiers.queries.ts';

export const applicantActionNames = ['submit_supplement', 'withdraw'] as const;
export type ApplicantActionName = (typeof applicantActionNames)[number];

/**
 * How the applicant proves the dossier is theirs: the security code of the receipt, or their
 * e-ID session (the request's actor, a citizen with an account).
 */
export type ApplicantProof = { kind: 'security_code'; secret: string } | { kind: 'eid'; actor: Actor; name: string };

export interface ApplicantActionInput {
  proof: ApplicantProof;
  action: ApplicantActionName;
  note?: string | undefined;
  components?: Array<{ index: number; fileIds: string[] }> | undefined;
  uploadTokens?: Record<string, string> | undefined;
}

export const accessDenied = () =>
  new AppError('dossier.access_denied', {
    messages: {
      vi: 'Mã bảo mật của hồ sơ không đúng (xem mục “Mã bảo mật” khi nộp hồ sơ trực tuyến)',
      en: 'Wrong security code for this dossier (see “Security code” shown when it was filed online)',
    },
  });

/**
 * True when `secret` is the security code issued with the dossier, as typed: any case, spaces and
 * dashes, or an older code exactly (docs/rules/security-code.md). Hashed and compared in constant
 * time, every candidate form compared whatever the first gave.
 */
export function secretMatches(secret: string, storedHash: string | null): boolean {
  if (storedHash === null) return false;
  let matched = false;
  for (const candidate of securityCodeCandidates(secret)) matched = safeEqual(sha256(candidate), storedHash) || matched;
  return matched;
}

/**
 * Takes an applicant's action on the dossier with `code`, in the caller's transaction (or a new
 * one): the log row, the files, the projection and the audit row (actor kind `citizen`) together.
 */
export async function actAsApplicant(context: AuditContext, code: string, input: ApplicantActionInput, deps: Deps): Promise<void> {
  if (!isDossierCode(code)) throw invalidCode();
  if (input.action === 'submit_supplement' && !input.components?.some((c) => c.fileIds.length) && !input.note?.trim()) {
    throw new AppError('request.invalid', {
      messages: { vi: 'Cần đính kèm ít nhất một tệp bổ sung hoặc ghi chú', en: 'Attach at least one file or write a note' },
      issues: [{ path: 'components', message: 'attach at least one file or write a note' }],
    });
  }
  const calendars = await deps.calendars.current();
  await inTransactionWaking(deps, async (tx) => {
    const found = await repo.findDossierByCode(tx, code);
    if (!found) throw notFound();
    const { proof } = input;
    // Signed in: a dossier that is not theirs does not exist for them (404, as for staff).
    if (proof.kind === 'eid' && !isCitizensDossier(proof.actor, found)) throw notFound();
    if (proof.kind === 'security_code' && !secretMatches(proof.secret, found.access_secret_hash)) throw accessDenied();
    const dossier = await repo.lockDossier(tx, found.id);
    if (!dossier) throw notFound();
    const ctx = await contextOf(tx, deps.references, dossier);
    // One applicant per dossier: the secret stands for them in the log and the audit trail; signed
    // in, their account does (the audit row's actor id, and the log row's data).
    const actor: Actor = proof.kind === 'eid' ? proof.actor : { kind: 'citizen', citizenId: `dossier:${dossier.code}` };
    const actorName = proof.kind === 'eid' ? proof.name : dossier.applicant_name;
    await applyAction(tx, { ...context, actor, actorName }, ctx, {
      action: input.action,
      note: input.note,
      components: input.components?.filter((c) => c.fileIds.length),
      uploadTokens: input.uploadTokens,
      proof: proof.kind,
    }, actionDepsOf(deps, calendars));
  });
}
