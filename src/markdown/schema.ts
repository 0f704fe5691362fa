/** The sanitize schema every rendered post goes through (hast.ts), and the differential spec tests. */
import { defaultSchema } from 'hast-util-sanitize';
import type { Schema } from 'hast-util-sanitize';

/**
 * GitHub's rules (hast-util-sanitize's default schema: `<br>`, `<kbd>`, `<sup>`, `<sub>`,
 * `<details>`/`<summary>` stay; `<script>`, `<iframe>`, event handlers, `javascript:` go),
 * without the `user-content-` prefix on author ids so heading anchors stay readable.
 * GFM footnotes keep theirs: mdast-util-to-hast writes it itself.
 */
export const sanitizeSchema: Schema = {
  ...defaultSchema,
  clobberPrefix: '',
};
