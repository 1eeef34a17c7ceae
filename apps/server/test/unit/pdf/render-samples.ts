/**
 * Renders every sample form to PDF, for looking at them, and forms 01 and 04 as each level of
 * agency issues them (a commune, a district office, a province department, the longest name):
 *   npx tsx apps/server/test/unit/pdf/render-samples.ts /tmp/motcua-forms [01 04 …]
 *   (then: pdftoppm -png -r 80 /tmp/motcua-forms/form-01.pdf /tmp/motcua-forms/form-01)
 * It prints each file with its size, its rendering time and the signature slot (PDF points).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { renderFormDocument, type FormDocument } from '../../../src/infra/pdf/index.ts';
import * as samples from './fixtures.ts';

const out = process.argv[2] ?? '/tmp/motcua-forms';
const only = process.argv.slice(3);
const forms: Array<[string, FormDocument]> = [
  samples.receipt,
  samples.supplementRequest,
  samples.refusal,
  samples.apology,
  samples.stopNotice,
  samples.controlSheet,
  samples.trackingBook,
].map((form) => [`form-${form.form}`, form]);
for (const [level, issuer] of Object.entries(samples.issuers)) {
  for (const form of [samples.receipt, samples.apology]) forms.push([`form-${form.form}-${level}`, samples.issuedBy(form, issuer)]);
}
await mkdir(out, { recursive: true });
for (const [name, form] of forms) {
  if (only.length > 0 && !only.includes(form.form)) continue;
  const started = performance.now();
  const { pdf, signatureSlot } = await renderFormDocument(form);
  const file = join(out, `${name}.pdf`);
  await writeFile(file, pdf);
  const slot = signatureSlot ? `slot p${signatureSlot.page} x${signatureSlot.x.toFixed(0)} y${signatureSlot.y.toFixed(0)} ${signatureSlot.width.toFixed(0)}×${signatureSlot.height.toFixed(0)}` : 'no slot';
  console.log(`${file}\t${pdf.length} bytes\t${(performance.now() - started).toFixed(0)} ms\t${slot}`);
}
