/** pm's version: part of every cache key, printed by `pm --version`. */
export const VERSION = '0.1.0';
