/**
 * JSON for data files that grow with the archive (`incidents.json`, `follow-ups.json`): the
 * head compact on the first line, then one record a line. Still readable and diffable (a
 * change to one incident is a change to its lines), and much smaller than indented JSON.
 * `list` is the name of the array, written last.
 */
export function rowJson<K extends string>(head: Record<string, unknown>, list: K, rows: readonly unknown[]): string {
  const open = JSON.stringify({ ...head, [list]: [] }).slice(0, -3);
  const body = rows.map((r) => JSON.stringify(r)).join(',\n');
  return `${open}[${body ? `\n${body}\n` : ''}]}\n`;
}
