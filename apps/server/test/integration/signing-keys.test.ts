import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import * as pkijs from 'pkijs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createDevRootCa, certificatePem } from '../../src/infra/signing/dev-ca.ts';
import { signPdf } from '../../src/infra/signing/pades.ts';
import { timestampAuthorityClient } from '../../src/infra/signing/tsa-client.ts';
import { verifyPdf } from '../../src/infra/signing/verify.ts';
import { ensureDevelopmentKeys, developmentRootName } from '../../src/modules/signing/development-keys.ts';
import { chainPem } from '../../src/modules/signing/key-files.ts';
import { signerFor, timestampAuthority, trustAnchors } from '../../src/modules/signing/signing.usecases.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { databaseKinds } from '../support/databases.ts';
import { pdfsig } from '../support/pdfsig.ts';

/** The signature time-stamp token of a PDF's only signature, with the signature value it stamps. */
function embeddedTimestampToken(pdf: Uint8Array) {
  const text = Buffer.from(pdf).toString('latin1');
  const hex = /\/Contents\s*<([0-9A-Fa-f]+)>/.exec(text)![1]!;
  const cms = pkijs.ContentInfo.fromBER(Buffer.from(hex, 'hex'));
  const signerInfo = new pkijs.SignedData({ schema: cms.content }).signerInfos[0]!;
  const attribute = signerInfo.unsignedAttrs!.attributes.find((a) => a.type === '1.2.840.113549.1.9.16.2.14')!;
  const token = new pkijs.ContentInfo({ schema: attribute.values[0] });
  return { signedData: new pkijs.SignedData({ schema: token.content }), signatureValue: new Uint8Array(signerInfo.signature.valueBlock.valueHexView) };
}

async function samplePdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  page.drawText('Giay to thu ky so', { x: 72, y: 760, size: 14, font: await doc.embedFont(StandardFonts.Helvetica) });
  return doc.save({ useObjectStreams: false });
}

const field = (certificate: pkijs.Certificate, name: 'subject' | 'issuer', oid: string) =>
  String(certificate[name].typesAndValues.find((tv) => tv.type === oid)?.value.valueBlock.value);
const CN = '2.5.4.3';
const O = '2.5.4.10';
const PKCS8_RSA_PREFIX = Buffer.from('020100300d06092a864886f70d0101010500', 'hex');

