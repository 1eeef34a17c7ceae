/**
 * Numbers from the registers (Decree 30/2020 art. 15; docs/rules/document-office.md). Call inside
 * the transaction that records what the number is given to: the register's row stays locked until
 * it commits, so numbers are unique, in order, and without gaps.
 */
import type { Kysely } from 'kysely';
import {
  agencyAbbreviation, documentSymbol, numberAndSymbol, registerYearOf, type DocumentDirection, type OfficialDocumentType,
} from '@motcua/domain';
import type { Database } from '../../db/schema.ts';
import { takeRegisterNumber } from './document-office.repository.ts';

export interface TakenNumber {
  registerId: string;
  registerYear: number;
  number: number;
  /** After the number: `QĐ-UBND`, `UBND-VP`. */
  symbol: string;
  /** As printed after "Số:": `12/QĐ-UBND`. */
  numberAndSymbol: string;
}

async function agencyName(tx: Kysely<Database>, agencyId: string): Promise<string> {
  const row = await tx.selectFrom('agencies').select('name').where('id', '=', agencyId).executeTakeFirstOrThrow();
  return row.name;
}

/** The next number of the agency's register of `direction` for the year of `at` (Vietnam time). */
export async function takeNumber(tx: Kysely<Database>, input: { agencyId: string; direction: DocumentDirection; at: Date }) {
  const year = registerYearOf(input.at.getTime());
  const taken = await takeRegisterNumber(tx, {
    agencyId: input.agencyId, year, direction: input.direction, agencyAbbreviation: agencyAbbreviation(await agencyName(tx, input.agencyId)),
  });
  return { ...taken, registerYear: year };
}

/**
 * The number and symbol of an outgoing document of the agency issued at `at`: `12/QĐ-UBND`, or for
 * a letter (công văn) the agency and the drafting unit, `34/UBND-VP`. The forms an agency issues as
 * its letters (forms 03, 04, 05) take theirs here too, in the transaction that stores the form.
 */
export async function takeOutgoingNumber(
  tx: Kysely<Database>,
  input: { agencyId: string; type: OfficialDocumentType; at: Date; draftingUnitCode?: string | null },
): Promise<TakenNumber> {
  const taken = await takeNumber(tx, { agencyId: input.agencyId, direction: 'outgoing', at: input.at });
  const symbol = documentSymbol({ type: input.type, agencyAbbreviation: taken.agencyAbbreviation, draftingUnitAbbreviation: input.draftingUnitCode ?? null });
  return { registerId: taken.registerId, registerYear: taken.registerYear, number: taken.number, symbol, numberAndSymbol: numberAndSymbol(taken.number, symbol) };
}

/**
 * The number an outgoing document of the agency would get if issued now, without taking it: what
 * the agency's signature, made before the transaction, prints. The issue then takes the
 * number under the register's lock and starts again if another issue took that one first.
 */
export async function peekOutgoingNumber(
  db: Kysely<Database>,
  input: { agencyId: string; type: OfficialDocumentType; at: Date; draftingUnitCode?: string | null },
): Promise<Pick<TakenNumber, 'registerYear' | 'number' | 'symbol' | 'numberAndSymbol'>> {
  const year = registerYearOf(input.at.getTime());
  const register = await db
    .selectFrom('document_registers')
    .select(['last_number', 'agency_abbreviation'])
    .where('agency_id', '=', input.agencyId).where('year', '=', year).where('direction', '=', 'outgoing')
    .executeTakeFirst();
  const number = (register?.last_number ?? 0) + 1;
  const abbreviation = register?.agency_abbreviation ?? agencyAbbreviation(await agencyName(db, input.agencyId));
  const symbol = documentSymbol({ type: input.type, agencyAbbreviation: abbreviation, draftingUnitAbbreviation: input.draftingUnitCode ?? null });
  return { registerYear: year, number, symbol, numberAndSymbol: numberAndSymbol(number, symbol) };
}
