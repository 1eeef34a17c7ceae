/**
 * What "Hồ sơ của tôi" answers: the signed-in citizen's dossiers as a list (status, appointment,
 * timeliness, what is asked of them, what they may do now) and one dossier in full (the public
 * status page's steps plus their own applicant data, components and files). The rules come from
 * the domain and the shared presenters: timeliness (`timelinessOfRow`), the applicant's actions
 * (`applicantActionsOf`, the transition table), the asks (`applicantAsks`).
 */
import type { FeeDue } from './fee-due.ts';
import { z } from 'zod';
import { applicantAskKinds, applicantAsks, dossierChannels, formsAvailable, dossierStatuses, filePurposes, statusLabels, type DossierStatus, type WorkingCalendar } from '@motcua/domain';
import { iso, stateOf, type DossierContext } from './dossier.context.ts';
import {
  ApplicantSchema, ComponentSchema, PublicDossierSchema, applicantActionsOf, presentPublicDossier, supplementRequestOf,
} from './dossiers.presenter.ts';
import { TimelinessSchema, timelinessOfRow } from './timeliness.ts';

const Labels = z.object({ vi: z.string(), en: z.string() });
const Instant = z.string().nullable();

const SupplementRequestSchema = z.object({
  at: z.string(),
  items: z.array(z.string()).describe('what to bring, as the officer or specialist wrote it'),
  note: z.string().nullable(),
  submittedOnlineAt: Instant.describe('when the citizen sent the supplement online; it awaits an officer'),
  components: z.array(z.object({ index: z.number(), name: z.string() })).describe('the components of the procedure, to attach the supplement to'),
});

const AskFields = {
  asks: z.array(z.enum(applicantAskKinds)).describe('what is asked of the citizen now: supplement (papers requested), payment (fee unpaid), rating (result given, not yet rated)'),
  supplementRequest: SupplementRequestSchema.nullable(),
  fee: z.object({ amount: z.number(), paid: z.boolean() }),
  actions: z.array(z.enum(['submit_supplement', 'withdraw'])).describe('what the citizen may do now, signed in (no security code): POST …/actions'),
  rated: z.boolean(),
};

export const MyDossierItemSchema = z.object({
  code: z.string(),
  procedure: z.object({ code: z.string(), name: z.string() }),
  agency: z.object({ code: z.string(), name: z.string() }),
  status: z.enum(dossierStatuses),
  statusLabel: Labels,
  channel: z.enum(dossierChannels),
  applicantName: z.string(),
  submittedAt: Instant,
  receivedAt: Instant,
  dueAt: Instant.describe('the appointment on the receipt'),
  newDueAt: Instant.describe('a new appointment given with an apology letter (form 04), if any'),
  resultAt: Instant,
  timeliness: TimelinessSchema,
  ...AskFields,
});

export const MyDossierListSchema = z.object({
  items: z.array(MyDossierItemSchema),
  nextCursor: z.string().nullable().describe('pass as `cursor` for the next page; null on the last page'),
});

export const MyDossierDetailSchema = PublicDossierSchema.omit({ applicantActions: true, supplementRequest: true, rated: true }).extend({
  channel: z.enum(dossierChannels),
  applicant: ApplicantSchema,
  components: z.array(ComponentSchema),
  files: z.array(z.object({
    id: z.string(), name: z.string(), mediaType: z.string(), size: z.number(), purpose: z.enum(filePurposes), componentIndex: z.number().nullable(),
    url: z.string().describe('GET it to download the file (the signed-in citizen’s session)'),
  })).describe('the files filed with the dossier and its electronic result; staff’s internal attachments are not listed'),
  declarationPdf: z.string().nullable().describe('GET it for the e-form declaration printed in the official layout; null without an e-form declaration'),
  receiptPdf: z.string().nullable().describe('GET it for the receipt (form 01, giấy tiếp nhận hồ sơ và hẹn trả kết quả); null until the dossier is received'),
  ...AskFields,
});

/** What is asked of the citizen and what they may do, from the log replayed once. */
function asksOf(ctx: DossierContext, now: number, rated: boolean) {
  const d = ctx.dossier;
  const state = stateOf(ctx);
  const supplementRequest = supplementRequestOf(ctx, state.supplementSubmittedAt);
  const status = d.status as DossierStatus;
  return {
    asks: applicantAsks({ status, supplementPending: supplementRequest !== null && supplementRequest.submittedOnlineAt === null, feeAmount: d.fee_amount, feePaid: d.fee_paid, rated }),
    supplementRequest,
    fee: { amount: d.fee_amount, paid: d.fee_paid },
    actions: applicantActionsOf(ctx, state, now, 'eid'),
    rated,
  };
}

export function presentMyDossierItem(ctx: DossierContext, now: number, rated: boolean): z.infer<typeof MyDossierItemSchema> {
  const d = ctx.dossier;
  const status = d.status as DossierStatus;
  return {
    code: d.code,
    procedure: { code: ctx.version.code, name: ctx.version.name },
    agency: { code: ctx.agencies.receiving.code, name: ctx.agencies.receiving.name },
    status,
    statusLabel: statusLabels[status],
    channel: d.channel,
    applicantName: d.applicant_name,
    submittedAt: iso(d.submitted_at),
    receivedAt: iso(d.received_at),
    dueAt: iso(d.due_at),
    newDueAt: iso(d.apology_due_at),
    resultAt: iso(d.result_at),
    timeliness: timelinessOfRow(d, now),
    ...asksOf(ctx, now, rated),
  };
}

export function presentMyDossier(
  ctx: DossierContext,
  now: number,
  calendar: WorkingCalendar,
  rated: boolean,
  files: Array<Omit<z.infer<typeof MyDossierDetailSchema>['files'][number], 'url'>>,
  feeDue: FeeDue = null,
): z.infer<typeof MyDossierDetailSchema> {
  const base = `/api/v1/citizen/dossiers/${encodeURIComponent(ctx.dossier.code)}`;
  const d = ctx.dossier;
  const receipt = d.received_at !== null && d.due_at !== null && formsAvailable(ctx.events.map((e) => e.action)).includes('01');
  const { applicantActions: _byCode, supplementRequest: _request, rated: _rated, ...status } = presentPublicDossier(ctx, now, calendar, rated, null, feeDue);
  return {
    ...status,
    channel: ctx.dossier.channel,
    // jsonb written by intake (with what the e-ID verified) or by the import.
    applicant: ctx.dossier.applicant as z.infer<typeof ApplicantSchema>,
    components: ctx.dossier.components as Array<z.infer<typeof ComponentSchema>>,
    files: files.map((f) => ({ ...f, url: `${base}/files/${f.id}` })),
    declarationPdf: d.declaration && ctx.version.declaration ? `${base}/declaration.pdf` : null,
    receiptPdf: receipt ? `${base}/receipt.pdf` : null,
    ...asksOf(ctx, now, rated),
  };
}
