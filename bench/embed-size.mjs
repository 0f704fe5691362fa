// Size of what a status page downloads to embed a pm timeline: the <pm-timeline> element
// (embed/pm-timeline.js, stylesheet built in) and one iframe page, raw and gzipped.
// Budget: the element under 8 KB gzipped. Run after `npx tsc -p .`:  node bench/embed-size.mjs
import { gzipSync } from 'node:zlib';
import { buildSite } from '../lib/site/build.js';

const BUDGET = 8 * 1024;
const { pages } = await buildSite({ root: new URL('..', import.meta.url).pathname, write: false });
const find = (re) => pages.find((p) => re.test(p.path));
const rows = [
  ['embed/pm-timeline.js', find(/^embed\/pm-timeline\.js$/)],
  ['embed/<slug>/index.html (kiln)', find(/^embed\/2023-05-16-kiln[^/]*\/index\.html$/)],
  ['embed/<slug>/index.html (largest)', pages.filter((p) => /^embed\/.+\/index\.html$/.test(p.path)).sort((a, b) => b.contents.length - a.contents.length)[0]],
];
let over = false;
for (const [name, page] of rows) {
  if (!page) throw new Error(`${name}: not built`);
  const raw = Buffer.from(page.contents);
  const gz = gzipSync(raw, { level: 9 }).length;
  console.log(`${name.padEnd(36)} ${String(raw.length).padStart(7)} B raw  ${String(gz).padStart(6)} B gzip  (${page.path})`);
  if (name === 'embed/pm-timeline.js' && gz > BUDGET) over = true;
}
if (over) {
  console.error(`pm-timeline.js is over its ${BUDGET} B gzip budget`);
  process.exitCode = 1;
}
