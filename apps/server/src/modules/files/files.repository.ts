/** SQL for uploaded files. No rules here. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

/**
 * Deletes the files uploaded without a staff session before `before` that no dossier claimed,
 * and returns their storage keys. A claim running at the same time wins: it locks the row first,
 * and a deleted row is never claimed (`dossier_id IS NULL` is checked again after the wait).
 */
export async function deleteUnclaimedPublicUploads(db: Kysely<Database>, before: Date): Promise<string[]> {
  const rows = await db
    .deleteFrom('files')
    .where('dossier_id', 'is', null)
    .where('uploaded_by_kind', '<>', 'staff')
    .where('created_at', '<', before)
    .returning('storage_key')
    .execute();
  return rows.map((r) => r.storage_key);
}
