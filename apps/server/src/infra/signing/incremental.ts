/**
 * An incremental update (ISO 32000-1 §7.5.6): the new and changed objects appended after the
 * file's last byte, with a cross-reference section that points back to the previous one (/Prev).
 * The earlier bytes stay as they were, so the signatures that cover them stay valid. When the
 * last section is a cross-reference stream, the update's is a stream too.
 */
import { PDFArray, PDFDict, PDFName, PDFNumber, type PDFContext, type PDFObject, type PDFRef } from 'pdf-lib';

const latin1 = (bytes: Uint8Array, from = 0, to = bytes.length) => Buffer.from(bytes.buffer, bytes.byteOffset + from, to - from).toString('latin1');

export interface LastSection {
  /** Byte offset of the last cross-reference section (the file's final `startxref`). */
  offset: number;
  kind: 'table' | 'stream';
  /** The trailer's /Size: one more than the highest object number in use. */
  size: number;
}

/** Where the file's last cross-reference section is, and what kind it is. */
export function lastSection(pdf: Uint8Array): LastSection {
  const tail = latin1(pdf, Math.max(0, pdf.length - 2048));
  const matches = [...tail.matchAll(/startxref\s+(\d+)/g)];
  const offset = Number(matches.at(-1)?.[1] ?? NaN);
  if (!Number.isSafeInteger(offset) || offset >= pdf.length) throw new Error('PDF has no valid startxref');
  const head = latin1(pdf, offset, Math.min(pdf.length, offset + 64));
  if (/^\s*xref/.test(head)) {
    const text = latin1(pdf, offset);
    const trailer = text.indexOf('trailer');
    const size = /\/Size\s+(\d+)/.exec(text.slice(trailer))?.[1];
    if (trailer < 0 || !size) throw new Error('PDF trailer has no /Size');
    return { offset, kind: 'table', size: Number(size) };
  }
  if (/^\s*\d+\s+\d+\s+obj/.test(head)) {
    const text = latin1(pdf, offset, Math.min(pdf.length, offset + 4096));
    const dictEnd = text.indexOf('stream');
    const size = /\/Size\s+(\d+)/.exec(text.slice(0, dictEnd < 0 ? undefined : dictEnd))?.[1];
    if (!size) throw new Error('PDF cross-reference stream has no /Size');
    return { offset, kind: 'stream', size: Number(size) };
  }
  throw new Error('PDF startxref does not point at a cross-reference section');
}

/** An object to append: a pdf-lib object, or bytes written as they are (the signature dictionary). */
export interface Appended {
  ref: PDFRef;
  object: PDFObject | Uint8Array;
}

export interface UpdateResult {
  bytes: Uint8Array;
  /** Where each appended object's body starts (after `N G obj\n`), by object number. */
  bodyOffsets: Map<number, number>;
}

function objectBytes(object: PDFObject | Uint8Array): Uint8Array {
  if (object instanceof Uint8Array) return object;
  const buffer = new Uint8Array(object.sizeInBytes());
  object.copyBytesInto(buffer, 0);
  return buffer;
}

/** Consecutive runs of object numbers: [first, count] pairs. */
function runs(numbers: number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const n of numbers) {
    const last = out.at(-1);
    if (last && last[0] + last[1] === n) last[1]++;
    else out.push([n, 1]);
  }
  return out;
}

/** The original bytes followed by the update. */
export function appendUpdate(pdf: Uint8Array, context: PDFContext, objects: Appended[], previous: LastSection): UpdateResult {
  const parts: Uint8Array[] = [pdf];
  let position = pdf.length;
  const push = (chunk: Uint8Array | string) => {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'latin1') : chunk;
    parts.push(bytes);
    position += bytes.length;
  };
  if (pdf[pdf.length - 1] !== 0x0a && pdf[pdf.length - 1] !== 0x0d) push('\n');

  const entries = new Map<number, { offset: number; generation: number }>();
  const bodyOffsets = new Map<number, number>();
  for (const { ref, object } of [...objects].sort((a, b) => a.ref.objectNumber - b.ref.objectNumber)) {
    entries.set(ref.objectNumber, { offset: position, generation: ref.generationNumber });
    push(`${ref.objectNumber} ${ref.generationNumber} obj\n`);
    bodyOffsets.set(ref.objectNumber, position);
    push(objectBytes(object));
    push('\nendobj\n');
  }

  const highest = Math.max(previous.size - 1, context.largestObjectNumber, ...entries.keys());
  const trailer = PDFDict.withContext(context);
  const { Root, Info, ID } = context.trailerInfo;
  if (Root) trailer.set(PDFName.of('Root'), Root);
  if (Info) trailer.set(PDFName.of('Info'), Info);
  if (ID) trailer.set(PDFName.of('ID'), ID);
  trailer.set(PDFName.of('Prev'), PDFNumber.of(previous.offset));

  const xrefOffset = position;
  if (previous.kind === 'table') {
    trailer.set(PDFName.of('Size'), PDFNumber.of(highest + 1));
    const numbers = [...entries.keys()].sort((a, b) => a - b);
    let table = 'xref\n';
    for (const [first, count] of runs(numbers)) {
      table += `${first} ${count}\n`;
      for (let n = first; n < first + count; n++) {
        const e = entries.get(n)!;
        table += `${String(e.offset).padStart(10, '0')} ${String(e.generation).padStart(5, '0')} n\r\n`;
      }
    }
    push(`${table}trailer\n${trailer.toString()}\n`);
  } else {
    // The stream lists itself too; fields: type (1 byte), offset (4 bytes), generation (2 bytes).
    const self = highest + 1;
    entries.set(self, { offset: xrefOffset, generation: 0 });
    const numbers = [...entries.keys()].sort((a, b) => a - b);
    const data = new Uint8Array(numbers.length * 7);
    numbers.forEach((n, i) => {
      const e = entries.get(n)!;
      const view = new DataView(data.buffer, i * 7, 7);
      view.setUint8(0, 1);
      view.setUint32(1, e.offset);
      view.setUint16(5, e.generation);
    });
    trailer.set(PDFName.of('Type'), PDFName.of('XRef'));
    trailer.set(PDFName.of('Size'), PDFNumber.of(self + 1));
    trailer.set(PDFName.of('W'), context.obj([1, 4, 2]) as PDFArray);
    trailer.set(PDFName.of('Index'), context.obj(runs(numbers).flat()) as PDFArray);
    trailer.set(PDFName.of('Length'), PDFNumber.of(data.length));
    push(`${self} 0 obj\n${trailer.toString()}\nstream\n`);
    push(data);
    push('\nendstream\nendobj\n');
  }
  push(`startxref\n${xrefOffset}\n%%EOF\n`);
  return { bytes: Buffer.concat(parts), bodyOffsets };
}
