/**
 * What a file really is, from its first bytes, not from its name or the browser's claim. Only the
 * formats a one-stop counter needs: scans (PDF, JPEG, PNG).
 */
export interface SniffedType {
  mediaType: 'application/pdf' | 'image/jpeg' | 'image/png';
  extensions: readonly string[];
}

const signatures: Array<{ bytes: number[]; type: SniffedType }> = [
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], type: { mediaType: 'application/pdf', extensions: ['pdf'] } },
  { bytes: [0xff, 0xd8, 0xff], type: { mediaType: 'image/jpeg', extensions: ['jpg', 'jpeg'] } },
  { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], type: { mediaType: 'image/png', extensions: ['png'] } },
];

/** Every media type an upload can have, hence a download too. */
export const uploadMediaTypes = signatures.map((s) => s.type.mediaType);

export function sniffType(head: Uint8Array): SniffedType | undefined {
  return signatures.find((s) => s.bytes.every((b, i) => head[i] === b))?.type;
}

/** A safe display name: no directories, no control characters, at most 200 characters. */
export function safeFileName(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.normalize('NFC').replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '').replace(/^\.+/, '').trim();
  return (clean || 'tep-dinh-kem').slice(0, 200);
}

export function extensionOf(name: string): string {
  const m = /\.([A-Za-z0-9]{1,8})$/.exec(name);
  return m ? m[1]!.toLowerCase() : '';
}
