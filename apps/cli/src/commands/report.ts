import fs from 'node:fs';
import type { Command } from 'commander';
import { AppError, isPlainDate, type PlainDate } from '@motcua/domain';
import { installationScope, statisticsReport } from '@motcua/server/modules/reports/reports.usecases.ts';
import { renderReport } from '@motcua/server/modules/reports/report-files.ts';
import { loadConfig } from '@motcua/server/config.ts';
import { configuredClock } from '@motcua/server/deps.ts';
import { withDatabase, type GlobalOptions } from '../context.ts';

const date = (name: string) => (value: string) => {
  if (!isPlainDate(value)) throw new AppError('request.invalid', { issues: [{ path: name, message: `expected a date YYYY-MM-DD, got "${value}"` }] });
  return value as PlainDate;
};

export function registerReportCommand(program: Command, globals: () => GlobalOptions): void {
  program
    .command('report')
    .description('the official statistics of dossier handling (docs/rules/statistics.md) for a period')
    .requiredOption('--from <date>', 'first local date of the period (YYYY-MM-DD)', date('from'))
    .requiredOption('--to <date>', 'last local date of the period (YYYY-MM-DD), included', date('to'))
    .option('--agency <code>', 'the agency subtree to report (default: the whole installation)')
    .option('--level <level>', 'only receiving agencies of this level (province, district, commune, …)')
    .option('--field <field>', 'only procedures of this field')
    .option('--procedure <code>', 'only this procedure')
    .option('--channel <channel>', 'counter, online or postal')
    .option('--format <format>', 'json, xlsx or pdf', 'json')
    .option('--out <file>', 'write to a file (required for xlsx and pdf)')
    .action(async (o: { from: PlainDate; to: PlainDate; agency?: string; level?: string; field?: string; procedure?: string; channel?: string; format: string; out?: string }) => {
      if (!['json', 'xlsx', 'pdf'].includes(o.format)) throw new AppError('request.invalid', { issues: [{ path: 'format', message: 'json, xlsx or pdf' }] });
      if (o.channel && !['counter', 'online', 'postal'].includes(o.channel)) throw new AppError('request.invalid', { issues: [{ path: 'channel', message: 'counter, online or postal' }] });
      if (o.format !== 'json' && !o.out) throw new AppError('request.invalid', { issues: [{ path: 'out', message: `--out FILE is required for ${o.format}` }] });
      // A period that is not over is reported as of now, by the same clock as the server's.
      const clock = configuredClock(loadConfig());
      await withDatabase(globals(), async (handle) => {
        const report = await statisticsReport(handle.db, await installationScope(handle.db), {
          from: o.from, to: o.to, agencyCode: o.agency, level: o.level, field: o.field, procedureCode: o.procedure,
          channel: o.channel as 'counter' | 'online' | 'postal' | undefined,
        }, clock().getTime());
        if (o.format === 'json') {
          const text = JSON.stringify(report, null, 2) + '\n';
          if (o.out) fs.writeFileSync(o.out, text);
          else process.stdout.write(text);
          return;
        }
        fs.writeFileSync(o.out!, await renderReport(report, o.format as 'xlsx' | 'pdf'));
        console.error(`report written to ${o.out}`);
      });
    });
}
