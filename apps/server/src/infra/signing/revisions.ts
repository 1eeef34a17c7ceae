/**
 * Whether what was appended after a signature only adds later signatures. A signed file may grow
 * by incremental updates (the agency signs after the person); such an update may add signature
 * fields and widgets, signature dictionaries, their appearances (form XObjects, images, fonts),
 * grow the form's /Fields and a page's /Annots, and set the catalog's /AcroForm (and /DSS, the
 * validation data of PAdES B-LT). Anything else — a changed content stream, page resources, a
 * new annotation that is not a signature widget — changes what the signer saw.
 */
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, PDFStream, type PDFContext, type PDFObject } from 'pdf-lib';

const CATALOG_KEYS = new Set(['AcroForm', 'DSS']);
const ACROFORM_KEYS = new Set(['Fields', 'SigFlags', 'DR', 'DA']);
const PAGE_KEYS = new Set(['Annots']);
const SIGNATURE_FIELD_KEYS = new Set(['V', 'AP', 'F', 'Lock', 'SV']);

async function load(bytes: Uint8Array): Promise<PDFDocument> {
  return PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true, throwOnInvalidObject: false });
}

function text(object: PDFObject | undefined): string {
  if (object === undefined) return '';
  if (object instanceof PDFRawStream) return `${object.dict.toString()}${Buffer.from(object.contents).toString('latin1')}`;
  if (object instanceof PDFStream) return `${object.dict.toString()}${Buffer.from(object.getContents()).toString('latin1')}`;
  return object.toString();
}

const lookupDict = (context: PDFContext, value: PDFObject | undefined) => {
  const resolved = value instanceof PDFRef ? context.lookup(value) : value;
  return resolved instanceof PDFDict ? resolved : undefined;
};

/** A signature field or its widget: /FT /Sig (inherited from a parent field too). */
function isSignatureField(context: PDFContext, value: PDFObject | undefined): boolean {
  for (let dict = lookupDict(context, value), depth = 0; dict && depth < 10; depth++) {
    const ft = dict.get(PDFName.of('FT'));
    if (ft) return ft === PDFName.of('Sig');
    dict = lookupDict(context, dict.get(PDFName.of('Parent')));
  }
  return false;
}

/** The keys whose values differ between two dictionaries. */
function changedKeys(before: PDFDict, after: PDFDict): string[] {
  const keys = new Set([...before.keys(), ...after.keys()].map((k) => k.decodeText()));
  return [...keys].filter((k) => text(before.get(PDFName.of(k))) !== text(after.get(PDFName.of(k))));
}

/** An array that only grew by signature fields/widgets (the form's /Fields, a page's /Annots). */
function onlyAddsSignatureFields(context: PDFContext, before: PDFObject | undefined, after: PDFObject | undefined): boolean {
  if (!(after instanceof PDFArray) || (before !== undefined && !(before instanceof PDFArray))) return false;
  const remaining = before instanceof PDFArray ? before.asArray().map(text) : [];
  for (const item of after.asArray()) {
    const i = remaining.indexOf(text(item));
    if (i >= 0) remaining.splice(i, 1);
    else if (!isSignatureField(context, item)) return false;
  }
  return remaining.length === 0;
}

/**
 * Problems (empty when none) with what `full` adds to `signed`, its prefix ending where a
 * signature's byte range ends.
 */
