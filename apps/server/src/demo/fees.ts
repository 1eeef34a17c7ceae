/**
 * Fees for the demo's recent history (demo/recent-history.ts): the dossiers of procedures with a
 * fee get the fee terms of their procedure version for their channel, and a ledger written through
 * the ledger's one writer (`appendFeeEntry`, so receipt numbers, `fee_paid`, national status and the
 * audit trail are the app's own): most paid at reception (cash, transfer or card) or online through
 * a paid order for online dossiers, a few exempted at reception, waived later, refunded or corrected
 * by a reversal, some still owed and a few online payments still pending. Counter entries fall in
 * working hours on the day of reception. Deterministic for a day, like the history itself.
 */
import { feeCases, feeTermsFor, localDateOf, type Fee, type FeeTerms, type FilingChannel, type PaymentMethod } from '@motcua/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Deps } from '../deps.ts';
import { appendFeeEntry } from '../modules/payments/fee-ledger.repository.ts';
import { seededRandom as random } from './random.ts';

const HOUR = 3_600_000;
const MINUTE = 60_000;
const VN = 7 * HOUR;
const communes = ['000.41.00.H40', '000.42.00.H40', '000.43.00.H40'];

/** What the dossier owes for its channel by the catalogue's own rule (`feeTermsFor`), for the first case of a table; null when nothing. */
function termsOf(fee: Fee, channel: FilingChannel, legalBasis: string | null): FeeTerms | null {
  if (fee.kind === 'free') return null;
  const terms = feeTermsFor({ fee }, channel, { row: feeCases(fee)[0] });
  return terms.amount > 0 ? { ...terms, legalBasis: terms.legalBasis ?? legalBasis } : null;
}

/** `at` moved into the working hours of its local day (08:00–11:30, 13:00–16:30), never before `notBefore`. */
function inWorkingHours(at: number, notBefore: number): number {
  const midnight = at - ((at + VN) % (24 * HOUR));
  const local = at - midnight;
  const moved = local < 8 * HOUR ? midnight + 8 * HOUR : local >= 11.5 * HOUR && local < 13 * HOUR ? midnight + 13 * HOUR : local >= 16.5 * HOUR ? midnight + 16 * HOUR : at;
  return Math.max(moved, notBefore);
}

