import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.js';
import { buildElementScript, compactCss, loadEmbedFiles } from '../../../src/outputs/embed/files.js';
import { fragmentOf } from '../../../src/outputs/embed/page.js';
import { captureIO } from '../../cli/helpers.js';
import { build, get, makeSite, SLUG } from './helpers.js';

const source = readFileSync(path.join(import.meta.dirname, '..', '..', '..', 'themes', 'default', 'embed', 'pm-timeline.js'), 'utf8');

describe('embed theme files', () => {
  it("come from the site theme first, then pm's default theme", async () => {
    const root = makeSite();
    mkdirSync(path.join(root, 'themes', 'default', 'embed'), { recursive: true });
    writeFileSync(path.join(root, 'themes', 'default', 'embed', 'timeline.css'), '.pm-embed { --_bg: hotpink; }');
    const pages = await build(root);
    const page = get(pages, `embed/${SLUG}/index.html`);
    expect(page).toContain('<style>.pm-embed{--_bg: hotpink;}</style>');
    expect(page).toContain("type: 'pm:timeline:height'"); // embed.js still the default one
    expect(get(pages, 'embed/pm-timeline.js')).toContain('const CSS = ".pm-embed{--_bg: hotpink;}";');
  });

  it('the built element carries the stylesheet as a string literal and is valid JavaScript', () => {
    const files = loadEmbedFiles([]);
    const script = buildElementScript({ ...files, css: 'a::before{content:"\\"</script>"}' });
    expect(script).toContain('const CSS = "a::before{content:\\"\\\\\\"</script>\\"}";');
    expect(() => new Function(buildElementScript(files))).not.toThrow();
    expect(buildElementScript(files)).not.toContain('/*pm:css*/""');
    expect(buildElementScript(files)).not.toContain('/*pm:zones*/{}');
    expect(buildElementScript(files)).toContain('"Asia/Tokyo":{"540":"JST"}');
  });

  it('the element never turns data into markup', () => {
    expect(source).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function/);
    expect(source).toMatch(/textContent/);
    expect(source).not.toMatch(/\.html\b/); // the event's `html` is never read
  });

  it('compacts the stylesheet without changing declarations', () => {
    expect(compactCss('/* c */\n.a  b {\n  --x: "A  B";\n}\n')).toBe('.a b{--x: "A B";}');
  });
});

describe('pm timeline FILE --format html', () => {
  let cwd: string;
  let root: string;
  beforeEach(() => {
    cwd = process.cwd();
    root = makeSite();
    process.chdir(root);
  });
  afterEach(() => process.chdir(cwd));

  it('prints the same fragment the embed page holds', async () => {
    const io = captureIO();
    expect(await main(['timeline', `posts/${SLUG}.md`, '--format', 'html'], io)).toBe(0);
    const page = get(await build(root), `embed/${SLUG}/index.html`);
    expect(io.stdout).toBe(`${fragmentOf(page)}\n`);
    expect(io.stdout.startsWith('<table class="pm-timeline"')).toBe(true);
  });
});
