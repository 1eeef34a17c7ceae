/**
 * From a bundle entry (shape already checked at the boundary) to what is stored: defaults filled
 * in, fees normalised, the default workflow when none is given, and the canonical form whose hash
 * tells whether a procedure changed.
 */
import { DEFAULT_SAME_DAY_CUTOFF, defaultWorkflow } from './budgets.ts';
import { shiftDate } from './dates.ts';
import { legacyFeeItemLabel } from './fees.ts';
import {
  isEndEntry, submissionChannels, type CatalogueDetails, type Fee, type FeeInput, type FeeItem, type FeeRow, type LegalProcessingTime, type ProcedureContent, type ProcedureDefinitionInput,
  type ProcedureEntryInput,
} from './procedure.ts';
import { validateProcedure, type CatalogueContext, type ProcedureIssue } from './validate.ts';

/** An entry that (re)defines a procedure's content. */
export interface DefinitionEntry {
  kind: 'definition';
  code: string;
  content: ProcedureContent;
  /** `null` on a first version: in force since before the catalogue recorded it. */
  validFrom: string | null;
  changeNote: string | null;
}

/** An entry that ends a procedure: `lastDay` is the last day it is in force. */
export interface EndEntry {
  kind: 'end';
  code: string;
  status: 'abolished' | 'replaced';
  replacedBy: string | null;
  lastDay: string;
  changeNote: string | null;
}

export type ParsedProcedureEntry = DefinitionEntry | EndEntry;

export type ParseResult = { ok: true; entry: ParsedProcedureEntry } | { ok: false; issues: ProcedureIssue[] };

/**
 * Validates an entry (see `validateProcedure`) and, when it has no issue, returns it in stored
 * form. The shape (types, required fields, enums) is the boundary's job (zod); this is the meaning.
 */
export function parseProcedureBundleEntry(entry: ProcedureEntryInput, context: CatalogueContext = {}): ParseResult {
  const issues = validateProcedure(entry, context);
  if (issues.length) return { ok: false, issues };
  if (isEndEntry(entry)) {
    return {
      ok: true,
      entry: {
        kind: 'end',
        code: entry.code,
        status: entry.status,
        replacedBy: entry.status === 'replaced' ? entry.replacedBy ?? null : null,
        lastDay: entry.validTo ?? shiftDate(entry.validFrom!, -1),
        changeNote: entry.changeNote ?? null,
      },
    };
  }
  return {
    ok: true,
    entry: { kind: 'definition', code: entry.code, content: procedureContentOf(entry), validFrom: entry.validFrom ?? null, changeNote: entry.changeNote ?? null },
  };
}

/** The stored content of a definition entry, with every default made explicit. */
export function procedureContentOf(entry: ProcedureDefinitionInput): ProcedureContent {
  const processingTime: LegalProcessingTime = entry.processingTime.unit === 'same_day'
    ? { value: 0, unit: 'same_day', cutoff: entry.processingTime.cutoff ?? DEFAULT_SAME_DAY_CUTOFF }
    : { value: entry.processingTime.value, unit: entry.processingTime.unit };
  const interAgency = (entry.interAgency ?? []).map((p) => ({ agency: p.agency, name: p.name, share: { value: p.share.value, unit: p.share.unit } }));
  const workflow = entry.workflow
    ? entry.workflow.map((s) => ({
      key: s.key, name: s.name, role: s.role,
      ...(s.participant !== undefined && interAgency.length ? { participant: s.participant } : {}),
      budget: { value: s.budget.value, unit: s.budget.unit },
    }))
    : defaultWorkflow(processingTime, interAgency);
  return {
    name: entry.name,
    field: entry.field,
    levels: [...entry.levels],
    agencies: [...(entry.agencies ?? [])],
    processingTime,
    restartAfterSupplement: entry.restartAfterSupplement ?? false,
    lateReceiptWindowMinutes: entry.lateReceiptWindowMinutes ?? null,
    fee: feeOf(entry.fee),
    components: entry.components.map((c) => ({
      name: c.name, kind: c.kind, count: c.count, required: c.required, ...(c.template ? { template: c.template } : {}),
      // Absent stays absent: the canonical content (and hash) of an untagged component is unchanged.
      ...(c.documentType ? { documentType: c.documentType } : {}),
    })),
    resultType: entry.resultType ?? null,
    ...(entry.resultDocumentType ? { resultDocumentType: entry.resultDocumentType } : {}),
    legalBasis: entry.legalBasis ?? null,
    fullyOnline: entry.fullyOnline,
    interAgency,
    workflow,
    ...(entry.declaration ? { declaration: entry.declaration } : {}),
    ...detailsOf(entry),
  };
}

