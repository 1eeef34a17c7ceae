/**
 * Reading the data store: the owner's own documents (portal), the documents of an applicant whose
 * ID card the officer has checked (counter; every lookup is in the audit trail), and the owner's
 * download of a document's file.
 */
import { AppError, localDateOf, type Actor } from '@motcua/domain';
import type { Deps } from '../../deps.ts';
import { inTransaction } from '../../db/transaction.ts';
import { recordAudit, type AuditContext } from '../audit/audit.repository.ts';
import * as repo from './data-store.repository.ts';
import { ownerOfAccount, presentDocument, type Owner } from './data-store.usecases.ts';

const notFound = () => new AppError('stored_document.not_found');

function ownerOf(actor: Actor): Owner {
  const owner = actor.kind === 'citizen' ? ownerOfAccount(actor.account) : null;
  if (!owner) throw new AppError('auth.forbidden');
  return owner;
}

/** The signed-in citizen's (or business's) documents, valid or not on today's local date. */
export async function myDocuments(actor: Actor, query: { documentType?: string | undefined }, deps: Pick<Deps, 'db' | 'clock'>) {
  const today = localDateOf(deps.clock().getTime());
  const rows = await repo.documentsOf(deps.db, ownerOf(actor), query.documentType);
  return { today, items: rows.map((d) => presentDocument(d, today)) };
}

/** A document's file for its owner; anyone else's is "not found". */
export async function myDocumentFile(actor: Actor, id: string, deps: Pick<Deps, 'db'>) {
  const owner = ownerOf(actor);
  const [document] = await repo.documentsByIds(deps.db, [id]);
  if (!document || document.owner_kind !== owner.kind || document.owner_id !== owner.id) throw notFound();
  const file = await repo.fileOfDocument(deps.db, document.file_id);
  if (!file) throw notFound();
  return file;
}

/**
 * At the counter, after checking the applicant's ID card: their documents (of one kind, for a
 * component). The lookup is recorded in the audit trail with the number looked up.
 */
export async function applicantDocuments(
  context: AuditContext,
  query: { personalId?: string | undefined; taxCode?: string | undefined; documentType?: string | undefined },
  deps: Pick<Deps, 'db' | 'clock'>,
) {
  const owner: Owner = query.taxCode ? { kind: 'business', id: query.taxCode } : { kind: 'citizen', id: query.personalId ?? '' };
  const actor = context.actor;
  const agencyId = actor.kind === 'staff' ? actor.assignments.find((a) => a.role === 'officer')?.agencyId ?? null : null;
  const today = localDateOf(deps.clock().getTime());
  return inTransaction(deps.db, async (tx) => {
    const rows = await repo.documentsOf(tx, owner, query.documentType);
    await recordAudit(tx, context, {
      action: 'data_store.lookup',
      entityType: owner.kind === 'business' ? 'business' : 'citizen',
      entityId: owner.id,
      agencyId,
      details: { [owner.kind === 'business' ? 'taxCode' : 'personalId']: owner.id, documentType: query.documentType ?? null, found: rows.length },
    });
    return { today, items: rows.map((d) => presentDocument(d, today)) };
  });
}
