/** The shapes of the survey API (docs/rules/service-quality.md): zod at the edge, the OpenAPI document from them. */
import { z } from 'zod';
import {
  externalFigureKinds, inputText, samplingLimits, staffAnswerChannels, surveyActions, surveyAnswerChannels, surveyKeyPattern, surveyLimits,
  surveyQuestionKinds, surveyStatuses,
} from '@motcua/domain';

const Key = inputText().regex(surveyKeyPattern, 'lower-case letters, digits and _, starting with a letter (40 at most)');
const Text = (max: number) => z.object({
  vi: inputText().max(max).describe('Vietnamese (required)'),
  en: inputText().max(max).default('').describe('English (optional: the Vietnamese is shown when empty)'),
});

export const SurveyQuestion = z.object({
  key: Key,
  kind: z.enum(surveyQuestionKinds).describe('scale5: the five levels (5 very satisfied … 1 very dissatisfied); single_choice; multiple_choice; free_text'),
  required: z.boolean().default(false),
  text: Text(surveyLimits.questionTextMax),
  options: z.array(z.object({ key: Key, text: Text(surveyLimits.optionTextMax) })).max(surveyLimits.optionsMax).optional()
    .describe('the choices of a choice question; none for the others'),
});

export const Questionnaire = z.object({ questions: z.array(SurveyQuestion).max(surveyLimits.questionsMax) });

const reportingKinds = ['month', 'quarter', 'six_months', 'nine_months', 'year'] as const;
export const SurveyPeriod = z.discriminatedUnion('kind', [
  z.object({
    kind: z.enum(reportingKinds),
    year: z.number().int().min(1900).max(2200),
    index: z.number().int().min(1).max(12).optional().describe('the month (1–12), quarter (1–4) or half-year (1–2)'),
    official: z.boolean().optional().describe('the official period, from the 15th of the month before (Decree 09/2019/NĐ-CP)'),
  }),
  z.object({ kind: z.literal('custom'), from: z.iso.date(), to: z.iso.date() }),
]).describe('a reporting period in the statistics’ words, or any range of local dates');

export const SamplingPlan = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('size'), size: z.number().int().min(1).max(samplingLimits.sizeMax).describe('dossiers drawn in each unit (all of them when it has fewer)') }),
  z.object({
    mode: z.literal('fraction'),
    fraction: z.number().gt(0).max(1).describe('the share of each unit’s dossiers drawn, rounded up'),
    minimum: z.number().int().min(0).max(samplingLimits.minimumMax).default(0).describe('at least this many in each unit (all of them when it has fewer)'),
  }),
]);

export const SurveyBody = z.object({
  title: inputText().trim().min(1).max(surveyLimits.titleMax),
  period: SurveyPeriod,
  agencies: z.array(inputText().max(64)).min(1).max(surveyLimits.agenciesMax).describe('codes of the agencies surveyed; each is a unit (stratum) of the sample'),
  questionnaire: Questionnaire,
  sampling: SamplingPlan,
  seed: inputText().trim().min(1).max(surveyLimits.seedMax).optional().describe('the seed of the draw; a random one when left out'),
});

const Agency = z.object({ id: z.uuid(), code: z.string(), name: z.string(), level: z.string() });

export const SurveyDetail = z.object({
  id: z.uuid(),
  title: z.string(),
  status: z.enum(surveyStatuses),
  period: SurveyPeriod,
  periodFrom: z.string(),
  periodTo: z.string(),
  agencies: z.array(Agency),
  questionnaire: Questionnaire,
  sampling: SamplingPlan,
  seed: z.string(),
  createdAt: z.string(),
  openedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  invited: z.number().int(),
  answered: z.number().int(),
  canManage: z.boolean().describe('the caller designs surveys over every agency this one covers'),
  actions: z.array(z.enum(surveyActions)).describe('the steps the caller may take now'),
});

export const SurveyListItem = z.object({
  id: z.uuid(),
  title: z.string(),
  status: z.enum(surveyStatuses),
  periodFrom: z.string(),
  periodTo: z.string(),
  agencies: z.number().int(),
  invited: z.number().int(),
  answered: z.number().int(),
  createdAt: z.string(),
});

