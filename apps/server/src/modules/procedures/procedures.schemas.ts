/**
 * The shape of a procedure entry, as in `procedures.json` (docs/interfaces.md) and in the body of
 * `POST /api/v1/procedures`: one schema for both, so the bundle and the API accept the same thing.
 * Meaning (budgets that add up, known levels, dates in order) is checked by the domain afterwards.
 * Documented in docs/bundle-format.md.
 */
import { z } from 'zod';
import {
  budgetUnits, componentKinds, documentTypes, feeItemKinds, inputText, openObject, submissionChannels, timeUnits, workflowRoles, type FeeInput, type ProcedureEntryInput,
} from '@motcua/domain';
import { EFormSchema } from '../eforms/eforms.schemas.ts';

/** A missing field says so plainly; a wrong type keeps zod's message. */
const required = { error: (issue: { input?: unknown }) => (issue.input === undefined ? 'required field is missing' : undefined) };
const Code = inputText(required).trim().min(1).max(64).regex(/^[^\s/]+$/, 'no spaces or slashes');
const Text = (max: number) => inputText(required).trim().min(1).max(max);
const PlainDate = inputText().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD');
const Amount = z.number().int('a whole number of đồng').min(0).max(1_000_000_000_000);
const listOf = (values: readonly string[]) => values.map((v) => `"${v}"`).join(', ');
const oneOf = (what: string, values: readonly string[]) =>
  ({
    error: (issue: { input?: unknown }) =>
      issue.input === undefined ? 'required field is missing' : `unknown ${what} ${JSON.stringify(issue.input)}; expected one of ${listOf(values)}`,
  });

export const TimeBudgetInput = z.object({
  value: z.number(required).min(0).max(100_000),
  unit: z.enum(budgetUnits, oneOf('unit', budgetUnits)),
}, required);

export const ProcessingTimeInput = z.object({
  value: z.number(required).min(0).max(10_000),
  unit: z.enum(timeUnits, oneOf('unit', timeUnits)),
  cutoff: inputText().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a local time HH:MM').optional(),
}, required);

const FeeRowInput = z.object({ label: Text(200), amount: Amount, onlineAmount: Amount.optional() });
const FeeKind = z.enum(feeItemKinds, oneOf('kind', feeItemKinds));

const FeeItemInput = openObject({
  kind: FeeKind,
  label: Text(300),
  amount: Amount.optional(),
  onlineAmount: Amount.optional(),
  table: z.array(FeeRowInput).min(1).max(100).optional(),
});

const FeeExemptionInput = openObject({
  label: Text(300),
  share: z.number(required).int('a whole percentage').min(1).max(100).describe('percentage waived; 100: exempt in full'),
  appliesTo: FeeKind.optional(),
});

/** A fee: one amount, a table, or a schedule of items (docs/bundle-format.md, "Fees"); the domain checks the rest. */
export const FeeInputSchema = openObject({
  amount: Amount.optional(),
  onlineAmount: Amount.optional(),
  currency: z.literal('VND', { error: 'fees are in VND' }).optional(),
  table: z.array(FeeRowInput).min(1).max(100).optional(),
  kind: FeeKind.optional(),
  label: Text(300).optional(),
  items: z.array(FeeItemInput).max(20).optional(),
  exemptions: z.array(FeeExemptionInput).max(50).optional(),
  legalBasis: Text(2000).optional(),
  payBeforeProcessing: z.boolean().optional(),
})
  .refine((f) => [f.amount, f.table, f.items].filter((v) => v !== undefined).length === 1, {
    message: 'a fee has one of an amount, a table or items', path: ['amount'],
  })
  .refine((f) => f.table === undefined || f.onlineAmount === undefined, {
    message: 'a fee table gives online amounts per row', path: ['onlineAmount'],
  });

const ComponentInput = openObject({
  name: Text(500),
  kind: z.enum(componentKinds, oneOf('kind', componentKinds)),
  count: z.number(required).int().min(1).max(100),
  required: z.boolean(required),
  template: Text(500).optional(),
  documentType: z.enum(documentTypes, oneOf('document type', documentTypes)).optional(),
});

