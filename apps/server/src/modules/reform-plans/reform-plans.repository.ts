/** SQL of administrative-reform plans. No rules here: the domain and the use cases decide, these read and write. */
import { sql, type Insertable, type Kysely, type RawBuilder, type SqlBool, type Updateable } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { ReformPlansTable, ReformTasksTable } from '../../db/schema-quality.ts';

/** `column` starts with one of `paths` (materialised agency paths); false for none. */
function startsWithAny(column: string, paths: readonly string[]): RawBuilder<SqlBool> {
  if (paths.length === 0) return sql<SqlBool>`false`;
  return sql<SqlBool>`(${sql.join(paths.map((p) => sql`starts_with(${sql.ref(column)}, ${p})`), sql` OR `)})`;
}

/**
 * Which tasks a caller sees (reform-plans.policies.ts says it in words): the plan's agency is inside
 * a subtree where they read whole plans, or a lead or coordinating unit of the task is theirs — a
 * whole agency their staff roles reach, or the unit their account is in, of such an agency.
 * Written against the aliases `t` (the task) and `pa` (the plan's agency).
 */
export interface Visibility {
  wholePlans: readonly string[];
  staff: readonly string[];
  unitId: string | null;
}

function visibleTask(v: Visibility): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${startsWithAny('pa.path', v.wholePlans)} OR EXISTS (
    SELECT 1 FROM reform_task_units tu
    LEFT JOIN units uu ON uu.id = tu.unit_id
    JOIN agencies ua ON ua.id = coalesce(tu.agency_id, uu.agency_id)
    WHERE tu.task_id = t.id AND ${startsWithAny('ua.path', v.staff)} AND (tu.unit_id IS NULL OR tu.unit_id = ${v.unitId})
  ))`;
}

export async function callerUnitId(db: Kysely<Database>, userId: string): Promise<string | null> {
  return (await db.selectFrom('users').select('unit_id').where('id', '=', userId).executeTakeFirst())?.unit_id ?? null;
}

export async function insertPlan(tx: Kysely<Database>, values: Insertable<ReformPlansTable>): Promise<string> {
  return (await tx.insertInto('reform_plans').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updatePlan(tx: Kysely<Database>, id: string, values: Updateable<ReformPlansTable>): Promise<void> {
  await tx.updateTable('reform_plans').set(values).where('id', '=', id).execute();
}

const planColumns = [
  'p.id', 'p.agency_id', 'p.year', 'p.title', 'p.document_number', 'p.created_at', 'p.updated_at',
  'pa.name as agency_name', 'pa.code as agency_code', 'pa.path as agency_path', 'pa.level as agency_level',
] as const;
const documentDate = sql<string | null>`p.document_date::text`.as('document_date');

/** One plan with its agency, locked for the caller's transaction when `lock`. */
export async function findPlan(db: Kysely<Database>, id: string, lock = false) {
  let q = db.selectFrom('reform_plans as p').innerJoin('agencies as pa', 'pa.id', 'p.agency_id').select([...planColumns, documentDate]).where('p.id', '=', id);
  if (lock) q = q.forUpdate('p');
  return q.executeTakeFirst();
}
export type PlanRow = NonNullable<Awaited<ReturnType<typeof findPlan>>>;

export interface PlanFilter {
  year?: number | undefined;
  /** Plans of this agency's subtree (its materialised path). */
  agencyPath?: string | undefined;
  planId?: string | undefined;
}

/** The plans a caller sees any task of (or reads whole): newest year first, then by agency, then as made (by title when made at one instant). */
export async function listPlans(db: Kysely<Database>, f: PlanFilter, v: Visibility): Promise<PlanRow[]> {
  let q = db
    .selectFrom('reform_plans as p')
    .innerJoin('agencies as pa', 'pa.id', 'p.agency_id')
    .select([...planColumns, documentDate])
    .where(sql<SqlBool>`(${startsWithAny('pa.path', v.wholePlans)} OR EXISTS (SELECT 1 FROM reform_tasks t WHERE t.plan_id = p.id AND ${visibleTask(v)}))`);
  if (f.year !== undefined) q = q.where('p.year', '=', f.year);
  if (f.agencyPath) q = q.where(sql<SqlBool>`starts_with(pa.path, ${f.agencyPath})`);
  if (f.planId) q = q.where('p.id', '=', f.planId);
  return q.orderBy('p.year', 'desc').orderBy('pa.path').orderBy('p.created_at').orderBy('p.title').orderBy('p.id').execute();
}

const taskColumns = [
  't.id', 't.plan_id', 'pa.path as plan_agency_path', 't.area', 't.position', 't.title', 't.expected_result', 't.result', 't.created_at', 't.updated_at',
  sql<string>`t.deadline::text`.as('deadline'), sql<string | null>`t.completed_on::text`.as('completed_on'),
] as const;

/**
 * The tasks of the given plans (or the given tasks) in plan order; with `visibility`, only those
 * the caller sees.
 */
export async function listTasks(db: Kysely<Database>, by: { planIds?: string[]; taskIds?: string[] }, visibility?: Visibility) {
  if ((by.planIds && by.planIds.length === 0) || (by.taskIds && by.taskIds.length === 0)) return [];
  let q = db
    .selectFrom('reform_tasks as t')
    .innerJoin('reform_plans as p', 'p.id', 't.plan_id')
    .innerJoin('agencies as pa', 'pa.id', 'p.agency_id')
    .select(taskColumns);
  if (by.planIds) q = q.where('t.plan_id', 'in', by.planIds);
  if (by.taskIds) q = q.where('t.id', 'in', by.taskIds);
  if (visibility) q = q.where(visibleTask(visibility));
  return q.orderBy('t.plan_id').orderBy('t.position').execute();
}
export type TaskRow = Awaited<ReturnType<typeof listTasks>>[number];

/** One task with its plan's agency path, locked for the caller's transaction when `lock`. */
export async function findTask(db: Kysely<Database>, id: string, lock = false) {
  let q = db
    .selectFrom('reform_tasks as t')
    .innerJoin('reform_plans as p', 'p.id', 't.plan_id')
    .innerJoin('agencies as pa', 'pa.id', 'p.agency_id')
    .select([...taskColumns, 'p.year', 'p.agency_id', 'pa.path as agency_path'])
    .where('t.id', '=', id);
  if (lock) q = q.forUpdate('t');
  return q.executeTakeFirst();
}

/** The lead and coordinating units of tasks, with their names and their agency's path. */
export async function taskUnits(db: Kysely<Database>, taskIds: string[]) {
  if (taskIds.length === 0) return [];
  return db
    .selectFrom('reform_task_units as tu')
    .leftJoin('units as u', 'u.id', 'tu.unit_id')
    .innerJoin('agencies as a', (join) => join.on(sql<SqlBool>`a.id = coalesce(tu.agency_id, u.agency_id)`))
    .select(['tu.task_id', 'tu.role', 'tu.unit_id', 'tu.agency_id', 'u.code as unit_code', 'u.name as unit_name', 'a.id as owner_id', 'a.name as owner_name', 'a.short_name as owner_short_name', 'a.path as owner_path'])
    .where('tu.task_id', 'in', taskIds)
    .orderBy('tu.task_id')
    .orderBy(sql`tu.role = 'lead'`, 'desc')
    .orderBy('a.path')
    .orderBy('u.code')
    .execute();
}
export type TaskUnitRow = Awaited<ReturnType<typeof taskUnits>>[number];

/** What was reported of tasks, oldest first (`kinds`: only those). */
export async function taskUpdates(db: Kysely<Database>, taskIds: string[], kinds?: Array<'progress' | 'completion' | 'reopening'>) {
  if (taskIds.length === 0) return [];
  let q = db
    .selectFrom('reform_task_updates as u')
    .select(['u.id', 'u.task_id', 'u.kind', 'u.percent', 'u.note', 'u.actor_name', 'u.recorded_at', sql<string>`u.reported_on::text`.as('reported_on')])
    .where('u.task_id', 'in', taskIds);
  if (kinds) q = q.where('u.kind', 'in', kinds);
  return q.orderBy('u.id').execute();
}

export async function updateEvidence(db: Kysely<Database>, updateIds: number[]) {
  if (updateIds.length === 0) return [];
  return db
    .selectFrom('reform_task_evidence as e')
    .innerJoin('files as f', 'f.id', 'e.file_id')
    .select(['e.update_id', 'f.id', 'f.original_name', 'f.media_type', 'f.size_bytes'])
    .where('e.update_id', 'in', updateIds)
    .orderBy('f.created_at')
    .orderBy('f.original_name')
    .orderBy('f.id')
    .execute();
}

/** An evidence file of a task: its stored content's key. */
export async function findEvidence(db: Kysely<Database>, taskId: string, fileId: string) {
  return db
    .selectFrom('reform_task_evidence as e')
    .innerJoin('reform_task_updates as u', 'u.id', 'e.update_id')
    .innerJoin('files as f', 'f.id', 'e.file_id')
    .select(['f.storage_key', 'f.media_type', 'f.original_name'])
    .where('u.task_id', '=', taskId)
    .where('e.file_id', '=', fileId)
    .executeTakeFirst();
}

/** Uploaded files with what already uses them (a dossier, a document, another update); locked. */
export async function filesForClaim(tx: Kysely<Database>, fileIds: string[]) {
  if (fileIds.length === 0) return [];
  return tx
    .selectFrom('files as f')
    .select((eb) => [
      'f.id', 'f.uploaded_by', 'f.dossier_id',
      eb.exists(eb.selectFrom('official_documents as d').select('d.id').whereRef('d.file_id', '=', 'f.id')).as('in_document'),
      eb.exists(eb.selectFrom('reform_task_evidence as e').select('e.file_id').whereRef('e.file_id', '=', 'f.id')).as('in_evidence'),
    ])
    .where('f.id', 'in', fileIds)
    .forUpdate('f')
    .execute();
}

export async function insertEvidence(tx: Kysely<Database>, updateId: number, fileIds: string[]): Promise<void> {
  if (fileIds.length === 0) return;
  await tx.insertInto('reform_task_evidence').values(fileIds.map((fileId) => ({ file_id: fileId, update_id: updateId }))).execute();
}

export async function nextTaskPosition(tx: Kysely<Database>, planId: string): Promise<number> {
  const row = await tx.selectFrom('reform_tasks').select(sql<number>`coalesce(max(position), 0) + 1`.as('next')).where('plan_id', '=', planId).executeTakeFirstOrThrow();
  return Number(row.next);
}

export async function countTasks(db: Kysely<Database>, planId: string): Promise<number> {
  const row = await db.selectFrom('reform_tasks').select((eb) => eb.fn.countAll<string>().as('n')).where('plan_id', '=', planId).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertTask(tx: Kysely<Database>, values: Insertable<ReformTasksTable>): Promise<string> {
  return (await tx.insertInto('reform_tasks').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateTask(tx: Kysely<Database>, id: string, values: Updateable<ReformTasksTable>): Promise<void> {
  await tx.updateTable('reform_tasks').set(values).where('id', '=', id).execute();
}

export interface UnitRef {
  unitId: string | null;
  agencyId: string | null;
}

/** Replaces the task's lead and coordinating units. */
export async function setTaskUnits(tx: Kysely<Database>, taskId: string, lead: UnitRef, coordinating: UnitRef[]): Promise<void> {
  await tx.deleteFrom('reform_task_units').where('task_id', '=', taskId).execute();
  await tx.insertInto('reform_task_units').values([
    { task_id: taskId, role: 'lead' as const, unit_id: lead.unitId, agency_id: lead.agencyId },
    ...coordinating.map((c) => ({ task_id: taskId, role: 'coordinating' as const, unit_id: c.unitId, agency_id: c.agencyId })),
  ]).execute();
}

export async function insertUpdate(
  tx: Kysely<Database>,
  u: { taskId: string; kind: 'progress' | 'completion' | 'reopening'; reportedOn: string; percent: number | null; note: string | null; actorId: string | null; actorName: string | null; at: Date },
): Promise<number> {
  const row = await tx
    .insertInto('reform_task_updates')
    .values({ task_id: u.taskId, kind: u.kind, reported_on: u.reportedOn, percent: u.percent, note: u.note, actor_id: u.actorId, actor_name: u.actorName, recorded_at: u.at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/**
 * The units and agencies a plan of the agency at `path` may name as lead or coordinating units:
 * the agency itself and the agencies under it that exist on `today`, and their active units.
 */
export async function unitChoices(db: Kysely<Database>, path: string, today: string) {
  const agencies = await db
    .selectFrom('agencies as a')
    .select(['a.id', 'a.name', 'a.short_name', 'a.path', 'a.level'])
    .where(sql<SqlBool>`starts_with(a.path, ${path})`)
    .where((eb) => eb.or([eb('a.valid_to', 'is', null), eb(sql`a.valid_to`, '>=', sql`${today}::date`)]))
    .where((eb) => eb.or([eb('a.valid_from', 'is', null), eb(sql`a.valid_from`, '<=', sql`${today}::date`)]))
    .orderBy('a.path')
    .execute();
  const units = agencies.length === 0 ? [] : await db
    .selectFrom('units as u')
    .select(['u.id', 'u.code', 'u.name', 'u.agency_id'])
    .where('u.agency_id', 'in', agencies.map((a) => a.id))
    .where('u.active', '=', true)
    .orderBy('u.code')
    .execute();
  return { agencies, units };
}

/** A unit's or an agency's path, to check it lies under a plan's agency. */
export async function unitOrAgencyPath(db: Kysely<Database>, ref: UnitRef): Promise<string | undefined> {
  if (ref.unitId) {
    const row = await db.selectFrom('units as u').innerJoin('agencies as a', 'a.id', 'u.agency_id').select('a.path').where('u.id', '=', ref.unitId).executeTakeFirst();
    return row?.path;
  }
  if (ref.agencyId) return (await db.selectFrom('agencies').select('path').where('id', '=', ref.agencyId).executeTakeFirst())?.path;
  return undefined;
}
