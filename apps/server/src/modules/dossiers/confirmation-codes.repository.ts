/** The one-time codes that confirm a prepared dossier (migration 0020). SQL only; the rules are in assisted.usecases.ts. */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { DossierConfirmationCodesTable } from '../../db/schema-dossiers.ts';

export type ConfirmationCodeRow = Selectable<DossierConfirmationCodesTable>;

export interface NewConfirmationCode {
  dossierId: number;
  salt: string;
  codeHash: string;
  channel: 'sms' | 'email';
  destinationMasked: string;
  issuedBy: string | null;
  issuedAt: Date;
  expiresAt: Date;
}

/** Voids the dossier's live code (if any) and inserts the new one: one live code per dossier. */
export async function replaceCode(db: Kysely<Database>, code: NewConfirmationCode): Promise<void> {
  await db.updateTable('dossier_confirmation_codes').set({ voided_at: code.issuedAt })
    .where('dossier_id', '=', code.dossierId).where('used_at', 'is', null).where('voided_at', 'is', null).execute();
  await db.insertInto('dossier_confirmation_codes').values({
    dossier_id: code.dossierId, salt: code.salt, code_hash: code.codeHash, channel: code.channel, destination_masked: code.destinationMasked,
    issued_by: code.issuedBy, issued_at: code.issuedAt, expires_at: code.expiresAt,
  }).execute();
}

/** The dossier's live code (not used, not voided), locked until the transaction ends. */
export async function lockLiveCode(db: Kysely<Database>, dossierId: number): Promise<ConfirmationCodeRow | undefined> {
  return db.selectFrom('dossier_confirmation_codes').selectAll()
    .where('dossier_id', '=', dossierId).where('used_at', 'is', null).where('voided_at', 'is', null)
    .forUpdate().executeTakeFirst();
}

/** The dossier's live code, unlocked (for the confirmation page). */
export async function liveCode(db: Kysely<Database>, dossierId: number): Promise<ConfirmationCodeRow | undefined> {
  return db.selectFrom('dossier_confirmation_codes').selectAll()
    .where('dossier_id', '=', dossierId).where('used_at', 'is', null).where('voided_at', 'is', null)
    .executeTakeFirst();
}

/** Counts one wrong attempt; locks the code at `lockAfter` attempts. Returns the new count. */
export async function countWrongAttempt(db: Kysely<Database>, id: number, lockAfter: number, at: Date): Promise<number> {
  const row = await db.updateTable('dossier_confirmation_codes')
    .set({
      attempts: sql`attempts + 1`,
      locked_at: sql`CASE WHEN attempts + 1 >= ${lockAfter} THEN coalesce(locked_at, ${at}::timestamptz) ELSE locked_at END`,
    })
    .where('id', '=', id).returning('attempts').executeTakeFirstOrThrow();
  return row.attempts;
}

/** Spends the code (it confirmed the dossier), or voids it when the applicant confirmed otherwise. */
export async function closeCodes(db: Kysely<Database>, dossierId: number, usedCodeId: number | null, at: Date): Promise<void> {
  if (usedCodeId !== null) await db.updateTable('dossier_confirmation_codes').set({ used_at: at }).where('id', '=', usedCodeId).execute();
  await db.updateTable('dossier_confirmation_codes').set({ voided_at: at })
    .where('dossier_id', '=', dossierId).where('used_at', 'is', null).where('voided_at', 'is', null).execute();
}
