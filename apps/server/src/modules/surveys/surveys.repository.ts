/** SQL of satisfaction surveys (migration 0043). No rules here: the use cases decide, these read and write. */
import { sql, type Kysely, type SqlBool } from 'kysely';
import type { Questionnaire, SamplingPlan, SurveyAnswerChannel, SurveyAnswers, SurveyPeriod, SurveyStatus } from '@motcua/domain';
import type { Database } from '../../db/schema.ts';
import { containsPattern } from '../../db/like.ts';

export interface SurveyAgency {
  id: string;
  code: string;
  name: string;
  level: string;
  path: string;
}

export type SurveyRow = NonNullable<Awaited<ReturnType<typeof findSurvey>>>;

export async function findSurvey(db: Kysely<Database>, id: string, options: { forUpdate?: boolean } = {}) {
  let q = db.selectFrom('surveys').selectAll().where('id', '=', id);
  if (options.forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

/**
 * The survey's status, its row held FOR SHARE until the transaction ends: an answer takes it, a
 * close takes the row FOR UPDATE, so an answer commits either before the close or not at all.
 */
export async function surveyStatusForAnswer(db: Kysely<Database>, id: string): Promise<SurveyStatus | undefined> {
  return (await db.selectFrom('surveys').select('status').where('id', '=', id).forShare().executeTakeFirst())?.status;
}

export async function surveyAgencies(db: Kysely<Database>, surveyId: string): Promise<SurveyAgency[]> {
  return db.selectFrom('survey_agencies as sa').innerJoin('agencies as a', 'a.id', 'sa.agency_id')
    .select(['a.id', 'a.code', 'a.name', 'a.level', 'a.path']).where('sa.survey_id', '=', surveyId).orderBy('a.code').execute();
}

export async function agenciesByCodes(db: Kysely<Database>, codes: readonly string[]): Promise<SurveyAgency[]> {
  if (codes.length === 0) return [];
  return db.selectFrom('agencies').select(['id', 'code', 'name', 'level', 'path']).where('code', 'in', [...codes]).execute();
}

export interface SurveyValues {
  title: string;
  period: SurveyPeriod;
  periodFrom: string;
  periodTo: string;
  questionnaire: Questionnaire;
  sampling: SamplingPlan;
  seed: string;
}

const columnsOf = (v: SurveyValues) => ({
  title: v.title, period: JSON.stringify(v.period), period_from: v.periodFrom, period_to: v.periodTo,
  questionnaire: JSON.stringify(v.questionnaire), sampling: JSON.stringify(v.sampling), seed: v.seed,
});

export async function insertSurvey(db: Kysely<Database>, values: SurveyValues, by: string, at: Date): Promise<string> {
  const row = await db.insertInto('surveys').values({ ...columnsOf(values), created_by: by, created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateSurvey(db: Kysely<Database>, id: string, values: SurveyValues, at: Date): Promise<void> {
  await db.updateTable('surveys').set({ ...columnsOf(values), updated_at: at }).where('id', '=', id).execute();
}

export async function setSurveyAgencies(db: Kysely<Database>, surveyId: string, agencyIds: readonly string[]): Promise<void> {
  await db.deleteFrom('survey_agencies').where('survey_id', '=', surveyId).execute();
  if (agencyIds.length) await db.insertInto('survey_agencies').values(agencyIds.map((agency_id) => ({ survey_id: surveyId, agency_id }))).execute();
}

export async function deleteSurvey(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('surveys').where('id', '=', id).execute();
}

export async function setStatus(db: Kysely<Database>, id: string, status: SurveyStatus, by: string, at: Date): Promise<void> {
  const stamp = status === 'open' ? { opened_by: by, opened_at: at } : status === 'closed' ? { closed_by: by, closed_at: at } : {};
  await db.updateTable('surveys').set({ status, updated_at: at, ...stamp }).where('id', '=', id).execute();
}

/** A subtree condition on an agency path column: inside one of `scopes`. */
const within = (column: string, scopes: readonly string[]) =>
  scopes.length ? sql<SqlBool>`(${sql.join(scopes.map((s) => sql`starts_with(${sql.ref(column)}, ${s})`), sql` OR `)})` : sql<SqlBool>`false`;

/** Surveys that cover at least one agency inside `scopes`, newest first, with their counts inside `scopes`. */
export async function listSurveys(db: Kysely<Database>, scopes: readonly string[], q: { status?: SurveyStatus | undefined; limit: number; offset: number }) {
  let base = db.selectFrom('surveys as s')
    .where(({ exists, selectFrom }) => exists(selectFrom('survey_agencies as sa').innerJoin('agencies as a', 'a.id', 'sa.agency_id')
      .select('sa.agency_id').whereRef('sa.survey_id', '=', 's.id').where(within('a.path', scopes))));
  if (q.status) base = base.where('s.status', '=', q.status);
  const [items, total] = await Promise.all([
    base.select([
      's.id', 's.title', 's.status', 's.period_from', 's.period_to', 's.created_at',
      sql<number>`(SELECT count(*) FROM survey_agencies sa WHERE sa.survey_id = s.id)::int`.as('agencies'),
      // Counted at the caller's agencies only: a commune does not learn another's figures from the list.
      sql<number>`(SELECT count(*) FROM survey_invitations i JOIN agencies a ON a.id = i.agency_id WHERE i.survey_id = s.id AND ${within('a.path', scopes)})::int`.as('invited'),
      sql<number>`(SELECT count(*) FROM survey_invitations i JOIN agencies a ON a.id = i.agency_id
                   WHERE i.survey_id = s.id AND i.answered_at IS NOT NULL AND ${within('a.path', scopes)})::int`.as('answered'),
    ]).orderBy('s.created_at', 'desc').orderBy('s.id').limit(q.limit).offset(q.offset).execute(),
    base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: total.n };
}

/** Invitations and answers of a survey, in all or at `agencyIds`. */
export async function invitationCounts(db: Kysely<Database>, surveyId: string, agencyIds?: readonly string[]) {
  let q = db.selectFrom('survey_invitations').where('survey_id', '=', surveyId);
  if (agencyIds) q = agencyIds.length ? q.where('agency_id', 'in', [...agencyIds]) : q.where(sql<SqlBool>`false`);
  const row = await q.select([sql<number>`count(*)::int`.as('invited'), sql<number>`count(answered_at)::int`.as('answered')]).executeTakeFirstOrThrow();
  return row;
}

/**
 * The dossiers received at `agencyIds` whose close instant (the earlier of their result and their
 * withdrawal, docs/rules/statistics.md) is in [start, end): the population of a survey. Uses the
 * index on (agency_id, closed_at).
 */
export async function closedDossiers(db: Kysely<Database>, agencyIds: readonly string[], start: Date, end: Date) {
  if (agencyIds.length === 0) return [];
  return db.selectFrom('dossiers').select(['id', 'code', 'agency_id'])
    .where('agency_id', 'in', [...agencyIds]).where('closed_at', '>=', start).where('closed_at', '<', end).execute();
}

/** The number of such dossiers per agency (the sample preview). */
export async function closedCounts(db: Kysely<Database>, agencyIds: readonly string[], start: Date, end: Date): Promise<Map<string, number>> {
  if (agencyIds.length === 0) return new Map();
  const rows = await db.selectFrom('dossiers').select(['agency_id', sql<number>`count(*)::int`.as('n')])
    .where('agency_id', 'in', [...agencyIds]).where('closed_at', '>=', start).where('closed_at', '<', end).groupBy('agency_id').execute();
  return new Map(rows.map((r) => [r.agency_id, r.n]));
}

export async function insertInvitations(
  tx: Kysely<Database>, rows: ReadonlyArray<{ surveyId: string; dossierId: number; agencyId: string; rank: number }>, at: Date,
): Promise<Array<{ id: number; dossier_id: number }>> {
  const out: Array<{ id: number; dossier_id: number }> = [];
  for (let i = 0; i < rows.length; i += 1000) {
    const part = rows.slice(i, i + 1000).map((r) => ({ survey_id: r.surveyId, dossier_id: r.dossierId, agency_id: r.agencyId, draw_rank: r.rank, created_at: at }));
    out.push(...(await tx.insertInto('survey_invitations').values(part).returning(['id', 'dossier_id']).execute()));
  }
  return out;
}

/** What a message to the applicant of each dossier needs: their addresses, the procedure and the agency. */
export async function dossierContacts(db: Kysely<Database>, dossierIds: readonly number[]) {
  if (dossierIds.length === 0) return [];
  return db.selectFrom('dossiers as d')
    .innerJoin('agencies as a', 'a.id', 'd.agency_id')
    .innerJoin('procedure_versions as pv', 'pv.id', 'd.procedure_version_id')
    .select(['d.id', 'd.code', 'd.agency_id', 'd.applicant_name', 'd.applicant_email', 'd.applicant_phone', 'd.applicant_address', 'd.submitter_citizen_id',
      'pv.name as procedure_name', 'a.name as agency_name'])
    .where('d.id', 'in', [...dossierIds]).execute();
}

export async function insertTokens(
  tx: Kysely<Database>, rows: ReadonlyArray<{ hash: string; invitationId: number; purpose: 'message' | 'print' }>, by: string | null, at: Date,
): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    const part = rows.slice(i, i + 1000).map((r) => ({ token_hash: r.hash, invitation_id: r.invitationId, purpose: r.purpose, issued_at: at, issued_by: by }));
    if (part.length) await tx.insertInto('survey_invitation_tokens').values(part).execute();
  }
}

export async function markNotified(tx: Kysely<Database>, invitationIds: readonly number[]): Promise<void> {
  for (let i = 0; i < invitationIds.length; i += 1000) {
    const part = invitationIds.slice(i, i + 1000);
    if (part.length) await tx.updateTable('survey_invitations').set({ notified: true }).where('id', 'in', part).execute();
  }
}

/** The invitation a token (by its hash) was issued for, with its survey; whether the token is spent. */
export async function invitationByToken(db: Kysely<Database>, tokenHash: string) {
  return db.selectFrom('survey_invitation_tokens as t')
    .innerJoin('survey_invitations as i', 'i.id', 't.invitation_id')
    .innerJoin('surveys as s', 's.id', 'i.survey_id')
    .innerJoin('dossiers as d', 'd.id', 'i.dossier_id')
    .innerJoin('agencies as a', 'a.id', 'i.agency_id')
    .innerJoin('procedure_versions as pv', 'pv.id', 'd.procedure_version_id')
    .select(['t.used_at', 'i.id as invitation_id', 'i.survey_id', 'i.agency_id', 'i.answered_at', 's.status', 's.title', 's.questionnaire',
      's.period_from', 's.period_to', 'd.code as dossier_code', 'd.applicant_name', 'a.name as agency_name', 'a.path as agency_path', 'pv.name as procedure_name'])
    .where('t.token_hash', '=', tokenHash).executeTakeFirst();
}

/** One invitation of a survey, with its dossier and agency. */
export async function findInvitation(db: Kysely<Database>, surveyId: string, invitationId: number, options: { forUpdate?: boolean } = {}) {
  let q = db.selectFrom('survey_invitations as i')
    .innerJoin('dossiers as d', 'd.id', 'i.dossier_id')
    .innerJoin('agencies as a', 'a.id', 'i.agency_id')
    .select(['i.id', 'i.survey_id', 'i.agency_id', 'i.answered_at', 'd.code as dossier_code', 'd.applicant_name', 'a.path as agency_path'])
    .where('i.survey_id', '=', surveyId).where('i.id', '=', invitationId);
  if (options.forUpdate) q = q.forUpdate(['i']);
  return q.executeTakeFirst();
}

/** Spends every live token of the invitation; returns the hashes spent. */
export async function spendTokens(tx: Kysely<Database>, invitationId: number, at: Date): Promise<string[]> {
  const rows = await tx.updateTable('survey_invitation_tokens').set({ used_at: at })
    .where('invitation_id', '=', invitationId).where('used_at', 'is', null).returning('token_hash').execute();
  return rows.map((r) => r.token_hash);
}

/** The answer of an invitation, once: false when it already has one. */
export async function insertResponse(tx: Kysely<Database>, row: {
  invitationId: number; surveyId: string; agencyId: string; answers: SurveyAnswers; channel: SurveyAnswerChannel;
  enteredBy: string | null; note: string | null; at: Date; ip: string | null;
}): Promise<boolean> {
  const inserted = await tx.insertInto('survey_responses').values({
    invitation_id: row.invitationId, survey_id: row.surveyId, agency_id: row.agencyId, answers: JSON.stringify(row.answers), channel: row.channel,
    entered_by: row.enteredBy, note: row.note, answered_at: row.at, ip: row.ip,
  }).onConflict((oc) => oc.column('invitation_id').doNothing()).returning('invitation_id').executeTakeFirst();
  if (!inserted) return false;
  await tx.updateTable('survey_invitations').set({ answered_at: row.at }).where('id', '=', row.invitationId).execute();
  return true;
}

/** The key of the message of an invitation on a channel: a second enqueue adds nothing, and a survey finds its messages. */
export const invitationMessageKey = (surveyId: string, invitationId: number, channel: string) => `survey:${surveyId}:${invitationId}:${channel}`;

const masked = '••••••';

/**
 * The invitation messages of a survey (`invitationId` given: of that invitation) whose token is no
 * longer live: one still queued is given up with `reason`; the others have the token in their link
 * and text masked, so the ledger keeps no token that could still answer.
 */
export async function retireInvitationMessages(tx: Kysely<Database>, surveyId: string, invitationId: number | null, at: Date, reason: string): Promise<void> {
  const prefix = invitationId === null ? `survey:${surveyId}:` : `survey:${surveyId}:${invitationId}:`;
  const mine = sql<SqlBool>`starts_with(dedupe_key, ${prefix})`;
  await tx.updateTable('notifications').set({ status: 'failed', failed_at: at, last_error: reason })
    .where('kind', '=', 'survey_invitation').where(mine).where('status', '=', 'queued').execute();
  const token = sql<string>`split_part(variables->>'link', '#t=', 2)`;
  await tx.updateTable('notifications')
    .set({
      body: sql<string>`replace(body, ${token}, ${masked})`,
      variables: sql`jsonb_set(variables, '{link}', to_jsonb(split_part(variables->>'link', '#t=', 1) || ${`#t=${masked}`}::text))`,
    })
    .where('kind', '=', 'survey_invitation').where(mine).where('status', '<>', 'sending')
    .where(sql<SqlBool>`${token} NOT IN ('', ${masked})`)
    .execute();
}

/** The invitations of a survey at `agencyIds`, for follow-up. */
export async function invitationList(
  db: Kysely<Database>, surveyId: string, agencyIds: readonly string[],
  f: { answered?: boolean | undefined; q?: string | undefined; limit: number; offset: number },
) {
  if (agencyIds.length === 0) return { items: [], total: 0 };
  let base = db.selectFrom('survey_invitations as i')
    .innerJoin('dossiers as d', 'd.id', 'i.dossier_id')
    .innerJoin('agencies as a', 'a.id', 'i.agency_id')
    .leftJoin('survey_responses as r', 'r.invitation_id', 'i.id')
    .where('i.survey_id', '=', surveyId).where('i.agency_id', 'in', [...agencyIds]);
  if (f.answered !== undefined) base = base.where('i.answered_at', f.answered ? 'is not' : 'is', null);
  if (f.q) {
    const q = f.q;
    base = base.where((eb) => eb.or([
      eb(sql`upper(d.code)`, 'like', containsPattern(q.toUpperCase())),
      eb(sql`motcua_fold(d.applicant_name)`, 'like', sql`'%' || motcua_fold(${q}) || '%'`),
    ]));
  }
  const [items, total] = await Promise.all([
    base.innerJoin('procedure_versions as pv', 'pv.id', 'd.procedure_version_id')
      .select(['i.id', 'i.dossier_id', 'i.notified', 'i.answered_at', 'd.code', 'd.applicant_name', 'd.applicant_phone', 'd.applicant_address', 'd.closed_at',
        'a.code as agency_code', 'a.name as agency_name', 'pv.name as procedure_name', 'r.channel'])
      .orderBy('a.code').orderBy('i.draw_rank').limit(f.limit).offset(f.offset).execute(),
    base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: total.n };
}

/** Unanswered invitations at `agencyIds` in the order of the draw, for the printed follow-up list. */
export async function pendingInvitations(db: Kysely<Database>, surveyId: string, agencyIds: readonly string[], page: { limit: number; offset: number }) {
  if (agencyIds.length === 0) return [];
  return db.selectFrom('survey_invitations as i')
    .innerJoin('dossiers as d', 'd.id', 'i.dossier_id')
    .innerJoin('agencies as a', 'a.id', 'i.agency_id')
    .innerJoin('procedure_versions as pv', 'pv.id', 'd.procedure_version_id')
    .select(['i.id', 'i.notified', 'd.code', 'd.applicant_name', 'd.applicant_phone', 'd.applicant_address', 'a.name as agency_name', 'a.code as agency_code',
      'pv.name as procedure_name'])
    .where('i.survey_id', '=', surveyId).where('i.agency_id', 'in', [...agencyIds]).where('i.answered_at', 'is', null)
    .orderBy('a.code').orderBy('i.draw_rank').limit(page.limit).offset(page.offset).execute();
}

/** Invitations per agency, and the answers of each agency oldest first: what the results are computed from. */
export async function resultInputs(db: Kysely<Database>, surveyId: string, agencyIds: readonly string[]) {
  if (agencyIds.length === 0) return { invited: new Map<string, number>(), answers: [] as Array<{ agency_id: string; answers: SurveyAnswers }> };
  const [invited, answers] = await Promise.all([
    db.selectFrom('survey_invitations').select(['agency_id', sql<number>`count(*)::int`.as('n')])
      .where('survey_id', '=', surveyId).where('agency_id', 'in', [...agencyIds]).groupBy('agency_id').execute(),
    db.selectFrom('survey_responses').select(['agency_id', 'answers'])
      .where('survey_id', '=', surveyId).where('agency_id', 'in', [...agencyIds]).orderBy('answered_at').orderBy('invitation_id').execute(),
  ]);
  return { invited: new Map(invited.map((r) => [r.agency_id, r.n])), answers };
}
