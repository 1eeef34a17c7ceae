import fs from 'node:fs';
import type { Command } from 'commander';
import { z } from 'zod';
import { computeDueAt, formatInstant, parseInstant } from '@motcua/domain';
import { createCalendarProvider } from '@motcua/server/modules/calendar/calendar.provider.ts';
import { readLines } from '@motcua/server/infra/lines.ts';
import { describeError, withDatabase, type GlobalOptions } from '../context.ts';

/** One line of the deadline vector format (docs/rules/time.md). */
const DueLine = z.object({
  name: z.string().optional(),
  receivedAt: z.string(),
  duration: z.object({
    value: z.number().min(0),
    unit: z.enum(['working_days', 'working_hours', 'days', 'same_day']),
    cutoff: z.string().optional(),
  }),
  pauses: z.array(z.object({ from: z.string(), to: z.string() })).optional(),
  restartAt: z.string().optional(),
  lateReceiptWindowMinutes: z.number().int().min(0).optional(),
});

export function registerCalendarCommands(program: Command, globals: () => GlobalOptions): void {
  const calendar = program.command('calendar').description('working-time calendar and legal deadlines');
  calendar
    .command('due')
    .description('for each line of a deadline file (JSON lines: receivedAt, duration, pauses), print {"name", "dueAt"}')
    .requiredOption('--input <file>', 'JSON lines file, or - for standard input')
    .action(async (options: { input: string }) => {
      let failures = 0;
      await withDatabase(globals(), async (handle) => {
        const cal = await createCalendarProvider(handle.db).standard();
        const input = options.input === '-' ? process.stdin : fs.createReadStream(options.input, 'utf8');
        let lineNo = 0;
        for await (const raw of readLines(input)) {
          lineNo++;
          if (!raw.trim()) continue;
          let name: string | undefined;
          try {
            const line = DueLine.parse(JSON.parse(raw));
            name = line.name;
            const dueAt = computeDueAt(cal, {
              receivedAt: parseInstant(line.receivedAt),
              duration: line.duration,
              ...(line.pauses ? { pauses: line.pauses.map((p) => ({ from: parseInstant(p.from), to: parseInstant(p.to) })) } : {}),
              ...(line.restartAt ? { restartAt: parseInstant(line.restartAt) } : {}),
              ...(line.lateReceiptWindowMinutes !== undefined ? { lateReceiptWindowMinutes: line.lateReceiptWindowMinutes } : {}),
            });
            process.stdout.write(JSON.stringify({ name: line.name ?? null, dueAt: formatInstant(dueAt) }) + '\n');
          } catch (error) {
            failures++;
            const message = error instanceof SyntaxError ? `malformed JSON: ${error.message}` : error instanceof z.ZodError
              ? error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') : describeError(error);
            process.stdout.write(JSON.stringify({ name: name ?? null, line: lineNo, error: message }) + '\n');
          }
        }
      });
      if (failures) {
        console.error(`${failures} line(s) could not be computed`);
        process.exitCode = 1;
      }
    });
}
