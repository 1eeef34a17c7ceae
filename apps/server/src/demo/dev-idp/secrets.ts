/**
 * The development identity provider's secrets: its ID-token signing key and the keys of its
 * cookies. Generated on first start and kept in `<DATA_DIR>/dev-idp/secrets.json` (readable by the
 * server's user only), so that a restart keeps issued ID tokens verifiable and its sign-in cookies
 * valid. Demo material: a real e-ID provider keeps its keys elsewhere.
 */
import fs from 'node:fs';
import path from 'node:path';
import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { z } from 'zod';

export interface DevIdentityProviderSecrets {
  /** Private JWKs (RS256), the first signs. */
  signingKeys: Array<Record<string, unknown>>;
  cookieKeys: string[];
}

const SecretsSchema = z.object({
  signingKeys: z.array(z.record(z.string(), z.unknown())).min(1),
  cookieKeys: z.array(z.string().min(16)).min(1),
});

/** A new RS256 signing key as a private JWK with its `kid`. */
export function newSigningKey(): Record<string, unknown> {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { ...privateKey.export({ format: 'jwk' }), kid: randomUUID(), alg: 'RS256', use: 'sig' };
}

/** Fresh secrets, kept nowhere (tests). */
export function newDevIdentityProviderSecrets(): DevIdentityProviderSecrets {
  return { signingKeys: [newSigningKey()], cookieKeys: [randomBytes(32).toString('base64url')] };
}

/** The secrets kept in `dataDir`, created there on first call. */
export function loadOrCreateDevIdentityProviderSecrets(dataDir: string): DevIdentityProviderSecrets {
  const file = path.join(dataDir, 'dev-idp', 'secrets.json');
  if (fs.existsSync(file)) return SecretsSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
  const secrets = newDevIdentityProviderSecrets();
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
