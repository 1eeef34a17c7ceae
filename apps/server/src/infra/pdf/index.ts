/**
 * The regulated one-stop forms (Circular 03/2025/TT-VPCP, Annex I) as PDF: a pure rendering
 * adapter, data in and bytes out, no database. See `types.ts` for the data of each form.
 */
import type { RenderOptions } from './document.ts';
import { invalid } from './format.ts';
import { renderApology } from './forms/apology.ts';
import { renderControlSheet } from './forms/control-sheet.ts';
import { renderReceipt } from './forms/receipt.ts';
import { renderRefusal } from './forms/refusal.ts';
import { renderStopNotice } from './forms/stop-notice.ts';
import { renderSupplementRequest } from './forms/supplement-request.ts';
import { renderTrackingBook } from './forms/tracking-book.ts';
import type { FormDocument, RenderedForm } from './types.ts';

export type * from './types.ts';
export type { RenderOptions } from './document.ts';
export type { FontFiles } from './fonts.ts';

/**
 * Renders one form: A4 portrait, the tracking book (07) A4 landscape, with the rectangle left for
 * the issuing official's signature image (for signing the PDF later). Times are printed in Vietnam
 * time whatever the server's time zone. Bad input (an instant without an offset, an empty list of
 * refusal reasons, an unknown form) throws `AppError('document.invalid')` naming the field.
 */
export async function renderFormDocument(form: FormDocument, options: RenderOptions = {}): Promise<RenderedForm> {
  switch (form.form) {
    case '01':
      return renderReceipt(form, options);
    case '02':
      return renderSupplementRequest(form, options);
    case '03':
      return renderRefusal(form, options);
    case '04':
      return renderApology(form, options);
    case '05':
      return renderStopNotice(form, options);
    case '06':
      return renderControlSheet(form, options);
    case '07':
      return renderTrackingBook(form, options);
    default:
      throw invalid('form', `không có mẫu số ${JSON.stringify((form as { form: unknown }).form)}`);
  }
}

/** Renders one form to PDF bytes (`renderFormDocument` without the signature slot). */
export async function renderForm(form: FormDocument, options: RenderOptions = {}): Promise<Uint8Array> {
  return (await renderFormDocument(form, options)).pdf;
}
