/**
 * Dossier lists for staff. The inbox holds what waits for the caller's roles: intake, transfer,
 * supplements and results at the counters of their agencies (officers), the workflow steps of
 * their role at the agencies that hold dossiers (specialists, leaders), suspended dossiers
 * (leaders). Online dossiers waiting to be received come first, the longest waiting first: no
 * clock runs for them yet (docs/rules/time.md), so an order by appointment would put them last;
 * then the most urgent (overdue, then the nearest appointment).
 */
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import { dossierReaderRoles, openStatuses, scopePaths, statusList, type Actor, type DossierStatus, type StaffRole } from '@motcua/domain';
import type { Database } from '../../db/schema.ts';
import { dueSoonAt, overdueAt } from './timeliness.ts';

export interface DossierListFilter {
  view: 'inbox' | 'all';
  status?: string[] | undefined;
  procedureCode?: string | undefined;
  q?: string | undefined;
  /** At the list's instant (docs/rules/time.md): `overdue`, the domain's `isOverdueAt`; `soon`, its `isDueSoonAt`. */
  due?: 'overdue' | 'soon' | undefined;
  receivedFrom?: Date | undefined;
  receivedTo?: Date | undefined;
  limit: number;
  offset: number;
}

export interface DossierListItem {
  id: number;
  code: string;
  status: string;
  procedureCode: string;
  procedureName: string;
  applicantName: string;
  channel: string;
  submittedAt: Date | null;
  receivedAt: Date | null;
  dueAt: Date | null;
  clockDueAt: Date | null;
  resultAt: Date | null;
  withdrawnAt: Date | null;
  clockStoppedAt: Date | null;
  stepName: string | null;
  stepRole: string | null;
  assigneeId: string | null;
  agencyId: string;
  agencyName: string;
  handlingAgencyName: string;
  /** Waiting for a supplement that the applicant has already sent online: the officer can receive it. */
  supplementSubmitted: boolean;
}

/** What officers do at the counter: reception, supplements, results to return. */
const counterStatuses: DossierStatus[] = ['submitted', 'received', 'supplement_requested', 'resolved', 'rejected'];

