/**
 * Renders every sample form to PDF, for looking at them:
 *   npx tsx apps/server/test/unit/pdf/render-samples.ts /tmp/motcua-forms
 *   (then: pdftoppm -png -r 80 /tmp/motcua-forms/form-01.pdf /tmp/motcua-forms/form-01)
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { renderForm, type FormDocument } from '../../../src/infra/pdf/index.ts';
import * as samples from './fixtures.ts';

const out = process.argv[2] ?? '/tmp/motcua-forms';
const only = process.argv.slice(3);
const forms: FormDocument[] = [
  samples.receipt,
  samples.supplementRequest,
  samples.refusal,
  samples.apology,
  samples.stopNotice,
  samples.controlSheet,
  samples.trackingBook,
];
await mkdir(out, { recursive: true });
for (const form of forms) {
  if (only.length > 0 && !only.includes(form.form)) continue;
  const started = performance.now();
  const bytes = await renderForm(form);
  const file = join(out, `form-${form.form}.pdf`);
  await writeFile(file, bytes);
  console.log(`${file}\t${bytes.length} bytes\t${(performance.now() - started).toFixed(0)} ms`);
}
