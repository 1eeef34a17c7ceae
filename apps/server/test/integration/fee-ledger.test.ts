/**
 * The fee ledger's one writer (docs/rules/payments.md): receipt numbers come from the agency's
 * yearly series without gaps or repeats, even when payments are recorded at the same time; a
 * reversal cancels an entry once; the balance drives `fee_paid` and national status 6; the database
 * refuses to change or delete an entry.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendFeeEntry } from '../../src/modules/payments/fee-ledger.repository.ts';
import { databaseKinds } from '../support/databases.ts';
import { startTestApp, type Agent, type TestApp } from '../support/app.ts';

describe.each(databaseKinds)('the fee ledger, on %s', (kind) => {
  let t: TestApp;
  let officer: Agent;
  const now = new Date('2026-12-07T09:00:00+07:00');
  beforeAll(async () => {
    t = await startTestApp(kind, { clock: () => now });
    officer = await t.signIn('canbo.giaothuy');
  });
  afterAll(async () => t?.close());

  const audit = { actor: { kind: 'anonymous' as const }, actorName: 'test' };
  const receivedDossier = async (fee: number, payBeforeProcessing: boolean) => {
    const res = await officer.post('/api/v1/dossiers', { procedureCode: '1.000894', applicant: { name: 'Trịnh Thị Tâm' }, components: [{ index: 0, received: true }] });
    expect(res.statusCode, res.body).toBe(201);
    const { id } = res.json() as { id: number };
    const terms = { currency: 'VND', amount: fee, items: [{ kind: 'charge', label: 'Lệ phí', amount: fee }], payBeforeProcessing, legalBasis: null };
    await t.deps.db.updateTable('dossiers').set({ fee_amount: fee, fee_terms: JSON.stringify(terms), fee_paid: false, national_status: payBeforeProcessing ? 6 : 2 }).where('id', '=', id).execute();
    return id;
  };
  const row = (id: number) => t.deps.db.selectFrom('dossiers').select(['fee_paid', 'national_status', 'status']).where('id', '=', id).executeTakeFirstOrThrow();

  it('numbers receipts 1, 2, 3… per agency and year, with no gap or repeat when eight payments are recorded at once', async () => {
    const ids = await Promise.all(Array.from({ length: 8 }, () => receivedDossier(50_000, false)));
    const entries = await Promise.all(
      ids.map((dossierId) => t.deps.db.transaction().execute((tx) => appendFeeEntry(tx, { dossierId, kind: 'payment', method: 'cash', amount: 50_000, recordedAt: now }, audit))),
    );
    const numbers = entries.map((e) => e.entry.receipt_number!).sort((a, b) => a - b);
    expect(numbers).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(new Set(entries.map((e) => e.entry.receipt_symbol))).toEqual(new Set(['BL26E']));
    expect(entries.every((e) => e.balance.settled && e.balance.outstanding === 0)).toBe(true);
    expect((await row(ids[0]!)).fee_paid).toBe(true);
  });

  it('holds a dossier whose fee is due before processing at national status 6 until it is paid; a reversal puts it back', async () => {
    const id = await receivedDossier(100_000, true);
    const part = await t.deps.db.transaction().execute((tx) => appendFeeEntry(tx, { dossierId: id, kind: 'payment', method: 'transfer', amount: 40_000, recordedAt: now }, audit));
    expect(part.balance.outstanding).toBe(60_000);
    expect(await row(id)).toMatchObject({ fee_paid: false, national_status: 6 });
    const rest = await t.deps.db.transaction().execute((tx) => appendFeeEntry(tx, { dossierId: id, kind: 'payment', method: 'card', amount: 60_000, recordedAt: now }, audit));
    expect(rest.balance).toMatchObject({ paid: 100_000, outstanding: 0, settled: true });
    expect(await row(id)).toMatchObject({ fee_paid: true, national_status: 2 });
    const reversal = await t.deps.db.transaction().execute((tx) =>
      appendFeeEntry(tx, { dossierId: id, kind: 'reversal', amount: 60_000, reverses: rest.entry.id, reason: 'Ghi nhầm số tiền', recordedAt: now }, audit),
    );
    expect(reversal.entry.receipt_number).toBeNull();
    expect(reversal.balance).toMatchObject({ paid: 40_000, outstanding: 60_000 });
    expect(await row(id)).toMatchObject({ fee_paid: false, national_status: 6 });
    // An entry is reversed once.
    await expect(
      t.deps.db.transaction().execute((tx) => appendFeeEntry(tx, { dossierId: id, kind: 'reversal', amount: 60_000, reverses: rest.entry.id, recordedAt: now }, audit)),
    ).rejects.toThrow();
    const trail = await t.deps.db.selectFrom('audit_events').select(['action']).where('action', 'like', 'fee.%').where('entity_type', '=', 'dossier').execute();
    expect(trail.filter((a) => a.action === 'fee.reversal')).toHaveLength(1);
  });

  it('refuses to change or delete an entry, whoever asks', async () => {
    const id = await receivedDossier(20_000, false);
    const { entry } = await t.deps.db.transaction().execute((tx) => appendFeeEntry(tx, { dossierId: id, kind: 'payment', method: 'cash', amount: 20_000, recordedAt: now }, audit));
    await expect(sql`UPDATE fee_entries SET amount = 1 WHERE id = ${entry.id}`.execute(t.deps.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM fee_entries WHERE id = ${entry.id}`.execute(t.deps.db)).rejects.toThrow(/append-only/);
  });
});
