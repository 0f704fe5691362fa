/**
 * `theme:` in pm.config.yaml names a folder under `themes/`. The config is site content,
 * so the name is one plain folder name: no `/`, `\`, `..` or absolute path can make a
 * build read a theme from elsewhere on the machine.
 */
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** Why `value` is not a theme name, or null when it is one. */
export function themeNameProblem(value: unknown): string | null {
  if (typeof value !== 'string') return 'expected a string';
  if (NAME.test(value) && !value.includes('..')) return null;
  return `${JSON.stringify(value)} is not a folder name under themes/: use letters, digits, ".", "_" and "-" (no "/", "\\\\" or "..")`;
}
