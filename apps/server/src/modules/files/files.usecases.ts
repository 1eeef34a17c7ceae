/**
 * Uploaded files (scans of dossier components, supplements, results). Checked at the edge: size
 * limit while streaming, content sniffed from the first bytes and matched with the name's
 * extension, names sanitised, stored under random keys. A file belongs to its uploader until it is
 * claimed by a dossier in the same transaction that creates or changes the dossier.
 */
import type { Kysely } from 'kysely';
import type { Readable } from 'node:stream';
import { AppError, type Actor } from '@motcua/domain';
import type { Database } from '../../db/schema.ts';
import { extensionOf, safeFileName, sniffType } from '../../infra/sniff.ts';
import { FileTooLargeError, type FileStorage } from '../../infra/storage.ts';
import { randomToken, sha256 } from '../../infra/tokens.ts';

export interface UploadedFile {
  id: string;
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
  /** Public uploads only: proves ownership when the dossier is submitted. */
  uploadToken?: string;
}

export const fileErrors = {
  tooLarge: (maxBytes: number) =>
    new AppError('file.too_large', {
      messages: { vi: `Tệp vượt quá dung lượng cho phép (${Math.round(maxBytes / 1048576)} MB)`, en: `The file is larger than ${Math.round(maxBytes / 1048576)} MB` },
      issues: [{ path: 'file', message: 'too large' }],
    }),
  badType: (name: string) =>
    new AppError('file.unsupported_type', {
      messages: {
        vi: `Tệp "${name}" không phải PDF, JPEG hoặc PNG hợp lệ (nội dung không khớp với định dạng)`,
        en: `"${name}" is not a valid PDF, JPEG or PNG file (its content does not match)`,
      },
      issues: [{ path: 'file', message: 'unsupported or disguised type' }],
    }),
  missing: () => new AppError('request.invalid', { issues: [{ path: 'file', message: 'a file is required (multipart field "file")' }] }),
};

export async function storeUpload(
  db: Kysely<Database>,
  storage: FileStorage,
  actor: Actor,
  upload: { filename: string; stream: Readable },
  options: { maxBytes: number; purpose?: 'component' | 'supplement' | 'result' | 'attachment'; now: Date },
): Promise<UploadedFile> {
  const name = safeFileName(upload.filename);
  let stored;
  try {
    stored = await storage.put(upload.stream, options.maxBytes);
  } catch (error) {
    if (error instanceof FileTooLargeError) throw fileErrors.tooLarge(options.maxBytes);
    throw error;
  }
  const sniffed = sniffType(stored.head);
  if (!sniffed || !sniffed.extensions.includes(extensionOf(name)) || stored.size === 0) {
    await storage.remove(stored.key);
    throw fileErrors.badType(name);
  }
  const uploadToken = actor.kind === 'staff' ? undefined : randomToken(18);
  const row = await db
    .insertInto('files')
    .values({
      purpose: options.purpose ?? 'component',
      original_name: name,
      media_type: sniffed.mediaType,
      size_bytes: stored.size,
      sha256: stored.sha256,
      storage_key: stored.key,
      upload_token_hash: uploadToken ? sha256(uploadToken) : null,
      uploaded_by_kind: actor.kind,
      uploaded_by: actor.kind === 'staff' ? actor.userId : null,
      created_at: options.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, name, mediaType: sniffed.mediaType, size: stored.size, sha256: stored.sha256, ...(uploadToken ? { uploadToken } : {}) };
}

/**
 * Attaches uploaded files to a dossier. Each must be unclaimed and the caller's: uploaded by this
 * staff member, or (public uploads) presented with its upload token.
 */
export async function claimFiles(
  tx: Kysely<Database>,
  actor: Actor,
  dossierId: number,
  files: Array<{ id: string; index: number | null }>,
  uploadTokens: Record<string, string> = {},
  purpose?: 'component' | 'supplement' | 'result' | 'attachment',
): Promise<void> {
  const ids = [...new Set(files.map((f) => f.id))];
  const rows = await tx
    .selectFrom('files')
    .select((eb) => [
      'id', 'dossier_id', 'uploaded_by', 'upload_token_hash',
      // Evidence of a reform task (docs/rules/reform-plans.md) is claimed already.
      eb.exists(eb.selectFrom('reform_task_evidence as e').select('e.file_id').whereRef('e.file_id', '=', 'files.id')).as('evidence'),
    ])
    .where('id', 'in', ids)
    .forUpdate('files')
    .execute();
  const issues = ids.flatMap((id) => {
    const row = rows.find((r) => r.id === id);
    const mine = row && (actor.kind === 'staff' ? row.uploaded_by === actor.userId : Boolean(uploadTokens[id]) && row.upload_token_hash === sha256(uploadTokens[id]!));
    return row && mine && row.dossier_id === null && !row.evidence ? [] : [{ path: `files.${id}`, message: 'unknown, already used, or not yours' }];
  });
  if (issues.length) {
    throw new AppError('file.not_claimable', {
      messages: { vi: 'Tệp đính kèm không hợp lệ hoặc đã được sử dụng', en: 'An attached file is unknown, already used, or not yours' },
      issues,
    });
  }
  for (const f of files) {
    await tx.updateTable('files').set({ dossier_id: dossierId, component_index: f.index, ...(purpose ? { purpose } : {}) }).where('id', '=', f.id).execute();
  }
}