/** The catalogue details an entry gives, each key only when given; nothing when it gives none (older hashes stay). */
function detailsOf(entry: ProcedureDefinitionInput): { details?: CatalogueDetails } {
  const details: CatalogueDetails = {
    ...(entry.implementingAgency !== undefined ? { implementingAgency: entry.implementingAgency } : {}),
    ...(entry.applicants !== undefined ? { applicants: [...entry.applicants] } : {}),
    ...(entry.conditions !== undefined ? { conditions: [...entry.conditions] } : {}),
    ...(entry.channels !== undefined ? { channels: submissionChannels.filter((c) => entry.channels!.includes(c)) } : {}),
    ...(entry.legalDocuments !== undefined
      ? { legalDocuments: entry.legalDocuments.map((d) => ({ number: d.number, title: d.title, issuedOn: d.issuedOn, issuer: d.issuer })) }
      : {}),
  };
  return Object.keys(details).length > 0 ? { details } : {};
}

/**
 * Absent or zero: free; an amount (with an optional reduced online amount) or a table, stored as
 * before so their content hash is unchanged; a fee schedule when the entry says more (items, kind,
 * label, exemptions, legal basis, payment before processing). Optional parts are left out when absent.
 */
export function feeOf(input: FeeInput | undefined): Fee {
  if (!input) return { kind: 'free' };
  const schedule = input.items !== undefined || input.kind !== undefined || input.label !== undefined || input.exemptions !== undefined ||
    input.legalBasis !== undefined || input.payBeforeProcessing !== undefined;
  if (schedule) {
    const items = input.items ?? [{ kind: input.kind ?? 'charge', label: input.label ?? legacyFeeItemLabel, amount: input.amount, onlineAmount: input.onlineAmount, table: input.table }];
    return {
      kind: 'schedule',
      currency: 'VND',
      items: items.map((i): FeeItem => (i.table !== undefined
        ? { kind: i.kind, label: i.label, table: i.table.map(rowOf) }
        : { kind: i.kind, label: i.label, amount: i.amount ?? 0, ...(i.onlineAmount === undefined ? {} : { onlineAmount: i.onlineAmount }) })),
      exemptions: (input.exemptions ?? []).map((e) => ({ label: e.label, share: e.share, ...(e.appliesTo === undefined ? {} : { appliesTo: e.appliesTo }) })),
      legalBasis: input.legalBasis ?? null,
      payBeforeProcessing: input.payBeforeProcessing ?? false,
    };
  }
  if (input.table !== undefined) return { kind: 'table', currency: 'VND', table: input.table.map(rowOf) };
  const amount = input.amount ?? 0;
  if (amount === 0 && !input.onlineAmount) return { kind: 'free' };
  return { kind: 'fixed', currency: 'VND', amount, ...(input.onlineAmount === undefined ? {} : { onlineAmount: input.onlineAmount }) };
}

const rowOf = (r: FeeRow): FeeRow => ({ label: r.label, amount: r.amount, ...(r.onlineAmount === undefined ? {} : { onlineAmount: r.onlineAmount }) });

/**
 * The canonical text of a version's content: JSON with sorted keys, sets (levels, agencies) sorted,
 * lists that carry an order (components, chain, workflow) kept in order. Equal text = same rules;
 * hash it to get `content_hash`. Validity dates, status and notes are not content.
 */
export function canonicalVersionContent(content: ProcedureContent): string {
  const normalised = { ...content, levels: [...content.levels].sort(), agencies: [...new Set(content.agencies)].sort() };
  return JSON.stringify(sortKeys(normalised));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}
