/**
 * How a document is sent: a dossier's files, its forms and declaration, a stored document, a
 * report. Never cached by a shared cache (they carry personal data), never sniffed into another
 * type than the one checked at upload or produced here, named with its (Vietnamese) file name.
 */
import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';

export interface Download {
  bytes: Uint8Array | Readable;
  mediaType: string;
  fileName: string;
  /** `inline` (the default) opens it in the browser; `attachment` saves it. */
  disposition?: 'inline' | 'attachment';
}

export function sendDownload(reply: FastifyReply, download: Download): FastifyReply {
  // RFC 6266/8187: the UTF-8 name for browsers, an ASCII fallback for the rest.
  const ascii = download.fileName.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, (c) => (c === 'đ' ? 'd' : 'D')).replace(/[^\x20-\x7e]|["\\]/g, '_');
  return reply
    .type(download.mediaType)
    .header('content-disposition', `${download.disposition ?? 'inline'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(download.fileName)}`)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(download.bytes instanceof Uint8Array ? Buffer.from(download.bytes) : download.bytes);
}
