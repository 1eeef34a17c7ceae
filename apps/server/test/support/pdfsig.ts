/**
 * poppler's `pdfsig`, the independent check of our signatures: it verifies each signature with
 * NSS against a temporary trust store holding the given root certificates. The roots are trusted
 * for S/MIME ("C" in the second field), the usage NSS checks a PDF signer's certificate for.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { certificatePem } from '../../src/infra/signing/dev-ca.ts';
import { toolPath } from '../../../../scripts/test-env/tools.mjs';

const execute = promisify(execFile);

export interface PdfsigSignature {
  fieldName: string;
  signer: string;
  /** "Signature is Valid." etc. */
  signatureValidation: string;
  /** "Certificate is Trusted." etc. */
  certificateValidation: string;
  totalDocumentSigned: boolean;
  signatureValid: boolean;
  certificateTrusted: boolean;
}

export interface PdfsigReport {
  signatures: PdfsigSignature[];
  output: string;
}

/** Runs `pdfsig -nssdir sql:DIR file.pdf` with `roots` (DER) as the only trusted CAs. */
export async function pdfsig(pdf: Uint8Array, roots: Uint8Array[]): Promise<PdfsigReport> {
  const dir = await mkdtemp(join(tmpdir(), 'motcua-pdfsig-'));
  try {
    const nss = `sql:${join(dir, 'nss')}`;
    await execute('mkdir', [join(dir, 'nss')]);
    await execute(toolPath('certutil'), ['-N', '-d', nss, '--empty-password']);
    for (const [i, root] of roots.entries()) {
      const pem = join(dir, `ca${i}.pem`);
      await writeFile(pem, certificatePem(root));
      await execute(toolPath('certutil'), ['-A', '-d', nss, '-t', 'CT,C,C', '-n', `motcua-dev-ca-${i}`, '-i', pem]);
    }
    const file = join(dir, 'signed.pdf');
    await writeFile(file, pdf);
    // pdfsig exits non-zero when a signature does not verify: its output still says why.
    const { stdout } = await execute(toolPath('pdfsig'), ['-nssdir', nss, file]).catch((error: { stdout?: string; stderr?: string }) => ({
      stdout: `${error.stdout ?? ''}${error.stderr ?? ''}`,
    }));
    return { signatures: parse(stdout), output: stdout };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function parse(output: string): PdfsigSignature[] {
  return output
    .split(/^Signature #\d+:$/m)
    .slice(1)
    .map((block) => {
      const line = (label: string) => new RegExp(`^\\s*- ${label}: (.*)$`, 'm').exec(block)?.[1]?.trim() ?? '';
      const signatureValidation = line('Signature Validation');
      const certificateValidation = line('Certificate Validation');
      return {
        fieldName: line('Signature Field Name'),
        signer: line('Signer Certificate Common Name'),
        signatureValidation,
        certificateValidation,
        totalDocumentSigned: /^\s*- Total document signed$/m.test(block),
        signatureValid: signatureValidation === 'Signature is Valid.',
        certificateTrusted: certificateValidation === 'Certificate is Trusted.',
      };
    });
}
