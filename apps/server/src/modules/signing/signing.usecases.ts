/**
 * Who signs and who is trusted (docs/signing-keys.md): the `Signer` of an agency's seal or of a
 * staff member's personal key, with the picture its signature shows; the trust anchors a
 * verification checks chains against; the time-stamp authority that makes signatures PAdES B-T.
 *
 * Keys are read from `signing_keys`: a PKCS#12 file opened with SIGNING_KEY_PASSPHRASE, or a key
 * held by a remote signing service / HSM. With demo data, a key that does not exist yet is issued
 * by the development root CA on first use (`development-keys.ts`); otherwise its absence is the
 * catalogued `signing_key.not_found`.
 */
import fs from 'node:fs';
import { AppError } from '@motcua/domain';
import type { Deps } from '../../deps.ts';
import { certificateDer } from '../../infra/signing/dev-ca.ts';
import { remoteSigner, remoteSigningService, type RemoteSigningService } from '../../infra/signing/remote-signer.ts';
import { timestampAuthorityClient } from '../../infra/signing/tsa-client.ts';
import type { Signer, TimestampAuthority, TrustAnchors } from '../../infra/signing/types.ts';
import { inProcessTimestampFetch } from '../../demo/dev-tsa/in-process.ts';
import { createDevTimestampResponder, type DevTimestampResponder } from '../../demo/dev-tsa/responder.ts';
import { ensureDevelopmentKey } from './development-keys.ts';
import { describeCertificate, openKeyFile, pemChain } from './key-files.ts';
import { currentKey, trustAnchorRows, type KeyOwner, type StoredKey } from './signing.repository.ts';

export interface SigningDeps {
  db: Deps['db'];
  config: Pick<Deps['config'], 'signing'>;
  clock: Deps['clock'];
  /** The remote signing service or HSM keys with provider `remote` live in; default: none (refused). */
  remoteSigning?: RemoteSigningService | undefined;
}

export interface SignerWithImage {
  signer: Signer;
  /** The person's signature or the agency's seal, PNG; undefined when none is kept. */
  image: Uint8Array | undefined;
}

/** The current key of an agency (its seal) or of a staff member (their personal key). */
export async function signerFor(deps: SigningDeps, owner: { agencyId: string } | { userId: string }): Promise<SignerWithImage> {
  const key = await keyOf(deps, owner);
  return { signer: await openedSigner(deps, key), image: key.imagePng ?? undefined };
}

/** The development root CA (kept in the database) and the roots in the files of SIGNING_TRUST_ROOTS. */
export async function trustAnchors(deps: Pick<SigningDeps, 'db' | 'config'>): Promise<TrustAnchors> {
  const stored = (await trustAnchorRows(deps.db)).map((row) => certificateDer(row.certificate));
  const configured = deps.config.signing.trustRootFiles.flatMap((file) => pemChain(fs.readFileSync(file, 'utf8'), file));
  return { roots: [...stored, ...configured] };
}

/**
 * The configured time-stamp authority, or the bundled development one (reached in this process),
 * or undefined: signatures are then PAdES B-B.
 */
export function timestampAuthority(deps: SigningDeps): TimestampAuthority | undefined {
  const configured = deps.config.signing.timestamp;
  if (!configured) return undefined;
  if (!configured.devAuthority) return timestampAuthorityClient({ url: configured.url });
  return timestampAuthorityClient({ url: configured.url, fetch: inProcessTimestampFetch(configured.url, devTimestampResponder(deps)) });
}

const responders = new WeakMap<object, DevTimestampResponder>();

/** The development time-stamp authority of these deps (one per server), signing with the stored time-stamping key. */
export function devTimestampResponder(deps: SigningDeps): DevTimestampResponder {
  let responder = responders.get(deps.db);
  if (!responder) {
    responder = createDevTimestampResponder({ signer: async () => openedSigner(deps, await keyOf(deps, { timestamping: true })), clock: deps.clock });
    responders.set(deps.db, responder);
  }
  return responder;
}

async function keyOf(deps: SigningDeps, owner: KeyOwner): Promise<StoredKey> {
  const stored = await currentKey(deps.db, owner);
  if (stored) return stored;
  if (deps.config.signing.developmentKeys) {
    await ensureDevelopmentKey(deps, owner);
    const issued = await currentKey(deps.db, owner);
    if (issued) return issued;
  }
  throw new AppError('signing_key.not_found', { details: { owner } });
}

/**
 * Opened signers by key id (and passphrase): a PKCS#12 file is decrypted once per process, whether
 * the caller passes the database or a transaction.
 */
const opened = new Map<string, Promise<Signer>>();

function openedSigner(deps: SigningDeps, key: StoredKey): Promise<Signer> {
  const cacheKey = `${key.id}\u0000${deps.config.signing.keyPassphrase ?? ''}`;
  let signer = opened.get(cacheKey);
  if (!signer) {
    signer = openSigner(deps, key);
    signer.catch(() => opened.delete(cacheKey));
    opened.set(cacheKey, signer);
  }
  return signer;
}

async function openSigner(deps: SigningDeps, key: StoredKey): Promise<Signer> {
  const chain = pemChain(key.certificateChain, 'signing_keys.certificate_chain');
  const role = key.role === 'person' ? 'person' : 'agency';
  if (key.provider === 'remote') {
    const { label, algorithm } = describeCertificate(chain[0]!);
    return remoteSigner(remoteSigningService(deps.remoteSigning), { credentialId: key.remoteKeyId!, role, label, chain, algorithm });
  }
  return (await openKeyFile(key.pkcs12!, deps.config.signing.keyPassphrase, role)).signer;
}
