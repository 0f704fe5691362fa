/**
 * The library pipeline pm's markdown is compared with: unified + remark-parse + remark-gfm +
 * remark-rehype + rehype-raw + rehype-sanitize (pm's schema) + rehype-stringify, nothing of pm's.
 */
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { sanitizeSchema } from '../../src/markdown/schema.js';

export const reference = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeRaw)
  .use(rehypeSanitize, sanitizeSchema)
  .use(rehypeStringify)
  .freeze();

/** pm's own additions, taken out before comparing: heading ids and task-box accessible names. */
export const withoutPmMarkup = (html: string): string => html.replace(/(<h[1-6]) id="[^"]*"/g, '$1').replace(/ aria-label="(?:not )?done"(?=>)/g, '');
