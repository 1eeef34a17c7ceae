/** A new PDF with the fonts embedded and a page flow ready, plus the metadata every form carries. */
import { parseInstant } from '@motcua/domain';
import { PDFDocument } from 'pdf-lib';
import { defaultFontFiles, embedFonts, type FontFiles } from './fonts.ts';
import { A4_PORTRAIT, Flow } from './flow.ts';
import { localParts } from './format.ts';

export interface RenderOptions {
  /** Replacement font files (regular, bold, italic, bold italic), e.g. a licensed Times New Roman. */
  fonts?: FontFiles;
}

export interface NewDocument {
  pdf: PDFDocument;
  flow: Flow;
}

export async function newDocument(
  meta: { title: string; subject?: string; author: string; issuedAt: string; /** the form's data, for the font subset tags */ seed: unknown },
  page: { size: [number, number]; margins: Flow['margins'] } = A4_PORTRAIT,
  options: RenderOptions = {},
): Promise<NewDocument> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  const fonts = await embedFonts(pdf, options.fonts ?? (await defaultFontFiles()), JSON.stringify(meta.seed) ?? '');
  // Dates from the data, not the clock: the same form renders to the same bytes.
  localParts(meta.issuedAt, 'issuedAt'); // validates, with the field named
  const issued = new Date(parseInstant(meta.issuedAt));
  pdf.setTitle(meta.title.normalize('NFC'), { showInWindowTitleBar: true });
  pdf.setAuthor(meta.author.normalize('NFC'));
  if (meta.subject) pdf.setSubject(meta.subject.normalize('NFC'));
  pdf.setLanguage('vi-VN');
  pdf.setCreator('Motcua');
  pdf.setProducer('Motcua (pdf-lib)');
  pdf.setCreationDate(issued);
  pdf.setModificationDate(issued);
  return { pdf, flow: new Flow(pdf, fonts, page.size, page.margins) };
}
