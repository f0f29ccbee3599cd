// The measuring half of bench/web: a server with the 1,000 x 30 programme is already running.
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(join(dirname(fileURLToPath(import.meta.url)), '..', 'web', 'package.json'));
const { chromium } = require('playwright-core');
const { BASE, EMAIL, PASSWORD } = process.env;
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
const page = await context.newPage();

// 1. The JavaScript a first visit loads: the sign-in page, then the programme list.
const scripts = new Map();
page.on('response', async (response) => {
  if (response.request().resourceType() === 'script') scripts.set(new URL(response.url()).pathname, gzipSync(await response.body()).length);
});
await page.goto(BASE);
await page.locator('#email').fill(EMAIL);
await page.locator('#password').fill(PASSWORD);
await page.locator('form button[type="submit"]').click();
// A first sign-in shows the privacy notice: accepted, as its user would.
const accept = page.getByRole('button', { name: 'Acepto' });
await page.getByRole('heading', { name: 'Programas' }).or(accept).first().waitFor();
if (await accept.isVisible()) await accept.click();
await page.getByRole('heading', { name: 'Programas' }).waitFor();
await page.waitForLoadState('networkidle');
const firstPage = [...scripts.values()].reduce((sum, size) => sum + size, 0);
console.log(`first page JavaScript: ${(firstPage / 1024).toFixed(1)} kB gzip in ${scripts.size} files (goal <= 80 kB)`);

// 2. The gradebook of 1,000 enrolments x 30 assessments: navigation to the first rows shown.
const programme = await page.evaluate(async () => (await (await fetch('/api/v1/programmes')).json()).items[0].id);
const times = [];
for (let run = 0; run < 6; run++) {
  await page.goto(`${BASE}/programmes/${programme}`);
  await page.locator('h1').first().waitFor();
  const started = Date.now();
  await page.evaluate((address) => { history.pushState(null, '', address); dispatchEvent(new PopStateEvent('popstate')); }, `/programmes/${programme}/gradebook`);
  await page.locator('table tbody tr').first().waitFor();
  times.push(Date.now() - started);
}
const rows = await page.locator('table tbody tr').count();
const total = await page.getByText(/Se muestran/).innerText();
console.log(`gradebook page (1,000 x 30): first rows after ${median(times.slice(1))} ms (median of 5 after a warm-up; runs ${times.join(', ')} ms); ${rows} rows drawn, "${total}" (goal < 500 ms)`);
const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
await browser.close();

// 3. Lighthouse, signed in (the session cookie as a header), one fresh Chromium per page.
const lighthouse = (await import(require.resolve('lighthouse'))).default;
const chromeLauncher = require('chrome-launcher');
const desktop = (await import(require.resolve('lighthouse/core/config/desktop-config.js'))).default;
const pages = [
  ['dashboard (desktop)', `/programmes/${programme}`, desktop],
  ['gradebook (desktop)', `/programmes/${programme}/gradebook`, desktop],
  ['attendance (phone)', `/programmes/${programme}/attendance`, undefined],
];
for (const [name, path, config] of pages) {
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: FLAGS });
  try {
    const result = await lighthouse(`${BASE}${path}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'],
      extraHeaders: { Cookie: cookie } }, config);
    const { performance, accessibility } = result.lhr.categories;
    const metric = (id) => result.lhr.audits[id]?.displayValue ?? '—';
    console.log(`lighthouse ${name}: performance ${Math.round(performance.score * 100)}, accessibility ${Math.round(accessibility.score * 100)} ` +
      `(FCP ${metric('first-contentful-paint')}, LCP ${metric('largest-contentful-paint')}, TBT ${metric('total-blocking-time')}, CLS ${metric('cumulative-layout-shift')}) (goal >= 95)`);
  } finally {
    await chrome.kill();
  }
}
