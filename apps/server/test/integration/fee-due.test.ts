/**
 * What the portal shows of a dossier's fee (`feeDue` of the public status and of "Hồ sơ của tôi"):
 * the ledger's outstanding amount written by the server, whether it can be paid online, and
 * nothing once it is paid.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendFeeEntry } from '../../src/modules/payments/fee-ledger.repository.ts';
import { databaseKinds } from '../support/databases.ts';
import { startTestApp, type Agent, type TestApp } from '../support/app.ts';

describe.each(databaseKinds)('the fee still owed, as the portal reads it, on %s', (kind) => {
  let t: TestApp;
  let officer: Agent;
  const now = new Date('2026-12-07T09:00:00+07:00');
  beforeAll(async () => {
    t = await startTestApp(kind, { clock: () => now });
    officer = await t.signIn('canbo.giaothuy');
  });
  afterAll(async () => t?.close());

  const audit = { actor: { kind: 'anonymous' as const }, actorName: 'test' };

  it('says what is left after a partial payment, with its words, and nothing once paid', async () => {
    const res = await officer.post('/api/v1/dossiers', { procedureCode: '1.000894', applicant: { name: 'Trịnh Thị Tâm' }, components: [{ index: 0, received: true }] });
    expect(res.statusCode, res.body).toBe(201);
    const { id, code } = res.json() as { id: number; code: string };
    const publicFee = async () => (await t.anonymous().get(`/api/v1/public/dossiers/${encodeURIComponent(code)}`)).json().feeDue;
    expect(await publicFee()).toBeNull();

    const terms = { currency: 'VND', amount: 50_000, items: [{ kind: 'charge', label: 'Lệ phí', amount: 50_000 }], payBeforeProcessing: true, legalBasis: null };
    await t.deps.db.updateTable('dossiers').set({ fee_amount: 50_000, fee_terms: JSON.stringify(terms), fee_paid: false }).where('id', '=', id).execute();
    expect(await publicFee()).toEqual({ outstanding: 50_000, outstandingText: { vi: '50.000 đồng', en: '50,000 VND' }, payOnline: true });

    await t.deps.db.transaction().execute((tx) => appendFeeEntry(tx, { dossierId: id, kind: 'payment', method: 'cash', amount: 20_000, recordedAt: now }, audit));
    expect(await publicFee()).toMatchObject({ outstanding: 30_000, outstandingText: { vi: '30.000 đồng' } });

    await t.deps.db.transaction().execute((tx) => appendFeeEntry(tx, { dossierId: id, kind: 'payment', method: 'cash', amount: 30_000, recordedAt: now }, audit));
    expect(await publicFee()).toBeNull();
  });
});
