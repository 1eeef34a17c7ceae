/**
 * Intake (Decree 118/2025 art. 17): an officer receives a dossier at the counter (or refuses it,
 * or asks to complete it first), and a citizen submits one online, to be received later by an
 * officer, which starts the clock. The dossier is bound to the procedure version in force on the
 * day, and gets its code from the agency's daily counter.
 */
import type { Kysely } from 'kysely';
import {
  AppError, apply, decide, feeStandingOf, formIssuedBy, localDateOf, replay, versionInForce,
  type Actor, type ActorRole, type CitizenIdentity, type ComponentKind, type DossierEvent, type DossierState, type FeeTerms,
} from '@motcua/domain';
import type { Database } from '../../db/schema.ts';
import type { Deps } from '../../deps.ts';
import { inTransactionWaking } from '../notifications/outbox.wake.ts';
import { newSecurityCode, sha256 } from '../../infra/tokens.ts';
import { auditRow, type AuditContext } from '../audit/audit.repository.ts';
import type { ProcedureVersionRow } from '../procedures/procedures.repository.ts';
import type { ReferenceCache } from '../reference/reference.cache.ts';
import { contextOf, type AgencyRef, type DossierContext } from './dossier.context.ts';
import { effectsOf } from './dossier.effects.ts';
import { canReceiveAt } from './dossiers.policies.ts';
import * as repo from './dossiers.repository.ts';
import { claimFiles } from '../files/files.usecases.ts';
import { verifiedApplicant, type StoredApplicant } from './verified-applicant.ts';
import {
  checkReuses, copyReusedFiles, ownerOfAccount, ownerOfApplicant, recordReuses, reuseActor, storeReceivedComponents,
  type CheckedReuse, type Owner,
} from '../data-store/data-store.usecases.ts';
import { checkDeclaration, type CheckedDeclaration } from './declaration.ts';
import { dossierNotices } from '../notifications/dossier-notices.ts';
import { newNotificationRows } from '../notifications/outbox.repository.ts';
import { noteEnqueued } from '../notifications/outbox.wake.ts';
import { insertTogetherOrLater } from '../../db/prepared.ts';
import { feeAtCounter, feeAtSubmission } from './dossier.fees.ts';

export interface ApplicantInput {
  kind: 'citizen' | 'organization';
  name: string;
  idNumber?: string | undefined;
  phone?: string | undefined;
  email?: string | undefined;
  address?: string | undefined;
  /** For an organization: the person filing on its behalf. */
  representative?: string | undefined;
}

export interface ComponentInput {
  /** Index into the procedure version's components. */
  index: number;
  received: boolean;
  kind?: ComponentKind | undefined;
  count?: number | undefined;
  fileIds?: string[] | undefined;
  /** Documents of the applicant's data store used instead of (or besides) uploads (docs/rules/data-store.md). */
  storedDocumentIds?: string[] | undefined;
  note?: string | undefined;
}

/** A component as stored on the dossier. */
export interface StoredComponent {
  index: number;
  name: string;
  kind: ComponentKind;
  count: number;
  required: boolean;
  received: boolean;
  fileIds: string[];
  digitized: boolean;
  /** The data store's documents it was filled from; their files' copies are among `fileIds`. */
  storedDocumentIds?: string[];
  note?: string;
}

export interface CounterIntakeInput {
  procedureCode: string;
  agencyId?: string | undefined;
  counterId?: string | undefined;
  channel: 'counter' | 'postal';
  applicant: ApplicantInput;
  components: ComponentInput[];
  sets: number;
  resultDelivery: 'counter' | 'post' | 'online';
  feeRow?: string | undefined;
  /** An exemption of the fee schedule granted at reception, by its label. */
  feeExemption?: string | undefined;
  decision: 'receive' | 'refuse' | 'request_completion';
  reasons?: string[] | undefined;
  note?: string | undefined;
  /** The e-form declaration filled by the officer (docs/eforms.md), by field key. */
  declaration?: Record<string, unknown> | undefined;
}

