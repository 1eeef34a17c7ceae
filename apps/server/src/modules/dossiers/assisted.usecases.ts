/**
 * Assisted online filing (docs/rules/assisted-filing.md): an officer or a community helper (tổ
 * công nghệ số cộng đồng) prepares an online dossier for a citizen. Nothing is submitted until the
 * applicant confirms it, signed in with the e-ID as the applicant, or with the six-digit one-time
 * code sent to their phone or e-mail; it then is an online dossier like any other (submitted from
 * the confirmation, received by an officer, counted as online), and its log says who prepared it.
 *
 * A code lives 15 minutes; 5 wrong codes lock it (a new code must be sent, or the applicant signs
 * in); a new code voids the previous one. Codes are kept salted and hashed. Every code sent,
 * refused, locked and every confirmation is in the audit trail.
 */
import type { Kysely } from 'kysely';
import {
  AppError, checkAgainstIdentity, initialsOf, isDossierCode, localDateOf, preparerRoles, rolesOver,
  type Actor, type ActorRole, type CitizenIdentity, type DossierEvent,
  type AuditAction,
} from '@motcua/domain';
import type { Database } from '../../db/schema.ts';
import type { Deps } from '../../deps.ts';
import { inTransaction } from '../../db/transaction.ts';
import { inTransactionWaking } from '../notifications/outbox.wake.ts';
import { maskDestination, newOneTimeCode } from '../../infra/one-time-codes.ts';
import { newSecurityCode, randomToken, safeEqual, sha256 } from '../../infra/tokens.ts';
import { recordAudit, type AuditContext } from '../audit/audit.repository.ts';
import type { AgencyRef } from '../reference/reference.cache.ts';
import { actionDepsOf, applyAction } from './actions.usecases.ts';
import * as codes from './confirmation-codes.repository.ts';
import { enqueueConfirmationCode, retireCodeMessages } from './confirmation-code.notifications.ts';
import { contextOf, loadDossierContext, notFound, type DossierContext } from './dossier.context.ts';
import { canPrepareAt, canResendCode } from './dossiers.policies.ts';
import * as repo from './dossiers.repository.ts';
import { invalidCode } from './dossiers.queries.ts';
import { checkDeclaration } from './declaration.ts';
import { componentsFor, createDossier, versionForIntake, type ApplicantInput } from './intake.usecases.ts';
import { feeAtSubmission } from './dossier.fees.ts';

/** How long a one-time code may be used. */
export const codeLifetimeMinutes = 15;
/** Wrong codes after which the code is locked. */
export const maxWrongCodes = 5;

export type CodeChannel = 'sms' | 'email';

export interface AssistedFilingInput {
  procedureCode: string;
  /** The receiving agency; implied when the preparer has a single assignment that may prepare. */
  agencyId?: string | undefined;
  applicant: ApplicantInput & { idNumber: string };
  components: Array<{ index: number; fileIds: string[]; note?: string | undefined }>;
  resultDelivery: 'counter' | 'post' | 'online';
  feeRow?: string | undefined;
  /** Where the one-time code goes: the phone (default when there is one) or the e-mail. */
  sendCodeBy?: CodeChannel | undefined;
  /** The declaration e-form filled with the applicant (docs/eforms.md), by field key: checked as at the counter. */
  declaration?: Record<string, unknown> | undefined;
}

/** What the preparer is told about the code sent (never the code, except outside production). */
export interface CodeSent {
  channel: CodeChannel;
  destination: string;
  expiresAt: Date;
  /** Always true: the message is in the outbox, sent after commit (its delivery is in the message ledger). */
  queued: true;
  /** The code itself, only when the server does not run in production (a demo has no phone to read it on). */
  devCode?: string | undefined;
}

