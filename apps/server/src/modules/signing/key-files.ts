/**
 * How stored keys are read and written: certificate chains as PEM text, private keys as PKCS#12
 * files encrypted under SIGNING_KEY_PASSPHRASE (the passphrase is never stored). The PKCS#12 work
 * itself is the signing adapter's (`infra/signing/pkcs12.ts`).
 */
import { AppError } from '@motcua/domain';
import * as pkijs from 'pkijs';
import { certificatePem, keySigner, type DevCredential } from '../../infra/signing/dev-ca.ts';
import { readPkcs12, toPkcs12 } from '../../infra/signing/pkcs12.ts';
import type { Signer } from '../../infra/signing/types.ts';

const pemBlock = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g;

/** The DER certificates of a PEM text, in order; throws when there is none. */
export function pemChain(text: string, source: string): Uint8Array[] {
  const chain = [...text.matchAll(pemBlock)].map((m) => new Uint8Array(Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64')));
  if (chain.length === 0) throw new Error(`${source}: no PEM certificate`);
  return chain;
}

export function chainPem(chain: Uint8Array[]): string {
  return chain.map((der) => certificatePem(der).trim()).join('\n') + '\n';
}

const keyAlgorithms: Record<string, Signer['algorithm']> = {
  '1.2.840.113549.1.1.1': 'RSASSA-PKCS1-v1_5',
  '1.2.840.10045.2.1': 'ECDSA',
};

/** A certificate's common name, key algorithm and validity. */
export function describeCertificate(der: Uint8Array): { label: string; algorithm: Signer['algorithm']; notBefore: Date; notAfter: Date } {
  const certificate = pkijs.Certificate.fromBER(der);
  const cn = certificate.subject.typesAndValues.find((tv) => tv.type === '2.5.4.3');
  const algorithm = keyAlgorithms[certificate.subjectPublicKeyInfo.algorithm.algorithmId];
  if (!algorithm) throw new Error(`unsupported key algorithm ${certificate.subjectPublicKeyInfo.algorithm.algorithmId}`);
  return {
    label: cn ? String(cn.value.valueBlock.value) : 'unnamed certificate',
    algorithm,
    notBefore: certificate.notBefore.value,
    notAfter: certificate.notAfter.value,
  };
}

/** A key and its chain as a PKCS#12 file encrypted under the configured passphrase. */
export async function sealKeyFile(credential: DevCredential, passphrase: string | undefined): Promise<Uint8Array> {
  return toPkcs12(credential, requirePassphrase(passphrase));
}

/** Opens a stored PKCS#12 file: its key and chain, and a `Signer` over them. */
export async function openKeyFile(file: Uint8Array, passphrase: string | undefined, role: Signer['role']): Promise<{ credential: DevCredential; signer: Signer }> {
  let credential: DevCredential;
  try {
    const opened = await readPkcs12(file, requirePassphrase(passphrase));
    credential = { certificate: opened.chain[0]!, privateKey: opened.privateKey, chain: opened.chain };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('signing_key.unreadable', { cause: error });
  }
  return { credential, signer: keySigner(credential, role) };
}

function requirePassphrase(passphrase: string | undefined): string {
  if (passphrase) return passphrase;
  throw new AppError('signing_key.unreadable', {
    messages: {
      vi: 'Chưa đặt SIGNING_KEY_PASSPHRASE: không mở hoặc lưu được khóa ký số PKCS#12',
      en: 'SIGNING_KEY_PASSPHRASE is not set: PKCS#12 signing keys cannot be opened or stored',
    },
  });
}