export async function laterRevisionsOnlyAddSignatures(signed: Uint8Array, full: Uint8Array): Promise<string[]> {
  let before: PDFDocument;
  let after: PDFDocument;
  try {
    [before, after] = await Promise.all([load(signed), load(full)]);
  } catch (error) {
    return [`later revisions cannot be read (${(error as Error).message})`];
  }
  const problems: string[] = [];
  const context = after.context;
  const old = new Map(before.context.enumerateIndirectObjects().map(([ref, object]) => [ref.tag, object]));
  const catalogTag = (context.trailerInfo.Root as PDFRef | undefined)?.tag;
  const pageTags = new Set(after.getPages().map((page) => page.ref.tag));
  const acroFormEntry = after.catalog.get(PDFName.of('AcroForm'));
  const acroFormTag = acroFormEntry instanceof PDFRef ? acroFormEntry.tag : undefined;
  const oldCatalogTag = (before.context.trailerInfo.Root as PDFRef | undefined)?.tag;
  if (catalogTag !== oldCatalogTag) problems.push('a later revision replaces the document catalog');

  // Arrays referenced indirectly from /Fields or /Annots, to judge them as such.
  const listTags = new Set<string>();
  const fields = lookupDict(context, acroFormEntry)?.get(PDFName.of('Fields'));
  if (fields instanceof PDFRef) listTags.add(fields.tag);
  for (const page of after.getPages()) {
    const annots = page.node.get(PDFName.of('Annots'));
    if (annots instanceof PDFRef) listTags.add(annots.tag);
  }

  for (const [ref, object] of context.enumerateIndirectObjects()) {
    const previous = old.get(ref.tag);
    if (previous === undefined || text(previous) === text(object)) continue; // new objects are judged where they are referenced
    const where = `object ${ref.objectNumber}`;
    if (ref.tag === catalogTag && previous instanceof PDFDict && object instanceof PDFDict) {
      const keys = changedKeys(previous, object).filter((k) => !CATALOG_KEYS.has(k));
      if (keys.length) problems.push(`a later revision changes the catalog (${keys.join(', ')})`);
      const acroBefore = previous.get(PDFName.of('AcroForm'));
      const acroAfter = object.get(PDFName.of('AcroForm'));
      if (acroBefore instanceof PDFDict && acroAfter instanceof PDFDict) checkAcroForm(context, acroBefore, acroAfter, problems);
    } else if (ref.tag === acroFormTag && previous instanceof PDFDict && object instanceof PDFDict) {
      checkAcroForm(context, previous, object, problems);
    } else if (pageTags.has(ref.tag) && previous instanceof PDFDict && object instanceof PDFDict) {
      const keys = changedKeys(previous, object);
      const other = keys.filter((k) => !PAGE_KEYS.has(k));
      if (other.length) problems.push(`a later revision changes a page (${other.join(', ')})`);
      if (keys.includes('Annots') && !annotsOnlyGrow(context, previous.get(PDFName.of('Annots')), object.get(PDFName.of('Annots')), before.context)) {
        problems.push('a later revision adds an annotation that is not a signature');
      }
    } else if (listTags.has(ref.tag) && previous instanceof PDFArray && object instanceof PDFArray) {
      if (!onlyAddsSignatureFields(context, previous, object)) problems.push('a later revision adds a form field or annotation that is not a signature');
    } else if (previous instanceof PDFDict && object instanceof PDFDict && isSignatureField(context, ref)) {
      const keys = changedKeys(previous, object).filter((k) => !SIGNATURE_FIELD_KEYS.has(k));
      if (keys.length) problems.push(`a later revision changes a signature field (${keys.join(', ')})`);
    } else {
      problems.push(`a later revision changes ${where}${object instanceof PDFStream ? ' (a stream)' : ''}`);
    }
  }
  return [...new Set(problems)];
}

function checkAcroForm(context: PDFContext, before: PDFDict, after: PDFDict, problems: string[]) {
  const keys = changedKeys(before, after);
  const other = keys.filter((k) => !ACROFORM_KEYS.has(k));
  if (other.length) problems.push(`a later revision changes the form (${other.join(', ')})`);
  const fieldsBefore = before.get(PDFName.of('Fields'));
  const fieldsAfter = after.get(PDFName.of('Fields'));
  if (keys.includes('Fields') && !(fieldsAfter instanceof PDFRef) && !onlyAddsSignatureFields(context, fieldsBefore, fieldsAfter)) {
    problems.push('a later revision adds a form field that is not a signature');
  }
}

/** A page's /Annots that only grew by signature widgets (direct arrays, or a new indirect one). */
function annotsOnlyGrow(context: PDFContext, before: PDFObject | undefined, after: PDFObject | undefined, beforeContext: PDFContext): boolean {
  const resolve = (ctx: PDFContext, v: PDFObject | undefined) => (v instanceof PDFRef ? ctx.lookup(v) : v);
  const a = resolve(beforeContext, before);
  const b = resolve(context, after);
  if (!(b instanceof PDFArray)) return false;
  return onlyAddsSignatureFields(context, a instanceof PDFArray ? a : undefined, b);
}
