#!/usr/bin/env node
/** The `pm` command: a thin layer over the library. Exit 0 ok, 1 content errors, 2 usage. */
import { pathToFileURL } from 'node:url';
import { realpathSync } from 'node:fs';
import { FatalDiagnostic } from '../diagnostics.js';
import { helpText, suggest, UsageError, type CommandSpec } from './args.js';
import { processIO, type CliIO } from './io.js';
import { buildSpec, checkSpec, importSpec, initSpec, newSpec, serveSpec, timelineSpec } from './specs.js';

type Runner = (argv: string[], io: CliIO) => Promise<number>;
/** Commands load their code on demand: `pm build` never loads the dev server. */
const COMMANDS: Record<string, { spec: CommandSpec; run: () => Promise<Runner> }> = {
  init: { spec: initSpec, run: async () => (await import('./commands/init.js')).runInit },
  new: { spec: newSpec, run: async () => (await import('./commands/new.js')).runNew },
  import: { spec: importSpec, run: async () => (await import('./commands/import.js')).runImport },
  build: { spec: buildSpec, run: async () => (await import('./commands/build.js')).runBuild },
  serve: { spec: serveSpec, run: async () => (await import('./commands/serve.js')).runServe },
  check: { spec: checkSpec, run: async () => (await import('./commands/check.js')).runCheck },
  timeline: { spec: timelineSpec, run: async () => (await import('./commands/timeline.js')).runTimeline },
};

import { VERSION } from '../version.js';
export { VERSION };

function mainHelp(): string {
  const rows = Object.values(COMMANDS).map((c) => `  ${c.spec.usage}\n      ${c.spec.summary}`);
  return `pm ${VERSION} — post-mortem timelines and sites from incident notes and logs\n\nUsage: pm <command> [options]\n\nCommands:\n${rows.join('\n')}\n\nRun pm <command> --help for the options of one command.\n`;
}

export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(mainHelp());
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    io.out(`${VERSION}\n`);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    const hint = suggest(name, Object.keys(COMMANDS));
    io.err(`pm: unknown command "${name}"${hint ? `; did you mean "pm ${hint}"?` : ''}\nRun pm --help for the list of commands.\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(helpText(command.spec));
    return 0;
  }
  try {
    return await (
      await command.run()
    )(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`pm ${name}: ${e.message}\nRun pm ${name} --help for usage.\n`);
      return 2;
    }
    if (e instanceof FatalDiagnostic) {
      io.err(`${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

const invoked = process.argv[1] ? pathToFileURL(realpathSync(process.argv[1])).href : '';
if (import.meta.url === invoked) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`pm: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 70;
    },
  );
}
