/**
 * A few messages in the demo's delivery ledger, so that the console's "Thông báo" page shows every
 * delivery status on a first start: messages to the applicants of the latest dossiers received at
 * xã Giao Thủy (delivered, sent, one failed SMS, one still queued) and one to its specialist.
 * Added only when the ledger is empty: when dossier actions already wrote their own messages, the
 * demo shows those instead.
 */
import { defaultTemplates, renderTemplate, type NotificationChannel, type NotificationKind, type TemplateVariables } from '@motcua/domain';
import type { Deps } from '../deps.ts';
import { enqueueNotifications } from '../modules/notifications/outbox.repository.ts';

const commune = '000.41.00.H40';

const shown = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false });
const dateTime = (d: Date) => shown.format(d).replace(',', '');

interface Planned {
  kind: NotificationKind;
  channel: NotificationChannel;
  status: 'queued' | 'sent' | 'delivered' | 'failed';
  error?: string;
}

const plan: Planned[] = [
  { kind: 'dossier_received', channel: 'email', status: 'delivered' },
  { kind: 'dossier_received', channel: 'sms', status: 'sent' },
  { kind: 'supplement_requested', channel: 'sms', status: 'failed', error: 'gateway 400: số điện thoại không nhận tin (thuê bao tạm khóa)' },
  { kind: 'result_ready', channel: 'email', status: 'queued' },
];

export async function seedDemoNotifications(deps: Deps): Promise<void> {
  if (await deps.db.selectFrom('notifications').select('id').limit(1).executeTakeFirst()) return;
  const dossiers = await deps.db
    .selectFrom('dossiers as d')
    .innerJoin('agencies as a', 'a.id', 'd.agency_id')
    .innerJoin('procedure_versions as v', 'v.id', 'd.procedure_version_id')
    .select(['d.id', 'd.code', 'd.agency_id', 'd.applicant_name', 'd.applicant_phone', 'd.due_at', 'd.received_at', 'a.name as agency_name', 'v.name as procedure_name'])
    .where('a.code', '=', commune)
    .where('d.received_at', 'is not', null)
    .orderBy('d.received_at', 'desc')
    .limit(plan.length)
    .execute();
  const specialist = await deps.db.selectFrom('users').select(['id', 'full_name', 'email']).where('username', '=', 'chuyenvien.giaothuy').executeTakeFirst();
  const base = deps.config.publicBaseUrl.replace(/\/$/, '');
  const now = deps.clock();
  await deps.db.transaction().execute(async (tx) => {
    for (const [i, d] of dossiers.entries()) {
      const p = plan[i]!;
      const at = new Date(Math.min(now.getTime(), (d.received_at ?? now).getTime() + 60_000));
      const variables: TemplateVariables = {
        code: d.code, link: `${base}/tra-cuu/${d.code}`, procedureName: d.procedure_name, agencyName: d.agency_name, recipientName: d.applicant_name,
        appointment: d.due_at ? dateTime(d.due_at) : '', reasons: { vi: '1. Bản sao giấy khai sinh chưa chứng thực.', en: '1. The birth certificate copy is not certified.' },
        delivery: { vi: 'nhận tại Bộ phận Một cửa', en: 'collect it at the one-stop counter' },
      };
      const destination = p.channel === 'email' ? `hoso.${i + 1}@example.vn` : d.applicant_phone ?? `09120000${10 + i}`;
      await add(tx, { kind: p.kind, channel: p.channel, recipientKind: 'applicant', destination, dossierId: d.id, agencyId: d.agency_id, variables }, p, at);
    }
    const first = dossiers[0];
    if (specialist && first) {
      const variables: TemplateVariables = {
        code: first.code, link: `${base}/console/ho-so/${first.id}`, procedureName: first.procedure_name, agencyName: first.agency_name,
        recipientName: specialist.full_name, stepName: { vi: 'Thẩm định hồ sơ', en: 'Review' }, stepDueAt: first.due_at ? dateTime(first.due_at) : '', assignedBy: 'Phạm Thị Thu',
      };
      await add(tx, {
        kind: 'assigned', channel: 'email', recipientKind: 'staff', userId: specialist.id, destination: specialist.email ?? 'vu.duc.minh@giaothuy.example.vn',
        dossierId: first.id, agencyId: first.agency_id, variables,
      }, { kind: 'assigned', channel: 'email', status: 'delivered' }, new Date(Math.min(now.getTime(), (first.received_at ?? now).getTime() + 120_000)));
    }
  });
}

/** Enqueues a message and, unless it stays queued, records its delivery as a worker would have. */
async function add(tx: Deps['db'], message: Parameters<typeof enqueueNotifications>[1][number], p: Planned, at: Date): Promise<void> {
  await enqueueNotifications(tx, [message], at);
  if (p.status === 'queued') return;
  const row = await tx.selectFrom('notifications').select('id').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
  const template = defaultTemplates[p.kind][p.channel];
  const later = new Date(at.getTime() + 5_000);
  await tx.updateTable('notifications').set({
    status: p.status,
    attempts: p.status === 'failed' ? 5 : 1,
    subject: template ? renderTemplate(template.subject.vi, message.variables, 'vi') : null,
    body: template ? renderTemplate(template.body.vi, message.variables, 'vi') : null,
    sent_at: p.status === 'failed' ? null : later,
    delivered_at: p.status === 'delivered' ? new Date(later.getTime() + 20_000) : null,
    failed_at: p.status === 'failed' ? later : null,
    last_error: p.error ?? null,
    provider_message_id: p.status === 'failed' ? null : `demo-${row.id}`,
  }).where('id', '=', row.id).execute();
}
