/** Input schemas of the dossier API (they also document it in OpenAPI). */
import { z } from 'zod';
import {
  addressMaxLength, citizenOnlyActions, creationActions, componentKinds, dossierActionNames, dossierChannels, dossierStatuses, emailInput, idNumberInput, inputText,
  personNameInput, phoneInput, ratingCommentMaxLength, ratingCriteria, ratingCriterionKeys, resultDeliveries, type DossierAction, type RatingCriterion,
} from '@motcua/domain';
import { DeclarationAnswers } from '../eforms/eforms.schemas.ts';

export const ApplicantInput = z.object({
  kind: z.enum(['citizen', 'organization']).default('citizen'),
  name: personNameInput().describe('full name, or the organization’s name'),
  idNumber: idNumberInput().optional(),
  phone: phoneInput().optional(),
  email: emailInput().optional(),
  address: inputText().trim().max(addressMaxLength).optional(),
  representative: inputText().trim().max(200).optional(),
});

/** Documents of the applicant's data store used for a component (docs/rules/data-store.md). */
const StoredDocumentIds = z.array(z.uuid()).max(20).optional();

export const CounterIntakeBody = z.object({
  procedureCode: inputText().trim().min(1).max(50),
  agencyId: z.uuid().optional().describe('receiving agency; implied when the officer has a single counter'),
  counterId: z.uuid().optional(),
  channel: z.enum(dossierChannels).exclude(['online']).default('counter'),
  applicant: ApplicantInput,
  components: z
    .array(
      z.object({
        index: z.number().int().min(0).max(200),
        received: z.boolean(),
        kind: z.enum(componentKinds).optional(),
        count: z.number().int().min(1).max(100).optional(),
        fileIds: z.array(z.uuid()).max(20).optional(),
        storedDocumentIds: StoredDocumentIds.describe('documents of the applicant’s data store (found by their personal ID number) used for this component'),
        note: inputText().max(500).optional(),
      }),
    )
    .max(100),
  sets: z.number().int().min(1).max(50).default(1),
  resultDelivery: z.enum(resultDeliveries).default('counter'),
  feeRow: inputText().max(200).optional().describe('the case of the fee schedule (a row label of its tables); required to receive when the fee depends on the case'),
  feeExemption: inputText().max(300).optional().describe('an exemption of the fee schedule granted at reception, by its label (docs/rules/payments.md)'),
  decision: z.enum(['receive', 'refuse', 'request_completion'] as const satisfies readonly DossierAction[]).default('receive'),
  reasons: z.array(inputText().trim().min(1).max(500)).max(30).optional(),
  note: inputText().max(2000).optional(),
  declaration: DeclarationAnswers.optional(),
});

export const OnlineSubmissionBody = z.object({
  procedureCode: inputText().trim().min(1).max(50),
  agencyCode: inputText().trim().min(1).max(64),
  applicant: ApplicantInput.extend({ phone: ApplicantInput.shape.phone.unwrap() }).describe('a phone number is required online, to be reached'),
  components: z.array(z.object({
    index: z.number().int().min(0).max(200),
    fileIds: z.array(z.uuid()).max(20),
    storedDocumentIds: StoredDocumentIds.describe('documents of the signed-in citizen’s data store used instead of an upload (e-ID sign-in required)'),
    note: inputText().max(500).optional(),
  })).max(100),
  resultDelivery: z.enum(resultDeliveries).default('counter'),
  feeRow: inputText().max(200).optional(),
  uploadTokens: z.record(z.uuid(), inputText().max(100)).default({}).describe('file id → upload token, as returned by the public upload'),
  declaration: DeclarationAnswers.optional(),
});

// Staff actions: the applicant's own (an online supplement) go through the public route only.
const actionNames = dossierActionNames.filter((a) => !creationActions.includes(a) && !citizenOnlyActions.includes(a)) as [string, ...string[]];

