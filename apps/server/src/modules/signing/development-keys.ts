/**
 * Development keys (demo data only, `config.signing.developmentKeys`): a root CA named "NOT FOR
 * PRODUCTION", a time-stamping unit's certificate for the development TSA, and certificates for
 * agencies (their seal: O = CN = the agency's name) and staff (CN = full name, O = their agency),
 * each with its picture. Every key is kept as an encrypted PKCS#12 file, the root's too (it
 * issues more certificates later).
 *
 * `motcua setup` creates the root and the time-stamping unit's key (`ensureDevelopmentKeys`); an
 * agency or a staff member gets its key when it first signs (`ensureDevelopmentKey`). A key costs
 * an RSA key generation and a PKCS#12 file (PBKDF2, 100 000 iterations, three times): ~0.35 s of
 * CPU, 6–7 s for the demo's 16 agencies and leaders, which setup (run by many tests) would pay
 * every time for keys most runs never use. `ensureDevelopmentKeys(deps, 'all')` creates them all.
 *
 * Validity is backdated (the root by 10 years, others by 2) so that a demonstration run with a
 * shifted clock (MOTCUA_CLOCK_START) or a test's fixed "now" still signs inside it.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { createDevRootCa, issueCertificate, type DevCredential } from '../../infra/signing/dev-ca.ts';
import { sealImage, signatureImage } from '../../infra/signing/images.ts';
import { chainPem, describeCertificate, openKeyFile, pemChain, sealKeyFile } from './key-files.ts';
import {
  agenciesWithoutKey,
  currentKey,
  developmentAnchor,
  insertDevelopmentAnchor,
  insertKey,
  leadersWithoutKey,
  lockDevelopmentKeys,
  ownerNames,
  type KeyOwner,
  type NewKey,
  type SignerCandidate,
} from './signing.repository.ts';

export const developmentRootName = 'Motcua Development Root CA — NOT FOR PRODUCTION';
const developmentOrganization = 'Motcua (development)';
const timestampingName = 'Motcua Development Time-Stamping Unit — NOT FOR PRODUCTION';

export interface DevelopmentKeyDeps {
  db: Kysely<Database>;
  config: { signing: { keyPassphrase: string | undefined } };
  clock: () => Date;
}

export interface DevelopmentKeysSummary {
  root: 'created' | 'present';
  timestamping: number;
  agencies: number;
  people: number;
  seconds: number;
}

/**
 * Creates the development root and the time-stamping unit's key when missing; with `all`, also
 * the key of every agency and every leader that has none.
 */
export async function ensureDevelopmentKeys(deps: DevelopmentKeyDeps, scope: 'authorities' | 'all' = 'authorities'): Promise<DevelopmentKeysSummary> {
  const started = performance.now();
  return inTransaction(deps.db, async (tx) => {
    await lockDevelopmentKeys(tx);
    const { root, created } = await developmentRoot(tx, deps);
    const jobs: Array<{ owner: KeyOwner; names: SignerCandidate | undefined }> = [];
    if (!(await currentKey(tx, { timestamping: true }))) jobs.push({ owner: { timestamping: true }, names: undefined });
    if (scope === 'all') {
      for (const agency of await agenciesWithoutKey(tx)) jobs.push({ owner: { agencyId: agency.id }, names: agency });
      for (const leader of await leadersWithoutKey(tx)) jobs.push({ owner: { userId: leader.id }, names: leader });
    }
    // Keys are generated on libuv's thread pool, so they are made side by side.
    const keys = await Promise.all(jobs.map((job) => newKey(deps, root, job.owner, job.names)));
    for (const key of keys) await storeKey(tx, deps, key);
    return {
      root: created ? 'created' : 'present',
      timestamping: jobs.filter((j) => 'timestamping' in j.owner).length,
      agencies: jobs.filter((j) => 'agencyId' in j.owner).length,
      people: jobs.filter((j) => 'userId' in j.owner).length,
      seconds: Math.round(performance.now() - started) / 1000,
    };
  });
}

/** Issues the development key of one owner when it has none (an agency, any enabled staff member, the TSA). */
export async function ensureDevelopmentKey(deps: DevelopmentKeyDeps, owner: KeyOwner): Promise<void> {
  await inTransaction(deps.db, async (tx) => {
    await lockDevelopmentKeys(tx);
    if (await currentKey(tx, owner)) return;
    const names = 'timestamping' in owner ? undefined : await ownerNames(tx, owner);
    if (!('timestamping' in owner) && !names) return; // no such agency or enabled staff member
    const { root } = await developmentRoot(tx, deps);
    await storeKey(tx, deps, await newKey(deps, root, owner, names));
  });
}