/** The agency where the actor prepares: given, or implied by a single assignment of a preparer role. */
async function preparingAgency(db: Kysely<Database>, deps: Pick<Deps, 'references'>, actor: Actor, agencyId: string | undefined): Promise<AgencyRef> {
  if (actor.kind !== 'staff') throw new AppError('auth.forbidden');
  const candidates = [...new Set(actor.assignments.filter((a) => preparerRoles.includes(a.role)).map((a) => a.agencyId))];
  const id = agencyId ?? (candidates.length === 1 ? candidates[0] : undefined);
  if (!id) throw new AppError('request.invalid', { issues: [{ path: 'agencyId', message: 'choose the receiving agency' }] });
  const agency = (await deps.references.agencies(db, [id])).get(id);
  if (!agency || !canPrepareAt(actor, agency)) throw new AppError('auth.forbidden', { issues: [{ path: 'agencyId', message: 'not an agency where you may prepare dossiers' }] });
  return agency;
}

/** Prepares the online dossier and sends the applicant a one-time code, in one transaction. */
export async function prepareForApplicant(
  context: AuditContext,
  input: AssistedFilingInput,
  deps: Deps,
): Promise<{ ctx: DossierContext; sent: CodeSent }> {
  const actor = context.actor;
  if (actor.kind !== 'staff') throw new AppError('auth.forbidden');
  const channel = input.sendCodeBy ?? (input.applicant.phone ? 'sms' : 'email');
  const destination = channel === 'sms' ? input.applicant.phone : input.applicant.email;
  if (!destination) {
    throw new AppError('preparation.no_destination', { issues: [{ path: channel === 'sms' ? 'applicant.phone' : 'applicant.email', message: 'required to send the code' }] });
  }
  const agency = await preparingAgency(deps.db, deps, actor, input.agencyId);
  const now = deps.clock().getTime();
  const version = await versionForIntake(deps.db, deps.references, input.procedureCode, agency, localDateOf(now));
  // Filled by the preparer, not by an e-ID: nothing in it is verified until the applicant confirms signed in.
  const declaration = checkDeclaration(version, input.declaration, null, localDateOf(now));
  // Online, every component is an electronic file (Decree 45/2020 art. 9): received means uploaded.
  const components = componentsFor(
    version,
    input.components.map((c) => ({ index: c.index, received: c.fileIds.length > 0, kind: 'electronic' as const, fileIds: c.fileIds, note: c.note })),
    true,
    declaration?.component,
  );
  const fee = feeAtSubmission(version, input.feeRow);
  const rolesHere = rolesOver(actor.assignments, agency.path);
  const role: ActorRole = rolesHere.has('officer') ? 'officer' : 'helper';
  const prepare: DossierEvent = { action: 'prepare', at: now, actorRole: role, actorId: actor.userId };
  return inTransaction(deps.db, async (tx) => {
    const txDeps = { ...deps, db: tx };
    const ctx = await createDossier(context, txDeps, {
      agency, version, components, now, channel: 'online', applicant: input.applicant, sets: 1,
      resultDelivery: input.resultDelivery, feeAmount: fee.amount, feeTerms: fee.terms, counterId: null,
      events: [prepare], roles: new Set<ActorRole>([role]), accessSecret: null, preparedBy: actor.userId, declaration,
    });
    const sent = await issueCode(tx, context, ctx.dossier, { agency: agency.name, procedure: version.name }, channel, destination, deps);
    return { ctx, sent };
  });
}

/** Sends a prepared dossier's applicant a new code (the previous one is void from now). */
export async function resendCode(
  context: AuditContext,
  dossierId: number,
  input: { sendCodeBy?: CodeChannel | undefined },
  deps: Deps,
): Promise<CodeSent> {
  return inTransaction(deps.db, async (tx) => {
    const ctx = await loadDossierContext(tx, deps.references, context.actor, dossierId, { lock: true });
    if (!canResendCode(context.actor, ctx.agencies, ctx.dossier.prepared_by)) throw new AppError('auth.forbidden');
    if (ctx.dossier.status !== 'awaiting_confirmation') throw notAwaiting();
    const d = ctx.dossier;
    const channel = input.sendCodeBy ?? (d.applicant_phone ? 'sms' : 'email');
    const destination = channel === 'sms' ? d.applicant_phone : d.applicant_email;
    if (!destination) throw new AppError('preparation.no_destination', { issues: [{ path: 'sendCodeBy', message: `the applicant has no ${channel === 'sms' ? 'phone' : 'e-mail'}` }] });
    return issueCode(tx, context, d, { agency: ctx.agencies.receiving.name, procedure: ctx.version.name }, channel, destination, deps);
  });
}

