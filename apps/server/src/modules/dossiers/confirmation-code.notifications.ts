/**
 * The one-time codes of assisted filing travel as notifications (docs/rules/assisted-filing.md,
 * docs/notifications-channels.md): a `confirmation_code` message added to the outbox in the
 * transaction that issues the code, and sent after commit by the dispatcher over SMS or e-mail.
 *
 * The code is in the message's variables and, once sent, in its body: a code that is no longer
 * live is masked there (replaced by a newer one, or used), so the ledger does not keep codes that
 * were good. A message still waiting when its code is replaced is not sent at all.
 */
import { sql, type Kysely } from 'kysely';
import { formatInstant } from '@motcua/domain';
import type { Database } from '../../db/schema.ts';
import { enqueueNotifications } from '../notifications/outbox.repository.ts';

export interface ConfirmationCodeMessage {
  dossierId: number;
  dossierCode: string;
  agencyId: string;
  agencyName: string;
  procedureName: string;
  applicantName: string;
  channel: 'sms' | 'email';
  destination: string;
  otp: string;
  expiresAt: Date;
  /** Where the applicant confirms (`/xac-nhan/<code>`). */
  link: string;
}

const masked = '••••••';

/** `14:35 07/12/2026`, in Việt Nam's time. */
function localTime(at: Date): string {
  const local = formatInstant(at.getTime());
  return `${local.slice(11, 16)} ${local.slice(8, 10)}/${local.slice(5, 7)}/${local.slice(0, 4)}`;
}

/** Voids what a new code replaces, then queues the new code's message. */
export async function enqueueConfirmationCode(tx: Kysely<Database>, m: ConfirmationCodeMessage, at: Date): Promise<void> {
  await retireCodeMessages(tx, m.dossierId, at);
  await enqueueNotifications(tx, [{
    kind: 'confirmation_code', channel: m.channel, recipientKind: 'applicant', destination: m.destination, locale: 'vi',
    dossierId: m.dossierId, agencyId: m.agencyId,
    variables: {
      code: m.dossierCode, link: m.link, procedureName: m.procedureName, agencyName: m.agencyName, recipientName: m.applicantName,
      otp: m.otp, expiresAt: localTime(m.expiresAt),
    },
  }], at);
}

/**
 * The dossier's earlier code messages: one still queued is given up (its code is void), the others
 * have their code masked. Called when a code is replaced, used, or the preparation ends.
 */
export async function retireCodeMessages(tx: Kysely<Database>, dossierId: number, at: Date): Promise<void> {
  await tx.updateTable('notifications')
    .set({ status: 'failed', failed_at: at, last_error: 'not sent: the code was replaced or used before it was sent' })
    .where('dossier_id', '=', dossierId).where('kind', '=', 'confirmation_code').where('status', '=', 'queued')
    .execute();
  await tx.updateTable('notifications')
    .set({
      body: sql<string>`replace(body, variables->>'otp', ${masked})`,
      variables: sql`jsonb_set(variables, '{otp}', to_jsonb(${masked}::text))`,
    })
    .where('dossier_id', '=', dossierId).where('kind', '=', 'confirmation_code')
    .where('status', '<>', 'sending')
    .where(sql<boolean>`variables->>'otp' <> ${masked}`)
    .execute();
}
