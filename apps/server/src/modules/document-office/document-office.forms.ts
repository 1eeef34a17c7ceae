/**
 * The number of a dossier's form (02–05) from the agency's outgoing register, with the form listed
 * in the register (docs/rules/document-office.md): the first print of the form issued by a log row
 * takes the next number and records a row keyed by that log row; every later print finds that row
 * and prints the same number. Taking and recording happen in one transaction under the register's
 * lock, so two prints at once give one number and the register has no gap.
 */
import type { Kysely } from 'kysely';
import { AppError, type Actor, type OfficialDocumentType } from '@motcua/domain';
import type { Database } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { Deps } from '../../deps.ts';
import type { FormNumbering } from '../dossiers/dossier.forms.ts';
import { takeNumber } from './document-office.numbers.ts';
import * as repo from './document-office.repository.ts';

/** A form's own kind of document: a notice (TB) for 05, a letter for the others. */
const typeOf = (kind: string | undefined): OfficialDocumentType => (kind === 'TB' ? 'thong_bao' : 'cong_van');

const formTitles: Record<string, string> = {
  '02': 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ',
  '03': 'Phiếu từ chối tiếp nhận, giải quyết hồ sơ',
  '04': 'Phiếu xin lỗi và hẹn lại ngày trả kết quả',
  '05': 'Thông báo dừng giải quyết hồ sơ',
};

/** The register row of a form already numbered, if any. */
export async function formEntry(db: Kysely<Database>, key: string) {
  return db.selectFrom('official_documents').select(['id', 'number', 'symbol', 'digitally_signed', 'signed_document_id']).where('form_key', '=', key).executeTakeFirst();
}

/** The form was numbered by another print meanwhile: this transaction gives its number back. */
class AlreadyNumbered extends Error {
  constructor(readonly number: number) { super('already numbered'); }
}

/** A `FormNumbering` backed by the outgoing registers, numbering as `actor` (the staff member printing). */
export function registerFormNumbering(actor: Actor, deps: Pick<Deps, 'db'>): FormNumbering {
  return async (request) => {
    const known = await formEntry(deps.db, request.key);
    if (known?.number) return known.number;
    if (actor.kind !== 'staff') throw new AppError('auth.forbidden');
    try {
      return await inTransaction(deps.db, async (tx) => {
        // Taking the number locks the register: a concurrent print of the same form waits here, then finds the row.
        const taken = await takeNumber(tx, { agencyId: request.agency.id, direction: 'outgoing', at: request.issuedAt });
        const again = await formEntry(tx, request.key);
        if (again?.number) throw new AlreadyNumbered(again.number);
        const symbol = `${request.kind ? `${request.kind}-` : ''}${request.body}`;
        const id = await repo.insertDocument(tx, {
          agency_id: request.agency.id, direction: 'outgoing', status: 'issued', document_type: typeOf(request.kind),
          register_id: taken.registerId, register_year: taken.registerYear, number: taken.number, symbol,
          summary: `${formTitles[request.form] ?? `Mẫu số ${request.form}`}${request.dossierCode ? ` — hồ sơ ${request.dossierCode}` : ''}`,
          recipients: request.addressee ?? null, issued_at: request.issuedAt, created_by: actor.userId, file_id: null, form_key: request.key,
          created_at: request.issuedAt, updated_at: request.issuedAt,
        });
        const name = (await repo.findUser(tx, actor.userId))?.full_name ?? actor.username;
        await repo.insertDocumentEvent(tx, {
          documentId: id, action: 'issue', from: null, to: 'issued', actorId: actor.userId, actorName: name, at: request.issuedAt,
          details: { form: request.form, number: taken.number, year: taken.registerYear, symbol, ...(request.dossierCode ? { dossier: request.dossierCode } : {}) },
        });
        return taken.number;
      });
    } catch (error) {
      if (error instanceof AlreadyNumbered) return error.number;
      throw error;
    }
  };
}

/** Marks a form's register row signed digitally, with its signed copy (the dashboard's share counts it). */
export async function markFormSigned(tx: Kysely<Database>, key: string, signedDocumentId: string, at: Date): Promise<void> {
  await tx.updateTable('official_documents').set({ digitally_signed: true, signed_document_id: signedDocumentId, signed_at: at, updated_at: at }).where('form_key', '=', key).execute();
}
