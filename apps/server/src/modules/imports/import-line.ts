/**
 * One line of the dossier import format (docs/interfaces.md), checked and turned into the rows it becomes.
 * A line is rejected, with its reason, when it is not valid JSON, misses a required field, names
 * an unknown procedure or agency, has an instant without an offset, a `dueAt` or an event before
 * `receivedAt`, or text the domain's text rule refuses (in any field, known or not). Imported history keeps its recorded appointment: it is never recomputed.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import {
  classifyResult, clockStoppedStatuses, closeOf, declarationSearchText, dossierChannels, formFields, formReference, formatInstant, inputText,
  nationalStatusCode, normalizeDeclaration, openObject, overdueFromOf, validateDeclaration,
  type DossierStatus, type EFormAnswers, type EFormDefinition, type StoredDeclaration, dossierCodeProblem,
} from '@motcua/domain';
import { DeclarationAnswers } from '../eforms/eforms.schemas.ts';

/** ISO 8601 with an explicit offset or Z (a local time without offset is ambiguous). */
const Instant = inputText()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/, 'an ISO 8601 instant with an offset (Z or +07:00)')
  .refine((s) => !Number.isNaN(Date.parse(s)), 'not a valid date and time');

export const importEventTypes = [
  'supplement_requested', 'supplement_received', 'paused', 'resumed', 'apology', 'resolved', 'rejected', 'returned', 'withdrawn',
] as const;

const ImportEvent = openObject({
  type: z.enum(importEventTypes),
  at: Instant,
  newDueAt: Instant.optional(),
  note: inputText().max(2000).optional(),
  reasons: z.array(inputText().max(500)).max(30).optional(),
});

export const ImportLine = openObject({
  // The code on the applicant's receipt, in whatever format the earlier system printed it: kept
  // exactly as written (no trimming, no case change), only checked (docs/interfaces.md).
  code: z.string().superRefine((code, ctx) => {
    const problem = dossierCodeProblem(code);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }).optional(),
  procedure: inputText().trim().min(1).max(50),
  agency: inputText().trim().min(1).max(64),
  channel: z.enum(dossierChannels),
  applicant: openObject({
    kind: z.enum(['citizen', 'organization']),
    name: inputText().trim().min(1).max(200),
    idNumber: inputText().max(20).optional(),
    phone: inputText().max(30).optional(),
    email: inputText().max(200).optional(),
    address: inputText().max(300).optional(),
  }),
  receivedAt: Instant,
  dueAt: Instant,
  digitized: z.boolean(),
  events: z.array(ImportEvent).max(200),
  // The e-form declaration (docs/eforms.md), as `motcua export dossiers` writes it.
  declaration: openObject({
    form: inputText().regex(/^[A-Za-z0-9._-]{1,100}@\d{1,6}$/, 'the e-form as id@version'),
    answers: DeclarationAnswers,
    verified: z.array(inputText().max(100)).max(500).optional(),
  }).optional(),
});
export type ImportLine = z.infer<typeof ImportLine>;

/** A declaration ready to store: as intake stores it (dossier `declaration`, `declaration_form`, `declaration_text`). */
export interface ImportedDeclaration {
  stored: StoredDeclaration;
  form: string;
  text: string;
}

/**
 * The line's declaration checked against the e-form of the procedure version the dossier is bound
 * to, by the domain's rules as at intake (`validateDeclaration`, dates limited as on the day of
 * receipt). `verified` (the keys an e-ID filled when it was first filed) must name fields of the
 * form. The reason names the field: `declaration.childBirthDate: …`.
 */
export function checkImportDeclaration(
  form: EFormDefinition | null,
  declaration: NonNullable<ImportLine['declaration']>,
  procedure: string,
  day: string,
): { ok: true; declaration: ImportedDeclaration } | { ok: false; reason: string } {
  if (!form) return { ok: false, reason: `declaration: procedure ${procedure} has no e-form declaration on ${day}` };
  const reference = formReference(form);
  if (declaration.form !== reference) return { ok: false, reason: `declaration.form: the procedure's e-form on ${day} is ${reference}, not ${declaration.form}` };
  const answers = normalizeDeclaration(form, declaration.answers);
  const issues = validateDeclaration(form, answers, { today: day });
  if (issues.length) return { ok: false, reason: issues.map((i) => `declaration.${i.path}: ${i.messages.en}`).join('; ') };
  const keys = new Set(formFields(form).map((f) => f.key));
  const verified = declaration.verified ?? [];
  const unknown = verified.findIndex((k) => !keys.has(k));
  if (unknown >= 0) return { ok: false, reason: `declaration.verified.${unknown}: no field "${verified[unknown]}" in ${reference}` };
  const clean = answers as EFormAnswers;
  return { ok: true, declaration: { stored: { answers: clean, verified: [...new Set(verified)] }, form: reference, text: declarationSearchText(form, clean) } };
}

