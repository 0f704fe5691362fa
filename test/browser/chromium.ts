/**
 * Shared Chromium launcher for the browser tests. Debian's /usr/bin/chromium is driven by
 * playwright-core. Outside CI a machine without Chromium skips the browser suite with a
 * message; in CI (env CI set) a missing Chromium is a loud failure, never a silent skip.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type ConsoleMessage, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

const present = existsSync(CHROMIUM);
const inCi = Boolean(process.env['CI']);

/** True when the browser tests should be skipped (no Chromium, not in CI). */
export const skipBrowser = !present && !inCi;

if (skipBrowser) {
  console.warn(`[browser tests] SKIPPED: ${CHROMIUM} is missing (install Debian's chromium; in CI this is an error).`);
}

export async function launch(): Promise<Browser> {
  if (!present) throw new Error(`${CHROMIUM} is missing: the browser tests need Debian's chromium (CI=${process.env['CI'] ?? ''})`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
}

/** Everything suspicious a page did: dialogs, console errors, uncaught exceptions. */
export interface PageProblems {
  dialogs: string[];
  consoleErrors: string[];
  pageErrors: string[];
  /** Requests that left 127.0.0.1 (a payload fetching something). */
  external: string[];
  /** Responses with status 400 or more (broken links to assets). */
  badResponses: string[];
}

/** Records problems on `page`; dialogs are dismissed so a payload cannot block the test. */
export function watchProblems(page: Page): PageProblems {
  const problems: PageProblems = { dialogs: [], consoleErrors: [], pageErrors: [], external: [], badResponses: [] };
  page.on('dialog', (d) => {
    problems.dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss().catch(() => undefined);
  });
  page.on('console', (m: ConsoleMessage) => {
    if (m.type() === 'error') problems.consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => problems.pageErrors.push(String(e)));
  page.on('request', (r) => {
    const url = r.url();
    if (!/^(http:\/\/127\.0\.0\.1[:/]|data:|about:)/.test(url)) problems.external.push(url);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) problems.badResponses.push(`${r.status()} ${r.url()}`);
  });
  return problems;
}

export const noProblems: PageProblems = { dialogs: [], consoleErrors: [], pageErrors: [], external: [], badResponses: [] };