const hashCode = (salt: string, code: string) => sha256(`${salt}:${code}`);

/** Where the applicant confirms a prepared dossier (the portal's confirmation page). */
export const confirmationLink = (publicBaseUrl: string, dossierCode: string) => `${publicBaseUrl}/xac-nhan/${encodeURIComponent(dossierCode)}`;

/**
 * Issues a new code (the previous one void) and queues its message in the same transaction: the
 * dispatcher sends it after commit, so a rolled-back preparation sends nothing.
 */
async function issueCode(
  tx: Kysely<Database>,
  context: AuditContext,
  dossier: repo.DossierRow,
  names: { agency: string; procedure: string },
  channel: CodeChannel,
  destination: string,
  deps: Pick<Deps, 'clock' | 'config'>,
): Promise<CodeSent> {
  const code = newOneTimeCode();
  const salt = randomToken(12);
  const issuedAt = deps.clock();
  const expiresAt = new Date(issuedAt.getTime() + codeLifetimeMinutes * 60_000);
  const masked = maskDestination(channel, destination);
  await codes.replaceCode(tx, {
    dossierId: dossier.id, salt, codeHash: hashCode(salt, code), channel, destinationMasked: masked,
    issuedBy: context.actor.kind === 'staff' ? context.actor.userId : null, issuedAt, expiresAt,
  });
  await enqueueConfirmationCode(tx, {
    dossierId: dossier.id, dossierCode: dossier.code, agencyId: dossier.agency_id, agencyName: names.agency, procedureName: names.procedure,
    applicantName: dossier.applicant_name, channel, destination, otp: code, expiresAt, link: confirmationLink(deps.config.publicBaseUrl, dossier.code),
  }, issuedAt);
  await recordAudit(tx, context, {
    action: 'dossier.confirmation_code_sent',
    entityType: 'dossier', entityId: dossier.code, agencyId: dossier.agency_id, at: issuedAt,
    details: { channel, to: masked, expiresAt: expiresAt.toISOString(), queued: true },
  });
  return {
    channel, destination: masked, expiresAt, queued: true,
    ...(deps.config.env !== 'production' ? { devCode: code } : {}),
  };
}

const notAwaiting = () =>
  new AppError('dossier.transition_not_allowed', {
    messages: { vi: 'Hồ sơ không còn chờ người nộp xác nhận', en: 'The dossier is no longer awaiting the applicant’s confirmation' },
  });

export type ConfirmationProof = 'eid' | 'one_time_code';

/**
 * The applicant confirms a prepared dossier: signed in with the e-ID as its applicant (same
 * personal ID number), or with the live one-time code. A wrong code is counted (and the code
 * locked at the fifth) in a transaction of its own, committed before the refusal is answered.
 * Returns the security code of the online receipt (for acting without signing in later).
 */
