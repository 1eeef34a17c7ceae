/**
 * What the applicant of an online dossier may do without an account, proving with the access
 * secret printed on the receipt that the dossier is theirs: send the supplement an officer or a
 * specialist asked for, or withdraw the dossier (Decree 118/2025 art. 21, form 05). The secret is
 * stored only as its SHA-256; a dossier received at the counter has none and takes no action here.
 */
import { AppError, isDossierCode, type Actor } from '@motcua/domain';
import type { Deps } from '../../deps.ts';
import { inTransaction } from '../../db/transaction.ts';
import { safeEqual, sha256 } from '../../infra/tokens.ts';
import type { AuditContext } from '../audit/audit.repository.ts';
import { applyAction } from './actions.usecases.ts';
import { contextOf, notFound } from './dossier.context.ts';
import * as repo from './dossiers.repository.ts';
import { invalidCode } from './dossiers.queries.ts';

export const applicantActionNames = ['submit_supplement', 'withdraw'] as const;
export type ApplicantActionName = (typeof applicantActionNames)[number];

export interface ApplicantActionInput {
  accessSecret: string;
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

/** True when `secret` is the one issued with the dossier (compared in constant time, hashed). */
export function secretMatches(secret: string, storedHash: string | null): boolean {
  return storedHash !== null && secret.length > 0 && safeEqual(sha256(secret), storedHash);
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
  await inTransaction(deps.db, async (tx) => {
    const found = await repo.findDossierByCode(tx, code);
    if (!found) throw notFound();
    if (!secretMatches(input.accessSecret, found.access_secret_hash)) throw accessDenied();
    const dossier = await repo.lockDossier(tx, found.id);
    if (!dossier) throw notFound();
    const ctx = await contextOf(tx, deps.references, dossier);
    // One applicant per dossier: the secret stands for them in the log and the audit trail.
    const actor: Actor = { kind: 'citizen', citizenId: `dossier:${dossier.code}` };
    await applyAction(tx, { ...context, actor, actorName: dossier.applicant_name }, ctx, {
      action: input.action,
      note: input.note,
      components: input.components?.filter((c) => c.fileIds.length),
      uploadTokens: input.uploadTokens,
    }, { clock: deps.clock, calendars, references: deps.references });
  });
}
