/** A multipart/form-data body with one file, for `app.inject`. */
export function multipartFile(filename: string, content: Buffer | string, mediaType = 'application/octet-stream') {
  const boundary = '----motcua' + Math.random().toString(16).slice(2);
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${mediaType}\r\n\r\n`,
    'utf8',
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8');
  return {
    payload: Buffer.concat([head, Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'), tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** The smallest file each sniffer accepts, with some body. */
export const samplePdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'utf8');
export const samplePng = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

/** A one-page PDF a reader can open (the documents that are signed: a QR code is drawn on page 1). */
export async function onePagePdf(title = 'VAN BAN'): Promise<Buffer> {
  const { PDFDocument, StandardFonts } = await import('pdf-lib');
  const doc = await PDFDocument.create();
  const page = doc.addPage([595.28, 841.89]);
  page.drawText(title, { x: 200, y: 760, size: 16, font: await doc.embedFont(StandardFonts.TimesRoman) });
  return Buffer.from(await doc.save());
}
