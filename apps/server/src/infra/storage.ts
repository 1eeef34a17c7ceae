/**
 * File storage on the local disk under DATA_DIR/files, by random key (never by the uploader's
 * name). Writes go to a temporary file first and are renamed into place once complete and hashed.
 */
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform, type Readable } from 'node:stream';

export interface StoredFile {
  key: string;
  size: number;
  sha256: string;
  head: Uint8Array;
}

export interface FileStorage {
  /** Stores a stream, refusing more than `maxBytes`; returns its key, size, hash and first bytes. */
  put(stream: Readable, maxBytes: number): Promise<StoredFile>;
  read(key: string): Readable;
  remove(key: string): Promise<void>;
}

export class FileTooLargeError extends Error {}

export function localFileStorage(root: string): FileStorage {
  const filesDir = path.resolve(root, 'files');
  const pathOf = (key: string) => {
    if (!/^[0-9a-f]{2}\/[0-9a-f-]{36}$/.test(key)) throw new Error('bad storage key');
    return path.join(filesDir, key);
  };
  return {
    async put(stream, maxBytes) {
      const id = randomUUID();
      const key = `${id.slice(0, 2)}/${id}`;
      const target = pathOf(key);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      const tmp = `${target}.part`;
      const hash = createHash('sha256');
      let size = 0;
      const headChunks: Buffer[] = [];
      let headLength = 0;
      const meter = new Transform({
        transform(chunk: Buffer, _enc, done) {
          size += chunk.length;
          if (size > maxBytes) return done(new FileTooLargeError(`over ${maxBytes} bytes`));
          if (headLength < 16) {
            headChunks.push(chunk);
            headLength += chunk.length;
          }
          hash.update(chunk);
          done(null, chunk);
        },
      });
      try {
        await pipeline(stream, meter, fs.createWriteStream(tmp, { flags: 'wx' }));
        fs.renameSync(tmp, target);
      } catch (error) {
        fs.rmSync(tmp, { force: true });
        throw error;
      }
      return { key, size, sha256: hash.digest('hex'), head: new Uint8Array(Buffer.concat(headChunks).subarray(0, 16)) };
    },
    read(key) {
      return fs.createReadStream(pathOf(key));
    },
    async remove(key) {
      fs.rmSync(pathOf(key), { force: true });
    },
  };
}
