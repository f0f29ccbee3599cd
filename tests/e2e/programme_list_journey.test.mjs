// Issue 16's scale, as a site coordinator sees it: with 61 programmes the list comes 50 at a time
// with a pager, and a search finds a programme by its code or title. Looked at on a desktop and a
// 390 px phone, in Spanish and English (screenshots in tests/e2e/artifacts/).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, run } from '../api/harness.mjs';
import { launchBrowser, withPage as withBrowserPage, axeViolations, artifactPath, signInAs } from './browser.mjs';

let server;
let browser;
before(async () => {
  server = await startServer({ users: [{ email: 'sitio@example.org', name: 'Sitio', role: 'coordinator' }] });
  const scaled = run(['demo', ...server.common, '--scale', '60', '--seed', '3']);
  if (scaled.code !== 0) throw new Error(scaled.stderr);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});
const withPage = (name, options, body) => withBrowserPage(browser, name, options, body);

const views = [
  { name: 'desktop', options: { viewport: { width: 1280, height: 900 } } },
  { name: 'phone', options: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } },
];

test('61 programmes: 50 a page with a pager, a search by code, and nothing found said so', async () => {
  for (const view of views) {
    await withPage(`programme-list-${view.name}`, view.options, async (page) => {
      await signInAs(page, server, 'sitio@example.org');
      const cards = page.locator('ul.cards > li');
      await page.getByRole('status').filter({ hasText: 'Página 1 de 2 · 61 programas' }).waitFor();
      assert.equal(await cards.count(), 50);
      assert.deepEqual(await axeViolations(page), []);
      await page.screenshot({ path: artifactPath(`programme-list-es-${view.name}.png`), fullPage: false });

      await page.getByRole('button', { name: 'Siguientes' }).click();
      await page.getByRole('status').filter({ hasText: 'Página 2 de 2' }).waitFor();
      assert.equal(await cards.count(), 11);
      await page.screenshot({ path: artifactPath(`programme-list-es-${view.name}-page2.png`), fullPage: true });
      assert.ok(await page.getByRole('button', { name: 'Siguientes' }).isDisabled());

      await page.getByLabel('Buscar programa (código o título)').fill('s3-0042');
      await page.getByRole('button', { name: 'Buscar', exact: true }).click();
      await page.getByRole('link', { name: /S3-0042/ }).waitFor();
      assert.equal(await cards.count(), 1);
      assert.equal(await page.locator('nav.pager').count(), 0, 'one result, no pager');

      await page.getByLabel('Buscar programa (código o título)').fill('ningún curso así');
      await page.getByRole('button', { name: 'Buscar', exact: true }).click();
      await page.getByText('Ningún programa coincide con la búsqueda.').waitFor();

      // In English.
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByLabel('Find a programme (code or title)').fill('');
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      await page.getByRole('status').filter({ hasText: 'Page 1 of 2 · 61 programmes' }).waitFor();
      assert.deepEqual(await axeViolations(page), []);
      await page.screenshot({ path: artifactPath(`programme-list-en-${view.name}.png`), fullPage: false });
    });
  }
});
