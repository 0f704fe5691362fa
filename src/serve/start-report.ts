/**
 * What `pm serve` prints after a full build: the content errors (the browser shows them
 * too), and — once `pm check` has run over the site in the background, while pages are
 * already served — every warning, so an author sees at start what CI would say.
 */
import { checkSite } from '../check/site.js';
import { formatDiagnostic, type Diagnostic } from '../diagnostics.js';
import type { SetupOptions } from '../build/setup.js';

export function reportErrors(errors: readonly Diagnostic[], log: (line: string) => void): void {
  for (const d of errors) log(formatDiagnostic(d));
  if (errors.length) log(`${errors.length} content error(s): the browser shows them until the file is fixed`);
}

/** Runs the checks of `pm check` and prints its warnings; never rejects. */
export async function reportWarnings(options: SetupOptions, log: (line: string) => void): Promise<void> {
  try {
    const { diagnostics } = await checkSite({ ...options, drafts: true });
    const warnings = diagnostics.filter((d) => d.level === 'warning');
    for (const d of warnings) log(formatDiagnostic(d));
    if (warnings.length) log(`${warnings.length} warning(s), as pm check reports them`);
  } catch (e) {
    log(`pm check could not run: ${e instanceof Error ? e.message : String(e)}`);
  }
}
