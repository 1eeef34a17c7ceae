/** Table types of service quality (migration 0040 on: feedback and petitions; 0042: rating criteria and alerts; 0043: surveys and external figures; 0044: the service index; 0045: administrative-reform plans). */
import type { ColumnType, Generated } from 'kysely';
import type {
  CriterionPoints, ExternalFigureKind, FeedbackCategory, FeedbackChannel, FeedbackLogAction, FeedbackStatus, PlainDate, Questionnaire, RatingCriterion,
  ReformArea, SamplingPlan, SurveyAnswerChannel, SurveyAnswers, SurveyPeriod, SurveyStatus,
} from '@motcua/domain';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface FeedbackTable {
  id: Generated<string>;
  code: string;
  agency_id: string;
  channel: FeedbackChannel;
  /** Migration 0041: what it is; null is a feedback. */
  category: ColumnType<FeedbackCategory | null, FeedbackCategory | null | undefined, FeedbackCategory | null>;
  title: string;
  content: string;
  sender_name: ColumnType<string | null, string | null | undefined, string | null>;
  sender_phone: ColumnType<string | null, string | null | undefined, string | null>;
  sender_email: ColumnType<string | null, string | null | undefined, string | null>;
  citizen_id: ColumnType<string | null, string | null | undefined, string | null>;
  publish_consent: ColumnType<boolean, boolean | undefined, boolean>;
  status: ColumnType<FeedbackStatus, FeedbackStatus | undefined, FeedbackStatus>;
  received_at: Timestamp;
  due_at: Timestamp;
  answered_at: NullableTimestamp;
  answer: ColumnType<string | null, string | null | undefined, string | null>;
  published_at: NullableTimestamp;
  // Migration 0041: handling (docs/rules/service-quality.md).
  addressed_agency_id: ColumnType<string | null, string | null | undefined, string | null>;
  sender_address: ColumnType<string | null, string | null | undefined, string | null>;
  security_code_hash: ColumnType<string | null, string | null | undefined, string | null>;
  received_by: ColumnType<string | null, string | null | undefined, string | null>;
  assigned_at: NullableTimestamp;
  waiting_since: NullableTimestamp;
  answered_by: ColumnType<string | null, string | null | undefined, string | null>;
  refused_at: NullableTimestamp;
  published_title: ColumnType<string | null, string | null | undefined, string | null>;
  published_content: ColumnType<string | null, string | null | undefined, string | null>;
  published_answer: ColumnType<string | null, string | null | undefined, string | null>;
  published_by: ColumnType<string | null, string | null | undefined, string | null>;
  published_search: ColumnType<string, never, never>;
  overdue_notified_at: NullableTimestamp;
  updated_at: NullableTimestamp;
}

/** The log of a feedback (migration 0041); append-only. */
export interface FeedbackEventsTable {
  id: Generated<number>;
  feedback_id: string;
  action: FeedbackLogAction;
  from_status: FeedbackStatus | null;
  to_status: FeedbackStatus;
  actor_kind: 'staff' | 'citizen' | 'anonymous';
  actor_id: string | null;
  actor_name: string | null;
  at: Timestamp;
  details: ColumnType<Record<string, unknown>, string | undefined, never>;
}

/** Migration 0042: a rating's answers to the criteria of the one-stop scoring tool (one row per criterion answered). */
export interface DossierRatingAnswersTable {
  dossier_id: number;
  criterion: RatingCriterion;
  points: CriterionPoints;
}

/** Migration 0042: a low rating, alerting the leaders of the dossier's receiving unit until one marks it handled. */
export interface RatingAlertsTable {
  dossier_id: number;
  agency_id: string;
  score: number;
  raised_at: Timestamp;
  handled_at: NullableTimestamp;
  handled_by: ColumnType<string | null, string | null | undefined, string | null>;
  handling_note: ColumnType<string | null, string | null | undefined, string | null>;
}

/** Migration 0043: a periodic satisfaction survey. */
export interface SurveysTable {
  id: Generated<string>;
  title: string;
  status: ColumnType<SurveyStatus, SurveyStatus | undefined, SurveyStatus>;
  period: ColumnType<SurveyPeriod, string, string>;
  period_from: ColumnType<PlainDate, string, string>;
  period_to: ColumnType<PlainDate, string, string>;
  questionnaire: ColumnType<Questionnaire, string, string>;
  sampling: ColumnType<SamplingPlan, string, string>;
  seed: string;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  opened_by: ColumnType<string | null, string | null | undefined, string | null>;
  opened_at: NullableTimestamp;
  closed_by: ColumnType<string | null, string | null | undefined, string | null>;
  closed_at: NullableTimestamp;
}

