/**
 * Reads a `_headers` file as Netlify and Cloudflare Pages do: a path line (`*` matches
 * anything, including `/`), then the headers it gets, indented `Name: value`; `#` comments.
 */
export interface HeaderRule {
  pattern: RegExp;
  headers: [string, string][];
}

export function readHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (/^\s/.test(line)) {
      const m = /^\s+([^:]+):\s*(.*)$/.exec(line);
      if (!m?.[1] || m[2] === undefined || !rules.length) throw new Error(`not a header line: ${line}`);
      rules.at(-1)?.headers.push([m[1].trim(), m[2].trim()]);
    } else {
      const escaped = line
        .trim()
        .split('*')
        .map((s) => s.replace(/[.?+^$()[\]{}|\\]/g, '\\$&'));
      rules.push({ pattern: new RegExp(`^${escaped.join('.*')}$`), headers: [] });
    }
  }
  return rules;
}

/** Every header the rules give a URL path, in file order. */
export function headersFor(rules: readonly HeaderRule[], urlPath: string): [string, string][] {
  return rules.filter((r) => r.pattern.test(urlPath)).flatMap((r) => r.headers);
}
