/**
 * Late feedback goes to the unit's leaders (docs/rules/service-quality.md, "Overdue feedback"):
 * on a working day of the unit, a feedback still open past its due instant (its clock stopped
 * while it waits for the sender) is reported once to the leaders of the agency it is with — or,
 * when that agency has none, of the nearest agency above it that has. "Once" is the feedback's
 * `overdue_notified_at`, set in the transaction that queues the notices, so a second run or a
 * second process adds nothing; each message also carries a dedupe key.
 */
import {
  feedbackConsoleLink, localDateOf, notificationTime, type TemplateVariables,
} from '@motcua/domain';
import type { Deps } from '../../deps.ts';
import { inTransaction } from '../../db/transaction.ts';
import { staffDestination } from '../notifications/dossier-notices.ts';
import { enqueueNotifications, type NewNotification } from '../notifications/outbox.repository.ts';
import * as repo from './feedback.repository.ts';

type SweepDeps = Pick<Deps, 'db' | 'calendars' | 'config' | 'outbox'>;

/** The agency ids of a materialised path, the agency itself first, then up to the root. */
const selfAndAncestors = (path: string): string[] => path.split('/').filter(Boolean).reverse();

/** `feedback.escalations`: the leaders of the units whose feedback passed its due instant, told once. */
export async function sendFeedbackOverdueNotices(deps: SweepDeps, at: Date): Promise<{ overdue: number; added: number }> {
  const calendars = await deps.calendars.current();
  const today = localDateOf(at.getTime());
  const due = (await repo.overdueCandidates(deps.db, at)).filter((f) => calendars.forAgency(f.agency_id).isWorkingDay(today));
  if (due.length === 0) return { overdue: 0, added: 0 };
  const leaders = await repo.leadersOf(deps.db, [...new Set(due.flatMap((f) => selfAndAncestors(f.agency_path)))]);
  let added = 0;
  for (const f of due) {
    const unit = selfAndAncestors(f.agency_path).map((id) => leaders.get(id) ?? []).find((list) => list.length > 0) ?? [];
    const messages: NewNotification[] = [];
    for (const person of unit) {
      const target = staffDestination(person);
      if (!target) continue;
      const variables: TemplateVariables = {
        code: f.code, link: feedbackConsoleLink(deps.config.publicBaseUrl, f.id), procedureName: '', agencyName: f.agency_name, recipientName: person.full_name,
        title: f.title, receivedAt: notificationTime(f.received_at.getTime()), dueAt: notificationTime(f.due_at.getTime()),
      };
      messages.push({
        kind: 'feedback_overdue', ...target, recipientKind: 'staff', userId: person.id, locale: 'vi', agencyId: f.agency_id, variables,
        dedupeKey: `feedback_overdue:${f.id}:${person.id}`,
      });
    }
    added += await inTransaction(deps.db, async (tx) => ((await repo.markOverdueNotified(tx, f.id, at)) ? (await enqueueNotifications(tx, messages, at)).length : 0));
  }
  if (added > 0) deps.outbox.wake();
  return { overdue: due.length, added };
}
