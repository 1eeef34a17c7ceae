/**
 * The regulated forms of one dossier (Circular 03/2025/TT-VPCP Annex I: 01–06) assembled from its
 * record and rendered as PDF. Each form is printed from the log row of the action that issued it,
 * so a reprint shows what was decided then.
 */
import type { Kysely } from 'kysely';
import {
  AppError, bodyAbbreviation, counterHeading, legacyFeeItemLabel, documentNumberText, formatInstant, formatProcessingTime, formIssuedBy, handsOn, headTitle, localDateOf, officialHeading,
  outcomeAgainst, placeName, receiptNumberOf, statusLabels, workflowRoleLabels,
  type Actor, type DossierStatus, type OfficialHeading,
} from '@motcua/domain';
import type { Database } from '../../db/schema.ts';
import type { Deps } from '../../deps.ts';
import { renderDeclarationPdfDocument } from '../../infra/pdf/declaration.ts';
import { renderForm, renderFormDocument, type Applicant, type FormDocument, type FormHeader, type ReceiptFee } from '../../infra/pdf/index.ts';
import type { PageRect } from '../../infra/signing/types.ts';
import { loadDossierContext, type AgencyRef, type DossierContext } from './dossier.context.ts';
import type { StoredComponent } from './intake.usecases.ts';
import type { DossierEventRow, DossierRow } from './dossiers.repository.ts';
import { issueRatingToken, ratingUrl } from './ratings.usecases.ts';

export type DossierFormNumber = '01' | '02' | '03' | '04' | '05' | '06';

const notIssued = (form: string) =>
  new AppError('dossier.form_not_issued', {
    messages: { vi: `Hồ sơ chưa có mẫu ${form}`, en: `Form ${form} has not been issued for this dossier` },
  });

/** "Ủy ban nhân dân xã Giao Thủy" → "Giao Thủy": the place printed before the date. */
export function placeOf(agencyName: string): string {
  return placeName({ name: agencyName });
}

/** The domain's heading (Decree 30/2020, Annex I) as the forms' header takes it: body lines joined by "\n". */
export function issuingBodyOf(heading: OfficialHeading): FormHeader['issuingBody'] {
  return { ...(heading.managing ? { parentName: heading.managing } : {}), name: heading.body.join('\n') };
}

/**
 * The document number of a form an agency issues, from its register (the document office): the
 * number taken for `key`, the same number every time the same key is asked (a reprint shows the
 * number it was issued with), or undefined to leave "Số:" blank. `kind` and `body` are the
 * symbol's parts (Decree 30/2020, Annex III), printed "05/TB-UBND" after the number.
 */
export type FormNumbering = (request: {
  key: string;
  form: DossierFormNumber;
  agency: AgencyRef;
  issuedAt: Date;
  kind?: string;
  body: string;
  /** For the register's entry: the dossier and the person the form is addressed to. */
  dossierCode?: string;
  addressee?: string;
}) => Promise<number | undefined>;

/** The kind abbreviation of each numbered form (Decree 30/2020, Annex III): a notice is "TB"; the others are letters without one. */
const formKinds: Partial<Record<DossierFormNumber, string>> = { '05': 'TB' };
/** Forms numbered from the agency's register; the receipt (01) carries its dossier's receipt number, the control sheet (06) none. */
const registered: readonly DossierFormNumber[] = ['02', '03', '04', '05'];

/** The key of a form issued by a log row: its register entry and its signed copies are found by it. */
export const formKeyOf = (dossierId: number, eventId: number | string, form: DossierFormNumber) => `dossier:${dossierId}:event:${eventId}:form:${form}`;

export interface FormOptions {
  numbering?: FormNumbering | undefined;
}

const at = (d: Date) => formatInstant(d.getTime());

export async function dossierForm(
  actor: Actor,
  id: number,
  form: DossierFormNumber,
  deps: Pick<Deps, 'db' | 'config' | 'references' | 'clock'>,
  options: FormOptions = {},
): Promise<{ pdf: Uint8Array; fileName: string; signatureSlot?: PageRect }> {
  const ctx = await loadDossierContext(deps.db, deps.references, actor, id);
  const document = await formDocument(ctx, form, deps, options);
  // The applicant's copy of the receipt carries a new one-time rating token (docs/rules/service-quality.md).
  if (document.form === '01') {
    const token = await issueRatingToken(actor, ctx.dossier.id, deps);
    if (token) document.ratingUrl = ratingUrl(deps.config.publicBaseUrl, ctx.dossier.code, token);
  }
  const rendered = await renderFormDocument(document);
  return { ...rendered, fileName: `mau-${form}-${ctx.dossier.code}.pdf` };
}