const procedureNotFound = (code: string) =>
  new AppError('procedure.not_found', {
    messages: { vi: `Không tìm thấy thủ tục "${code}" đang có hiệu lực`, en: `No procedure "${code}" is in force` },
    issues: [{ path: 'procedureCode', message: 'unknown or not in force' }],
  });

/** The version of `code` in force on `date` that `agency` implements. */
export async function versionForIntake(db: Kysely<Database>, refs: ReferenceCache, code: string, agency: AgencyRef, date: string): Promise<ProcedureVersionRow> {
  const version = versionInForce(await refs.versionsOf(db, code), date);
  // In force by its dates alone: an abolition scheduled for later does not stop intake today.
  if (!version) throw procedureNotFound(code);
  const implemented = version.levels.includes(agency.level) && (version.agencies.length === 0 || version.agencies.includes(agency.code));
  if (!implemented) {
    throw new AppError('procedure.not_implemented_here', {
      messages: {
        vi: `Thủ tục "${version.name}" không thuộc thẩm quyền của ${agency.name}`,
        en: `"${version.name}" is not handled by ${agency.name}`,
      },
      issues: [{ path: 'procedureCode', message: `implemented at levels ${version.levels.join(', ')}` }],
    });
  }
  return version;
}

/**
 * Matches the received components to the version's list; missing required ones are listed. The
 * component an e-form declaration replaces (`filledByForm`) is received and digitized.
 */
export function componentsFor(version: ProcedureVersionRow, input: ComponentInput[], requireAll: boolean, filledByForm?: number): StoredComponent[] {
  const issues: Array<{ path: string; message: string }> = [];
  input.forEach((c, i) => {
    if (!version.components[c.index]) issues.push({ path: `components.${i}.index`, message: `no component ${c.index} in this procedure` });
  });
  if (issues.length) throw new AppError('request.invalid', { issues });
  const stored = version.components.map((spec, index): StoredComponent => {
    const given = input.find((c) => c.index === index);
    if (index === filledByForm) {
      return { index, name: spec.name, kind: 'electronic', count: 1, required: spec.required, received: true, fileIds: given?.fileIds ?? [], digitized: true, note: 'Tờ khai điện tử' };
    }
    const fileIds = given?.fileIds ?? [];
    const storedDocumentIds = [...new Set(given?.storedDocumentIds ?? [])];
    return {
      index,
      name: spec.name,
      kind: given?.kind ?? spec.kind,
      count: given?.count ?? spec.count,
      required: spec.required,
      received: Boolean(given?.received) || storedDocumentIds.length > 0,
      fileIds,
      // A stored document is an electronic copy already: reusing it digitizes the component.
      digitized: fileIds.length > 0 || storedDocumentIds.length > 0,
      ...(storedDocumentIds.length ? { storedDocumentIds } : {}),
      ...(given?.note ? { note: given.note } : {}),
    };
  });
  if (requireAll) {
    const missing = stored.filter((c) => c.required && !c.received);
    if (missing.length) {
      throw new AppError('dossier.missing_components', {
        messages: {
          vi: `Hồ sơ còn thiếu thành phần bắt buộc: ${missing.map((m) => m.name).join('; ')}`,
          en: `Required components are missing: ${missing.map((m) => m.name).join('; ')}`,
        },
        issues: missing.map((m) => ({ path: `components.${m.index}`, message: `required: ${m.name}` })),
      });
    }
  }
  return stored;
}

