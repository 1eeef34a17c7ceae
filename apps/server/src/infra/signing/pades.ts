/**
 * PAdES baseline signing (ETSI EN 319 142-1): a signature field and widget, a signature
 * dictionary (/SubFilter /ETSI.CAdES.detached) whose /Contents holds the CMS over every byte of
 * the file but itself, written as an incremental update so that earlier signatures stay valid.
 * pdf-lib reads the file and builds the new objects; `incremental.ts` appends only those and the
 * ones that changed (the page's annotations, the form).
 */
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString, type PDFObject } from 'pdf-lib';
import { imageAppearance, invisibleAppearance, stampAppearance, type Appearance } from './appearance.ts';
import { nameField, parseCertificate } from './certificates.ts';
import { createCadesSignature, sha256 } from './cms.ts';
import { appendUpdate, lastSection, type Appended } from './incremental.ts';
import type { SignPdf, SignPdfOptions } from './types.ts';

const VIETNAM_OFFSET_MS = 7 * 3600_000;

/** 2026-12-07T10:15:00+07:00: an instant in Vietnam time, ISO 8601. */
export function vietnamIso(at: Date): string {
  return `${new Date(at.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 19)}+07:00`;
}

/** D:20261207101500+07'00': the PDF date (ISO 32000-1 §7.9.4) in Vietnam time. */
export function pdfDate(at: Date): string {
  const digits = vietnamIso(at).slice(0, 19).replace(/\D/g, '');
  return `D:${digits}+07'00'`;
}

/** The first certificate's organisation, else its common name: the name the agency's mark shows. */
function agencyName(certificate: Uint8Array): string {
  const { subject } = parseCertificate(certificate);
  return nameField(subject, 'O') ?? nameField(subject, 'CN') ?? 'Chữ ký số';
}

/** A field name not yet used by the form's top-level fields. */
function freeFieldName(fields: PDFArray | undefined, doc: PDFDocument): string {
  const used = new Set<string>();
  for (let i = 0; fields && i < fields.size(); i++) {
    const field = doc.context.lookup(fields.get(i));
    const t = field instanceof PDFDict ? field.lookup(PDFName.of('T')) : undefined;
    if (t instanceof PDFString || t instanceof PDFHexString) used.add(t.decodeText());
  }
  let n = used.size + 1;
  while (used.has(`Signature${n}`)) n++;
  return `Signature${n}`;
}

const pdfText = (text: string) => PDFHexString.fromText(text).toString();

/** Bytes reserved for the CMS: the chain, the signature and attributes, a time-stamp token. */
function reservedSize(chain: Uint8Array[], timestamped: boolean): number {
  const certificates = chain.reduce((sum, c) => sum + c.length, 0);
  return certificates + 4096 + (timestamped ? 12_288 : 0);
}

