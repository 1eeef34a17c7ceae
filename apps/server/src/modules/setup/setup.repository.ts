import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

export async function allAgencyCodes(db: Kysely<Database>): Promise<Map<string, { id: string; path: string }>> {
  const rows = await db.selectFrom('agencies').select(['id', 'code', 'path']).execute();
  return new Map(rows.map((r) => [r.code, { id: r.id, path: r.path }]));
}

/** Moves a subtree under a new path prefix (after a change of parent). */
export async function rewriteSubtreePaths(db: Kysely<Database>, oldPrefix: string, newPrefix: string): Promise<void> {
  await db
    .updateTable('agencies')
    .set((eb) => ({ path: eb.fn('concat', [eb.val(newPrefix), eb.fn('substr', ['path', eb.val(oldPrefix.length + 1)])]) }))
    .where((eb) => eb(eb.fn('starts_with', ['path', eb.val(oldPrefix)]), '=', true))
    .execute();
}