/** Staff of the counter: the agency where they receive, given or implied by a single assignment. */
async function receivingAgency(db: Kysely<Database>, refs: ReferenceCache, actor: Actor, agencyId: string | undefined): Promise<AgencyRef> {
  if (actor.kind !== 'staff') throw new AppError('auth.forbidden');
  const officerAt = actor.assignments.filter((a) => a.role === 'officer');
  const id = agencyId ?? (officerAt.length === 1 ? officerAt[0]!.agencyId : undefined);
  if (!id) throw new AppError('request.invalid', { issues: [{ path: 'agencyId', message: 'choose the receiving agency' }] });
  const agency = (await refs.agencies(db, [id])).get(id);
  if (!agency || !canReceiveAt(actor, agency)) throw new AppError('auth.forbidden', { issues: [{ path: 'agencyId', message: 'not your counter' }] });
  return agency;
}

export async function receiveAtCounter(context: AuditContext, input: CounterIntakeInput, deps: Deps): Promise<DossierContext> {
  const { db } = deps;
  const agency = await receivingAgency(db, deps.references, context.actor, input.agencyId);
  const now = deps.clock().getTime();
  const version = await versionForIntake(db, deps.references, input.procedureCode, agency, localDateOf(now));
  const declaration = checkDeclaration(version, input.declaration, null, localDateOf(now));
  const components = componentsFor(version, input.components, input.decision === 'receive', declaration?.component);
  // At the counter the officer has checked the applicant's ID card: their store is the one used.
  const reuses = await reusesFor(db, ownerOfApplicant(input.applicant), version, input.components, localDateOf(now));
  const fee = feeAtCounter(version, input.channel, { row: input.feeRow, exemption: input.feeExemption }, input.decision === 'receive');
  const counterId = await counterOf(db, deps.references, agency.id, input.counterId);
  const officer: ActorRole = 'officer';
  const roles = new Set<ActorRole>(['officer']);
  const submit: DossierEvent = { action: 'submit', at: now, actorRole: officer, actorId: staffId(context.actor) };
  const decision: DossierEvent = {
    action: input.decision, at: now, actorRole: officer, actorId: staffId(context.actor),
    reasons: input.reasons?.map((r) => r.trim()).filter(Boolean), note: input.note?.trim() || null,
  };
  return createDossier(context, deps, {
    agency, version, components, now, channel: input.channel, applicant: input.applicant, sets: input.sets,
    resultDelivery: input.resultDelivery, feeAmount: fee.amount, feeTerms: fee.terms, counterId,
    events: [submit, decision], roles, accessSecret: null, reuses, declaration,
  });
}

export interface OnlineSubmissionInput {
  procedureCode: string;
  agencyCode: string;
  applicant: ApplicantInput;
  components: Array<{ index: number; fileIds: string[]; storedDocumentIds?: string[] | undefined; note?: string | undefined }>;
  resultDelivery: 'counter' | 'post' | 'online';
  feeRow?: string | undefined;
  /** Upload tokens returned with each public upload, proving the files are the submitter's. */
  uploadTokens: Record<string, string>;
  /** The e-form declaration (docs/eforms.md), by field key. */
  declaration?: Record<string, unknown> | undefined;
  /** The signed-in citizen's e-ID, whose claims fill the declaration's verified fields. */
  identity?: CitizenIdentity | null | undefined;
}

/** Who submits online while signed in with the e-ID (the request's citizen session). */
export interface SignedInSubmitter {
  citizenId: string;
  identity: CitizenIdentity;
}

/**
 * A citizen submits a dossier online (national status 1); an officer receives it later. Signed in,
 * the dossier records its submitter's account and the applicant's verified fields
 * (verified-applicant.ts); the security code is issued all the same.
 */
