/** `pm build`: the whole site into dist/ (atomically), with progress on a terminal. */
import path from 'node:path';
import { hasErrors } from '../../diagnostics.js';
import { buildSite, type BuildResult } from '../../build/build.js';
import { OutputError } from '../../write/out-guard.js';
import { parseCommand, str, UsageError } from '../args.js';
import { resolveToday } from '../../insights/today.js';
import { buildSpec } from '../specs.js';
import { readJobs } from '../jobs.js';
import type { CliIO } from '../io.js';
import { printDiagnostics } from '../report.js';
import { displayText } from '../../text/controls.js';

export async function runBuild(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseCommand(buildSpec, argv);
  const quiet = values['quiet'] === true;
  const progress = !quiet && io.errIsTTY;
  const started = io.now();
  const today = resolveToday(str(values['today']), io.env['SOURCE_DATE_EPOCH']);
  if (!today.ok) throw new UsageError(today.message, buildSpec);
  const threads = readJobs(str(values['jobs']), io.env['PM_JOBS'], buildSpec);
  let result: BuildResult;
  try {
    result = await buildSite({
      ...(threads ? { threads } : {}),
      root: str(values['root']) ?? '.',
      ...(str(values['out']) ? { out: path.resolve(str(values['out']) as string) } : {}),
      ...(values['drafts'] ? { drafts: true } : {}),
      ...(values['public'] ? { public: true } : {}),
      ...(str(values['base-url']) ? { baseUrl: str(values['base-url']) } : {}),
      ...(str(values['theme']) ? { theme: str(values['theme']) } : {}),
      ...(values['file-links'] ? { links: 'file' as const } : {}),
      today: today.today,
      onProgress: progress ? progressLine(io) : undefined,
    });
  } catch (e) {
    // an output folder pm may not replace, or a disk that refused: the message says why and what to do
    if (!(e instanceof OutputError)) throw e;
    if (progress) io.err('\r\x1b[2K');
    io.err(`${displayText(e.message)}\n`);
    return e.exitCode;
  }
  if (progress) io.err('\r\x1b[2K');
  printDiagnostics(result.diagnostics, io, quiet ? 'error' : 'warning');
  const errors = result.diagnostics.filter((d) => d.level === 'error').length;
  const warnings = result.diagnostics.filter((d) => d.level === 'warning').length;
  if (hasErrors(result.diagnostics)) {
    io.err(`pm build: ${errors} error(s); ${path.relative(process.cwd(), result.config.outDir) || '.'} left unchanged\n`);
    return 1;
  }
  // Once per build, not once per file: links in sitemap.xml and the feeds need a base URL.
  if (!quiet && !result.config.baseUrl) {
    io.err(
      'warning: no base_url, so sitemap.xml and the feeds hold relative links that search engines and feed readers reject; set base_url in pm.config.yaml or pass --base-url https://…/\n',
    );
  }
  // One summary line on every build, piped or not (CI logs show what was built); --quiet silences it.
  if (!quiet) {
    const secs = ((io.now() - started) / 1000).toFixed(2);
    const out = path.relative(process.cwd(), result.config.outDir) || '.';
    const { stats } = result;
    const work = stats.incremental ? ` (${stats.rendered} rebuilt, ${stats.written} files written)` : '';
    io.err(
      `pm build: ${count(stats.incidents, 'incident')}, ${count(stats.files, 'file')}${work} → ${out}/ in ${secs}s${warnings ? `, ${count(warnings, 'warning')}` : ''}\n`,
    );
  }
  return 0;
}

const count = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `building 1234/10000 incidents (12%)` on one line, redrawn at most every 100 ms and at the end. */
function progressLine(io: CliIO): (done: number, total: number) => void {
  let last = -Infinity;
  return (done, total) => {
    const now = io.now();
    if (done < total && now - last < 100) return;
    last = now;
    const pct = total ? Math.floor((done / total) * 100) : 100;
    io.err(`\r\x1b[2Kbuilding ${done}/${total} incidents (${pct}%)`);
  };
}
