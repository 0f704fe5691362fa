/**
 * Authenticates the files of a site's `.pm-cache/`. The cache sits in the site folder,
 * which may come from anyone (a pull request): each file carries an HMAC-SHA256 keyed by
 * the user's secret (user-cache.ts) and bound to the site's real path and the file's
 * role, so a cache nobody but this user's pm wrote for this site is never trusted.
 *
 * A sealed file is `<mac>\n<data>`; a sealed log line is `<mac> <data>`, its MAC also
 * covering the MAC of the index it follows and its line number (no line moves or mixes).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { userSecret } from './user-cache.js';

const MAC_LENGTH = 64;

export class Signer {
  private readonly key: Buffer;
  constructor(secret: Buffer, root: string) {
    this.key = createHmac('sha256', secret).update(`pm-cache\0${root}`).digest();
  }

  mac(role: string, data: string): string {
    return createHmac('sha256', this.key).update(`${role}\0`).update(data).digest('hex');
  }

  /** `data` with its MAC in front. */
  seal(role: string, data: string): string {
    return `${this.mac(role, data)}\n${data}`;
  }

  /** The data of a sealed text, or null when its MAC is missing or wrong. */
  open(role: string, sealed: string): string | null {
    const cut = sealed.indexOf('\n');
    if (cut !== MAC_LENGTH) return null;
    const data = sealed.slice(cut + 1);
    return this.same(sealed.slice(0, cut), this.mac(role, data)) ? data : null;
  }

  /** Compares MACs in constant time. */
  same(a: string, b: string): boolean {
    return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
  }
}

/** The signer for the site at `root`, or null when the user has no usable secret (no cache then). */
export function signerFor(root: string): Signer | null {
  const secret = userSecret();
  if (!secret) return null;
  let real: string;
  try {
    real = realpathSync(root);
  } catch {
    real = path.resolve(root);
  }
  return new Signer(secret, real);
}