/** Runs `fn` in a transaction of its own, or in the caller's when it passed one (a result signed as it is saved). */
function inTransaction<T>(db: Kysely<Database>, fn: (tx: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}

/** Stores a key with its line in the audit trail (who may sign as whom is worth a trace). */
async function storeKey(tx: Kysely<Database>, deps: DevelopmentKeyDeps, key: NewKey): Promise<void> {
  if (!(await insertKey(tx, key))) return;
  const { label } = describeCertificate(pemChain(key.certificateChain, 'new key')[0]!);
  await recordAudit(tx, { actor: { kind: 'anonymous' }, actorName: 'development keys', at: deps.clock() }, {
    action: 'signing_key.created',
    entityType: key.role === 'person' ? 'user' : key.role === 'agency' ? 'agency' : 'signing_key',
    ...(key.userId ? { entityId: key.userId } : key.agencyId ? { entityId: key.agencyId } : {}),
    agencyId: key.agencyId,
    details: { role: key.role, subject: label, development: true, validTo: key.validTo.toISOString() },
  });
}

/** Opened development roots by certificate: the root's PKCS#12 file is decrypted once per process. */
const openedRoots = new Map<string, Promise<DevCredential>>();

async function developmentRoot(tx: Kysely<Database>, deps: DevelopmentKeyDeps): Promise<{ root: DevCredential; created: boolean }> {
  const stored = await developmentAnchor(tx);
  if (stored?.pkcs12) {
    let root = openedRoots.get(stored.certificate);
    if (!root) {
      root = openKeyFile(stored.pkcs12, deps.config.signing.keyPassphrase, 'agency').then((opened) => opened.credential);
      root.catch(() => openedRoots.delete(stored.certificate));
      openedRoots.set(stored.certificate, root);
    }
    return { root: await root, created: false };
  }
  const root = await createDevRootCa({ commonName: developmentRootName, organization: developmentOrganization, notBefore: yearsBefore(deps.clock(), 10), years: 30 });
  await insertDevelopmentAnchor(tx, { name: developmentRootName, certificate: chainPem(root.chain), pkcs12: await sealKeyFile(root, deps.config.signing.keyPassphrase) });
  await recordAudit(tx, { actor: { kind: 'anonymous' }, actorName: 'development keys', at: deps.clock() }, {
    action: 'signing_trust_anchor.created',
    entityType: 'signing_trust_anchor',
    details: { subject: developmentRootName, development: true },
  });
  return { root, created: true };
}

async function newKey(deps: DevelopmentKeyDeps, root: DevCredential, owner: KeyOwner, names: SignerCandidate | undefined): Promise<NewKey> {
  const notBefore = yearsBefore(deps.clock(), 2);
  let credential: DevCredential;
  let image: Uint8Array | null = null;
  if ('timestamping' in owner) {
    credential = await issueCertificate(root, { role: 'timestamping', commonName: timestampingName, organization: developmentOrganization, notBefore, years: 7 });
  } else if ('agencyId' in owner) {
    credential = await issueCertificate(root, { role: 'agency', commonName: names!.name, organization: names!.name, notBefore, years: 7 });
    image = (await sealImage(names!.name)).png;
  } else {
    credential = await issueCertificate(root, { role: 'person', commonName: names!.name, ...(names!.agencyName ? { organization: names!.agencyName } : {}), notBefore, years: 7 });
    image = (await signatureImage(names!.name)).png;
  }
  const validity = describeCertificate(credential.certificate);
  return {
    role: 'timestamping' in owner ? 'timestamping' : 'agencyId' in owner ? 'agency' : 'person',
    agencyId: 'agencyId' in owner ? owner.agencyId : null,
    userId: 'userId' in owner ? owner.userId : null,
    provider: 'pkcs12',
    certificateChain: chainPem(credential.chain),
    pkcs12: await sealKeyFile(credential, deps.config.signing.keyPassphrase),
    remoteKeyId: null,
    imagePng: image,
    development: true,
    validFrom: validity.notBefore,
    validTo: validity.notAfter,
  };
}

function yearsBefore(date: Date, years: number): Date {
  const start = new Date(date);
  start.setUTCFullYear(start.getUTCFullYear() - years);
  return start;
}
