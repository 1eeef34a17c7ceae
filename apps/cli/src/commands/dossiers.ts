import fs from 'node:fs';
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { exportDossiers } from '@motcua/server/modules/imports/export.usecases.ts';
import { importDossiers } from '@motcua/server/modules/imports/import.usecases.ts';
import { readLines } from '@motcua/server/infra/lines.ts';
import type { PlainDate } from '@motcua/domain';
import { withDatabase, type GlobalOptions } from '../context.ts';


export function registerDossierCommands(program: Command, globals: () => GlobalOptions): void {
  const imp = program.command('import').description('import data');
  imp
    .command('dossiers')
    .description('import historical dossiers from a JSON-lines file (docs/interfaces.md); safe to run twice')
    .requiredOption('--file <file>', 'the .ndjson file, or - for standard input')
    .option('--batch-size <n>', 'dossiers per transaction', (v) => Number(v), 2000)
    .option('--json', 'print the summary as JSON')
    .action(async (options: { file: string; batchSize: number; json?: boolean }) => {
      const rejections: Array<{ line: number; reason: string }> = [];
      const total = options.file === '-' ? 0 : fs.statSync(options.file).size;
      const input = options.file === '-' ? process.stdin : fs.createReadStream(options.file);
      const bar = process.stderr.isTTY && total > 0
        ? new cliProgress.SingleBar({ format: 'Nhập hồ sơ |{bar}| {percentage}% · {lines} dòng · {imported} đã nhập · {rejected} bị từ chối', stream: process.stderr, hideCursor: true }, cliProgress.Presets.shades_classic)
        : undefined;
      let bytes = 0;
      bar?.start(total, 0, { lines: 0, imported: 0, rejected: 0 });
      const started = performance.now();
      const summary = await withDatabase(globals(), (handle) =>
        importDossiers(handle, readLines(input, (n) => (bytes += n)), {
          batchSize: options.batchSize,
          // Reported as they come (not kept), so that memory stays constant for any file.
          onRejected: (line, reason) => {
            if (options.json) rejections.push({ line, reason });
            else process.stdout.write(`line ${line}: rejected: ${reason}\n`);
          },
          onBatch: (s) => bar?.update(Math.min(bytes, total), { lines: s.lines, imported: s.imported, rejected: s.rejected }),
        }),
      );
      bar?.update(total);
      bar?.stop();
      const seconds = (performance.now() - started) / 1000;
      if (options.json) console.log(JSON.stringify({ ...summary, rejections, seconds: Math.round(seconds * 100) / 100 }));
      else {
        console.log(
          `${summary.lines} lines: ${summary.imported} imported, ${summary.skipped} skipped (already imported), ` +
            `${summary.rejected} rejected — ${seconds.toFixed(1)} s`,
        );
      }
      if (summary.rejected) process.exitCode = 1;
    });

  const exp = program.command('export').description('export data');
  exp
    .command('dossiers')
    .description('export received dossiers as JSON lines in the import format')
    .option('--out <file>', 'write to a file instead of standard output')
    .option('--from <date>', 'received on or after this local date (YYYY-MM-DD)')
    .option('--to <date>', 'received on or before this local date (YYYY-MM-DD)')
    .action(async (options: { out?: string; from?: string; to?: string }) => {
      const out = options.out ? fs.createWriteStream(options.out) : process.stdout;
      let n = 0;
      await withDatabase(globals(), async (handle) => {
        for await (const line of exportDossiers(handle.db, { ...(options.from ? { from: options.from as PlainDate } : {}), ...(options.to ? { to: options.to as PlainDate } : {}) })) {
          if (!out.write(line + '\n')) await new Promise<void>((r) => (out as NodeJS.WritableStream).once('drain', () => r()));
          n++;
        }
      });
      if (options.out) {
        await new Promise((r) => (out as fs.WriteStream).end(r));
        console.error(`${n} dossiers written to ${options.out}`);
      }
    });
}