/**
 * The applicant's copy of the receipt (form 01) for a dossier whose access the caller has already
 * checked: printed from the same record as the counter's, without a rating token (the signed-in
 * applicant rates with their e-ID, and reading a PDF writes nothing).
 */
export async function receiptPdfOf(ctx: DossierContext, deps: Pick<Deps, 'db' | 'config' | 'references'>): Promise<{ pdf: Uint8Array; fileName: string }> {
  return { pdf: await renderForm(await formDocument(ctx, '01', deps)), fileName: `mau-01-${ctx.dossier.code}.pdf` };
}

export async function formDocument(
  ctx: DossierContext,
  form: DossierFormNumber,
  deps: Pick<Deps, 'db' | 'config' | 'references'>,
  options: FormOptions = {},
): Promise<FormDocument> {
  const d = ctx.dossier;
  const last = (...actions: string[]) => [...ctx.events].reverse().find((e) => actions.includes(e.action));
  // The log row of the last action that issued this form, as the transition table says.
  const issuing = (f: DossierFormNumber) => [...ctx.events].reverse().find((e) => formIssuedBy(e.action) === f);
  const names = await deps.references.userNames(deps.db, ctx.events.flatMap((e) => (e.actor_id ? [e.actor_id] : [])));
  const nameOf = (e: DossierEventRow | undefined) => (e?.actor_id && names.get(e.actor_id)) || e?.actor_name || undefined;
  const receiving = ctx.agencies.receiving;
  const parent = receiving.parentId ? (await deps.references.agencies(deps.db, [receiving.parentId])).get(receiving.parentId) : undefined;
  const counter = d.counter_id ? await deps.db.selectFrom('counters').select(['name']).where('id', '=', d.counter_id).executeTakeFirst() : undefined;
  const counterName = counter?.name;
  const applicant: Applicant = {
    name: d.applicant_name,
    ...(d.applicant_id_number ? { idNumber: d.applicant_id_number } : {}),
    ...(d.applicant_address ? { address: d.applicant_address } : {}),
    ...(d.applicant_phone ? { phone: d.applicant_phone } : {}),
    ...(d.applicant_email ? { email: d.applicant_email } : {}),
  };
  // The head signs forms 04 and 05 in the agency's name; the one-stop unit issues the others under its agency.
  const heading = (byHead: boolean) =>
    issuingBodyOf(byHead ? officialHeading(receiving, parent) : counterHeading(counterName ?? 'Bộ phận Một cửa', receiving, parent));
  const numberOf = async (issuedBy: DossierEventRow | undefined): Promise<string | undefined> => {
    if (form === '01') return receiptNumberOf(d.code);
    if (!options.numbering || !issuedBy || !registered.includes(form)) return undefined;
    const kind = formKinds[form];
    const body = bodyAbbreviation(receiving, parent);
    const n = await options.numbering({
      key: formKeyOf(d.id, issuedBy.id, form), form, agency: receiving, issuedAt: issuedBy.at, ...(kind ? { kind } : {}), body, dossierCode: d.code, addressee: d.applicant_name,
    });
    return n === undefined ? undefined : documentNumberText(n, body, kind);
  };
  const header = async (issuedBy: DossierEventRow | undefined, signerTitle: string, byHead = false): Promise<FormHeader> => ({
    issuingBody: heading(byHead),
    ...(await numberOf(issuedBy).then((number) => (number ? { number } : {}))),
    place: placeOf(receiving.name),
    issuedAt: at(issuedBy?.at ?? d.created_at),
    dossierCode: d.code,
    statusUrl: `${deps.config.publicBaseUrl}/tra-cuu/${encodeURIComponent(d.code)}`,
    signer: { title: signerTitle, ...(!byHead && nameOf(issuedBy) ? { name: nameOf(issuedBy)! } : {}) },
  });
  const procedureName = ctx.version.name;

  switch (form) {
    case '01': {
      const receipt = issuing('01');
      if (!receipt || !d.received_at || !d.due_at) throw notIssued(form);
      const components = (d.components as StoredComponent[]).filter((c) => c.received);
      return {
        form, ...await header(receipt, 'NGƯỜI TIẾP NHẬN'), applicant, procedureName, ...(counterName ? { counterName } : {}),
        components: components.map((c) => ({ name: c.name, kind: c.kind, count: c.count, ...(c.note ? { note: c.note } : {}) })),
        sets: d.sets,
        legalTime: formatProcessingTime(ctx.version.processingTime).vi,
        receivedAt: at(d.received_at),
        appointmentAt: at(d.due_at),
        resultDelivery: d.result_delivery,
        trackingBook: { volume: localDateOf(d.received_at.getTime()).slice(0, 4), line: receiptNumberOf(d.code) },
        ...receiptFeeOf(d),
      };
    }
    case '02': {
      const request = issuing('02');
      if (!request) throw notIssued(form);
      return {
        form, ...await header(request, 'NGƯỜI HƯỚNG DẪN'), applicant, procedureName, ...(counterName ? { counterName } : {}),
        items: request.reasons ?? [],
        ...(request.note ? { reason: request.note } : {}),
        contact: { name: nameOf(request) ?? 'Bộ phận Một cửa', ...(await agencyPhone(deps.db, receiving)) },
        requestedAt: at(request.at),
      };
    }
    case '03': {
      const refusal = issuing('03');
      if (!refusal) throw notIssued(form);
      return {
        form, ...await header(refusal, refusal.action === 'reject' ? 'NGƯỜI CÓ THẨM QUYỀN' : 'NGƯỜI TIẾP NHẬN'), applicant, procedureName,
        ...(counterName ? { counterName } : {}), reasons: refusal.reasons ?? [],
      };
    }
    case '04': {
      const apology = issuing('04');
      const newDue = typeof apology?.data?.newDueAt === 'string' ? apology.data.newDueAt : undefined;
      if (!apology || !newDue || !d.received_at || !d.due_at) throw notIssued(form);
      return {
        form, ...await header(apology, headTitle(receiving), true), addressee: d.applicant_name, agencyName: receiving.name,
        receivedAt: at(d.received_at), procedureName, originalAppointmentAt: at(d.due_at), reason: apology.note ?? '', newAppointmentAt: newDue,
      };
    }
    case '05': {
      const stop = issuing('05');
      if (!stop) throw notIssued(form);
      const reached = statusLabels[(stop.from_status ?? 'submitted') as DossierStatus]?.vi ?? stop.from_status ?? '';
      return {
        form, ...await header(stop, headTitle(receiving), true), applicant, procedureName, agencyName: receiving.name,
        ...(d.received_at ? { receivedAt: at(d.received_at) } : {}),
        requestedAt: at(stop.at),
        stateReached: `${reached}${stop.step_name ? ` (${stop.step_name})` : ''}`,
        confirmation: `${receiving.name} dừng giải quyết hồ sơ theo đề nghị của người nộp hồ sơ; hồ sơ và giấy tờ đã nộp được trả lại theo quy định.`,
      };
    }
    case '06':
      return controlSheet(ctx, await header(last('receive'), 'NGƯỜI LẬP PHIẾU'), nameOf);
  }
}

