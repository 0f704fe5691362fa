/** The sanitize schema every rendered post goes through (remark-html and html-direct.ts alike). */
import { defaultSchema } from 'hast-util-sanitize';
import type { Schema } from 'hast-util-sanitize';

/** GitHub's schema without the `user-content-` prefix so heading anchors stay readable. */
export const sanitizeSchema: Schema = {
  ...defaultSchema,
  clobberPrefix: '',
  attributes: {
    ...defaultSchema.attributes,
    // task-list checkboxes keep their state
    input: [...(defaultSchema.attributes?.['input'] ?? [])],
  },
};
