/** Input and output schemas of the feedback API (they also document it in OpenAPI). */
import { z } from 'zod';
import {
  addressMaxLength, emailInput, feedbackActions, feedbackCategories, feedbackChannels, feedbackCodeMaxLength, feedbackLogActions, feedbackStatuses,
  inputText, personNameInput, phoneInput, redactionKinds, separateProcedureCategories,
} from '@motcua/domain';

const PlainDateInput = z.iso.date().describe('YYYY-MM-DD, Vietnam time');
const Bilingual = z.object({ vi: z.string(), en: z.string() });

export const FeedbackCodeParams = z.object({ code: inputText().trim().min(1).max(feedbackCodeMaxLength).describe('the code given at submission, e.g. PAKN-260207-K7QM3X') });
export const FeedbackIdParams = z.object({ id: z.uuid() });

const Title = inputText().trim().min(1).max(300);
const Content = inputText().trim().min(1).max(10_000);

export const SenderInput = z.object({
  name: personNameInput(),
  phone: phoneInput().optional(),
  email: emailInput().optional(),
  address: inputText().trim().max(addressMaxLength).optional().describe('removed, with the name, phone and e-mail, before anything is published'),
});

/** The portal's body (docs/rules/service-quality.md, "Feedback and petitions"): `{title, content, agency?, sender?: {name, phone?, email?}, publish}`. */
export const PublicFeedbackBody = z.object({
  title: Title,
  content: Content,
  agency: inputText().trim().min(1).max(64).optional().describe('the addressed agency’s code; the root agency when none'),
  sender: SenderInput.optional().describe('who sends it; anonymous when left out'),
  publish: z.boolean().describe('the sender agrees that the answer be published, without their personal data'),
  category: z.enum(feedbackCategories).optional().describe('feedback (default) or petition; a complaint or a denunciation is refused at once with the way to its own procedure'),
});

export const IntakeBody = z.object({
  agencyId: z.uuid().describe('the agency it is addressed to (its calendar counts the 10 working days)'),
  channel: z.enum(feedbackChannels).exclude(['portal']),
  title: Title,
  content: Content,
  category: z.enum(feedbackCategories).optional(),
  sender: SenderInput.optional(),
  publish: z.boolean().default(false),
  receivedAt: z.iso.datetime({ offset: true }).optional().describe('when it arrived (a letter’s date of arrival), if before now'),
});

export const FeedbackActionBody = z.object({
  action: z.enum(feedbackActions),
  agency: inputText().trim().min(1).max(64).optional().describe('assign: the competent agency’s code (default: the agency it is with)'),
  note: inputText().trim().max(2000).optional().describe('ask_sender: what the sender is asked for (required); any step: a note for the log'),
  answer: inputText().trim().max(20_000).optional().describe('answer: the answer to the sender (required)'),
  category: z.enum(separateProcedureCategories).optional().describe('refuse: what it is instead (required)'),
  publication: z.object({
    title: inputText().trim().max(300).optional(),
    content: inputText().trim().max(10_000).optional(),
    answer: inputText().trim().max(20_000).optional(),
  }).optional().describe('publish: the text as the officer reviewed it (personal data removed again); default the redacted preview'),
});