async function agencyPhone(db: Kysely<Database>, agency: AgencyRef): Promise<{ phone?: string }> {
  const r = await db.selectFrom('agencies').select('phone').where('id', '=', agency.id).executeTakeFirst();
  return r?.phone ? { phone: r.phone } : {};
}

/** Form 06: one row per hand-over, with the due time of the step it closed and the outcome. */
async function controlSheet(
  ctx: DossierContext,
  header: FormHeader,
  nameOf: (e: DossierEventRow | undefined) => string | undefined,
): Promise<FormDocument> {
  const d = ctx.dossier;
  if (!d.received_at || !d.due_at) throw notIssued('06');
  const agencies = ctx.agencies.byId;
  const roleOf = (index: number | null) => (index === null ? undefined : ctx.version.workflow[index]?.role);
  const rows = [];
  let previous: DossierEventRow | undefined;
  for (const e of ctx.events) {
    const unit = (e.handling_agency_id && agencies.get(e.handling_agency_id)?.name) || ctx.agencies.receiving.name;
    const giver = `${nameOf(e) ?? ''}${e.actor_role && e.actor_role in workflowRoleLabels ? ` (${workflowRoleLabels[e.actor_role as 'officer'].vi})` : ''}`.trim();
    const nextRole = roleOf(e.step_index);
    const receiver = nextRole ? workflowRoleLabels[nextRole].vi : 'Người nộp hồ sơ';
    const due = previous?.step_due_at ?? null;
    // A hand-over (the table's `handsOn`) closes a step: its row is judged against that step's due time.
    if (handsOn(e.action)) {
      rows.push({
        step: previous?.step_name ?? '—', unit, handedAt: at(e.at), giver, receiver,
        ...(due ? { dueAt: at(due) } : {}),
        outcome: due ? (outcomeAgainst(e.at.getTime(), due.getTime()) as 'ahead' | 'on_time' | 'late') : null,
        ...(e.note ? { note: e.note } : e.action === 'send_back' ? { note: 'Trả lại bước trước' } : {}),
      });
    } else switch (e.action) {
      case 'receive':
        rows.push({ step: 'Tiếp nhận hồ sơ', unit, handedAt: at(e.at), giver: 'Người nộp hồ sơ', receiver: `${nameOf(e) ?? ''} (Cán bộ một cửa)`, outcome: null });
        break;
      case 'return_result':
        rows.push({ step: 'Trả kết quả', unit: ctx.agencies.receiving.name, handedAt: at(e.at), giver, receiver: 'Người nộp hồ sơ', outcome: null });
        break;
      case 'request_supplement':
      case 'receive_supplement':
      case 'pause':
      case 'resume':
        rows.push({ step: e.step_name ?? '—', unit, handedAt: at(e.at), giver, receiver: e.action === 'request_supplement' ? 'Người nộp hồ sơ' : receiver, outcome: null, note: (e.action === 'request_supplement' ? 'Yêu cầu bổ sung' : e.action === 'receive_supplement' ? 'Nhận hồ sơ bổ sung' : e.action === 'pause' ? 'Tạm dừng' : 'Tiếp tục') + (e.note ? `: ${e.note}` : '') });
        break;
    }
    if (e.step_due_at || handsOn(e.action) || e.action === 'return_result') previous = e;
  }
  const others = [...agencies.values()].filter((a) => a.id !== ctx.agencies.receiving.id).map((a) => a.name);
  return {
    form: '06', ...header, leadAgency: ctx.agencies.receiving.name, coordinatingAgencies: others,
    applicantName: d.applicant_name, procedureName: ctx.version.name, receiptNumber: receiptNumberOf(d.code),
    appointmentAt: at(d.due_at), rows,
  };
}

