/**
 * A command's options, read with Node's parseArgs: a mistyped or unknown option, or --help, gets
 * the command's usage in one line (exit 2, or 0 for --help), never a stack trace.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

export function readArguments<T extends ParseArgsConfig>(config: T, usage: string): ReturnType<typeof parseArgs<T>> {
  const args = config.args ?? process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`usage: ${usage}\n`);
    process.exit(0);
  }
  try {
    return parseArgs(config);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message.split('. ')[0] : String(error)}\nusage: ${usage}\n`);
    process.exit(2);
  }
}