export async function seedDemoFees(deps: Deps): Promise<{ dossiers: number; entries: number }> {
  const now = deps.clock().getTime();
  const rand = random(Number(localDateOf(now).replaceAll('-', '')) + 13);
  const dossiers = await deps.db
    .selectFrom('dossiers as d')
    .innerJoin('agencies as a', 'a.id', 'd.agency_id')
    .innerJoin('procedure_versions as v', 'v.id', 'd.procedure_version_id')
    .select(['d.id', 'd.code', 'd.channel', 'd.received_at', 'd.agency_id', 'd.applicant_name', 'v.fee', 'v.legal_basis', 'a.code as agency_code'])
    .where('a.code', 'in', communes)
    .where('d.received_at', 'is not', null)
    .orderBy('d.received_at')
    .orderBy('d.id')
    .execute();
  const officers = new Map(
    (await deps.db.selectFrom('role_assignments as r').innerJoin('users as u', 'u.id', 'r.user_id').select(['r.agency_id', 'u.id'])
      .where('r.role', '=', 'officer').orderBy('u.username').execute()).map((r) => [r.agency_id, r.id]),
  );
  const audit = { actor: { kind: 'anonymous' as const }, actorName: 'demo data' };
  let owing = 0;
  let entries = 0;
  const charge = async (tx: Kysely<Database>, d: (typeof dossiers)[number]) => {
    const quoted = termsOf(d.fee, d.channel as FilingChannel, d.legal_basis);
    if (!quoted) return;
    const owed = { amount: quoted.amount };
    owing++;
    const receivedAt = d.received_at!.getTime();
    const r = rand();
    const exempt = r < 0.03;
    // A few applicants exempted at reception (in full: the demo's exemptions are not all in the catalogue).
    const terms: FeeTerms = exempt
      ? { ...quoted, amount: 0, exemption: { label: 'Người có công với cách mạng (miễn phí, lệ phí)', waived: quoted.amount } }
      : quoted;
    const recordedBy = officers.get(d.agency_id);
    const online = d.channel === 'online';
    const method: PaymentMethod = online ? 'online' : (() => {
      const m = rand();
      return m < 0.6 ? 'cash' : m < 0.85 ? 'transfer' : 'card';
    })();
    // Counter payments right after reception; online ones within a day, when the applicant pays.
    let at = inWorkingHours(receivedAt + (online ? Math.floor(2 + rand() * 20) * HOUR : Math.floor(3 + rand() * 20) * MINUTE), receivedAt + MINUTE);
    if (at >= now) at = receivedAt + MINUTE;
    {
      await tx.updateTable('dossiers').set({ fee_amount: terms.amount, fee_terms: JSON.stringify(terms), fee_paid: false }).where('id', '=', d.id).execute();
      if (exempt) return;
      const pay = async (amount: number, when: number, how: PaymentMethod) => {
        let orderId: string | undefined;
        if (how === 'online') {
          const order = await tx.insertInto('payment_orders').values({
            reference: `MC${d.code.replaceAll(/[^0-9A-Z]/g, '').slice(-14)}${String(entries).padStart(5, '0')}`, dossier_id: d.id, agency_id: d.agency_id, provider: 'vnpay',
            amount, status: 'paid', created_at: new Date(when - 3 * MINUTE), expires_at: new Date(when + 12 * MINUTE), settled_at: new Date(when), paid_at: new Date(when),
            response_code: '00', bank_code: 'NCB',
          }).returning('id').executeTakeFirstOrThrow();
          orderId = order.id;
        }
        entries++;
        return (await appendFeeEntry(tx, {
          dossierId: d.id, kind: 'payment', method: how, amount, orderId, payerName: d.applicant_name,
          recordedBy: how === 'online' ? undefined : recordedBy, recordedAt: new Date(when),
        }, audit)).entry;
      };
      const other = async (kind: 'refund' | 'waiver' | 'reversal', amount: number, when: number, extra: { method?: PaymentMethod; reverses?: string; reason: string }) => {
        entries++;
        await appendFeeEntry(tx, { dossierId: d.id, kind, amount, recordedBy, recordedAt: new Date(when), ...extra }, audit);
      };
      const later = (hours: number) => Math.min(inWorkingHours(at + hours * HOUR, at + MINUTE), now - MINUTE);
      if (r < 0.06) {
        // Waived after reception by a decision, nothing to pay.
        await other('waiver', owed.amount, later(2), { reason: 'Miễn lệ phí theo quyết định của Chủ tịch UBND xã' });
      } else if (r < 0.14 && !quoted.payBeforeProcessing) {
        // Still owed (never a fee due before processing: the history processed these dossiers); an online applicant may have started a payment that waits for the gateway.
        if (online && now - receivedAt < 14 * 24 * HOUR) {
          // Started in the last hour: an order lives a quarter of an hour at the gateway.
          const started = now - Math.floor(1 + rand() * 50) * MINUTE;
          await tx.insertInto('payment_orders').values({
            reference: `MC${d.code.replaceAll(/[^0-9A-Z]/g, '').slice(-14)}P`, dossier_id: d.id, agency_id: d.agency_id, provider: 'vnpay', amount: owed.amount,
            status: 'pending', created_at: new Date(started), expires_at: new Date(started + 15 * MINUTE),
          }).execute();
        }
      } else if (r < 0.17 && !online) {
        // A payment recorded with the wrong amount, reversed, then recorded right.
        const wrong = await pay(owed.amount * 10, at, method);
        await other('reversal', owed.amount * 10, at + 4 * MINUTE, { reverses: wrong.id, reason: 'Ghi nhầm số tiền' });
        await pay(owed.amount, at + 5 * MINUTE, method);
      } else {
        await pay(owed.amount, at, method);
        // A few paid twice by mistake at the counter and given back.
        if (r > 0.98 && !online) {
          await pay(owed.amount, at + 2 * MINUTE, method);
          await other('refund', owed.amount, later(24), { method: 'cash', reason: 'Nộp trùng, hoàn trả cho người nộp' });
        }
      }
    }
  };
  // A hundred dossiers a transaction: each entry is still written by the app's own function.
  for (let i = 0; i < dossiers.length; i += 100) {
    await deps.db.transaction().execute(async (tx) => {
      for (const d of dossiers.slice(i, i + 100)) await charge(tx, d);
    });
  }
  return { dossiers: owing, entries };
}
