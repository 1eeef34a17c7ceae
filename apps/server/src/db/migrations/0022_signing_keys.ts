import { sql, type Kysely } from 'kysely';

/**
 * Signing keys (docs/signing-keys.md). `signing_keys` holds one current key per agency (its seal),
 * per staff member who signs (a personal key) and for the development time-stamping unit, with the
 * public certificate chain (PEM, the key's certificate first, up to the root). A `pkcs12` key is
 * kept as a PKCS#12 file encrypted under SIGNING_KEY_PASSPHRASE, which is never stored; a `remote`
 * key stays in a remote signing service or HSM and is named by `remote_key_id`. `image_png` is the
 * picture the signature shows: the person's handwritten signature or the agency's seal. A replaced
 * key is revoked (`revoked_at`), never deleted, so that old signatures keep their certificate.
 *
 * `signing_trust_anchors` holds root certificates the verifier trusts besides configured files:
 * the development root CA, with its key (encrypted the same way) to issue more certificates.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE signing_keys (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      role text NOT NULL CHECK (role IN ('person', 'agency', 'timestamping')),
      agency_id uuid REFERENCES agencies (id),
      user_id uuid REFERENCES users (id),
      provider text NOT NULL CHECK (provider IN ('pkcs12', 'remote')),
      certificate_chain text NOT NULL,
      pkcs12 bytea,
      remote_key_id text,
      image_png bytea,
      development boolean NOT NULL DEFAULT false,
      valid_from timestamptz NOT NULL,
      valid_to timestamptz NOT NULL,
      revoked_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((provider = 'pkcs12') = (pkcs12 IS NOT NULL)),
      CHECK ((provider = 'remote') = (remote_key_id IS NOT NULL)),
      CHECK (role <> 'agency' OR (agency_id IS NOT NULL AND user_id IS NULL)),
      CHECK (role <> 'person' OR user_id IS NOT NULL),
      CHECK (role <> 'timestamping' OR (agency_id IS NULL AND user_id IS NULL)),
      CHECK (valid_to > valid_from)
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX signing_keys_current_agency ON signing_keys (agency_id) WHERE role = 'agency' AND revoked_at IS NULL`.execute(db);
  await sql`CREATE UNIQUE INDEX signing_keys_current_person ON signing_keys (user_id) WHERE role = 'person' AND revoked_at IS NULL`.execute(db);
  await sql`CREATE UNIQUE INDEX signing_keys_current_timestamping ON signing_keys (role) WHERE role = 'timestamping' AND revoked_at IS NULL`.execute(db);
  await sql`
    CREATE TABLE signing_trust_anchors (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL,
      certificate text NOT NULL,
      pkcs12 bytea,
      development boolean NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX signing_trust_anchors_one_development ON signing_trust_anchors (development) WHERE development`.execute(db);
}
