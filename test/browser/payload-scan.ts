/**
 * Static checks for the safety test: finds executable markup in built files. HTML is scanned
 * tag by tag (attribute names and URL values, entity-decoded); JSON strings under an `html` key
 * and Atom `type="html"` elements are decoded and scanned as the HTML a reader would render.
 */
import { createHash } from 'node:crypto';

const TAG = /<([a-zA-Z][\w:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;
const ATTR = /([^\s"'>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?/g;
const URL_ATTRS = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'data', 'srcdoc']);

/** Decodes the character references an HTML parser would (named basics and numeric). */
export function decodeEntities(s: string): string {
  const named: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&', colon: ':', tab: '\t', newline: '\n' };
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (m, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : m;
    }
    return named[ref.toLowerCase()] ?? m;
  });
}

const unquote = (v: string): string => (/^["']/.test(v) ? v.slice(1, -1) : v);
const dangerousUrl = (v: string): boolean => /^(javascript|vbscript|data:text\/html)/i.test(decodeEntities(v).replace(/[\s\x00-\x1f]/g, ''));

/** Inline scripts that pm itself emits: a page with a CSP meta whose script-src lists the hash. */
function allowedScripts(html: string): Set<string> {
  const allowed = new Set<string>();
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/i.exec(html);
  if (!meta?.[1]) return allowed;
  const csp = decodeEntities(meta[1]);
  for (const m of html.matchAll(/<script>([\s\S]*?)<\/script>/g)) {
    const body = m[1] ?? '';
    const hash = createHash('sha256').update(body).digest('base64');
    if (csp.includes(`'sha256-${hash}'`) && /script-src [^;]*'sha256-/.test(csp)) allowed.add(m[0]);
  }
  return allowed;
}

/** pm's search box script (site/search/): one hashed theme asset of the site itself, never inline. */
export const SEARCH_SCRIPT = /<script src="(?:\.\/|(?:\.\.\/)+|\/)assets\/search\.[0-9a-f]{10}\.js" defer><\/script>/;

/** Problems in one HTML document or fragment; `own` allows pm's CSP-hashed inline scripts and its search script. */
export function scanHtml(html: string, own = false): string[] {
  const found: string[] = [];
  let rest = html;
  if (own) {
    const allowed = allowedScripts(html);
    if (allowed.size > 1) found.push(`${allowed.size} inline scripts (pm emits one per embed page)`);
    for (const s of allowed) rest = rest.replace(s, '');
    rest = rest.replace(SEARCH_SCRIPT, '');
  }
  for (const tag of rest.matchAll(TAG)) {
    const name = (tag[1] ?? '').toLowerCase();
    if (['script', 'iframe', 'object', 'embed', 'frame', 'frameset'].includes(name)) found.push(`<${name}> tag: ${tag[0].slice(0, 80)}`);
    for (const attr of (tag[2] ?? '').matchAll(ATTR)) {
      const key = (attr[1] ?? '').toLowerCase();
      const value = unquote(attr[2] ?? '');
      if (name === 'base' && key === 'href') found.push(`<base href> moves every relative URL: ${tag[0].slice(0, 80)}`);
      if (/^on[a-z]+$/.test(key)) found.push(`event handler ${key}= in ${tag[0].slice(0, 80)}`);
      if (URL_ATTRS.has(key) && dangerousUrl(value)) found.push(`${key}="${value.slice(0, 40)}" in <${name}>`);
      if (key === 'style' && /expression\(|javascript:/i.test(decodeEntities(value))) found.push(`style script in <${name}>`);
    }
  }
  // Whatever the tokenizer could not read: a literal `<script` or ` onerror=` inside a tag.
  const leftover = rest.replace(TAG, '');
  if (/<script/i.test(leftover)) found.push('a "<script" outside the recognised tags');
  if (/<[a-zA-Z][^<>]*\son[a-z]+\s*=/i.test(leftover)) found.push('an on*= attribute inside an unrecognised tag');
  return found;
}

/** Every string under a key containing `html`, and every URL-ish string, of a JSON document. */
export function scanJson(json: unknown, at = '$'): string[] {
  if (typeof json !== 'object' || json === null) return [];
  const found: string[] = [];
  for (const [key, value] of Object.entries(json)) {
    const where = `${at}.${key}`;
    if (typeof value === 'string') {
      if (/html/i.test(key)) found.push(...scanHtml(value).map((p) => `${where}: ${p}`));
      if (/^(url|href|src|link|external_url|image|icon|favicon|home_page_url|feed_url)$/i.test(key) && dangerousUrl(value)) found.push(`${where}: ${value}`);
    } else {
      found.push(...scanJson(value, where));
    }
  }
  return found;
}

/** The raw XML, then the decoded body of every element a feed reader renders as HTML. */
export function scanXml(xml: string): string[] {
  const found = scanHtml(xml).map((p) => `raw: ${p}`);
  for (const m of xml.matchAll(/<([a-z]+)[^>]*\btype="(?:html|xhtml)"[^>]*>([\s\S]*?)<\/\1>/g)) {
    const body = m[2] ?? '';
    const html = body.startsWith('<![CDATA[') ? body.slice(9, -3) : decodeEntities(body);
    found.push(...scanHtml(html).map((p) => `<${m[1]} type=html>: ${p}`));
  }
  return found;
}