export const FeedbackListQuery = z.object({
  status: z.enum(feedbackStatuses).optional(),
  category: z.enum(feedbackCategories).optional(),
  channel: z.enum(feedbackChannels).optional(),
  overdue: z.enum(['true', 'false']).optional().describe('true: open and past its due instant now'),
  agency: inputText().trim().max(64).optional().describe('an agency code: its subtree (inside the caller’s)'),
  from: PlainDateInput.optional().describe('received on or after this day'),
  to: PlainDateInput.optional().describe('received on or before this day'),
  q: inputText().trim().max(200).optional().describe('words of the code, title, content or sender, with or without diacritics'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const FiguresQuery = z.object({
  from: PlainDateInput.describe('first day of the period'),
  to: PlainDateInput.describe('last day of the period, included'),
  agency: inputText().trim().max(64).optional().describe('an agency code: its subtree (inside the caller’s)'),
});

export const PublicListQuery = z.object({
  q: inputText().trim().max(200).optional().describe('words of the published title, content or answer, with or without diacritics'),
  agency: inputText().trim().max(64).optional().describe('an agency code: its subtree'),
  limit: z.coerce.number().int().min(1).max(50).default(10),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

export const SecurityCodeBody = z.object({ securityCode: inputText().trim().min(1).max(64).describe('the security code given at submission') });

const AgencyRef = z.object({ code: z.string(), name: z.string() });
const Refusal = z.object({
  category: z.enum(separateProcedureCategories),
  law: Bilingual,
  guidance: Bilingual.describe('where the sender should turn instead'),
}).nullable();

export const SubmittedFeedback = z.object({
  code: z.string(),
  receivedAt: z.string().describe('ISO instant, +07:00'),
  dueAt: z.string().describe('receivedAt + 10 working days on the addressed agency’s calendar (docs/rules/service-quality.md)'),
  status: z.enum(feedbackStatuses),
  agency: AgencyRef.describe('the addressed agency'),
  securityCode: z.string().describe('shown once: with the code, it lets the sender read their own feedback and answer'),
  statusUrl: z.string(),
  refusal: Refusal.describe('a complaint or a denunciation: refused at once, with the way to its own procedure'),
});

export const Publication = z.object({
  title: z.string(),
  content: z.string(),
  answer: z.string(),
  publishedAt: z.string(),
});

export const PublicFeedback = z.object({
  code: z.string(),
  status: z.enum(feedbackStatuses),
  category: z.enum(feedbackCategories),
  agency: AgencyRef.describe('the unit it is with'),
  receivedAt: z.string(),
  dueAt: z.string().describe('as moved by the pauses while the unit waited for the sender'),
  waitingForSender: z.boolean(),
  answeredAt: z.string().nullable(),
  onTime: z.boolean().nullable().describe('once answered: not after the due instant'),
  refusal: Refusal,
  publication: Publication.nullable().describe('the published (redacted) question and answer, once published'),
  own: z.object({
    title: z.string(), content: z.string(), answer: z.string().nullable(), senderName: z.string().nullable(), publishConsent: z.boolean(),
  }).nullable().describe('the sender’s own view: signed in as its sender, or proven with the security code'),
});

export const PublishedItem = z.object({
  code: z.string(),
  category: z.enum(feedbackCategories),
  agency: AgencyRef,
  title: z.string(),
  content: z.string(),
  answer: z.string(),
  receivedAt: z.string(),
  answeredAt: z.string(),
  publishedAt: z.string(),
  onTime: z.boolean(),
});

export const CitizenFeedbackItem = z.object({
  code: z.string(),
  title: z.string(),
  category: z.enum(feedbackCategories),
  status: z.enum(feedbackStatuses),
  agencyName: z.string(),
  receivedAt: z.string(),
  dueAt: z.string(),
  answeredAt: z.string().nullable(),
  published: z.boolean(),
});

export const FeedbackListItem = z.object({
  id: z.uuid(),
  code: z.string(),
  agencyId: z.uuid(),
  agencyName: z.string(),
  channel: z.enum(feedbackChannels),
  category: z.enum(feedbackCategories),
  title: z.string(),
  senderName: z.string().nullable(),
  status: z.enum(feedbackStatuses),
  receivedAt: z.string(),
  dueAt: z.string(),
  answeredAt: z.string().nullable(),
  refusedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  publishConsent: z.boolean(),
  overdue: z.boolean().describe('open and past its due instant at the instant of the answer (the clock stops while waiting for the sender)'),
  onTime: z.boolean().nullable().describe('once answered: not after the due instant'),
});

const Removed = z.object(Object.fromEntries(redactionKinds.map((k) => [k, z.number()])) as Record<(typeof redactionKinds)[number], z.ZodNumber>);

export const FeedbackDetail = FeedbackListItem.extend({
  agencyCode: z.string(),
  addressedAgencyName: z.string().nullable(),
  content: z.string(),
  sender: z.object({ name: z.string().nullable(), phone: z.string().nullable(), email: z.string().nullable(), address: z.string().nullable() }),
  citizenLinked: z.boolean().describe('sent by a citizen signed in with the e-ID'),
  assignedAt: z.string().nullable(),
  waitingSince: z.string().nullable(),
  answer: z.string().nullable(),
  refusal: Refusal,
  publication: Publication.nullable(),
  preview: z.object({ title: z.string(), content: z.string(), answer: z.string().nullable(), removed: Removed })
    .nullable().describe('when the sender agreed to publication: the text as it would be published, personal data removed, for the officer to review'),
  allowedActions: z.array(z.enum(feedbackActions)).describe('the steps the caller may take now'),
  events: z.array(z.object({
    action: z.enum(feedbackLogActions), from: z.enum(feedbackStatuses).nullable(), to: z.enum(feedbackStatuses),
    actorKind: z.enum(['staff', 'citizen', 'anonymous']).describe('staff, or the sender (signed in as a citizen, or not)'), actorName: z.string().nullable(),
    at: z.string(), details: z.record(z.string(), z.unknown()),
  })),
});

const Figures = z.object({
  received: z.number().describe('received in the period'),
  answeredOnTime: z.number().describe('answered in the period, not after the due instant'),
  answeredLate: z.number().describe('answered in the period, after the due instant'),
  refused: z.number().describe('refused in the period as complaints or denunciations'),
  pending: z.number().describe('open at the end of the period (or now)'),
  pendingOverdue: z.number().describe('of those, past their due instant then'),
  onTimeShare: z.number().nullable().describe('answeredOnTime / answered, 0–1; null when none was answered'),
});

export const FiguresReport = z.object({
  period: z.object({ from: z.string(), to: z.string(), asOf: z.string().optional().describe('only when the period is not over: the instant counted up to') }),
  generatedAt: z.string(),
  total: Figures,
  rows: z.array(Figures.extend({ agencyId: z.uuid(), agencyCode: z.string(), agencyName: z.string() })),
});
