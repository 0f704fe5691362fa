/** `pm serve`: build in memory, serve on loopback, rebuild and live-reload on change. */
import { spawn } from 'node:child_process';
import { serveSite } from '../../serve/server.js';
import { PortInUseError } from '../../serve/listen.js';
import { ServeBusyError } from '../../serve/serve-lock.js';
import { parseCommand, str, UsageError } from '../args.js';
import { serveSpec } from '../specs.js';
import type { CliIO } from '../io.js';
import { displayText } from '../../text/controls.js';

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

export async function runServe(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseCommand(serveSpec, argv);
  const portText = str(values['port']);
  const port = portText === undefined ? 4000 : Number(portText);
  if (!/^\d+$/.test(portText ?? '0') || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535, not "${portText}"`, serveSpec);
  const host = str(values['host']) ?? '127.0.0.1';
  if (!LOOPBACK.has(host)) io.err(`pm serve: listening on ${host}: other machines may reach this development server\n`);
  const log = (line: string): void => io.err(`${displayText(line)}\n`);
  let handle;
  try {
    handle = await serveSite({
      root: str(values['root']) ?? '.',
      port,
      host,
      strictPort: values['strict-port'] === true,
      ...(values['drafts'] ? { drafts: true } : {}),
      ...(str(values['theme']) ? { theme: str(values['theme']) } : {}),
      log,
    });
  } catch (e) {
    if (e instanceof PortInUseError || e instanceof ServeBusyError) {
      io.err(`pm serve: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
  io.err(`serving ${handle.url} — watching for changes, Ctrl-C to stop\n`);
  if (values['open']) openBrowser(handle.url);
  const server = handle;
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      io.err('\nstopping pm serve\n');
      void server.close().then(resolve, resolve);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  return 0;
}

function openBrowser(url: string): void {
  const [cmd, args] =
    process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : ['xdg-open', [url]];
  try {
    const child = spawn(cmd, args, { stdio: 'ignore', detached: true });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // no browser to open: the URL is printed anyway
  }
}
