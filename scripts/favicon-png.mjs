// Renders the default theme's favicon.svg into favicon.png (180×180, transparent corners) with
// Chromium: the PNG is the icon for browsers without SVG favicons (Safari) and the
// apple-touch-icon. Run after changing favicon.svg: node scripts/favicon-png.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const SIZE = 180;
const assets = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'themes', 'default', 'assets');
const svg = readFileSync(path.join(assets, 'favicon.svg'));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox'] });
try {
  const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE }, deviceScaleFactor: 1 });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}</style><img width="${SIZE}" height="${SIZE}" src="data:image/svg+xml;base64,${svg.toString('base64')}">`,
  );
  await page.locator('img').evaluate((img) => img.decode());
  writeFileSync(path.join(assets, 'favicon.png'), await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: SIZE, height: SIZE } }));
} finally {
  await browser.close();
}
