/**
 * Keys that never enter this process: a remote signing service (the Government Cipher Committee's
 * remote signing for officials, a licensed CA's cloud signing) or an HSM behind PKCS#11. The
 * adapter speaks in the terms of the Cloud Signature Consortium API v2, which such services
 * follow or resemble: `credentials/info` gives a credential's certificate chain, and
 * `signatures/signHash` signs SHA-256 hashes with the credential's key. Motcua sends only the hash
 * of the CMS signed attributes; the document never leaves the server.
 *
 * No service ships with Motcua: `remoteSigningService(undefined)` is a stub that refuses with the
 * catalogued error `signing_key.remote_not_configured`. docs/signing-keys.md says how a real
 * provider plugs in.
 */
import { createHash } from 'node:crypto';
import { AppError } from '@motcua/domain';
import type { Signer } from './types.ts';

/** Object identifiers of the algorithms a signHash request names. */
export const signHashAlgorithms = {
  sha256: '2.16.840.1.101.3.4.2.1',
  sha256WithRsa: '1.2.840.113549.1.1.11',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
} as const;

export interface RemoteCredentialInfo {
  /** DER certificates, the credential's own first, up to the root (CSC `cert.certificates`). */
  certificates: Uint8Array[];
  algorithm: Signer['algorithm'];
}

export interface SignHashRequest {
  credentialId: string;
  /** SHA-256 digests to sign (CSC `hashes`), one per signature. */
  hashes: Uint8Array[];
  hashAlgorithm: typeof signHashAlgorithms.sha256;
  signAlgorithm: typeof signHashAlgorithms.sha256WithRsa | typeof signHashAlgorithms.ecdsaWithSha256;
}

/**
 * A remote signing service or HSM. An implementation authorises each use as its service requires
 * (a CSC `credentials/authorize` with the official's approval on their phone, an HSM session
 * logged in with a PIN from the environment) before it answers `signHash`.
 */
export interface RemoteSigningService {
  /** For logs and errors ("Ban Cơ yếu Chính phủ — ký số từ xa", "HSM slot 0"). */
  readonly name: string;
  credentialInfo(credentialId: string): Promise<RemoteCredentialInfo>;
  /**
   * Signature values, one per hash, in the order given: the PKCS#1 v1.5 signature for RSA, the
   * DER Ecdsa-Sig-Value for ECDSA (what a CMS SignerInfo holds).
   */
  signHash(request: SignHashRequest): Promise<Uint8Array[]>;
}

/** The configured service, or the stub that refuses every use when none is plugged in. */
export function remoteSigningService(configured: RemoteSigningService | undefined): RemoteSigningService {
  return configured ?? notConfigured;
}

const notConfigured: RemoteSigningService = {
  name: 'not configured',
  credentialInfo: async () => {
    throw new AppError('signing_key.remote_not_configured');
  },
  signHash: async () => {
    throw new AppError('signing_key.remote_not_configured');
  },
};

export interface RemoteKey {
  credentialId: string;
  role: Signer['role'];
  /** The certificate's common name. */
  label: string;
  /** The chain recorded when the key was registered (DER, its own certificate first). */
  chain: Uint8Array[];
  algorithm: Signer['algorithm'];
}

/** A `Signer` whose key is held by `service`: it hashes what is to be signed and sends the hash. */
export function remoteSigner(service: RemoteSigningService, key: RemoteKey): Signer {
  return {
    label: key.label,
    role: key.role,
    algorithm: key.algorithm,
    certificateChain: async () => key.chain.map((c) => new Uint8Array(c)),
    async sign(toBeSigned) {
      const hash = new Uint8Array(createHash('sha256').update(toBeSigned).digest());
      const [signature] = await service.signHash({
        credentialId: key.credentialId,
        hashes: [hash],
        hashAlgorithm: signHashAlgorithms.sha256,
        signAlgorithm: key.algorithm === 'ECDSA' ? signHashAlgorithms.ecdsaWithSha256 : signHashAlgorithms.sha256WithRsa,
      });
      if (!signature || signature.byteLength === 0) throw new Error(`${service.name} returned no signature for ${key.label}`);
      return signature;
    },
  };
}
