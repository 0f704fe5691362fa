// Bundles the compiled CLI (lib/cli/main.js), the build worker (lib/build/worker.js) and the
// time guard's parse thread (lib/load/probe-worker.js)
// into lib/pm/: each entry plus shared chunks, split where the code loads a stage lazily
// (`await import(...)`), dependencies left as imports of node_modules. Node loads a handful
// of files instead of ~150 small modules: a one-edit rebuild at 10,000 incidents spent about
// a quarter of its time resolving and linking them. The library (lib/index.js) is a third
// entry of the same build, so it shares the chunks: the published package carries lib/pm/
// and tsc's declarations (lib/**/*.d.ts), one copy of the code (package.json "files").
// Run after `tsc -p .` (npm run build does both).
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(repo, 'lib', 'pm');
rmSync(out, { recursive: true, force: true });
await build({
  absWorkingDir: repo,
  entryPoints: ['lib/cli/main.js', 'lib/build/worker.js', 'lib/load/probe-worker.js', 'lib/index.js'],
  outdir: out,
  entryNames: '[name]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
