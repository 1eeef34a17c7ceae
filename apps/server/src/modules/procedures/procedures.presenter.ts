/**
 * The catalogue as the public API shows it: machine values plus Vietnamese and English text for
 * times, fees, copy kinds and roles, so that the portal and other programs need no tables of their own.
 */
import { z } from 'zod';
import {
  documentTypeInfo, documentTypes,
  budgetUnits, componentKindLabels, componentKinds, formatProcessingTime, procedureStatuses, timeUnits,
  workflowRoleLabels, workflowRoles, type LegalProcessingTime, type TimeBudget,
} from '@motcua/domain';
import { EFormSchema } from '../eforms/eforms.schemas.ts';
import { FeeView, presentFee } from './fee.presenter.ts';

export { presentFee };
import type { CatalogueItemRow, ProcedureVersionRow } from './procedures.repository.ts';

const Text = z.object({ vi: z.string(), en: z.string() });

const ProcessingTimeView = z.object({ value: z.number(), unit: z.enum(timeUnits), cutoff: z.string().nullable(), text: Text });
const BudgetView = z.object({ value: z.number(), unit: z.enum(budgetUnits), text: Text });

export const CatalogueItemSchema = z.object({
  code: z.string(),
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

const Reference = z.object({ code: z.string(), name: z.string().nullable() });

export const ProcedureSchema = z.object({
  code: z.string(),
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
  legalBasis: z.string().nullable(),
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
  name: z.string(),
  field: z.string(),
  version: z.number().int(),
  previousVersion: z.number().int().nullable(),
  changeNote: z.string().nullable(),
  /** The legal basis of the version that took effect (new, amended); null for an ended procedure, whose note says why. */
  legalBasis: z.string().nullable(),
  replacedBy: Reference.nullable(),
});

export const presentProcessingTime = (t: LegalProcessingTime) =>
  ({ value: t.value, unit: t.unit, cutoff: t.unit === 'same_day' ? t.cutoff ?? null : null, text: formatProcessingTime(t) });

const presentBudget = (b: TimeBudget) => ({ value: b.value, unit: b.unit, text: formatProcessingTime(b) });

export function presentCatalogueItem(r: CatalogueItemRow): z.infer<typeof CatalogueItemSchema> {
  return {
    code: r.code, name: r.name, field: r.field, levels: r.levels, processingTime: presentProcessingTime(r.processingTime),
    fee: presentFee(r.fee), fullyOnline: r.fullyOnline, version: r.version, validFrom: r.validFrom,
  };
}

export function presentProcedure(page: {
  asOf: string; inForce: boolean; version: ProcedureVersionRow; replacedBy: { code: string; name: string | null } | null; history: ProcedureVersionRow[];
}): z.infer<typeof ProcedureSchema> {
  const v = page.version;
  return {
    code: v.code,
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
    replacedBy: page.replacedBy,
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
    legalBasis: v.legalBasis,
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
    change: c.kind, date: c.date, code: c.code, name: c.version.name, field: c.version.field, version: c.version.version,
    previousVersion: c.previous?.version ?? null,
    changeNote: c.kind === 'abolished' || c.kind === 'replaced' ? c.version.endNote : c.version.changeNote,
    legalBasis: c.kind === 'abolished' || c.kind === 'replaced' ? null : c.version.legalBasis,
    replacedBy: c.replacedBy,
  };
}
