/**
 * When an edit changed what the site-wide pages show (a title, a date, a tag), they are
 * rendered again a moment later, so the edited incident's page is served first; and within
 * that, the index pages first (state.ts renderIndexes): the page a reader of `/` waits for
 * is written and announced, the server answers its request, and only then come the feeds,
 * data files and insights. A request for a site-wide page waits for its render, never for
 * one it does not need.
 */
import type { ServeState } from './state.js';

/**
 * How long the rest waits for the request the index reload prompts (a browser asks within
 * milliseconds; one that asks later waits for the whole render, never for nothing).
 */
const ANSWER_WAIT_MS = 30;

export class SiteRender {
  private running: Promise<void> | null = null;
  /** Index pages already written by the running render, and a waiter for the first request of one. */
  private early: { paths: ReadonlySet<string>; asked: () => void } | null = null;
  /** Resolves once the running render's index pages are written. */
  private indexes: Promise<void> = Promise.resolve();

  constructor(
    private readonly state: ServeState,
    /** Announces changed paths (live reload) and reports the render. */
    private readonly done: (first: string[], rest: string[]) => void,
  ) {}

  /** Resolves when `p` may be served: now for incident pages, after the index pass for index pages. */
  async ready(p: string): Promise<void> {
    if (!this.running || this.state.isIncidentPage(p)) return;
    await this.indexes;
    const early = this.early;
    if (early?.paths.has(p)) return early.asked();
    await this.running;
  }

  /** Renders the site-wide pages after `delayMs`; resolves when all are written. */
  later(delayMs: number, started: (at: number) => void, announce: (paths: string[]) => void): Promise<void> {
    let indexed = (): void => undefined;
    this.indexes = new Promise<void>((r) => (indexed = r));
    this.running = new Promise<void>((resolve) => {
      setTimeout(() => {
        started(performance.now());
        let first: string[] = [];
        try {
          first = this.state.renderIndexes();
        } catch {
          // the full render below reports what the theme could not render
        }
        const asked = first.length ? new Promise<void>((r) => (this.early = { paths: new Set(first), asked: r })) : Promise.resolve();
        if (first.length) announce(first);
        indexed();
        void Promise.race([asked, pause(ANSWER_WAIT_MS)])
          .then(() => pause(0)) // the answer goes out before the rest is rendered
          .then(() => this.state.renderSitePages())
          .then((rest) => this.done(first, rest))
          .finally(() => {
            this.early = null;
            this.running = null;
            resolve();
          });
      }, delayMs);
    });
    return this.running;
  }
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