export const ActionBody = z.object({
  action: z.enum(actionNames),
  note: inputText().max(2000).optional(),
  reasons: z.array(inputText().trim().min(1).max(500)).max(30).optional(),
  newDueAt: z.iso.datetime({ offset: true }).optional().describe('apology (form 04): the new appointment'),
  assigneeId: z.uuid().optional(),
  targetAgencyId: z.uuid().optional(),
  digitized: z.boolean().optional(),
  feeRow: inputText().max(200).optional()
    .describe('receive: the case of the fee schedule (a row label of its tables); default: the case the applicant chose online'),
  feeExemption: inputText().max(300).optional().describe('receive: an exemption of the fee schedule granted by the officer, by its label'),
  fileIds: z.array(z.uuid()).max(20).optional().describe('scans attached with the action (e.g. the supplement received), uploaded first through POST /api/v1/files; attach_result: the one PDF of the result'),
  delivery: z.enum(['counter', 'post']).optional()
    .describe('return_result: handed over at the counter (default) or posted; a download is recorded by the applicant’s download itself'),
  generateResult: z.object({
    outcome: inputText().trim().min(1).max(1000).describe('what was decided, printed on the result notice'),
    details: z.array(inputText().trim().min(1).max(1000)).max(20).optional(),
    signerName: inputText().trim().min(1).max(200).optional().describe('the competent person’s name, printed under the signature'),
    signerTitle: inputText().trim().min(1).max(200).optional().describe('the signature block title, lines separated by \\n (default "TM. ỦY BAN NHÂN DÂN\\nCHỦ TỊCH")'),
  }).optional().describe('attach_result: generate the result notice ("Kết quả giải quyết thủ tục hành chính") instead of uploading a PDF'),
});

export const ApplicantActionBody = z.object({
  accessSecret: inputText().max(200).default('').describe('the access secret printed on the online submission receipt'),
  action: z.enum(['submit_supplement', 'withdraw'] as const satisfies readonly DossierAction[]),
  note: inputText().max(2000).optional(),
  components: z.array(z.object({ index: z.number().int().min(0).max(200), fileIds: z.array(z.uuid()).max(20) })).max(100).optional()
    .describe('the supplement: files per component of the procedure, uploaded first through POST /api/v1/public/files'),
  uploadTokens: z.record(z.uuid(), inputText().max(100)).default({}).describe('file id → upload token, as returned by the public upload'),
});

const statusList = new RegExp(`^(${dossierStatuses.join('|')})(,(${dossierStatuses.join('|')}))*$`);

export const ListQuery = z.object({
  view: z.enum(['inbox', 'all']).default('inbox'),
  status: inputText().max(200).regex(statusList, `comma-separated statuses: ${dossierStatuses.join(', ')}`).optional()
    .describe(`comma-separated statuses (${dossierStatuses.join(', ')})`),
  procedure: inputText().max(50).optional(),
  q: inputText().max(200).optional().describe('dossier code, ID number, phone, or part of the applicant’s name'),
  due: z.enum(['overdue', 'soon']).optional()
    .describe('at the instant of the request: overdue = timeliness in_progress_overdue; soon = due_soon (less than 48 hours left)'),
  receivedFrom: z.iso.date().optional(),
  receivedTo: z.iso.date().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const DossierCodeParams = z.object({
  code: inputText().min(1).max(80).describe('the dossier code as printed on the receipt, Motcua’s or an earlier system’s (a "/" in it URL-encoded as %2F); letters in any case'),
});
export const DossierIdParams = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

/**
 * The answers to the optional criteria of a rating (docs/rules/service-quality.md): each criterion
 * of the one-stop scoring tool answered with its points, 2 (good), 1 or 0 (poor); a criterion left
 * out was not answered. Unknown criteria are refused.
 */
export const RatingCriteriaAnswers = z.strictObject(Object.fromEntries(ratingCriterionKeys.map((key) => [
  key, z.union([z.literal(2), z.literal(1), z.literal(0)]).optional().describe(ratingCriteria.find((c) => c.key === key)!.question.en),
])) as Record<RatingCriterion, z.ZodOptional<z.ZodUnion<[z.ZodLiteral<2>, z.ZodLiteral<1>, z.ZodLiteral<0>]>>>)
  .describe('answers to the nine criteria of the one-stop scoring tool (Circular 01/2018): 2 good, 1 acceptable, 0 poor; leave a criterion out to skip it');

/** What every rating carries, whoever proves it: the five-level score, the criteria answered, a comment. */
export const RatingFields = {
  score: z.number().int().min(1).max(5).describe('5 very satisfied … 1 very dissatisfied'),
  criteria: RatingCriteriaAnswers.optional(),
  comment: inputText().max(ratingCommentMaxLength).optional(),
};

/** The applicant's proof on the public routes (docs/rules/service-quality.md). */
export const RatingProofFields = {
  securityCode: inputText().max(200).optional().describe('the security code (access secret) of an online receipt'),
  ratingToken: inputText().max(200).optional().describe('the one-time token of a rating QR code (form 01, the rating card handed over with the result)'),
};