const ParticipantInput = z.object({ agency: Text(64), name: Text(300), share: TimeBudgetInput });

const StepInput = z.object({
  key: inputText().regex(/^[a-z][a-z0-9_]{0,39}$/, 'lower-case letters, digits and _'),
  name: Text(300),
  role: z.enum(workflowRoles, oneOf('role', workflowRoles)),
  participant: z.number().int().min(0).max(19).optional(),
  budget: TimeBudgetInput,
});

const LegalDocumentInput = z.object({ number: Text(100), title: Text(500), issuedOn: PlainDate, issuer: Text(300) }, required);

/** A procedure (or a new version of one). `status` may be left out. */
export const ProcedureDefinitionEntry = openObject({
  code: Code,
  /** Whether the national code was checked against the national database of procedures. */
  codeVerified: z.boolean().optional(),
  status: z.literal('active').optional(),
  name: Text(500),
  field: Text(200),
  levels: z.array(Text(50), required).min(1).max(20),
  agencies: z.array(Code).max(1000).optional(),
  processingTime: ProcessingTimeInput,
  restartAfterSupplement: z.boolean().optional(),
  lateReceiptWindowMinutes: z.number().int().optional(),
  fee: FeeInputSchema.optional(),
  components: z.array(ComponentInput, required).max(100),
  resultType: Text(500).optional(),
  resultDocumentType: z.enum(documentTypes, oneOf('document type', documentTypes)).optional(),
  legalBasis: Text(2000).optional(),
  fullyOnline: z.boolean(required),
  interAgency: z.array(ParticipantInput).max(20).optional(),
  workflow: z.array(StepInput).min(1).max(50).optional(),
  /** The declaration e-form (docs/bundle-format.md); in a bundle, the id of a form of `eforms.json` is replaced by the form before this check. */
  declaration: EFormSchema.optional(),
  implementingAgency: Text(500).optional(),
  applicants: z.array(Text(300)).min(1).max(20).optional(),
  conditions: z.array(Text(1000)).max(30).optional().describe('an empty list: no conditions ("Không")'),
  channels: z.array(z.enum(submissionChannels, oneOf('channel', submissionChannels))).min(1).max(3).optional(),
  legalDocuments: z.array(LegalDocumentInput).min(1).max(30).optional(),
  validFrom: PlainDate.optional(),
  validTo: PlainDate.optional(),
  changeNote: Text(2000).optional(),
});

/** The end of a procedure: abolished, or replaced by another procedure. */
export const ProcedureEndEntry = openObject({
  code: Code,
  codeVerified: z.boolean().optional(),
  status: z.enum(['abolished', 'replaced']),
  replacedBy: Code.optional(),
  validFrom: PlainDate.optional(),
  validTo: PlainDate.optional(),
  changeNote: Text(2000).optional(),
});

export const ProcedureEntry = z.discriminatedUnion('status', [ProcedureDefinitionEntry, ProcedureEndEntry], {
  error: 'status is "active" (or left out), "abolished" or "replaced"',
});
export type ProcedureEntry = z.infer<typeof ProcedureEntry>;

/** The domain's view of a shape-checked entry. */
export function toEntryInput(entry: ProcedureEntry): ProcedureEntryInput {
  if (entry.status === 'abolished' || entry.status === 'replaced') return entry;
  const definition = entry as z.infer<typeof ProcedureDefinitionEntry>;
  const fee = definition.fee as z.infer<typeof FeeInputSchema> | undefined;
  return { ...definition, fee: fee && toFeeInput(fee) };
}

function toFeeInput(fee: z.infer<typeof FeeInputSchema>): FeeInput {
  return {
    currency: 'VND', amount: fee.amount, onlineAmount: fee.onlineAmount, table: fee.table, kind: fee.kind, label: fee.label,
    items: fee.items, exemptions: fee.exemptions, legalBasis: fee.legalBasis, payBeforeProcessing: fee.payBeforeProcessing,
  };
}

/** Zod issue → message: a missing field says so plainly. */
export function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && /received undefined$/.test(issue.message)) return 'required field is missing';
  return issue.message;
}
