// Renders the extension's marketplace icon (docs/images/icon.png, 128x128) from the SVG
// below with Debian's Chromium, so the icon has a source that can be edited and re-rendered.
// Usage: node scripts/e2e/render-icon.mjs
import { chromium } from 'playwright-core';

const SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="128" height="128" viewBox="0 0 128 128">
  <rect width="128" height="128" rx="22" fill="#1f3b57"/>
  <path d="M34 18h42l20 20v72H34z" fill="#f4f6f8"/>
  <path d="M76 18v20h20z" fill="#c9d3dd"/>
  <rect x="44" y="46" width="34" height="6" rx="3" fill="#8a9bab"/>
  <rect x="44" y="66" width="24" height="6" rx="3" fill="#8a9bab"/>
  <rect x="44" y="86" width="24" height="6" rx="3" fill="#8a9bab"/>
  <path d="M76 62l8 8M84 62l-8 8" stroke="#d64545" stroke-width="4" stroke-linecap="round"/>
  <path d="M75 89l4 4 7-9" stroke="#2f9e5a" stroke-width="4" fill="none" stroke-linecap="round" stroke-linejoin="round"/>
</svg>`;

const browser = await chromium.launch({
  executablePath: process.env.IMR_E2E_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: 128, height: 128 } });
  await page.setContent(`<html><body style="margin:0;background:transparent">${SVG}</body></html>`);
  await page.screenshot({ path: 'docs/images/icon.png', omitBackground: true });
  console.log('wrote docs/images/icon.png');
} finally {
  await browser.close();
}