export interface SurveyAgenciesTable {
  survey_id: string;
  agency_id: string;
}

export interface SurveyInvitationsTable {
  id: Generated<number>;
  survey_id: string;
  dossier_id: number;
  agency_id: string;
  draw_rank: number;
  notified: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: Timestamp;
  answered_at: NullableTimestamp;
}

export interface SurveyInvitationTokensTable {
  token_hash: string;
  invitation_id: number;
  purpose: 'message' | 'print';
  issued_at: Timestamp;
  issued_by: string | null;
  used_at: NullableTimestamp;
}

export interface SurveyResponsesTable {
  invitation_id: number;
  survey_id: string;
  agency_id: string;
  answers: ColumnType<SurveyAnswers, string, string>;
  channel: SurveyAnswerChannel;
  entered_by: string | null;
  note: string | null;
  answered_at: Timestamp;
  ip: string | null;
}

/** SIPAS and PAR Index as published (never computed). */
export interface ExternalFiguresTable {
  id: Generated<string>;
  agency_id: string;
  year: number;
  kind: ExternalFigureKind;
  value: number;
  rank: number | null;
  rank_of: number | null;
  source: string;
  published_on: ColumnType<string | null, string | null, string | null>;
  note: string | null;
  entered_by: string | null;
  entered_at: Timestamp;
}

/** Migration 0044: a version of the service index's weights (never changed once made). */
export interface ServiceIndexVersionsTable {
  number: number;
  /** The first day of a month, `YYYY-MM-DD`. */
  effective_from: ColumnType<string, string, never>;
  indicators: ColumnType<Record<string, { weight: number; target: number }>, string, never>;
  note: ColumnType<string | null, string | null | undefined, never>;
  created_by: ColumnType<string | null, string | null | undefined, never>;
  created_by_name: ColumnType<string | null, string | null | undefined, never>;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

/** Migration 0044: the index's figures outside the dossier rows, per agency and local day, kept by triggers. */
export interface ServiceIndexDailyTable {
  agency_id: string;
  day: string;
  ratings: number;
  ratings_satisfied: number;
  rating_points: number;
  results_signed: number;
  reused: number;
  payments: number;
  online_payments: number;
}

type PlainDateColumn = ColumnType<string, string, string>;
type NullableText = ColumnType<string | null, string | null | undefined, string | null>;

/** Migration 0045: an agency's administrative-reform plan for a year. */
export interface ReformPlansTable {
  id: Generated<string>;
  agency_id: string;
  year: number;
  title: string;
  document_number: NullableText;
  document_date: ColumnType<string | null, string | null | undefined, string | null>;
  created_by: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ReformTasksTable {
  id: Generated<string>;
  plan_id: string;
  area: ReformArea;
  position: number;
  title: string;
  expected_result: string;
  deadline: PlainDateColumn;
  completed_on: ColumnType<string | null, string | null | undefined, string | null>;
  result: NullableText;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** The lead unit and the coordinating units of a task: a unit of an agency, or a whole agency. */
export interface ReformTaskUnitsTable {
  task_id: string;
  role: 'lead' | 'coordinating';
  unit_id: NullableText;
  agency_id: NullableText;
}

export interface ReformTaskUpdatesTable {
  id: Generated<number>;
  task_id: string;
  kind: 'progress' | 'completion' | 'reopening';
  reported_on: PlainDateColumn;
  percent: ColumnType<number | null, number | null | undefined, number | null>;
  note: NullableText;
  actor_id: NullableText;
  actor_name: NullableText;
  recorded_at: Timestamp;
}

export interface ReformTaskEvidenceTable {
  file_id: string;
  update_id: number;
}

export interface QualityTables {
  feedback: FeedbackTable;
  feedback_events: FeedbackEventsTable;
  dossier_rating_answers: DossierRatingAnswersTable;
  rating_alerts: RatingAlertsTable;
  surveys: SurveysTable;
  survey_agencies: SurveyAgenciesTable;
  survey_invitations: SurveyInvitationsTable;
  survey_invitation_tokens: SurveyInvitationTokensTable;
  survey_responses: SurveyResponsesTable;
  external_figures: ExternalFiguresTable;
  service_index_versions: ServiceIndexVersionsTable;
  service_index_daily: ServiceIndexDailyTable;
  reform_plans: ReformPlansTable;
  reform_tasks: ReformTasksTable;
  reform_task_units: ReformTaskUnitsTable;
  reform_task_updates: ReformTaskUpdatesTable;
  reform_task_evidence: ReformTaskEvidenceTable;
}
