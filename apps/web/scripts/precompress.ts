/**
 * A Vite plugin that writes a brotli (`.br`) and a gzip (`.gz`) copy beside every text file of
 * the build, once, at the highest levels: the server sends them as they are to a browser that
 * accepts them (apps/server/src/http/web-app.ts), so no request pays for compressing.
 * A file under `minBytes`, or one that would not shrink, keeps no copy and is sent as it is.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** What compresses: scripts, styles, the page, the icon, data. Images and fonts are compressed already. */
export const compressible = /\.(js|mjs|css|html|svg|json|txt|webmanifest)$/;
export const minBytes = 1024;

export async function precompressDirectory(dir: string): Promise<number> {
  const files = (await fs.readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile() && compressible.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
  let written = 0;
  await Promise.all(files.map(async (file) => {
    const bytes = await fs.readFile(file);
    if (bytes.length < minBytes) return;
    const [br, gz] = await Promise.all([
      brotli(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }),
      gzip(bytes, { level: 9 }),
    ]);
    for (const [copy, ext] of [[br, '.br'], [gz, '.gz']] as const) {
      if (copy.length >= bytes.length) continue;
      await fs.writeFile(file + ext, copy);
      written++;
    }
  }));
  return written;
}

export function precompress(): Plugin {
  let outDir = 'dist';
  let log: (message: string) => void = () => {};
  return {
    name: 'motcua-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
      log = (message) => config.logger.info(message);
    },
    // After every file, index.html included, is on disk.
    async closeBundle() {
      const written = await precompressDirectory(outDir);
      log(`${written} precompressed copies (.br, .gz) written to ${outDir}`);
    },
  };
}
