/**
 * An e-form declaration printed in the layout of the legal form it reproduces (docs/eforms.md):
 * the national heading, the title, "Kính gửi", every field as a labelled line with a dotted blank
 * after the value (as on the printed template), the declarant's commitment, and the place, date
 * and signature block. A pure rendering adapter like the one-stop forms: data in, bytes out.
 */
import { answerText, formFields, type EFormAnswers, type EFormDefinition, type EFormField } from '@motcua/domain';
import type { PageRect } from '../signing/types.ts';
import { BODY, MOTTO, MOTTO_2, SIGNATURE_ROOM, upper } from './blocks.ts';
import { newDocument, type RenderOptions } from './document.ts';
import type { Flow } from './flow.ts';
import { placeAndDate } from './format.ts';
import type { Inline } from './text.ts';

/** What the printed declaration says about the dossier it belongs to. */
export interface DeclarationDossier {
  /** "000.41.00.H40-250304-0007", printed at the foot. */
  code: string;
  /** The "Kính gửi" line when the form names none: the receiving agency. */
  addressee: string;
  /** "Giao Thủy", printed before the date of filing. */
  place: string;
  /** ISO instant the declaration was filed (the dossier's submission). */
  filedAt: string;
  /** Keys whose value came from the declarant's e-ID, marked on the print. */
  verified?: readonly string[];
}

const GAP = 1;
/** Field lines a little tighter than letters, so that the usual declaration fits on one page as printed. */
const LEADING = 1.15;
/** Below this room after a value, no dotted blank is drawn (it would wrap onto a line of its own). */
const MIN_DOTS = 30;
const VERIFIED_MARK = ' (*)';

/** Renders the declaration as an A4 PDF. */
export async function renderDeclarationPdf(
  form: EFormDefinition,
  answers: EFormAnswers,
  dossier: DeclarationDossier,
  options: RenderOptions = {},
): Promise<Uint8Array> {
  return (await renderDeclarationPdfDocument(form, answers, dossier, options)).pdf;
}

/** The declaration as PDF, with the rectangle left for the declarant's signature image (between their title and name). */
export async function renderDeclarationPdfDocument(
  form: EFormDefinition,
  answers: EFormAnswers,
  dossier: DeclarationDossier,
  options: RenderOptions = {},
): Promise<{ pdf: Uint8Array; signatureSlot: PageRect }> {
  const { pdf, flow } = await newDocument(
    { title: form.title.vi, subject: dossier.code, author: form.legalForm.name, issuedAt: dossier.filedAt, seed: { form, answers } },
    undefined,
    options,
  );
  const verified = new Set(dossier.verified ?? []);

  // The legal form it reproduces, small at the top right, as the annexes print it.
  flow.paragraph([{ text: `${form.legalForm.name} (${form.legalForm.basis})`, style: 'italic' }], { size: 9.5, align: 'right', spaceAfter: 6 });
  drawNationalHeading(flow);
  flow.paragraph([{ text: upper(form.title.vi), style: 'bold' }], { size: 14, align: 'center', spaceBefore: 8, spaceAfter: 4 });
  flow.paragraph([{ text: 'Kính gửi: ' }, { text: form.addressee ?? dossier.addressee }], { size: BODY, align: 'center', spaceAfter: 4 });

  for (const section of form.sections) {
    if (form.sections.length > 1) flow.paragraph([{ text: section.title.vi, style: 'bold' }], { size: BODY, leading: LEADING, spaceBefore: 3, spaceAfter: GAP });
    drawFields(flow, section.fields, answers, verified);
  }

  if (form.commitment) {
    const commitment: Inline[] = [{ text: form.commitment.vi }];
    const options = { size: BODY, align: 'justify', firstIndent: 28.35, leading: LEADING, spaceBefore: 4, spaceAfter: 2 } as const;
    // The commitment stays with the signature: a page never holds a signature alone.
    flow.ensure(flow.measureParagraph(commitment, options) + signatureHeight(flow, form, answers));
    flow.paragraph(commitment, options);
  }
  const signatureSlot = drawSignature(flow, form, answers, dossier);
  if (verified.size) {
    flow.paragraph([{ text: '(*) Thông tin được xác thực qua tài khoản định danh điện tử (VNeID) của người khai.', style: 'italic' }], {
      size: 10, spaceBefore: 8,
    });
  }
  flow.footers(`Mã hồ sơ ${dossier.code} · Tờ khai điện tử ${form.id}@${form.version}`, { always: true });
  return { pdf: await pdf.save(), signatureSlot };
}

/** The motto and slogan, centred across the page, with the slogan's rule; no issuing body (the citizen writes). */
function drawNationalHeading(flow: Flow): void {
  const size = 13;
  flow.paragraph([{ text: MOTTO, style: 'bold' }], { size, align: 'center', leading: 1.2 });
  flow.paragraph([{ text: MOTTO_2, style: 'bold' }], { size, align: 'center', leading: 1.2 });
  const width = flow.fonts.bold.widthOfTextAtSize(MOTTO_2, size);
  flow.rule(flow.left + (flow.contentWidth - width) / 2, flow.left + (flow.contentWidth + width) / 2, flow.y + 2);
  flow.y += 6;
}