export const SurveyListQuery = z.object({
  status: z.enum(surveyStatuses).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const SamplePreview = z.object({
  asOf: z.string().optional().describe('only when the period is not over: the closed dossiers are counted up to this instant'),
  units: z.array(z.object({ agency: z.string(), agencyName: z.string(), population: z.number().int(), sampleSize: z.number().int() })),
  total: z.object({ population: z.number().int(), sampleSize: z.number().int() }),
});

export const SurveyActionBody = z.object({ action: z.enum(surveyActions) });

export const InvitationParams = z.object({ id: z.uuid(), invitationId: z.coerce.number().int().min(1) });

export const InvitationListQuery = z.object({
  agency: inputText().max(64).optional(),
  answered: z.stringbool().optional(),
  q: inputText().trim().max(100).optional().describe('a dossier code or part of the applicant’s name'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const InvitationItem = z.object({
  id: z.number().int(),
  dossierId: z.number().int(),
  dossierCode: z.string(),
  agency: z.string(),
  agencyName: z.string(),
  procedureName: z.string(),
  applicantName: z.string(),
  applicantPhone: z.string().nullable(),
  applicantAddress: z.string().nullable(),
  closedAt: z.string().nullable(),
  notified: z.boolean().describe('a message with the answer link was sent to one of the applicant’s addresses'),
  answeredAt: z.string().nullable(),
  channel: z.enum(surveyAnswerChannels).nullable(),
});

export const PrintQuery = z.object({
  agency: inputText().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const Answers = z.record(inputText().max(40), z.union([z.number(), inputText().max(surveyLimits.freeTextMax), z.array(inputText().max(40)).max(surveyLimits.optionsMax)]))
  .describe('per question key: a level 1–5, an option key, option keys, or text');

export const StaffAnswerBody = z.object({
  channel: z.enum(staffAnswerChannels).describe('how the applicant answered: a phone call, a letter, or at the counter'),
  answers: Answers,
  note: inputText().trim().max(500).optional(),
});

export const TokenBody = z.object({ token: inputText().trim().min(1).max(200).describe('the invitation’s one-time token (from the link or the printed QR code)') });

export const PublicInvitation = z.object({
  title: z.string(),
  agencyName: z.string(),
  dossierCode: z.string(),
  procedureName: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  questionnaire: Questionnaire,
});

export const PublicAnswerBody = TokenBody.extend({ answers: Answers });

const QuestionResult = z.object({
  key: z.string(),
  kind: z.enum(surveyQuestionKinds),
  answered: z.number().int(),
  average: z.number().nullable(),
  levels: z.object({ '5': z.number(), '4': z.number(), '3': z.number(), '2': z.number(), '1': z.number() }).nullable(),
  options: z.array(z.object({ key: z.string(), count: z.number().int(), share: z.number().nullable() })).nullable(),
  texts: z.array(z.string()).nullable(),
});

const Figures = z.object({
  invited: z.number().int(),
  answered: z.number().int(),
  responseRate: z.number().nullable().describe('answered / invited, 4 decimals'),
  questions: z.array(QuestionResult),
});

export const ExternalFigure = z.object({
  id: z.uuid(),
  agency: z.string(),
  agencyName: z.string(),
  level: z.string(),
  year: z.number().int(),
  kind: z.enum(externalFigureKinds),
  value: z.number().describe('as published: a percentage 0–100'),
  rank: z.number().int().nullable(),
  rankOf: z.number().int().nullable(),
  source: z.string(),
  publishedOn: z.string().nullable(),
  note: z.string().nullable(),
  enteredAt: z.string(),
});

export const SurveyResults = z.object({
  survey: z.object({ id: z.uuid(), title: z.string(), status: z.enum(surveyStatuses), periodFrom: z.string(), periodTo: z.string(), questionnaire: Questionnaire }),
  generatedAt: z.string(),
  units: z.array(Figures.extend({ agency: z.string(), agencyName: z.string() })),
  total: Figures,
  externalFigures: z.array(ExternalFigure).describe('SIPAS and PAR Index of the surveyed agencies and those above them, of the period’s year or the latest published before it, as published (never computed)'),
});
