/**
 * The small files `pm init` writes beside the config: what git should ignore, and the
 * `_headers` file (Netlify, Cloudflare Pages) that lets status pages on other origins
 * fetch the timelines' JSON and load the embed script. It sits in static/, which
 * pm build copies into the output as-is.
 */
export const GITIGNORE = `# pm build output, the generation kept beside it for fast rebuilds, and the build cache
dist/
dist.pm-*
.pm-cache/
node_modules/
`;

/** Paths that status pages read cross-origin: JSON data and the <pm-timeline> script. */
export const CROSS_ORIGIN_PATHS = [
  '/incidents/*/timeline.json',
  '/incidents.json',
  '/insights.json',
  '/follow-ups.json',
  '/feed.json',
  '/api/v2/*',
  '/embed/pm-timeline.js',
] as const;

export function headersFile(): string {
  const rules = CROSS_ORIGIN_PATHS.map((p) => `${p}\n  Access-Control-Allow-Origin: *\n`).join('');
  return `# Response headers for Netlify and Cloudflare Pages (both read _headers from the
# published folder; pm build copies static/ into dist/). Status pages on other sites
# may fetch the timelines' JSON and load the <pm-timeline> element script.
# If your incidents live under another urls.incident, change the first path.
${rules}`;
}
