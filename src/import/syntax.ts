/**
 * Template syntax of the blog engines that has no meaning in pm: Liquid (`{{ page.id }}`,
 * `{% include x.html %}`) and Hugo shortcodes (`{{< figure >}}`, `{{% note %}}`). The
 * importer leaves the text as it is and reports each one at its line and column, so the
 * author can rewrite it in plain markdown.
 */
import type { Diagnostic } from '../diagnostics.js';

/** Shortcodes first: `{{<` would otherwise read as a Liquid output tag. */
const PATTERN = /\{\{<[\s\S]*?>\}\}|\{\{%[\s\S]*?%\}\}|\{%-?[\s\S]*?-?%\}|\{\{-?[\s\S]*?-?\}\}/g;

export interface Template {
  text: string;
  kind: 'shortcode' | 'liquid';
  line: number;
  column: number;
}

/** Every template tag of `body`; `lineOffset` lines precede it in its file. */
export function findTemplates(body: string, lineOffset: number): Template[] {
  const found: Template[] = [];
  for (const m of body.matchAll(PATTERN)) {
    const before = body.slice(0, m.index).split('\n');
    found.push({
      text: m[0],
      kind: m[0].startsWith('{{<') || m[0].startsWith('{{%') ? 'shortcode' : 'liquid',
      line: before.length + lineOffset,
      column: (before.at(-1) ?? '').length + 1,
    });
  }
  return found;
}

export function templateDiagnostic(file: string, t: Template): Diagnostic {
  const shown = t.text.length > 60 ? `${t.text.slice(0, 57)}…` : t.text;
  const what = t.kind === 'shortcode' ? 'Hugo shortcode' : 'Liquid tag';
  return {
    level: 'warning',
    file,
    line: t.line,
    column: t.column,
    rule: 'import/template',
    message: `${what} ${JSON.stringify(shown.replace(/\s+/g, ' '))} is not carried over: pm shows it as text; write it as markdown`,
  };
}