export async function listDossiers(db: Kysely<Database>, actor: Actor, filter: DossierListFilter, now: Date): Promise<{ items: DossierListItem[]; total: number }> {
  if (actor.kind !== 'staff') return { items: [], total: 0 };
  const within = (column: 'ra.path' | 'ha.path', roles: readonly StaffRole[]) => (eb: any): Expression<SqlBool> => {
    const paths = scopePaths(actor, roles);
    return paths.length ? eb.or(paths.map((p) => eb(eb.fn('starts_with', [column, eb.val(p)]), '=', true))) : sql<SqlBool>`false`;
  };
  const stepRole = sql<string | null>`(v.workflow -> d.step_index ->> 'role')`;
  let query = db
    .selectFrom('dossiers as d')
    .innerJoin('procedure_versions as v', 'v.id', 'd.procedure_version_id')
    .innerJoin('agencies as ra', 'ra.id', 'd.agency_id')
    .innerJoin('agencies as ha', 'ha.id', 'd.handling_agency_id');

  if (filter.view === 'inbox') {
    query = query.where('d.status', 'in', statusList(openStatuses)).where((eb) =>
      eb.or([
        eb.and([eb('d.status', 'in', counterStatuses), within('ra.path', ['officer'])(eb)]),
        eb.and([eb('d.status', '=', 'processing'), eb(stepRole, '=', 'officer'), within('ha.path', ['officer'])(eb)]),
        eb.and([
          eb('d.status', '=', 'processing'), eb(stepRole, '=', 'specialist'), within('ha.path', ['specialist'])(eb),
          eb.or([eb('d.assignee_id', 'is', null), eb('d.assignee_id', '=', actor.userId)]),
        ]),
        eb.and([eb('d.status', '=', 'processing'), eb(stepRole, '=', 'leader'), within('ha.path', ['leader'])(eb)]),
        eb.and([eb('d.status', '=', 'paused'), within('ha.path', ['leader'])(eb)]),
      ]),
    );
  } else {
    // A community helper sees only the dossiers they prepared (assisted filing).
    query = query.where((eb) => eb.or([
      within('ra.path', dossierReaderRoles)(eb), within('ha.path', dossierReaderRoles)(eb), eb('d.prepared_by', '=', actor.userId),
    ]));
  }
  if (filter.status?.length) query = query.where('d.status', 'in', filter.status);
  if (filter.procedureCode) query = query.where('d.procedure_code', '=', filter.procedureCode);
  if (filter.receivedFrom) query = query.where('d.received_at', '>=', filter.receivedFrom);
  if (filter.receivedTo) query = query.where('d.received_at', '<', filter.receivedTo);
  // `overdue_from` is null for whatever cannot become overdue now (closed, clock stopped in time).
  if (filter.due === 'overdue') query = query.where(overdueAt('d.overdue_from', now));
  if (filter.due === 'soon') query = query.where(dueSoonAt('d.overdue_from', now));
  if (filter.q) {
    const q = filter.q.trim();
    query = query.where((eb) =>
      eb.or([
        eb(sql`upper(d.code)`, '=', sql`upper(${q})`),
        eb('d.applicant_id_number', '=', q),
        eb('d.applicant_phone', '=', q),
        eb(sql`motcua_fold(d.applicant_name)`, 'like', sql`'%' || motcua_fold(${q}) || '%'`),
        // Any answer of the e-form declaration (the child's name, a parent's ID…): the partial trigram index of migration 0018.
        eb.and([
          eb('d.declaration_text', 'is not', null),
          eb(sql`motcua_fold(d.declaration_text)`, 'like', sql`'%' || motcua_fold(${q}) || '%'`),
        ]),
      ]),
    );
  }
  const [rows, count] = await Promise.all([
    query
      .select([
        'd.id', 'd.code', 'd.status', 'd.procedure_code', 'v.name as procedure_name', 'd.applicant_name', 'd.channel', 'd.submitted_at',
        'd.received_at', 'd.due_at', 'd.clock_due_at', 'd.result_at', 'd.withdrawn_at', 'd.clock_stopped_at', 'd.assignee_id', 'd.agency_id', 'ra.name as agency_name', 'ha.name as handling_agency_name',
        sql<string | null>`(v.workflow -> d.step_index ->> 'name')`.as('step_name'),
        stepRole.as('step_role'),
        // The last of the supplement request and the applicant's online supplement decides (index on dossier_id, seq).
        sql<boolean>`(d.status = 'supplement_requested' AND coalesce((
          SELECT e.action = 'submit_supplement' FROM dossier_events e
           WHERE e.dossier_id = d.id AND e.action IN ('request_supplement', 'submit_supplement')
           ORDER BY e.seq DESC LIMIT 1), false))`.as('supplement_submitted'),
      ])
      // The inbox: waiting to be received first (they have no appointment yet). Then the nearest
      // appointment (overdue ones are the earliest), then the oldest submission.
      .$if(filter.view === 'inbox', (qb) => qb.orderBy(sql`(d.status <> 'submitted')`))
      .orderBy(sql`d.clock_due_at ASC NULLS LAST`)
      .orderBy('d.submitted_at', 'asc')
      .orderBy('d.id', 'asc')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(count.n),
    items: rows.map((r) => ({
      id: r.id, code: r.code, status: r.status, procedureCode: r.procedure_code, procedureName: r.procedure_name,
      applicantName: r.applicant_name, channel: r.channel, submittedAt: r.submitted_at, receivedAt: r.received_at, dueAt: r.due_at,
      clockDueAt: r.clock_due_at, resultAt: r.result_at, withdrawnAt: r.withdrawn_at, clockStoppedAt: r.clock_stopped_at, stepName: r.step_name, stepRole: r.step_role, assigneeId: r.assignee_id, agencyId: r.agency_id, agencyName: r.agency_name,
      handlingAgencyName: r.handling_agency_name, supplementSubmitted: Boolean(r.supplement_submitted),
    })),
  };
}