export const signPdf: SignPdf = async (pdf, options) => {
  const previous = lastSection(pdf);
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  if (doc.isEncrypted || doc.context.trailerInfo.Encrypt) throw new Error('cannot sign an encrypted PDF');
  const context = doc.context;
  // New objects take numbers above everything the file has used, free entries included.
  context.largestObjectNumber = Math.max(context.largestObjectNumber, previous.size - 1);
  const before = new Set(context.enumerateIndirectObjects().map(([ref]) => ref.tag));
  const changed = new Map<string, PDFRef>();

  const chain = await options.signer.certificateChain();
  const signedAt = vietnamIso(options.signedAt);
  const appearance = await appearanceFor(doc, options, chain, signedAt);

  // The form (AcroForm) with SigFlags 3: signatures exist, and the file is only appended to.
  const catalogRef = context.trailerInfo.Root as PDFRef;
  const catalog = doc.catalog;
  let acroForm: PDFDict;
  let acroFormRef: PDFRef | undefined;
  const acroEntry = catalog.get(PDFName.of('AcroForm'));
  if (acroEntry instanceof PDFRef) {
    acroFormRef = acroEntry;
    acroForm = context.lookup(acroEntry, PDFDict);
  } else if (acroEntry instanceof PDFDict) {
    acroForm = acroEntry;
  } else {
    acroForm = context.obj({ Fields: [] });
    acroFormRef = context.register(acroForm);
    catalog.set(PDFName.of('AcroForm'), acroFormRef);
    changed.set(catalogRef.tag, catalogRef);
  }
  const owner = acroFormRef ?? catalogRef;
  const fieldsEntry = acroForm.get(PDFName.of('Fields'));
  let fields: PDFArray;
  if (fieldsEntry instanceof PDFRef) {
    fields = context.lookup(fieldsEntry, PDFArray);
    changed.set(fieldsEntry.tag, fieldsEntry);
  } else {
    fields = fieldsEntry instanceof PDFArray ? fieldsEntry : context.obj([]);
    acroForm.set(PDFName.of('Fields'), fields);
  }
  const fieldName = freeFieldName(fields, doc);
  acroForm.set(PDFName.of('SigFlags'), PDFNumber.of(3));
  changed.set(owner.tag, owner);

  if (appearance.finish) await doc.flush();
  const apRef = appearance.finish?.();

  // The signature dictionary is written by hand (below) so that its placeholders sit at known offsets.
  const sigRef = context.nextRef();
  const widget = context.obj({
    Type: 'Annot',
    Subtype: 'Widget',
    FT: 'Sig',
    T: PDFHexString.fromText(fieldName),
    V: sigRef,
    F: 132, // print + locked
    Rect: appearance.rect,
    P: appearance.page.ref,
    ...(apRef ? { AP: { N: apRef } } : {}),
  });
  const widgetRef = context.register(widget);
  fields.push(widgetRef);

  const pageNode = appearance.page.node;
  const annotsEntry = pageNode.get(PDFName.of('Annots'));
  if (annotsEntry instanceof PDFRef) {
    context.lookup(annotsEntry, PDFArray).push(widgetRef);
    changed.set(annotsEntry.tag, annotsEntry);
  } else {
    const annots = annotsEntry instanceof PDFArray ? annotsEntry : context.obj([]);
    annots.push(widgetRef);
    pageNode.set(PDFName.of('Annots'), annots);
    changed.set(appearance.page.ref.tag, appearance.page.ref);
  }

  const reserved = reservedSize(chain, Boolean(options.timestamp));
  const sig = signatureDictionary(options, reserved);
  const appended: Appended[] = [{ ref: sigRef, object: sig.bytes }];
  for (const [ref, object] of context.enumerateIndirectObjects()) {
    if (!before.has(ref.tag) || changed.has(ref.tag)) appended.push({ ref, object: object as PDFObject });
  }
  const { bytes, bodyOffsets } = appendUpdate(pdf, context, appended, previous);

  const body = bodyOffsets.get(sigRef.objectNumber)!;
  const contentsStart = body + sig.contentsAt;
  const contentsEnd = contentsStart + 2 * reserved + 2;
  const byteRange = [0, contentsStart, contentsEnd, bytes.length - contentsEnd];
  const rangeText = byteRange.map((n) => String(n).padEnd(10, ' ')).join(' ');
  Buffer.from(bytes.buffer, bytes.byteOffset + body + sig.byteRangeAt, rangeText.length).write(rangeText, 'latin1');

  const digest = sha256(Buffer.concat([bytes.subarray(0, contentsStart), bytes.subarray(contentsEnd)]));
  const cms = await createCadesSignature({ signer: options.signer, messageDigest: digest, timestamp: options.timestamp });
  if (cms.length > reserved) throw new Error(`signature of ${cms.length} bytes does not fit the ${reserved} reserved`);
  Buffer.from(bytes.buffer, bytes.byteOffset + contentsStart + 1, cms.length * 2).write(Buffer.from(cms).toString('hex').toUpperCase(), 'latin1');
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
};

async function appearanceFor(doc: PDFDocument, options: SignPdfOptions, chain: Uint8Array[], signedAt: string): Promise<Appearance> {
  const { placement } = options;
  switch (placement.kind) {
    case 'image':
      return imageAppearance(doc, placement.rect, placement.png);
    case 'stamp':
      return stampAppearance(doc, { agency: agencyName(chain[0]!), documentNumber: placement.documentNumber, signedAt });
    case 'invisible':
      return invisibleAppearance(doc);
  }
}

/** The signature dictionary with a ByteRange and Contents to fill in, and their offsets in it. */
function signatureDictionary(options: SignPdfOptions, reserved: number) {
  let text = '<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached';
  text += ` /M ${PDFString.of(pdfDate(options.signedAt)).toString()}`;
  text += ` /Name ${pdfText(options.signer.label)}`;
  if (options.reason) text += ` /Reason ${pdfText(options.reason)}`;
  if (options.location) text += ` /Location ${pdfText(options.location)}`;
  text += ' /ByteRange [';
  const byteRangeAt = text.length;
  text += `${'0'.padEnd(10)} ${'0'.padEnd(10)} ${'0'.padEnd(10)} ${'0'.padEnd(10)}] /Contents `;
  const contentsAt = text.length;
  text += `<${'0'.repeat(2 * reserved)}> >>`;
  return { bytes: Buffer.from(text, 'latin1'), byteRangeAt, contentsAt };
}
