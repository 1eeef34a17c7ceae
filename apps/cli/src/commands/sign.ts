/**
 * `motcua sign` and `motcua verify` (docs/interfaces.md): PAdES signatures on any PDF with the keys
 * kept by the signing module (docs/signing-keys.md), and their verification against the trust
 * anchors in the database and in SIGNING_TRUST_ROOTS.
 *
 * A PDF given to `sign` was not laid out by Motcua, so nothing is drawn where its content might
 * be: a person's signature is invisible (it shows in a reader's signature panel and in `verify`),
 * and the agency's is its mark at the top right of the first page (the `stamp` placement, as on
 * an attachment). With both, the person signs first and the agency second, each in its own
 * incremental revision, so the first signature stays valid.
 */
import fs from 'node:fs';
import { Command, CommanderError } from 'commander';
import { AppError } from '@motcua/domain';
import { loadConfig } from '@motcua/server/config.ts';
import { configuredClock } from '@motcua/server/deps.ts';
import { signPdf } from '@motcua/server/infra/signing/pades.ts';
import { verifyPdf } from '@motcua/server/infra/signing/verify.ts';
import { certificatePem } from '@motcua/server/infra/signing/dev-ca.ts';
import type { SignaturePlacement, Signer } from '@motcua/server/infra/signing/types.ts';
import { signerFor, timestampAuthority, trustAnchors } from '@motcua/server/modules/signing/signing.usecases.ts';
import { findSigningAgency, findSigningUser } from '@motcua/server/modules/signing/signing.repository.ts';
import { describeError, withDatabase, type GlobalOptions } from '../context.ts';

/** Usage errors of these commands exit with 2 (1 means "signed/verified, and the answer is no"). */
const usageExit = (error: CommanderError) => {
  throw new CommanderError(error.exitCode === 0 ? 0 : 2, error.code, error.message);
};

/** Unreadable input: a message on standard error and exit status 2. */
function unreadable(message: string): void {
  console.error(message);
  process.exitCode = 2;
}

function readInput(file: string): Uint8Array | undefined {
  try {
    return new Uint8Array(fs.readFileSync(file));
  } catch (error) {
    unreadable(`cannot read ${file}: ${(error as Error).message}`);
    return undefined;
  }
}

export function registerSignCommands(program: Command, globals: () => GlobalOptions): void {
  program
    .command('sign')
    .description('sign a PDF (PAdES; B-T when a time-stamp authority is configured): by a person (--signer), an agency (--agency), or both')
    .requiredOption('--in <file>', 'the PDF to sign')
    .requiredOption('--out <file>', 'where to write the signed PDF')
    .option('--agency <code>', "the agency whose seal key signs (default without --signer: the agency at the top of the hierarchy)")
    .option('--signer <username>', "the staff member whose personal key signs")
    .option('--reason <text>', 'the reason written in the signature')
    .option('--no-timestamp', 'no time-stamp (PAdES B-B) even when a time-stamp authority is configured')
    .exitOverride(usageExit)
    .action(async (o: { in: string; out: string; agency?: string; signer?: string; reason?: string; timestamp: boolean }) => {
      const input = readInput(o.in);
      if (!input) return;
      if (!isPdf(input)) return unreadable(`${o.in} is not a PDF`);
      const config = loadConfig();
      const clock = configuredClock(config);
      await withDatabase(globals(), async (handle) => {
        const deps = { db: handle.db, config, clock };
        const signers: Array<{ signer: Signer; placement: SignaturePlacement }> = [];
        if (o.signer) {
          const user = await findSigningUser(handle.db, o.signer);
          if (!user) throw new AppError('request.invalid', { issues: [{ path: 'signer', message: `no enabled staff member "${o.signer}"` }] });
          signers.push({ signer: (await signerFor(deps, { userId: user.id })).signer, placement: { kind: 'invisible' } });
        }
        if (o.agency || !o.signer) {
          const agency = await findSigningAgency(handle.db, o.agency);
          if (!agency) {
            throw new AppError('request.invalid', {
              issues: [{ path: 'agency', message: o.agency ? `no agency "${o.agency}"` : 'no single agency at the top of the hierarchy: choose one with --agency' }],
            });
          }
          signers.push({ signer: (await signerFor(deps, { agencyId: agency.id })).signer, placement: { kind: 'stamp' } });
        }
        const timestamp = o.timestamp ? timestampAuthority(deps) : undefined;
        let pdf = input;
        for (const { signer, placement } of signers) {
          pdf = await signPdf(pdf, { signer, placement, signedAt: clock(), ...(o.reason ? { reason: o.reason } : {}), ...(timestamp ? { timestamp } : {}) });
        }
        fs.writeFileSync(o.out, pdf);
        const level = timestamp ? `PAdES B-T (time-stamp: ${timestamp.url})` : 'PAdES B-B';
        console.error(`${o.out}: signed by ${signers.map((s) => s.signer.label).join(', then ')}, ${level}`);
      });
    });

  program
    .command('verify')
    .description('verify the signatures of a PDF; prints one JSON object, exit status 0 only when every signature is valid and covers the whole document')
    .argument('<file>', 'the signed PDF')
    .exitOverride(usageExit)
    .action(async (file: string) => {
      const input = readInput(file);
      if (!input) return;
      if (!isPdf(input)) return unreadable(`${file} is not a PDF`);
      await withDatabase(globals(), async (handle) => {
        const trust = await trustAnchors({ db: handle.db, config: loadConfig() });
        let verification;
        try {
          verification = await verifyPdf(input, trust);
        } catch (error) {
          return unreadable(`${file} cannot be read as a signed PDF: ${describeError(error)}`);
        }
        const valid = verification.signatures.length > 0 && verification.signatures.every((s) => s.valid && s.coversWholeDocument);
        process.stdout.write(JSON.stringify({ valid, signatures: verification.signatures }, null, 2) + '\n');
        if (!valid) process.exitCode = 1;
      });
    });

  program
    .command('trust-roots')
    .description('print the trusted root certificates (the development CA made at setup, and SIGNING_TRUST_ROOTS) as PEM, e.g. for pdfsig\'s NSS store')
    .option('--out <file>', 'write them to a file instead of standard output')
    .exitOverride(usageExit)
    .action(async (o: { out?: string }) => {
      await withDatabase(globals(), async (handle) => {
        const { roots } = await trustAnchors({ db: handle.db, config: loadConfig() });
        if (roots.length === 0) {
          console.error('no trusted root: run `motcua setup` (it makes the development CA) or configure SIGNING_TRUST_ROOTS');
          process.exitCode = 1;
          return;
        }
        const pem = roots.map(certificatePem).join('');
        if (o.out) {
          fs.writeFileSync(o.out, pem);
          console.error(`${o.out}: ${roots.length} trusted root certificate(s)`);
        } else process.stdout.write(pem);
      });
    });
}

function isPdf(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, 1024)).includes('%PDF-');
}