describe.each(databaseKinds)('signing keys on %s', (kind) => {
  let t: TestApp;
  let signingDeps: Parameters<typeof signerFor>[0];
  let keyCount = 0;
  beforeAll(async () => {
    t = await startTestApp(kind);
    signingDeps = t.deps;
  });
  afterAll(async () => t?.close());

  it('creates the development root and the time-stamping unit at setup, and with "all" a key per agency and per leader, then only what is missing', async () => {
    expect(await ensureDevelopmentKeys(t.deps)).toMatchObject({ root: 'created', timestamping: 1, agencies: 0, people: 0 });
    // Every agency of the bundle and every leader (counted from what setup loaded, not typed here).
    const agencies = Number((await t.database.db.selectFrom('agencies').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const leaders = Number((await t.database.db.selectFrom('role_assignments').select((eb) => eb.fn.count('user_id').distinct().as('n')).where('role', '=', 'leader').executeTakeFirstOrThrow()).n);
    const first = await ensureDevelopmentKeys(t.deps, 'all');
    expect(first).toMatchObject({ root: 'present', timestamping: 0, agencies, people: leaders });
    keyCount = 1 + agencies + leaders; // the time-stamping unit's, the agencies', the leaders'
    const again = await ensureDevelopmentKeys(t.deps, 'all');
    expect(again).toMatchObject({ root: 'present', timestamping: 0, agencies: 0, people: 0 });
    const anchors = await t.database.db.selectFrom('signing_trust_anchors').select(['name', 'development']).execute();
    expect(anchors).toEqual([{ name: developmentRootName, development: true }]);
    const audited = await t.database.db.selectFrom('audit_events').select('action').where('action', 'like', 'signing_%').execute();
    expect(audited.filter((a) => a.action === 'signing_key.created')).toHaveLength(keyCount);
    expect(audited.filter((a) => a.action === 'signing_trust_anchor.created')).toHaveLength(1);
  });

  it('keeps private keys only inside PKCS#12 files encrypted under the passphrase', async () => {
    const rows = await t.database.db.selectFrom('signing_keys').select(['pkcs12', 'provider']).execute();
    expect(rows.length).toBe(keyCount);
    for (const row of rows) {
      expect(row.provider).toBe('pkcs12');
      expect(Buffer.from(row.pkcs12!).includes(PKCS8_RSA_PREFIX)).toBe(false);
    }
    const agencyId = await t.agencyId('000.31.12.H40');
    const wrong = { ...signingDeps, config: { signing: { ...t.deps.config.signing, keyPassphrase: 'not-the-passphrase' } } };
    await expect(signerFor(wrong, { agencyId })).rejects.toMatchObject({ code: 'signing_key.unreadable' });
  });

  it("gives an agency's seal key, named after the agency and issued by the development root, with its seal picture", async () => {
    const { signer, image } = await signerFor(signingDeps, { agencyId: await t.agencyId('000.31.12.H40') });
    expect(signer.role).toBe('agency');
    const chain = (await signer.certificateChain()).map((der) => pkijs.Certificate.fromBER(der));
    expect(chain).toHaveLength(2);
    expect(field(chain[0]!, 'subject', CN)).toBe('Ủy ban nhân dân xã Giao Thiện');
    expect(field(chain[0]!, 'subject', O)).toBe('Ủy ban nhân dân xã Giao Thiện');
    expect(field(chain[1]!, 'subject', CN)).toBe(developmentRootName);
    expect(Buffer.from(image!.subarray(0, 8)).toString('hex')).toBe('89504e470d0a1a0a');
  });

  it("gives a leader's personal key (CN = full name, O = the agency), and issues one on first use to another staff member", async () => {
    const leader = await t.database.db.selectFrom('users').select('id').where('username', '=', 'lanhdao.giaominh').executeTakeFirstOrThrow();
    const { signer } = await signerFor(signingDeps, { userId: leader.id });
    const certificate = pkijs.Certificate.fromBER((await signer.certificateChain())[0]!);
    expect(field(certificate, 'subject', CN)).toBe('Bùi Thị Lan');
    expect(field(certificate, 'subject', O)).toBe('Ủy ban nhân dân xã Giao Minh');
    const specialist = await t.database.db.selectFrom('users').select('id').where('username', '=', 'chuyenvien.giaothuy').executeTakeFirstOrThrow();
    expect((await signerFor(signingDeps, { userId: specialist.id })).signer.role).toBe('person');
    const noDevelopmentKeys = { ...signingDeps, config: { signing: { ...t.deps.config.signing, developmentKeys: false } } };
    const officer = await t.database.db.selectFrom('users').select('id').where('username', '=', 'canbo.giaothuy').executeTakeFirstOrThrow();
    await expect(signerFor(noDevelopmentKeys, { userId: officer.id })).rejects.toMatchObject({ code: 'signing_key.not_found' });
    // Inside the caller's transaction (a result signed as it is stored), the key is issued in it.
    const inside = await t.database.db.transaction().execute(async (tx) => (await signerFor({ ...signingDeps, db: tx }, { userId: officer.id })).signer.label);
    expect(inside).toBe((await t.database.db.selectFrom('users').select('full_name').where('id', '=', officer.id).executeTakeFirstOrThrow()).full_name);
  });

  it('refuses to sign with a remote key while no remote signing service is configured', async () => {
    const user = await t.database.db.selectFrom('users').select('id').where('username', '=', 'quanly.tinh').executeTakeFirstOrThrow();
    const { signer: donor } = await signerFor(signingDeps, { agencyId: await t.agencyId('000.00.00.H40') });
    await t.database.db
      .insertInto('signing_keys')
      .values({
        role: 'person', user_id: user.id, provider: 'remote', remote_key_id: 'csc-credential-1',
        certificate_chain: chainPem(await donor.certificateChain()), valid_from: new Date('2025-01-01'), valid_to: new Date('2031-01-01'),
      })
      .execute();
    const { signer } = await signerFor(signingDeps, { userId: user.id });
    await expect(signer.sign(new Uint8Array([1, 2, 3]))).rejects.toMatchObject({ code: 'signing_key.remote_not_configured' });
  });

  it('trusts the development root and the roots of SIGNING_TRUST_ROOTS', async () => {
    const other = await createDevRootCa({ commonName: 'Another Root' });
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-roots-')), 'root.pem');
    fs.writeFileSync(file, certificatePem(other.certificate));
    const config = loadConfig({ NODE_ENV: 'test', SIGNING_TRUST_ROOTS: file });
    const { roots } = await trustAnchors({ db: t.database.db, config });
    expect(roots.map((der) => field(pkijs.Certificate.fromBER(der), 'subject', CN))).toEqual([developmentRootName, 'Another Root']);
  });

  it('signs a PDF with a time-stamp from the development TSA over HTTP: pdfsig says valid, verifyPdf says time-stamped at the TSA time', async () => {
    const address = await t.app.listen({ host: '127.0.0.1', port: 0 });
    const tsa = timestampAuthorityClient({ url: `${address}/dev-tsa` });
    const { signer } = await signerFor(signingDeps, { agencyId: await t.agencyId('000.41.00.H40') });
    const before = t.deps.clock();
    const signed = await signPdf(await samplePdf(), { signer, placement: { kind: 'stamp', documentNumber: '12/QĐ-UBND' }, signedAt: before, timestamp: tsa });
    const after = t.deps.clock();
    const { roots } = await trustAnchors(signingDeps);
    const report = await pdfsig(signed, roots);
    expect(report.signatures, report.output).toHaveLength(1);
    expect(report.signatures[0]).toMatchObject({ signatureValid: true, certificateTrusted: true, totalDocumentSigned: true });
    const [signature] = (await verifyPdf(signed, { roots })).signatures;
    expect(signature).toMatchObject({ timestamped: true, trusted: true, coversWholeDocument: true, signer: 'Ủy ban nhân dân xã Giao Thủy' });
    const stampedAt = new Date(signature!.signedAt).getTime();
    expect(stampedAt).toBeGreaterThanOrEqual(Math.floor(before.getTime() / 1000) * 1000);
    expect(stampedAt).toBeLessThanOrEqual(after.getTime());
    // The token itself, checked apart from verifyPdf: over the signature value, by the TSA, chained to the root.
    const token = embeddedTimestampToken(signed);
    const result = await token.signedData.verify({
      signer: 0, data: token.signatureValue.slice().buffer, checkChain: true, trustedCerts: roots.map((r) => pkijs.Certificate.fromBER(r)), extendedMode: true,
    });
    expect(result.signatureVerified).toBe(true);
    expect(field(result.signerCertificate!, 'subject', CN)).toMatch(/Time-Stamping Unit/);
  });

  it('stamps in process when the development TSA is the configured one', async () => {
    const authority = timestampAuthority(signingDeps)!;
    expect(authority.url).toBe(`${t.deps.config.publicBaseUrl}/dev-tsa`);
    const token = pkijs.ContentInfo.fromBER(await authority.stamp(new Uint8Array([1, 2, 3])));
    expect(token.contentType).toBe('1.2.840.113549.1.7.2');
  });
});
