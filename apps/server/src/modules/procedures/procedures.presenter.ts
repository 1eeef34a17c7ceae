/**
 * The catalogue as the public API shows it: machine values plus Vietnamese and English text for
 * times, fees, copy kinds and roles, so that the portal and other programs need no tables of their own.
 */
import { z } from 'zod';
import {
  documentTypeInfo, documentTypes, isNationalProcedureCode, onlineServiceLabels, processingTimeBasisLabels, submissionChannelLabels, submissionChannels,
  budgetUnits, componentKindLabels, componentKinds, formatProcessingTime, procedureStatuses, timeUnits,
  workflowRoleLabels, workflowRoles, type LegalProcessingTime, type SubmissionChannel, type TimeBudget,
} from '@motcua/domain';
import { EFormSchema } from '../eforms/eforms.schemas.ts';
import { FeeView, presentFee } from './fee.presenter.ts';

export { presentFee };
import type { CatalogueItemRow, ProcedureVersionRow } from './procedures.repository.ts';

const Text = z.object({ vi: z.string(), en: z.string() });

const ProcessingTimeView = z.object({
  value: z.number(), unit: z.enum(timeUnits), cutoff: z.string().nullable(), text: Text,
  basisText: Text.nullable().describe('which days count: working days without rest days and holidays, or calendar days'),
});
/** The code the public may see ("Mã thủ tục"): a national code, never an internal one such as "DEMO.018". */
const PublicCode = z.string().nullable().describe('the national code of the procedure; null when its code is internal (not to be shown)');
const BudgetView = z.object({ value: z.number(), unit: z.enum(budgetUnits), text: Text });

export const CatalogueItemSchema = z.object({
  code: z.string().describe('the key of the procedure in this catalogue (addresses, submissions); show `publicCode` instead'),
  publicCode: PublicCode,
  name: z.string(),
  field: z.string(),
  levels: z.array(z.string()),
  processingTime: ProcessingTimeView,
  fee: FeeView,
  fullyOnline: z.boolean(),
  version: z.number().int(),
  validFrom: z.string().nullable(),
});

