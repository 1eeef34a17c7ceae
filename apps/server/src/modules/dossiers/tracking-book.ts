/**
 * Form 07, the tracking book (sổ theo dõi hồ sơ) of a counter for a period: every dossier it
 * received, with its appointment, transfer, result and return.
 */
import { sql } from 'kysely';
import {
  AppError, counterHeading, formatInstant, hasRoleOver, endOfLocalDay, startOfLocalDay, type Actor, type PlainDate,
} from '@motcua/domain';
import type { Deps } from '../../deps.ts';
import { renderForm, type TrackingBookRow } from '../../infra/pdf/index.ts';
import { issuingBodyOf, placeOf } from './dossier.forms.ts';

/** Officers, leaders and managers of the counter's agency (or above) print its book. */
export const canReadTrackingBook = (actor: Actor, agency: { path: string }) => hasRoleOver(actor, ['officer', 'leader', 'manager'], agency.path);

export async function trackingBook(
  actor: Actor,
  counterId: string,
  period: { from: PlainDate; to: PlainDate },
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
): Promise<{ pdf: Uint8Array; fileName: string }> {
  const counter = await deps.db
    .selectFrom('counters as c')
    .innerJoin('agencies as a', 'a.id', 'c.agency_id')
    .select(['c.id', 'c.name', 'c.code', 'a.name as agency_name', 'a.level as agency_level', 'a.path', 'a.parent_id'])
    .where('c.id', '=', counterId)
    .executeTakeFirst();
  if (!counter || !canReadTrackingBook(actor, counter)) {
    throw new AppError('counter.not_found', { messages: { vi: 'Không tìm thấy bộ phận một cửa', en: 'Counter not found' } });
  }
  if (period.to < period.from || (Date.parse(period.to) - Date.parse(period.from)) / 86_400_000 > 366) {
    throw new AppError('request.invalid', { issues: [{ path: 'to', message: 'a period of at most one year, ending after it starts' }] });
  }
  const rows = await deps.db
    .selectFrom('dossiers as d')
    .innerJoin('procedure_versions as v', 'v.id', 'd.procedure_version_id')
    .innerJoin('agencies as ha', 'ha.id', 'd.handling_agency_id')
    .select([
      'd.code', 'v.name as procedure_name', 'd.sets', 'd.applicant_name', 'd.applicant_address', 'd.applicant_phone', 'd.received_at',
      'd.due_at', 'd.result_at', 'd.returned_at', 'd.status', 'ha.name as lead_agency',
      sql<Date | null>`(SELECT min(e.at) FROM dossier_events e WHERE e.dossier_id = d.id AND e.action = 'transfer')`.as('transferred_at'),
    ])
    .where('d.counter_id', '=', counter.id)
    .where('d.received_at', '>=', new Date(startOfLocalDay(period.from)))
    .where('d.received_at', '<', new Date(endOfLocalDay(period.to)))
    .orderBy('d.received_at')
    .orderBy('d.id')
    .execute();
  const at = (d: Date | null) => (d ? formatInstant(d.getTime()) : undefined);
  const bookRows: TrackingBookRow[] = rows.map((r, i) => ({
    no: i + 1,
    dossierCode: r.code,
    procedureName: r.procedure_name,
    sets: r.sets,
    applicantName: r.applicant_name,
    addressAndPhone: [r.applicant_address, r.applicant_phone].filter(Boolean).join(' — '),
    leadAgency: r.lead_agency,
    receivedAt: at(r.received_at)!,
    appointmentAt: at(r.due_at)!,
    ...(r.transferred_at ? { transferredAt: at(r.transferred_at)! } : {}),
    ...(r.result_at ? { resultBackAt: at(r.result_at)! } : {}),
    ...(r.returned_at ? { returnedAt: at(r.returned_at)! } : {}),
    ...(r.status === 'withdrawn' ? { note: 'Dừng xử lý theo đề nghị' } : {}),
  }));
  const parent = counter.parent_id
    ? await deps.db.selectFrom('agencies').select(['name', 'level']).where('id', '=', counter.parent_id).executeTakeFirst()
    : undefined;
  const pdf = await renderForm({
    form: '07',
    // The book is the one-stop unit's, headed under its agency (Decree 30/2020, Annex I).
    issuingBody: issuingBodyOf(counterHeading(counter.name, { name: counter.agency_name, level: counter.agency_level }, parent)),
    place: placeOf(counter.agency_name),
    issuedAt: formatInstant(deps.clock().getTime()),
    counterName: counter.name,
    period,
    rows: bookRows,
  });
  return { pdf, fileName: `so-theo-doi-${counter.code}-${period.from}-${period.to}.pdf` };
}