/**
 * The e-form declaration of a dossier printed in the layout of its legal form (docs/eforms.md),
 * from the form frozen in the dossier's procedure version and the answers stored at intake.
 */
export async function declarationPdf(actor: Actor, id: number, deps: Pick<Deps, 'db' | 'references'>): Promise<{ pdf: Uint8Array; fileName: string; signatureSlot?: PageRect }> {
  return declarationPdfOf(await loadDossierContext(deps.db, deps.references, actor, id));
}

/** The declaration PDF of a dossier whose access the caller has already checked (staff or the applicant). */
export async function declarationPdfOf(ctx: DossierContext): Promise<{ pdf: Uint8Array; fileName: string; signatureSlot?: PageRect }> {
  const d = ctx.dossier;
  const form = ctx.version.declaration;
  if (!d.declaration || !form) throw new AppError('declaration.not_found');
  const { pdf, signatureSlot } = await renderDeclarationPdfDocument(form, d.declaration.answers, {
    code: d.code,
    addressee: ctx.agencies.receiving.name,
    place: placeOf(ctx.agencies.receiving.name),
    filedAt: at(d.submitted_at ?? d.created_at),
    verified: d.declaration.verified,
  });
  return { pdf, signatureSlot, fileName: `to-khai-${d.code}.pdf` };
}

/**
 * Item 7 of form 01 from the fee terms fixed at reception: the items are listed unless the terms
 * are one unnamed amount (a first-catalogue fee), which the total says alone.
 */
function receiptFeeOf(d: Pick<DossierRow, 'fee_amount' | 'fee_paid' | 'fee_terms'>): { fee?: ReceiptFee } {
  const amount = Number(d.fee_amount);
  const terms = d.fee_terms;
  if (!terms?.items.length) return amount > 0 ? { fee: { amount, paid: d.fee_paid } } : {};
  const plain = terms.items.length === 1 && terms.items[0]!.label === legacyFeeItemLabel && !terms.exemption && !terms.case;
  return {
    fee: {
      amount,
      paid: d.fee_paid,
      ...(plain ? {} : { items: terms.items.map((i) => ({ kind: i.kind === 'fee' ? 'Phí' as const : 'Lệ phí' as const, label: i.label, amount: i.amount })) }),
      ...(terms.case ? { case: terms.case } : {}),
      ...(terms.exemption ? { exemption: { label: terms.exemption.label, share: terms.exemption.share ?? null, waived: terms.exemption.waived } } : {}),
      ...(terms.payBeforeProcessing ? { payBeforeProcessing: true } : {}),
      ...(terms.legalBasis ? { legalBasis: terms.legalBasis } : {}),
    },
  };
}