/** Import event type → the action of the dossier's log, and the status it leads to. */
export const importActions: Record<(typeof importEventTypes)[number], { action: string; to: DossierStatus | 'same' }> = {
  supplement_requested: { action: 'request_supplement', to: 'supplement_requested' },
  supplement_received: { action: 'receive_supplement', to: 'processing' },
  paused: { action: 'pause', to: 'paused' },
  resumed: { action: 'resume', to: 'processing' },
  apology: { action: 'apologize', to: 'same' },
  resolved: { action: 'resolve', to: 'resolved' },
  rejected: { action: 'reject', to: 'rejected' },
  returned: { action: 'return_result', to: 'returned' },
  withdrawn: { action: 'withdraw', to: 'withdrawn' },
};

export type Checked =
  | { ok: true; line: ImportLine; hash: string; facts: ImportFacts }
  | { ok: false; reason: string };

export interface ImportFacts {
  receivedAt: number;
  dueAt: number;
  resultAt: number | null;
  withdrawnAt: number | null;
  closedAt: number | null;
  /** When the running stop of the clock began (the line ends supplement requested or suspended). */
  clockStoppedAt: number | null;
  /** From when the dossier is overdue (the domain's `overdueFromOf`), null when it cannot become overdue now. */
  overdueFrom: number | null;
  resultClass: 'ahead' | 'on_time' | 'overdue' | null;
  returnedAt: number | null;
  apologyDueAt: number | null;
  status: DossierStatus;
  nationalStatus: number | null;
  /** Events in time order, each with the status it leaves the dossier in. */
  events: Array<{ event: z.infer<typeof ImportEvent>; at: number; action: string; from: DossierStatus; to: DossierStatus }>;
}

/** The same content always hashes the same, whatever the key order of the line. */
export function canonicalHash(value: unknown): string {
  // 128 bits of SHA-256 are plenty to tell dossiers apart, and keep the unique index small.
  return createHash('sha256').update(JSON.stringify(sortedKeys(value))).digest('hex').slice(0, 32);
}

function sortedKeys(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(sortedKeys);
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v).sort()) out[k] = sortedKeys((v as Record<string, unknown>)[k]);
  return out;
}

/** Parses and checks one line; says why when it cannot be imported. */
export function checkImportLine(text: string): Checked {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: `not valid JSON: ${(error as Error).message}` };
  }
  const parsed = ImportLine.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.join('.') || '(line)';
    const missing = issue.code === 'invalid_type' && (issue as { input?: unknown }).input === undefined;
    return { ok: false, reason: missing ? `missing required field ${path}` : `${path}: ${issue.message}` };
  }
  const line = parsed.data;
  const receivedAt = Date.parse(line.receivedAt);
  const dueAt = Date.parse(line.dueAt);
  if (dueAt < receivedAt) return { ok: false, reason: 'dueAt is before receivedAt' };
  const sorted = line.events
    .map((event, index) => ({ event, index, at: Date.parse(event.at) }))
    .sort((a, b) => a.at - b.at || a.index - b.index);
  const early = sorted.find((e) => e.at < receivedAt);
  if (early) return { ok: false, reason: `events.${early.index} (${early.event.type}) is before receivedAt` };
  const apology = sorted.find((e) => e.event.type === 'apology');
  if (apology && !apology.event.newDueAt) return { ok: false, reason: `events.${apology.index}: an apology needs its newDueAt` };

  const earliest = (...types: string[]) => sorted.find((e) => types.includes(e.event.type))?.at ?? null;
  const resultAt = earliest('resolved', 'rejected') ?? earliest('returned');
  const withdrawnAt = earliest('withdrawn');
  const close = closeOf({ resultAt, withdrawnAt });
  let status: DossierStatus = 'received';
  let clockStoppedAt: number | null = null;
  const events = sorted.map(({ event, at }) => {
    const { action, to } = importActions[event.type];
    const from = status;
    if (to !== 'same') status = to;
    if (!clockStoppedStatuses.has(status)) clockStoppedAt = null;
    else if (!clockStoppedStatuses.has(from)) clockStoppedAt = at;
    return { event, at, action, from, to: status };
  });
  return {
    ok: true,
    line,
    // Instants normalised: the same dossier written with Z or +07:00 is the same content.
    hash: canonicalHash({
      ...line,
      receivedAt: formatInstant(receivedAt),
      dueAt: formatInstant(dueAt),
      events: sorted.map(({ event, at }) => ({ ...event, at: formatInstant(at), ...(event.newDueAt ? { newDueAt: formatInstant(Date.parse(event.newDueAt)) } : {}) })),
    }),
    facts: {
      receivedAt,
      dueAt,
      resultAt,
      withdrawnAt,
      closedAt: close?.at ?? null,
      clockStoppedAt,
      overdueFrom: overdueFromOf({ status, receivedAt, resultAt, withdrawnAt, dueAt, clockStoppedAt }),
      resultClass: resultAt === null ? null : classifyResult(resultAt, dueAt),
      returnedAt: earliest('returned'),
      apologyDueAt: apology?.event.newDueAt ? Date.parse(apology.event.newDueAt) : null,
      status,
      nationalStatus: nationalStatusCode[status],
      events,
    },
  };
}
