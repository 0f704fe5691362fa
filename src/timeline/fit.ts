/**
 * Event text in a terminal table: wrapped to the terminal's width, continuation lines
 * indented under the Event column (wrap-ansi measures wide characters). Piped output
 * is not fitted: the caller passes no width and the text stays whole on one line.
 */
import wrapAnsi from 'wrap-ansi';

/** Narrowest Event column: below it the text wraps past the width rather than into slivers. */
export const MIN_TEXT_COLUMNS = 20;

/** `text` wrapped to `width - indent` columns; lines after the first start with `indent` spaces. */
export function fitText(text: string, indent: number, width: number): string {
  const columns = Math.max(width - indent, MIN_TEXT_COLUMNS);
  const lines = wrapAnsi(text, columns, { hard: true, trim: true }).split('\n');
  const pad = ' '.repeat(indent);
  return lines.map((l, i) => (i === 0 ? l : pad + l).trimEnd()).join('\n');
}
