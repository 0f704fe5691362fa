/**
 * The stringify step: sanitized hast → HTML (hast-util-to-html). The only raw node in a
 * sanitized tree is pm's own (the theme's timeline, document.ts); the sanitizer removes
 * any other.
 */
import type { Root as HastRoot } from 'hast';
import { createRequire } from 'node:module';
import type * as ToHtmlType from 'hast-util-to-html';

const require = createRequire(import.meta.url);

/** HTML pm made itself (escaped by the theme), put into a sanitized tree. */
export interface RawNode {
  type: 'raw';
  value: string;
}

export function stringify(tree: HastRoot): string {
  const { toHtml } = require('hast-util-to-html') as typeof ToHtmlType;
  return toHtml(tree, { allowDangerousHtml: true });
}
