// Issue 14's report in a browser: the donor (observer) opens the closing report, sees its charts
// drawn as SVG and no personal data, and prints it to PDF; the coordinator switches to the
// version for sharing and downloads the workbook. Desktop and a 390 px phone, Spanish and English.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, signIn, send, programmeIdOf } from '../api/harness.mjs';
import { launchBrowser, withPage as withBrowserPage, axeViolations, signInAs } from './browser.mjs';

const CODE = 'IBM-HR-PA-2023';
const TITLE = 'Diplomado en Gestión Integral de Fronteras con Enfoque de Derechos Humanos';
let server;
let browser;
let dir;
before(async () => {
  server = await startServer({
    users: [
      { email: 'coordinacion@example.pa', role: 'coordinator', programme: CODE },
      { email: 'donante@example.ca', role: 'observer', programme: CODE },
      { email: 'sitio@example.org', role: 'coordinator' },
    ],
  });
  const coordinator = await signIn(server, 'coordinacion@example.pa');
  const id = await programmeIdOf(server, coordinator, CODE);
  assert.equal((await send(server, 'POST', `/api/v1/programmes/${id}/graduation`, coordinator, { dry_run: false })).status, 200);
  browser = await launchBrowser();
  dir = mkdtempSync(join(tmpdir(), 'diplomado-report-e2e-'));
});
after(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});
const withPage = (name, options, body) => withBrowserPage(browser, name, options, body);
const desktop = { viewport: { width: 1366, height: 900 }, acceptDownloads: true };
const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

test('the donor opens the report, sees charts and no personal data, and prints it', async () => {
  await withPage('report-donor', desktop, async (page) => {
    await signInAs(page, server, 'donante@example.ca');
    await page.getByRole('link', { name: TITLE }).click();
    await page.getByRole('navigation', { name: 'Secciones del programa' }).getByRole('link', { name: 'Informe' }).click();
    await page.getByRole('heading', { level: 1, name: 'Informe de cierre' }).waitFor();
    await page.getByText('Versión para compartir: las cifras menores que 5').waitFor();
    assert.equal(await page.getByRole('checkbox').count(), 0, 'the donor cannot switch the suppression off');
    // The charts are SVG drawings with their figures also in text.
    await page.locator('figure.chart svg').first().waitFor();
    assert.ok(await page.locator('figure.chart svg').count() >= 5, 'sex, institution, attendance, gain and GCM charts');
    assert.equal(await page.getByRole('heading', { level: 3, name: 'Tablas cruzadas' }).count(), 1);
    const text = await page.locator('main').innerText();
    for (const personal of ['Vásquez', 'Paladín', 'Edilsa', '@demo.diplomado.invalid']) assert.ok(!text.includes(personal), personal);
    assert.match(text, /<5/);
    assert.deepEqual(await axeViolations(page), []);

    // Printing: the print stylesheet leaves the navigation and the buttons out.
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.getByRole('button', { name: 'Imprimir o guardar en PDF' }).isVisible(), false);
    assert.equal(await page.getByRole('navigation', { name: 'Secciones del programa' }).isVisible(), false);
    const pdf = join(dir, 'informe.pdf');
    writeFileSync(pdf, await page.pdf({ format: 'A4', printBackground: true }));
    const printed = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    assert.match(printed, /Informe de cierre/);
    assert.match(printed, /Objetivos de Desarrollo Sostenible/);
    assert.ok(!printed.includes('Descargar XLSX'));
    assert.ok(!printed.includes('Vásquez'));
  });
});

test('on a phone in English the report reads the same, hidden counts explained', async () => {
  await withPage('report-phone-en', phone, async (page) => {
    await signInAs(page, server, 'donante@example.ca');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('link', { name: 'Diploma course on Integrated Border Management with a Human Rights Approach' }).click();
    await page.getByRole('navigation', { name: 'Programme sections' }).getByRole('link', { name: 'Report' }).click();
    await page.getByRole('heading', { level: 1, name: 'Closing report' }).waitFor();
    await page.locator('figure.chart svg').first().waitFor();
    const hidden = page.locator('abbr', { hasText: '<5' }).first();
    assert.equal(await hidden.getAttribute('title'), 'Fewer than 5 people: hidden to protect who they are');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `no sideways scrolling of the page (${width} px)`);
  });
});

test('the coordinator switches to the version for sharing and downloads the workbook', async () => {
  await withPage('report-coordinator', desktop, async (page) => {
    await signInAs(page, server, 'coordinacion@example.pa');
    await page.getByRole('link', { name: TITLE }).click();
    await page.getByRole('navigation', { name: 'Secciones del programa' }).getByRole('link', { name: 'Informe' }).click();
    await page.getByRole('heading', { level: 1, name: 'Informe de cierre' }).waitFor();
    const withdrawn = page.locator('.stat', { hasText: 'Retirados' });
    await withdrawn.getByText('2', { exact: true }).waitFor();
    await page.getByRole('checkbox', { name: 'Versión para compartir (cifras pequeñas ocultas)' }).check();
    await withdrawn.getByText('<5').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Descargar XLSX' }).click()]);
    assert.equal(download.suggestedFilename(), 'indicadores-IBM-HR-PA-2023.xlsx');
    const saved = join(dir, 'indicadores.xlsx');
    await download.saveAs(saved);
    assert.deepEqual([...readFileSync(saved).subarray(0, 2)], [0x50, 0x4b]);
  });
});

test('a programme with no data shows an empty state, not zeros presented as facts', async () => {
  const site = await signIn(server, 'sitio@example.org');
  const demo = await programmeIdOf(server, site, CODE);
  const clone = await send(server, 'POST', `/api/v1/programmes/${demo}/clones`, site, { code: 'VACIO-2', start_date: '2024-05-13' });
  assert.equal(clone.status, 201);
  const empty = await programmeIdOf(server, site, 'VACIO-2');
  await withPage('report-empty', phone, async (page) => {
    await signInAs(page, server, 'sitio@example.org');
    await page.goto(`${server.base}/programmes/${empty}/report`);
    await page.getByText('Este programa aún no tiene datos para informar').waitFor();
    assert.equal(await page.locator('figure.chart').count(), 0, 'no chart of nothing');
    assert.equal(await page.locator('.stat').count(), 0, 'no headline of zeros');
  });
});