export async function confirmPreparation(
  context: AuditContext,
  code: string,
  input: { oneTimeCode?: string | undefined; identity?: CitizenIdentity | undefined },
  deps: Deps,
): Promise<{ code: string; proof: ConfirmationProof; accessSecret: string }> {
  if (!isDossierCode(code)) throw invalidCode();
  const row = await repo.findDossierByCode(deps.db, code);
  if (!row || row.prepared_by === null) throw notFound();
  const actor = context.actor;
  const signedIn = actor.kind === 'citizen' && actor.account ? actor.account : undefined;
  const typed = (input.oneTimeCode ?? '').replace(/\s/g, '');
  let proof: ConfirmationProof;
  if (signedIn) {
    // A citizen signed in is the applicant or nobody here: their identity, not a code, speaks for them.
    if (!signedIn.personalId || signedIn.personalId !== row.applicant_id_number) throw new AppError('preparation.not_applicant');
    proof = 'eid';
  } else {
    if (!typed) throw new AppError('preparation.proof_required');
    proof = 'one_time_code';
  }
  const now = deps.clock();
  const calendars = await deps.calendars.current();
  const outcome = await inTransactionWaking(deps, async (tx): Promise<AppError | { accessSecret: string }> => {
    const dossier = await repo.lockDossier(tx, row.id);
    if (!dossier) throw notFound();
    if (dossier.status !== 'awaiting_confirmation') throw notAwaiting();
    let usedCodeId: number | null = null;
    if (proof === 'one_time_code') {
      const refusal = await checkCode(tx, context, dossier, typed, now);
      if (typeof refusal !== 'number') return refusal;
      usedCodeId = refusal;
    }
    const ctx = await contextOf(tx, deps.references, dossier);
    // Confirmed with the e-ID: the declaration the preparer filled is held against the identity.
    const declarationVerified = signedIn ? declarationAgainstIdentity(ctx, input.identity) : [];
    const applicant: Actor = signedIn ? actor : { kind: 'citizen', citizenId: `dossier:${dossier.code}` };
    const securityCode = newSecurityCode();
    await applyAction(tx, { ...context, actor: applicant, actorName: dossier.applicant_name }, ctx, {
      action: 'confirm', data: { proof, ...(declarationVerified.length ? { declarationVerified } : {}) },
    }, actionDepsOf(deps, calendars), now.getTime());
    if (declarationVerified.length) await repo.markDeclarationVerified(tx, dossier.id, declarationVerified);
    await codes.closeCodes(tx, dossier.id, usedCodeId, now);
    await retireCodeMessages(tx, dossier.id, now);
    await repo.updateProjection(tx, dossier.id, { access_secret_hash: sha256(securityCode.canonical) });
    return { accessSecret: securityCode.shown };
  });
  if (outcome instanceof AppError) throw outcome;
  return { code: row.code, proof, accessSecret: outcome.accessSecret };
}

/**
 * The fields of a prepared declaration that the confirming applicant's e-ID vouches for
 * (docs/rules/assisted-filing.md). The answers are never replaced: one that differs from the
 * identity refuses the confirmation (`preparation.declaration_mismatch`, naming the fields), so
 * the preparer discards the preparation and prepares it again with the applicant.
 */
function declarationAgainstIdentity(ctx: DossierContext, identity: CitizenIdentity | undefined): string[] {
  const stored = ctx.dossier.declaration;
  const form = ctx.version.declaration;
  if (!stored || !form || !identity) return [];
  const { verified, mismatches } = checkAgainstIdentity(form, stored.answers, identity);
  if (mismatches.length) {
    throw new AppError('preparation.declaration_mismatch', { issues: mismatches.map((m) => ({ ...m, path: `declaration.${m.path}` })) });
  }
  return verified;
}

/**
 * Checks a typed code against the dossier's live one: its id when right, else the refusal to
 * answer (the wrong attempt counted and audited, the code locked at the fifth).
 */
