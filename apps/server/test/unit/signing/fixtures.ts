/** A development PKI and signature pictures for the signing tests (one of each per test file). */
import { Resvg } from '@resvg/resvg-js';
import { createDevRootCa, issueCertificate, keySigner, type DevCredential } from '../../../src/infra/signing/dev-ca.ts';
import type { Signer } from '../../../src/infra/signing/types.ts';

export const validFrom = new Date('2025-01-01T00:00:00Z');
/** 10:15 on 7 December 2026 in Vietnam. */
export const signedAt = new Date('2026-12-07T03:15:00Z');

export interface Pki {
  root: DevCredential;
  person: DevCredential;
  agency: DevCredential;
  personSigner: Signer;
  agencySigner: Signer;
}

export async function developmentPki(name = 'Motcua Development Root CA'): Promise<Pki> {
  const root = await createDevRootCa({ commonName: name, organization: 'Motcua', notBefore: validFrom });
  const person = await issueCertificate(root, {
    commonName: 'Đặng Thị Thu Hường',
    organization: 'UBND xã Giao Thủy',
    role: 'person',
    notBefore: validFrom,
  });
  const agency = await issueCertificate(root, {
    commonName: 'UBND xã Giao Thủy',
    organization: 'Ủy ban nhân dân xã Giao Thủy',
    role: 'agency',
    notBefore: validFrom,
  });
  return { root, person, agency, personSigner: keySigner(person, 'person'), agencySigner: keySigner(agency, 'agency') };
}

const png = (svg: string) => new Uint8Array(new Resvg(svg, { background: 'rgba(0,0,0,0)' }).render().asPng());

/** A handwritten-looking stroke in blue. */
export const signaturePng = png(
  `<svg xmlns="http://www.w3.org/2000/svg" width="360" height="150"><path d="M20 110 C 60 10, 90 10, 110 90 S 160 140, 190 60 S 250 20, 270 100 S 320 120, 340 40" fill="none" stroke="#1a3fb0" stroke-width="7" stroke-linecap="round"/></svg>`,
);

/** A round seal in red. */
export const sealPng = png(
  `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="300"><circle cx="150" cy="150" r="140" fill="none" stroke="#d81e1e" stroke-width="10"/><circle cx="150" cy="150" r="100" fill="none" stroke="#d81e1e" stroke-width="4"/><path d="M150 95 L163 135 L205 135 L171 160 L184 200 L150 175 L116 200 L129 160 L95 135 L137 135 Z" fill="#d81e1e"/></svg>`,
);
