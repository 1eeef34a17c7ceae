/**
 * `motcua export dossiers`: every received dossier as one line of the import format (docs/interfaces.md),
 * streamed by id in batches (constant memory). Importing the output elsewhere gives the same
 * dossiers with the same codes, appointments and events.
 */
import type { Kysely } from 'kysely';
import { formatInstant, type PlainDate, endOfLocalDay, startOfLocalDay } from '@motcua/domain';
import type { Database } from '../../db/schema.ts';
import { importActions } from './import-line.ts';

const exportTypes: Record<string, string> = Object.fromEntries(Object.entries(importActions).map(([type, { action }]) => [action, type]));

export interface ExportFilter {
  agencyPaths?: string[];
  from?: PlainDate;
  to?: PlainDate;
  batchSize?: number;
}

export async function* exportDossiers(db: Kysely<Database>, filter: ExportFilter = {}): AsyncGenerator<string> {
  let after = 0;
  const size = filter.batchSize ?? 2000;
  for (;;) {
    let q = db
      .selectFrom('dossiers as d')
      .innerJoin('agencies as a', 'a.id', 'd.agency_id')
      .select([
        'd.id', 'd.code', 'd.procedure_code', 'a.code as agency', 'd.channel', 'd.applicant', 'd.received_at', 'd.due_at', 'd.digitized',
        'd.declaration', 'd.declaration_form',
      ])
      .where('d.id', '>', after)
      .where('d.received_at', 'is not', null)
      .orderBy('d.id')
      .limit(size);
    if (filter.agencyPaths?.length) {
      const paths = filter.agencyPaths;
      q = q.where((eb) => eb.or(paths.map((p) => eb(eb.fn('starts_with', ['a.path', eb.val(p)]), '=', true))));
    }
    if (filter.from) q = q.where('d.received_at', '>=', new Date(startOfLocalDay(filter.from)));
    if (filter.to) q = q.where('d.received_at', '<', new Date(endOfLocalDay(filter.to)));
    const dossiers = await q.execute();
    if (!dossiers.length) return;
    const events = await db
      .selectFrom('dossier_events')
      .select(['dossier_id', 'action', 'at', 'note', 'reasons', 'data'])
      .where('dossier_id', 'in', dossiers.map((d) => d.id))
      .where('action', 'in', Object.keys(exportTypes))
      .orderBy('dossier_id')
      .orderBy('seq')
      .execute();
    const byDossier = new Map<number, typeof events>();
    for (const e of events) byDossier.set(e.dossier_id, [...(byDossier.get(e.dossier_id) ?? []), e]);
    for (const d of dossiers) {
      const line = {
        code: d.code,
        procedure: d.procedure_code,
        agency: d.agency,
        channel: d.channel,
        applicant: d.applicant,
        receivedAt: formatInstant(d.received_at!.getTime()),
        dueAt: formatInstant((d.due_at ?? d.received_at!).getTime()),
        digitized: d.digitized,
        // The e-form declaration (docs/eforms.md): the form it was filled on, its answers and the keys the e-ID verified.
        ...(d.declaration && d.declaration_form ? { declaration: { form: d.declaration_form, ...d.declaration } } : {}),
        events: (byDossier.get(d.id) ?? []).map((e) => ({
          type: exportTypes[e.action],
          at: formatInstant(e.at.getTime()),
          ...(e.data ?? {}),
          ...(e.note ? { note: e.note } : {}),
          ...(e.reasons?.length ? { reasons: e.reasons } : {}),
        })),
      };
      yield JSON.stringify(line);
    }
    after = dossiers[dossiers.length - 1]!.id;
  }
}
