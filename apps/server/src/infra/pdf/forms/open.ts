/** The start every dossier form shares: document metadata, the header block, the title with the code and the QR. */
import { drawHeader, drawTitle } from '../blocks.ts';
import { newDocument, type RenderOptions } from '../document.ts';
import type { FormHeader } from '../types.ts';

export async function openDossierForm(
  form: FormHeader,
  title: string,
  heading: string[],
  options: RenderOptions | undefined,
  notes: string[] = [],
  ratingUrl?: string,
) {
  const opened = await newDocument(
    { title, subject: form.dossierCode, author: form.issuingBody.name, issuedAt: form.issuedAt, seed: form },
    undefined,
    options,
  );
  drawHeader(opened.flow, form);
  drawTitle(opened.flow, { title: heading, ...(notes.length ? { notes } : {}), dossierCode: form.dossierCode, statusUrl: form.statusUrl, ...(ratingUrl ? { ratingUrl } : {}) });
  return opened;
}
