/**
 * PKCS#12 files for development keys: `motcua setup` packs each generated key with its chain
 * under a passphrase, and the server loads it as a `Signer` whose private key cannot be
 * exported again. Protection: the key in a PKCS8ShroudedKeyBag and the certificates in an
 * encrypted SafeContents, both PBES2 (PBKDF2-HMAC-SHA256, AES-256-CBC); integrity by an
 * HMAC-SHA256 MAC (RFC 7292). OpenSSL 3 reads these files.
 */
import { webcrypto } from 'node:crypto';
import * as pkijs from 'pkijs';
import { parseCertificate, toArrayBuffer } from './certificates.ts';
import { keySigner } from './dev-ca.ts';
import type { Signer } from './types.ts';

const BAG = {
  shroudedKey: '1.2.840.113549.1.12.10.1.2',
  certificate: '1.2.840.113549.1.12.10.1.3',
  x509Certificate: '1.2.840.113549.1.9.22.1',
} as const;

const ITERATIONS = 100_000;

const passwordBytes = (passphrase: string) => toArrayBuffer(new TextEncoder().encode(passphrase));

const encryption = (passphrase: string) => ({
  password: passwordBytes(passphrase),
  contentEncryptionAlgorithm: { name: 'AES-CBC', length: 256 } as const,
  hmacHashAlgorithm: 'SHA-256',
  iterationCount: ITERATIONS,
});

/** A PKCS#12 file holding `privateKey` (it must be extractable) and `chain` (leaf first). */
export async function toPkcs12(credential: { privateKey: webcrypto.CryptoKey; chain: Uint8Array[] }, passphrase: string): Promise<Uint8Array> {
  const pkcs8 = new Uint8Array(await webcrypto.subtle.exportKey('pkcs8', credential.privateKey));
  const keyBag = new pkijs.PKCS8ShroudedKeyBag({ parsedValue: pkijs.PrivateKeyInfo.fromBER(toArrayBuffer(pkcs8)) });
  pkcs8.fill(0);
  await keyBag.makeInternalValues(encryption(passphrase));

  const pfx = new pkijs.PFX({
    parsedValue: {
      integrityMode: 0, // password-based integrity
      authenticatedSafe: new pkijs.AuthenticatedSafe({
        parsedValue: {
          safeContents: [
            { privacyMode: 0, value: new pkijs.SafeContents({ safeBags: [new pkijs.SafeBag({ bagId: BAG.shroudedKey, bagValue: keyBag })] }) },
            {
              privacyMode: 1, // password-based privacy
              value: new pkijs.SafeContents({
                safeBags: credential.chain.map(
                  (der) => new pkijs.SafeBag({ bagId: BAG.certificate, bagValue: new pkijs.CertBag({ parsedValue: parseCertificate(der) }) }),
                ),
              }),
            },
          ],
        },
      }),
    },
  });
  await pfx.parsedValue!.authenticatedSafe!.makeInternalValues({ safeContents: [{}, encryption(passphrase)] });
  await pfx.makeInternalValues({
    password: passwordBytes(passphrase),
    iterations: ITERATIONS,
    pbkdf2HashAlgorithm: 'SHA-256',
    hmacHashAlgorithm: 'SHA-256',
  } as pkijs.MakeInternalValuesParams);
  return new Uint8Array(pfx.toSchema().toBER(false));
}

/** The key (non-extractable) and the chain, leaf first, from a PKCS#12 file. */
export async function readPkcs12(p12: Uint8Array, passphrase: string): Promise<{ privateKey: webcrypto.CryptoKey; chain: Uint8Array[] }> {
  const password = passwordBytes(passphrase);
  const pfx = pkijs.PFX.fromBER(toArrayBuffer(p12));
  try {
    await pfx.parseInternalValues({ password, checkIntegrity: true });
  } catch {
    throw new Error('PKCS#12: wrong passphrase or damaged file');
  }
  const safe = pfx.parsedValue?.authenticatedSafe;
  if (!safe) throw new Error('PKCS#12: no authenticated safe');
  await safe.parseInternalValues({ safeContents: safe.safeContents.map(() => ({ password })) });

  let pkcs8: ArrayBuffer | undefined;
  const certificates: pkijs.Certificate[] = [];
  for (const content of safe.parsedValue?.safeContents ?? []) {
    for (const bag of content.value.safeBags) {
      if (bag.bagId === BAG.shroudedKey) {
        const shrouded = bag.bagValue as pkijs.PKCS8ShroudedKeyBag;
        const encrypted = new pkijs.EncryptedData({
          encryptedContentInfo: new pkijs.EncryptedContentInfo({
            contentEncryptionAlgorithm: shrouded.encryptionAlgorithm,
            encryptedContent: shrouded.encryptedData,
          }),
        });
        pkcs8 = await encrypted.decrypt({ password });
      } else if (bag.bagId === BAG.certificate) {
        const certBag = bag.bagValue as pkijs.CertBag;
        if (certBag.certId === BAG.x509Certificate && certBag.parsedValue instanceof pkijs.Certificate) certificates.push(certBag.parsedValue);
      }
    }
  }
  if (!pkcs8) throw new Error('PKCS#12: no private key');
  const chain = orderChain(certificates);
  const publicKey = await chain[0]!.getPublicKey();
  const algorithm = publicKey.algorithm.name === 'ECDSA' ? { name: 'ECDSA', namedCurve: (publicKey.algorithm as EcKeyAlgorithmLike).namedCurve } : { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
  const privateKey = await webcrypto.subtle.importKey('pkcs8', pkcs8, algorithm, false, ['sign']);
  new Uint8Array(pkcs8).fill(0);
  return { privateKey, chain: chain.map((c) => new Uint8Array(c.toSchema(true).toBER(false))) };
}

interface EcKeyAlgorithmLike {
  namedCurve: string;
}

/** Leaf first, then each issuer: the leaf is the certificate that issued none of the others. */
function orderChain(certificates: pkijs.Certificate[]): pkijs.Certificate[] {
  if (certificates.length === 0) throw new Error('PKCS#12: no certificate');
  const issues = (issuer: pkijs.Certificate, subject: pkijs.Certificate) => issuer !== subject && issuer.subject.isEqual(subject.issuer);
  const leaf = certificates.find((c) => !certificates.some((other) => issues(c, other))) ?? certificates[0]!;
  const chain = [leaf];
  for (let current = leaf; chain.length < certificates.length; ) {
    const next = certificates.find((c) => issues(c, current) && !chain.includes(c));
    if (!next) break;
    chain.push(next);
    current = next;
  }
  return chain;
}

/** A `Signer` over the key in a PKCS#12 file; the key cannot be exported from it. */
export async function pkcs12Signer(p12: Uint8Array, passphrase: string, role: Signer['role']): Promise<Signer> {
  return keySigner(await readPkcs12(p12, passphrase), role);
}