const VersionSummary = z.object({
  id: z.string(),
  version: z.number().int(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  status: z.enum(procedureStatuses),
  changeNote: z.string().nullable(),
  endNote: z.string().nullable(),
  createdAt: z.string(),
});

const Reference = z.object({ code: z.string(), publicCode: PublicCode, name: z.string().nullable() });
const referenceTo = (r: { code: string; name: string | null } | null) => r && { code: r.code, publicCode: publicCodeOf(r.code), name: r.name };

export const ProcedureSchema = z.object({
  code: z.string().describe('the key of the procedure in this catalogue (addresses, submissions); show `publicCode` instead'),
  publicCode: PublicCode,
  codeVerified: z.boolean(),
  /** The local date the page describes (today unless `at` was given). */
  asOf: z.string(),
  /** False when no version is in force on `asOf` (abolished, or not yet in force): the latest is shown. */
  inForce: z.boolean(),
  /** The id a dossier keeps: the exact version it was received under. */
  versionId: z.string(),
  version: z.number().int(),
  status: z.enum(procedureStatuses),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  changeNote: z.string().nullable(),
  /** Why this version ended, when it did (abolition or replacement). */
  endNote: z.string().nullable(),
  replacedBy: Reference.nullable(),
  name: z.string(),
  field: z.string(),
  levels: z.array(z.string()),
  agencies: z.array(z.string()),
  processingTime: ProcessingTimeView,
  restartAfterSupplement: z.boolean(),
  lateReceiptWindowMinutes: z.number().nullable(),
  fee: FeeView,
  components: z.array(z.object({
    name: z.string(), kind: z.enum(componentKinds), kindText: Text, count: z.number().int(), required: z.boolean(), template: z.string().nullable(),
    documentType: z.enum(documentTypes).nullable().describe('the kind of paper: a stored document of this kind may be used instead of an upload'),
    documentTypeText: Text.nullable(),
  })),
  resultType: z.string().nullable(),
  resultDocumentType: z.enum(documentTypes).nullable(),
  /** Kết quả thực hiện in words: the result type, or the name of the kind of paper. */
  resultText: z.string().nullable(),
  legalBasis: z.string().nullable(),
  /** Căn cứ pháp lý, text by text; empty when the version gives only `legalBasis`. */
  legalDocuments: z.array(z.object({ number: z.string(), title: z.string(), issuedOn: z.string(), issuer: z.string() })),
  /** Cơ quan thực hiện; null when not given (the levels say who). */
  implementingAgency: z.string().nullable(),
  /** Đối tượng thực hiện. */
  applicants: z.array(z.string()),
  /** Điều kiện thực hiện: empty when there are none ("Không"); null when the version does not say. */
  conditions: z.array(z.string()).nullable(),
  /** Cách thức thực hiện; left out of a version: at the counter and online, as the portal takes every procedure. */
  channels: z.array(z.object({ channel: z.enum(submissionChannels), text: Text })),
  /** The level of the online service: toàn trình (`full`) or một phần (`partial`). */
  onlineService: z.object({ level: z.enum(['full', 'partial']), text: Text }),
  fullyOnline: z.boolean(),
  interAgency: z.array(z.object({ order: z.number().int(), agency: z.string(), name: z.string(), share: BudgetView })),
  workflow: z.array(z.object({
    order: z.number().int(), key: z.string(), name: z.string(), role: z.enum(workflowRoles), roleText: Text, participant: z.number().int(), budget: BudgetView,
  })),
  /** The declaration as an interactive e-form (docs/eforms.md), or null: the portal renders it, the server checks what is sent. */
  declaration: EFormSchema.nullable(),
  history: z.array(VersionSummary),
});

export const CatalogueChangeSchema = z.object({
  change: z.enum(['new', 'amended', 'replaced', 'abolished']),
  /** The local date the change takes effect. */
  date: z.string(),
  code: z.string(),
  publicCode: PublicCode,
  name: z.string(),
  field: z.string(),
  version: z.number().int(),
  previousVersion: z.number().int().nullable(),
  changeNote: z.string().nullable(),
  /** The legal basis of the version that took effect (new, amended); null for an ended procedure, whose note says why. */
  legalBasis: z.string().nullable(),
  replacedBy: Reference.nullable(),
});

export const presentProcessingTime = (t: LegalProcessingTime) => ({
  value: t.value, unit: t.unit, cutoff: t.unit === 'same_day' ? t.cutoff ?? null : null, text: formatProcessingTime(t),
  basisText: processingTimeBasisLabels[t.unit],
});

const publicCodeOf = (code: string) => (isNationalProcedureCode(code) ? code : null);

/** Counter and online: what the portal offers every procedure when its version names no channels. */
const defaultChannels: SubmissionChannel[] = ['in_person', 'online'];

const presentBudget = (b: TimeBudget) => ({ value: b.value, unit: b.unit, text: formatProcessingTime(b) });

export function presentCatalogueItem(r: CatalogueItemRow): z.infer<typeof CatalogueItemSchema> {
  return {
    code: r.code, publicCode: publicCodeOf(r.code), name: r.name, field: r.field, levels: r.levels, processingTime: presentProcessingTime(r.processingTime),
    fee: presentFee(r.fee), fullyOnline: r.fullyOnline, version: r.version, validFrom: r.validFrom,
  };
}

export function presentProcedure(page: {
  asOf: string; inForce: boolean; version: ProcedureVersionRow; replacedBy: { code: string; name: string | null } | null; history: ProcedureVersionRow[];
}): z.infer<typeof ProcedureSchema> {
  const v = page.version;
  return {
    code: v.code,
    publicCode: publicCodeOf(v.code),
    codeVerified: v.codeVerified,
    asOf: page.asOf,
    inForce: page.inForce,
    versionId: v.id,
    version: v.version,
    status: v.status,
    validFrom: v.validFrom,
    validTo: v.validTo,
    changeNote: v.changeNote,
    endNote: v.endNote,
    replacedBy: referenceTo(page.replacedBy),
    name: v.name,
    field: v.field,
    levels: v.levels,
    agencies: v.agencies,
    processingTime: presentProcessingTime(v.processingTime),
    restartAfterSupplement: v.restartAfterSupplement,
    lateReceiptWindowMinutes: v.lateReceiptWindowMinutes,
    fee: presentFee(v.fee),
    components: v.components.map((c) => ({
      name: c.name, kind: c.kind, kindText: componentKindLabels[c.kind], count: c.count, required: c.required, template: c.template ?? null,
      documentType: c.documentType ?? null, documentTypeText: c.documentType ? documentTypeInfo[c.documentType].label : null,
    })),
    resultType: v.resultType,
    resultDocumentType: v.resultDocumentType ?? null,
    resultText: v.resultType ?? (v.resultDocumentType ? documentTypeInfo[v.resultDocumentType].label.vi : null),
    legalBasis: v.legalBasis,
    legalDocuments: v.details?.legalDocuments ?? [],
    implementingAgency: v.details?.implementingAgency ?? null,
    applicants: v.details?.applicants ?? [],
    conditions: v.details?.conditions ?? null,
    channels: (v.details?.channels ?? defaultChannels).map((channel) => ({ channel, text: submissionChannelLabels[channel] })),
    onlineService: v.fullyOnline ? { level: 'full', text: onlineServiceLabels.full } : { level: 'partial', text: onlineServiceLabels.partial },
    fullyOnline: v.fullyOnline,
    interAgency: v.interAgency.map((p, i) => ({ order: i, agency: p.agency, name: p.name, share: presentBudget(p.share) })),
    workflow: v.workflow.map((s, i) => ({
      order: i + 1, key: s.key, name: s.name, role: s.role, roleText: workflowRoleLabels[s.role], participant: s.participant ?? 0, budget: presentBudget(s.budget),
    })),
    declaration: v.declaration ?? null,
    history: page.history.map((h) => ({
      id: h.id, version: h.version, validFrom: h.validFrom, validTo: h.validTo, status: h.status, changeNote: h.changeNote, endNote: h.endNote, createdAt: h.createdAt.toISOString(),
    })),
  };
}

export function presentChange(c: {
  kind: 'new' | 'amended' | 'replaced' | 'abolished'; date: string; code: string; version: ProcedureVersionRow; previous?: ProcedureVersionRow | undefined;
  replacedBy: { code: string; name: string | null } | null;
}): z.infer<typeof CatalogueChangeSchema> {
  return {
    change: c.kind, date: c.date, code: c.code, publicCode: publicCodeOf(c.code), name: c.version.name, field: c.version.field, version: c.version.version,
    previousVersion: c.previous?.version ?? null,
    changeNote: c.kind === 'abolished' || c.kind === 'replaced' ? c.version.endNote : c.version.changeNote,
    legalBasis: c.kind === 'abolished' || c.kind === 'replaced' ? null : c.version.legalBasis,
    replacedBy: referenceTo(c.replacedBy),
  };
}