export async function submitOnline(
  context: AuditContext,
  input: OnlineSubmissionInput,
  deps: Deps,
  submitter?: SignedInSubmitter,
): Promise<{ id: number; code: string; accessSecret: string }> {
  const { db } = deps;
  const applicant = verifiedApplicant(input.applicant, submitter?.identity);
  const agency = await deps.references.agencyByCode(db, input.agencyCode);
  if (!agency) throw new AppError('agency.not_found', { issues: [{ path: 'agencyCode', message: 'unknown agency' }] });
  const now = deps.clock().getTime();
  const version = await versionForIntake(db, deps.references, input.procedureCode, agency, localDateOf(now));
  const declaration = checkDeclaration(version, input.declaration, input.identity, localDateOf(now));
  // Online, every component is an electronic file (Decree 45/2020 art. 9): received means uploaded.
  const components = componentsFor(
    version,
    input.components.map((c) => ({
      index: c.index, received: c.fileIds.length > 0, kind: 'electronic' as const, fileIds: c.fileIds, storedDocumentIds: c.storedDocumentIds, note: c.note,
    })),
    true,
    declaration?.component,
  );
  // Only a citizen signed in with the e-ID has a data store to take documents from: their own.
  const reusing = input.components.some((c) => c.storedDocumentIds?.length);
  const account = context.actor.kind === 'citizen' ? context.actor.account : undefined;
  if (reusing && !account) throw new AppError('stored_document.sign_in_required');
  const reuses = await reusesFor(db, ownerOfAccount(account), version, input.components, localDateOf(now));
  const fee = feeAtSubmission(version, input.feeRow);
  const securityCode = newSecurityCode();
  const submit: DossierEvent = { action: 'submit', at: now, actorRole: 'citizen' };
  const created = await createDossier(submitter ? { ...context, actorName: submitter.identity.fullName } : context, deps, {
    agency, version, components, now, channel: 'online', applicant, sets: 1,
    resultDelivery: input.resultDelivery, feeAmount: fee.amount, feeTerms: fee.terms, counterId: null,
    events: [submit], roles: new Set<ActorRole>(['citizen']), accessSecret: securityCode.canonical, uploadTokens: input.uploadTokens, reuses, declaration,
    submitterCitizenId: submitter?.citizenId ?? null,
  });
  return { id: created.dossier.id, code: created.dossier.code, accessSecret: securityCode.shown };
}

/** The counter that receives: the one given (it must belong to the agency), else the agency's first. */
async function counterOf(db: Kysely<Database>, refs: ReferenceCache, agencyId: string, counterId: string | undefined): Promise<string | null> {
  const counters = await refs.counters(db, agencyId);
  if (counterId === undefined) return counters[0]?.id ?? null;
  if (!counters.some((c) => c.id === counterId)) throw new AppError('request.invalid', { issues: [{ path: 'counterId', message: 'not a counter of the receiving agency' }] });
  return counterId;
}

const staffId = (actor: Actor) => (actor.kind === 'staff' ? actor.userId : null);

/** The stored documents a submission names, checked against the owner's store on the day. */
function reusesFor(
  db: Kysely<Database>, owner: Owner | null, version: ProcedureVersionRow,
  components: ReadonlyArray<{ index: number; storedDocumentIds?: string[] | undefined }>, on: ReturnType<typeof localDateOf>,
): Promise<CheckedReuse[]> {
  const requests = components.map((c) => ({ index: c.index, storedDocumentIds: c.storedDocumentIds ?? [] }));
  return checkReuses(db, owner, version.components, requests, on, { component: (i) => `components.${i}` });
}

interface NewDossierPlan {
  agency: AgencyRef;
  version: ProcedureVersionRow;
  components: StoredComponent[];
  now: number;
  channel: 'counter' | 'online' | 'postal';
  applicant: StoredApplicant;
  sets: number;
  resultDelivery: 'counter' | 'post' | 'online';
  feeAmount: number;
  /** What the dossier owes (docs/rules/payments.md): fixed when received at the counter, quoted at an online submission. */
  feeTerms?: FeeTerms | null;
  counterId: string | null;
  submitterCitizenId?: string | null;
  events: DossierEvent[];
  roles: Set<ActorRole>;
  accessSecret: string | null;
  uploadTokens?: Record<string, string>;
  /** Assisted filing: the staff member who prepared the dossier for the applicant. */
  preparedBy?: string | null;
  /** Stored documents used for components, already checked. */
  reuses?: CheckedReuse[];
  declaration?: CheckedDeclaration | undefined;
}