/** "Label: value ………" — the value (or nothing) followed by a dotted blank to the end of its box of `width`. */
function fieldLine(flow: Flow, field: EFormField, answers: EFormAnswers, verified: ReadonlySet<string>, width: number): Inline[] {
  const value = answerText(field, answers[field.key]);
  // A verified value's mark sits after the label, so that it never wraps away from the value.
  const verifiedMark = verified.has(field.key) && value !== '';
  const label: Inline[] = verifiedMark
    ? [{ text: field.label.vi }, { text: VERIFIED_MARK, style: 'italic' }, { text: ': ' }]
    : [{ text: `${field.label.vi}: ` }];
  if (!value) return [...label, { dots: 'fill' }];
  const used = flow.fonts.regular.widthOfTextAtSize(`${field.label.vi}: `, BODY) + flow.fonts.bold.widthOfTextAtSize(value, BODY)
    + (verifiedMark ? flow.fonts.italic.widthOfTextAtSize(VERIFIED_MARK, BODY) : 0);
  // On one line with room to spare, the blank runs to its end; a long value that wraps gets none.
  const dots: Inline[] = used + MIN_DOTS + 4 <= width ? [{ text: ' ' }, { dots: 'fill' }] : [];
  return [...label, { text: value, style: 'bold' }, ...dots];
}

/** Fields in order; two consecutive half-width fields share a line. */
function drawFields(flow: Flow, fields: readonly EFormField[], answers: EFormAnswers, verified: ReadonlySet<string>): void {
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i]!;
    const next = fields[i + 1];
    if (field.half && next?.half && next.type !== 'checkbox') {
      const half = flow.contentWidth / 2;
      const left = fieldLine(flow, field, answers, verified, half - 8);
      const right = fieldLine(flow, next, answers, verified, half);
      const oneLine = flow.lineHeight(BODY, LEADING);
      const leftHeight = flow.measureParagraph(left, { size: BODY, width: half - 8, leading: LEADING });
      const rightHeight = flow.measureParagraph(right, { size: BODY, width: half, leading: LEADING });
      // A pair shares a line only when both fit on it: a long label or value in half a line would
      // wrap ("Số định danh cá nhân:" above its number), so each then takes a line of its own.
      if (Math.max(leftHeight, rightHeight) > oneLine + 0.5) {
        flow.paragraph(fieldLine(flow, field, answers, verified, flow.contentWidth), { size: BODY, leading: LEADING, spaceAfter: GAP });
        continue;
      }
      const height = Math.max(leftHeight, rightHeight);
      flow.ensure(height);
      flow.box(left, flow.left, flow.y, half - 8, { size: BODY, leading: LEADING });
      flow.box(right, flow.left + half, flow.y, half, { size: BODY, leading: LEADING });
      flow.y += height + GAP;
      i++;
      continue;
    }
    flow.paragraph(fieldLine(flow, field, answers, verified, flow.contentWidth), { size: BODY, leading: LEADING, spaceAfter: GAP });
  }
}

const SIGN_GAP = 8;
/** Room for a signature image (as on the one-stop forms). */
const SIGN_ROOM = SIGNATURE_ROOM;

/** The signer's name as the form names it, or ''. */
function signerName(form: EFormDefinition, answers: EFormAnswers): string {
  const nameField = form.signer?.nameField;
  return nameField ? answerText(formFields(form).find((f) => f.key === nameField)!, answers[nameField]) : '';
}

/** The height of the signature block (one line each: place and date, title, instruction, name). */
function signatureHeight(flow: Flow, form: EFormDefinition, answers: EFormAnswers): number {
  const lh = flow.lineHeight(BODY);
  return SIGN_GAP + lh * 2 + flow.lineHeight(11.5) + SIGN_ROOM + (signerName(form, answers) ? lh : 0);
}

/** Place and date, the signer's title, the instruction, room to sign and the name, in the right half. */
function drawSignature(flow: Flow, form: EFormDefinition, answers: EFormAnswers, dossier: DeclarationDossier): PageRect {
  const half = flow.contentWidth / 2;
  const x = flow.left + half;
  const name = signerName(form, answers);
  flow.ensure(signatureHeight(flow, form, answers));
  let y = flow.y + SIGN_GAP;
  y += flow.box([{ text: placeAndDate(dossier.place, dossier.filedAt, 'filedAt'), style: 'italic' }], x, y, half, { size: BODY, align: 'center' });
  y += flow.box([{ text: upper(form.signer?.title.vi ?? 'NGƯỜI YÊU CẦU'), style: 'bold' }], x, y, half, { size: BODY, align: 'center' });
  y += flow.box([{ text: '(Ký, ghi rõ họ, chữ đệm, tên)', style: 'italic' }], x, y, half, { size: 11.5, align: 'center' });
  const slot: PageRect = { page: flow.pages.indexOf(flow.page), x: x + 6, y: flow.pdfY(y + SIGN_ROOM), width: half - 12, height: SIGN_ROOM };
  y += SIGN_ROOM;
  if (name) y += flow.box([{ text: name, style: 'bold' }], x, y, half, { size: BODY, align: 'center' });
  flow.y = y;
  return slot;
}
