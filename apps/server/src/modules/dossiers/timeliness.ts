/**
 * The domain's timeliness rule (docs/rules/time.md, "Overdue as of now") on a dossier row: the facts it
 * reads, the filters of lists and counts (`overdue_from`, stored by the same use case that stores
 * the appointment), and the enum the API answers with.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { z } from 'zod';
import { dueSoonMs, timelinessAt, timelinessClasses, type DossierStatus, type Timeliness, type TimelinessFacts } from '@motcua/domain';
import type { DossierRow } from './dossiers.repository.ts';

export const TimelinessSchema = z.enum(timelinessClasses).describe(
  'how the dossier stands against its appointment at the instant of the answer: not_received; in progress: ' +
  'in_progress_on_time, due_soon (less than 48 hours left), in_progress_overdue; with a result: resolved_ahead, resolved_on_time, ' +
  'resolved_overdue; closed (withdrawn or refused before any result: never overdue)',
);

export type TimelinessRow = Pick<DossierRow, 'status' | 'received_at' | 'result_at' | 'withdrawn_at' | 'clock_due_at' | 'clock_stopped_at'>;

const ms = (d: Date | null): number | null => (d === null ? null : d.getTime());

export function timelinessFactsOfRow(row: TimelinessRow): TimelinessFacts {
  return {
    status: row.status as DossierStatus,
    receivedAt: ms(row.received_at),
    resultAt: ms(row.result_at),
    withdrawnAt: ms(row.withdrawn_at),
    dueAt: ms(row.clock_due_at),
    clockStoppedAt: ms(row.clock_stopped_at),
  };
}

export const timelinessOfRow = (row: TimelinessRow, at: number): Timeliness => timelinessAt(timelinessFactsOfRow(row), at);

/** `due=overdue`: in progress and overdue at `at` (the domain's `isOverdueAt`). */
export const overdueAt = (column: string, at: Date): RawBuilder<SqlBool> => sql<SqlBool>`${sql.ref(column)} < ${at}`;

/** `due=soon`: in progress, not overdue, the appointment less than 48 hours after `at` (the domain's `isDueSoonAt`). */
export const dueSoonAt = (column: string, at: Date): RawBuilder<SqlBool> =>
  sql<SqlBool>`(${sql.ref(column)} >= ${at} AND ${sql.ref(column)} < ${new Date(at.getTime() + dueSoonMs)})`;