/** Creates a dossier from its first actions (decided on the domain's table), its log and audit rows, in one transaction. */
export async function createDossier(context: AuditContext, deps: Deps, plan: NewDossierPlan): Promise<DossierContext> {
  const { version, now } = plan;
  const workflow = version.workflow;
  // Decide every initial action on the domain's table before touching the database.
  let state = replay([], workflow);
  const effects: Array<{ event: DossierEvent; before: DossierState; after: DossierState; e: ReturnType<typeof effectsOf> }> = [];
  const calendar = (await deps.calendars.current()).forAgency(plan.agency.id);
  let recordedDue: Date | null = null;
  for (const event of plan.events) {
    decide(state, event, workflow, plan.roles);
    const after = apply(state, event, workflow);
    const e = effectsOf({
      version, before: state, after, event, calendar, recordedDueAt: recordedDue, handlingAgencyId: plan.agency.id,
      fee: feeStandingOf({ feeAmount: plan.feeAmount, feePaid: false, terms: plan.feeTerms }),
    });
    recordedDue ??= (e.projection.due_at as Date | undefined) ?? null;
    effects.push({ event, before: state, after, e });
    state = after;
  }
  const projection = Object.assign({}, ...effects.map((x) => x.e.projection));
  const online = plan.channel === 'online';
  const digitized = online || plan.components.filter((c) => c.received).every((c) => c.digitized) && plan.components.some((c) => c.received);
  const fileIds = plan.components.flatMap((c) => c.fileIds.map((id) => ({ id, index: c.index })));
  const localDate = localDateOf(now);
  return inTransactionWaking(deps, async (tx) => {
    const reuser = reuseActor(context.actor, context.actorName ?? (context.actor.kind === 'staff' ? null : plan.applicant.name));
    const copies = await copyReusedFiles(tx, plan.reuses ?? [], reuser, new Date(now));
    const components = plan.components.map((c) => {
      const copied = copies.filter((r) => r.index === c.index).map((r) => r.fileId);
      return copied.length ? { ...c, fileIds: [...c.fileIds, ...copied] } : c;
    });
    const reused = copies.map((r) => ({ index: r.index, documentId: r.document.id, sourceDossier: r.document.source_dossier_code }));
    // The counter row is locked until commit: it is taken late, with the dossier's own insert, to keep
    // concurrent intakes flowing.
    const dossier = await repo.insertNumberedDossier(tx, { agencyCode: plan.agency.code, localDate }, {
      agency_id: plan.agency.id,
      handling_agency_id: plan.agency.id,
      counter_id: plan.counterId,
      procedure_version_id: version.id,
      procedure_code: version.code,
      field: version.field,
      channel: plan.channel,
      result_delivery: plan.resultDelivery,
      status: state.status!,
      national_status: projection.national_status ?? null,
      step_index: state.stepIndex,
      participant: 0,
      assignee_id: null,
      applicant_kind: plan.applicant.kind,
      applicant_name: plan.applicant.name,
      applicant_id_number: plan.applicant.idNumber ?? null,
      applicant_phone: plan.applicant.phone ?? null,
      applicant_email: plan.applicant.email ?? null,
      applicant_address: plan.applicant.address ?? null,
      applicant: { ...plan.applicant },
      components,
      sets: plan.sets,
      fee_amount: plan.feeAmount,
      fee_terms: plan.feeTerms ?? null,
      fee_paid: false,
      // A prepared dossier is submitted only when the applicant confirms it.
      submitted_at: state.submittedAt === null ? null : new Date(state.submittedAt),
      prepared_by: plan.preparedBy ?? null,
      received_at: projection.received_at ?? null,
      due_at: projection.due_at ?? null,
      clock_due_at: projection.clock_due_at ?? null,
      clock_stopped_at: projection.clock_stopped_at ?? null,
      overdue_from: projection.overdue_from ?? null,
      apology_due_at: null,
      result_at: null,
      returned_at: null,
      withdrawn_at: null,
      refused_at: projection.refused_at ?? null,
      closed_at: null,
      result_class: null,
      digitized,
      imported: false,
      import_hash: null,
      access_secret_hash: plan.accessSecret ? sha256(plan.accessSecret) : null,
      submitter_citizen_id: plan.submitterCitizenId ?? null,
      ...(plan.declaration ? { declaration: { stored: plan.declaration.stored, form: plan.declaration.form, text: plan.declaration.text } } : {}),
    });
    const { id, code } = dossier;
    if (fileIds.length) await claimFiles(tx, context.actor, id, fileIds, plan.uploadTokens);
    await recordReuses(tx, id, copies, reuser, new Date(now));
    // Received at once (at the counter): its digitized components go into the applicant's store.
    if (state.receivedAt !== null) {
      await storeReceivedComponents(tx, {
        id, code, applicantKind: plan.applicant.kind, applicantIdNumber: plan.applicant.idNumber ?? null, components,
      }, version.components, plan.agency, new Date(now), localDate);
    }
    const events = repo.newEventRows(effects.map(({ event, before, after, e }, i) => ({
      dossier_id: id,
      seq: i + 1,
      action: event.action,
      at: new Date(now),
      actor_kind: context.actor.kind,
      actor_id: event.actorId ?? null,
      actor_name: context.actorName ?? (context.actor.kind === 'staff' ? context.actor.username : plan.applicant.name),
      actor_role: event.actorRole,
      from_status: before.status,
      to_status: after.status!,
      step_index: after.stepIndex,
      step_name: e.stepName,
      participant: after.participant,
      handling_agency_id: plan.agency.id,
      assignee_id: null,
      step_due_at: e.stepDueAt,
      clock_due_at: e.clockDueAt,
      note: event.note ?? null,
      reasons: event.reasons?.length ? event.reasons : null,
      data: event.action === 'submit' ? { channel: plan.channel, ...(reused.length ? { reusedDocuments: reused } : {}) }
        : event.action === 'prepare' ? { channel: plan.channel, preparedBy: plan.preparedBy ?? null, ...(reused.length ? { reusedDocuments: reused } : {}) } : {},
      form: formIssuedBy(event.action) ?? null,
      request_id: context.requestId ?? null,
    })));
    // Received, refused or sent back to complete at the counter: the applicant is told (no read: all is at hand).
    const messages = await dossierNotices(tx, { publicBaseUrl: deps.config.publicBaseUrl, payableOnline: deps.config.payments !== undefined }, effects.map(({ event, before, after, e }) => ({
      dossier, procedureName: version.name, receivingAgency: plan.agency, handlingAgency: plan.agency, event, before, after,
      actorName: context.actorName ?? null, stepName: e.stepName, stepDueAt: e.stepDueAt,
    })));
    const audit = auditRow(context, {
      action: 'dossier.created',
      entityType: 'dossier',
      entityId: code,
      agencyId: plan.agency.id,
      at: new Date(now),
      details: { channel: plan.channel, procedure: version.code, status: state.status, ...(reused.length ? { reusedDocuments: reused } : {}), ...(plan.declaration ? { declarationForm: plan.declaration.form } : {}) },
    });
    // The log, the messages and the audit row do not read each other: one statement, one round trip,
    // or none of its own when the request's unit of work sends them with its idempotency key.
    const outbox = newNotificationRows(messages, new Date(now));
    const inserted = await insertTogetherOrLater(tx, [events.part, outbox, audit] as const);
    if (outbox.rows.length) noteEnqueued(tx);
    const logged = events.stored(inserted?.[0]);
    return contextOf(tx, deps.references, dossier, logged);
  });
}
