/**
 * Makes every glyph of a TrueType font start at an even offset, as the OpenType spec recommends
 * ('loca': offsets 4-byte aligned). Why: the subsetter pdf-lib uses (fontkit) copies each glyph's
 * bytes as they are and writes a short 'loca' (offsets halved) whenever the subset is small, which
 * silently shifts every glyph after one of odd length: Tinos, built with a long 'loca' and
 * unpadded glyphs, would lose most of its letters on the page. A font already aligned comes out
 * with the same glyphs; only 'glyf', 'loca' and the checksums change.
 */

interface Table {
  tag: string;
  data: Uint8Array;
}

const align4 = (n: number) => (n + 3) & ~3;

function checksum(data: Uint8Array): number {
  const padded = new Uint8Array(align4(data.length));
  padded.set(data);
  const view = new DataView(padded.buffer);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
  return sum;
}

/** The font with 4-byte aligned glyphs and a long 'loca'; the input when it is not a TrueType font with 'glyf'. */
export function alignGlyphs(font: Uint8Array): Uint8Array {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const sfnt = view.getUint32(0);
  if (sfnt !== 0x00010000 && sfnt !== 0x74727565) return font; // 'true' or 1.0; not a collection or CFF
  const count = view.getUint16(4);
  const tables: Table[] = [];
  for (let i = 0; i < count; i++) {
    const at = 12 + i * 16;
    const tag = String.fromCharCode(...font.subarray(at, at + 4));
    const offset = view.getUint32(at + 8);
    const length = view.getUint32(at + 12);
    tables.push({ tag, data: font.slice(offset, offset + length) });
  }
  const find = (tag: string) => tables.find((t) => t.tag === tag);
  const head = find('head');
  const maxp = find('maxp');
  const loca = find('loca');
  const glyf = find('glyf');
  if (!head || !maxp || !loca || !glyf) return font;
  const headView = new DataView(head.data.buffer);
  const long = headView.getInt16(50) === 1;
  const glyphs = new DataView(maxp.data.buffer).getUint16(4);
  const locaView = new DataView(loca.data.buffer);
  const offsetOf = (i: number) => (long ? locaView.getUint32(i * 4) : locaView.getUint16(i * 2) * 2);

  const starts: number[] = [];
  let size = 0;
  for (let i = 0; i < glyphs; i++) {
    starts.push(size);
    size += align4(offsetOf(i + 1) - offsetOf(i));
  }
  starts.push(size);
  const newGlyf = new Uint8Array(size);
  for (let i = 0; i < glyphs; i++) newGlyf.set(glyf.data.subarray(offsetOf(i), offsetOf(i + 1)), starts[i]!);
  const newLoca = new Uint8Array((glyphs + 1) * 4);
  starts.forEach((s, i) => new DataView(newLoca.buffer).setUint32(i * 4, s));
  glyf.data = newGlyf;
  loca.data = newLoca;
  headView.setInt16(50, 1); // indexToLocFormat: long
  headView.setUint32(8, 0); // checkSumAdjustment, computed below

  // The file again: the directory, then each table 4-byte aligned, in the original order.
  const headerSize = 12 + count * 16;
  const total = tables.reduce((n, t) => n + align4(t.data.length), headerSize);
  const out = new Uint8Array(total);
  const outView = new DataView(out.buffer);
  out.set(font.subarray(0, 12));
  let offset = headerSize;
  const sorted = [...tables].sort((a, b) => (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0)); // the directory is sorted by tag
  const offsets = new Map<string, number>();
  for (const t of tables) {
    offsets.set(t.tag, offset);
    out.set(t.data, offset);
    offset += align4(t.data.length);
  }
  sorted.forEach((t, i) => {
    const at = 12 + i * 16;
    for (let k = 0; k < 4; k++) out[at + k] = t.tag.charCodeAt(k);
    outView.setUint32(at + 4, checksum(t.data));
    outView.setUint32(at + 8, offsets.get(t.tag)!);
    outView.setUint32(at + 12, t.data.length);
  });
  outView.setUint32(offsets.get('head')! + 8, (0xb1b0afba - checksum(out)) >>> 0);
  return out;
}