async function checkCode(tx: Kysely<Database>, context: AuditContext, dossier: repo.DossierRow, typed: string, now: Date): Promise<number | AppError> {
  const live = await codes.lockLiveCode(tx, dossier.id);
  const audit = (action: AuditAction, details: Record<string, unknown>) =>
    recordAudit(tx, context, { action, entityType: 'dossier', entityId: dossier.code, agencyId: dossier.agency_id, at: now, details });
  if (!live) {
    await audit('dossier.confirmation_code_refused', { reason: 'no_live_code' });
    return new AppError('preparation.code_invalid');
  }
  if (live.locked_at) {
    await audit('dossier.confirmation_code_refused', { reason: 'locked', attempts: live.attempts });
    return new AppError('preparation.code_locked');
  }
  if (live.expires_at.getTime() <= now.getTime()) {
    await audit('dossier.confirmation_code_refused', { reason: 'expired' });
    return new AppError('preparation.code_expired');
  }
  const right = /^\d{6}$/.test(typed) && safeEqual(hashCode(live.salt, typed), live.code_hash);
  if (right) return live.id;
  const attempts = await codes.countWrongAttempt(tx, live.id, maxWrongCodes, now);
  await audit('dossier.confirmation_code_refused', { reason: 'wrong_code', attempts });
  if (attempts >= maxWrongCodes) {
    await audit('dossier.confirmation_code_locked', { attempts });
    return new AppError('preparation.code_locked');
  }
  return new AppError('preparation.code_invalid', { details: { attemptsLeft: maxWrongCodes - attempts } });
}

/** Who the maintenance sweep is in the log and the audit trail. */
const sweeper: AuditContext = { actor: { kind: 'anonymous' }, actorName: 'motcua sweep' };

/**
 * Discards the prepared dossiers nobody confirmed within `config.preparationDiscardDays` of their
 * preparation (docs/rules/assisted-filing.md), each through the transition table in a transaction
 * of its own (log row by `system`, audit row, live code voided). Returns how many were discarded.
 */
export async function discardUnconfirmedPreparations(deps: Pick<Deps, 'db' | 'clock' | 'calendars' | 'references' | 'config'>): Promise<number> {
  const now = deps.clock();
  const days = deps.config.preparationDiscardDays;
  const before = new Date(now.getTime() - days * 86_400_000);
  const stale = await repo.preparedBefore(deps.db, before, 500);
  if (!stale.length) return 0;
  const calendars = await deps.calendars.current();
  let discarded = 0;
  for (const id of stale) {
    discarded += await inTransaction(deps.db, async (tx) => {
      const dossier = await repo.lockDossier(tx, id);
      // Confirmed or discarded meanwhile: nothing to do.
      if (!dossier || dossier.status !== 'awaiting_confirmation') return 0;
      const ctx = await contextOf(tx, deps.references, dossier);
      await applyAction(tx, { ...sweeper, at: now }, ctx, {
        action: 'discard_preparation', bySystem: true,
        note: `Người nộp không xác nhận trong ${days} ngày`, data: { reason: 'not_confirmed', days },
      }, actionDepsOf(deps, calendars), now.getTime());
      return 1;
    });
  }
  return discarded;
}

/** What the confirmation page shows of a prepared dossier: what, where, by whom (role), no personal data beyond initials. */
export async function preparationSummary(code: string, deps: Pick<Deps, 'db' | 'references'>) {
  if (!isDossierCode(code)) throw invalidCode();
  const row = await repo.findDossierByCode(deps.db, code);
  if (!row || row.prepared_by === null) throw notFound();
  const ctx = await contextOf(deps.db, deps.references, row);
  const prepared = ctx.events.find((e) => e.action === 'prepare');
  const live = row.status === 'awaiting_confirmation' ? await codes.liveCode(deps.db, row.id) : undefined;
  return {
    code: row.code,
    awaitingConfirmation: row.status === 'awaiting_confirmation',
    procedure: { code: ctx.version.code, name: ctx.version.name },
    agency: { code: ctx.agencies.receiving.code, name: ctx.agencies.receiving.name },
    preparedAt: prepared ? prepared.at : row.created_at,
    preparedByRole: (prepared?.actor_role === 'helper' ? 'helper' : 'officer') as 'helper' | 'officer',
    applicantInitials: initialsOf(row.applicant_name),
    components: (row.components as Array<{ index: number; name: string; fileIds?: string[] }>).map((c) => ({
      index: c.index, name: c.name, files: c.fileIds?.length ?? 0,
    })),
    feeAmount: Number(row.fee_amount),
    oneTimeCode: live ? { channel: live.channel, destination: live.destination_masked, expiresAt: live.expires_at, locked: live.locked_at !== null } : null,
  };
}
