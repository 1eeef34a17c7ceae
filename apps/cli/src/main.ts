/** `motcua`: the command line of the one-stop shop (docs/interfaces.md). */
import { Command, CommanderError } from 'commander';
import { describeError, type GlobalOptions } from './context.ts';
import { registerDbCommands } from './commands/db.ts';
import { registerSetupCommand } from './commands/setup.ts';
import { registerCalendarCommands } from './commands/calendar.ts';
import { registerDossierCommands } from './commands/dossiers.ts';
import { registerReportCommand } from './commands/report.ts';
import { registerSignCommands } from './commands/sign.ts';
import { registerWorkerCommand } from './commands/worker.ts';

export function buildProgram(): Command {
  const program = new Command('motcua')
    .description('Motcua — electronic one-stop shop (một cửa điện tử) for administrative procedures')
    .option('--database-url <url>', 'PostgreSQL URL (default: DATABASE_URL, else the embedded database in ./data)')
    .showHelpAfterError()
    .exitOverride();
  const globals = () => program.opts<GlobalOptions>();
  registerDbCommands(program, globals);
  registerSetupCommand(program, globals);
  registerCalendarCommands(program, globals);
  registerDossierCommands(program, globals);
  registerReportCommand(program, globals);
  registerSignCommands(program, globals);
  registerWorkerCommand(program, globals);
  return program;
}

export async function run(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    console.error(describeError(error));
    return 1;
  }
}
