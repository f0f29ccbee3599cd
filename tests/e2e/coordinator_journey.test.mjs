// The coordinator's first visit, as a person does it, in Debian's Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startServer } from '../api/harness.mjs';
import { launchBrowser, withPage as withBrowserPage, tabUntil, axeViolations, artifactPath, acceptConsentIfAsked } from './browser.mjs';

let server;
let browser;
before(async () => {
  server = await startServer({ users: [{ email: 'coordinacion@example.pa', name: 'Coordinación', role: 'coordinator', programme: 'IBM-HR-PA-2023' }] });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});
const withPage = (name, options, body) => withBrowserPage(browser, name, options, body);

async function signIn(page) {
  await page.goto(server.base);
  await page.getByLabel('Correo electrónico').fill('coordinacion@example.pa');
  await page.getByLabel('Contraseña').fill(server.accounts['coordinacion@example.pa']);
  await page.getByRole('button', { name: 'Entrar' }).click();
  await acceptConsentIfAsked(page);
}


test('sign in in Spanish, open the demo programme, see six modules and the Darién team, switch to English', async () => {
  await withPage('coordinator-journey', { viewport: { width: 1280, height: 900 } }, async (page) => {
    await page.goto(server.base);
    await page.getByRole('heading', { name: 'Iniciar sesión' }).waitFor();
    assert.deepEqual(await axeViolations(page), []);
    await page.getByLabel('Correo electrónico').fill('coordinacion@example.pa');
    await page.getByLabel('Contraseña').fill('not the password');
    await page.getByRole('button', { name: 'Entrar' }).click();
    await page.getByRole('alert').filter({ hasText: 'Correo o contraseña incorrectos.' }).waitFor();

    await page.getByLabel('Contraseña').fill(server.accounts['coordinacion@example.pa']);
    await page.getByRole('button', { name: 'Entrar' }).click();
    await acceptConsentIfAsked(page);
    await page.getByRole('heading', { name: 'Programas' }).waitFor();
    await page.getByRole('link', { name: 'Diplomado en Gestión Integral de Fronteras con Enfoque de Derechos Humanos' }).click();

    await page.getByRole('heading', { level: 1, name: 'Diplomado en Gestión Integral de Fronteras con Enfoque de Derechos Humanos' }).waitFor();
    // The programme's facts come once the dashboard above them has drawn.
    const modules = page.getByRole('region', { name: 'Módulos' }).getByRole('listitem');
    await modules.nth(5).waitFor();
    assert.equal(await modules.count(), 6);
    assert.match(await modules.first().innerText(), /Derechos humanos de las personas migrantes/);
    const teams = page.getByRole('region', { name: 'Equipos regionales' });
    await teams.getByRole('heading', { name: 'Darién — SENAFRONT' }).waitFor();
    assert.match(await teams.innerText(), /José Paladín/);
    // The dashboard: the counts, and who is at risk with every reason.
    const figures = page.getByRole('region', { name: 'Cifras' });
    await figures.getByText('52 activos · 2 retirados').waitFor();
    await figures.getByText('49 / 52').waitFor();
    const atRisk = page.getByRole('region', { name: 'Participantes en riesgo' });
    await atRisk.getByText('3 participantes activos no cumplen todavía los requisitos.').waitFor();
    await atRisk.getByText('Módulo 4: nota 45 — se requiere 70').waitFor();
    await page.getByRole('region', { name: 'Asistencia por sesión' }).locator('svg').first().waitFor();
    assert.deepEqual(await axeViolations(page), []);

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Diploma course on Integrated Border Management with a Human Rights Approach' }).waitFor();
    await page.getByRole('heading', { name: 'Regional teams' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');

    // The choice is remembered.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Diploma course on Integrated Border Management with a Human Rights Approach' }).waitFor();
  });
});

test('the programme page works on a 360 px phone with the keyboard', async () => {
  await withPage('phone', { viewport: { width: 360, height: 740 } }, async (page) => {
    await page.goto(server.base);
    await page.getByLabel('Correo electrónico').waitFor();
    // Only the keyboard from here: Tab to the field, type, Tab, type, Enter; Tab to the link, Enter.
    await tabUntil(page, (element) => element.id === 'email');
    await page.keyboard.type('coordinacion@example.pa');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'password');
    await page.keyboard.type(server.accounts['coordinacion@example.pa']);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Programas' }).waitFor();
    await tabUntil(page, (element) => element.tagName === 'A' && element.textContent.includes('Diplomado en Gestión Integral'));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Módulos' }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
    await page.screenshot({ path: artifactPath('programme-360.png'), fullPage: false });
  });
});

test('the coordinator follows an at-risk participant from the dashboard to their person page and sees why', async () => {
  await withPage('at-risk-journey', { viewport: { width: 1280, height: 900 } }, async (page) => {
    await signIn(page);
    await page.getByRole('link', { name: /Diplomado en Gestión Integral/ }).click();
    await page.getByRole('region', { name: 'Participantes en riesgo' }).getByRole('link', { name: 'Yanelis Vásquez Pinzón' }).click();
    await page.getByRole('heading', { level: 1, name: 'Yanelis Vásquez Pinzón' }).waitFor();
    const reasons = page.getByRole('list', { name: 'Motivos por los que no cumple' });
    assert.deepEqual(await reasons.getByRole('listitem').allInnerTexts(), ['Módulo 4: nota 45 — se requiere 70']);
    const modules = page.getByRole('region', { name: 'Progreso' }).getByRole('table');
    assert.equal(await modules.getByRole('row').count(), 7, 'a header and six modules');
    assert.deepEqual(await axeViolations(page), []);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('list', { name: 'Why the requirements are not met' }).getByText('Module 4: grade 45 — 70 required').waitFor();
  });
});

test('an unknown address says "not found", inside and outside a programme', async () => {
  await withPage('not-found', { viewport: { width: 1280, height: 900 } }, async (page) => {
    await signIn(page);
    await page.getByRole('heading', { name: 'Programas' }).waitFor();
    for (const address of ['/no/such/page', '/programmes/1/gradebooks', '/programmes/abc', '/programmes/1/participants/xyz']) {
      await page.goto(server.base + address);
      await page.getByRole('heading', { level: 1, name: 'Página no encontrada' }).waitFor();
    }
    // An old address in the hash still arrives where it meant.
    await page.goto(`${server.base}/#/programmes/1/gradebook`);
    await page.getByRole('heading', { level: 1, name: 'Libro de notas' }).waitFor();
    assert.deepEqual(await axeViolations(page), []);
  });
});

test('the gradebook is filtered, sorted and exported as shown', async () => {
  await withPage('gradebook-journey', { viewport: { width: 1366, height: 900 }, acceptDownloads: true }, async (page) => {
    await signIn(page);
    await page.getByRole('link', { name: /Diplomado en Gestión Integral/ }).click();
    await page.getByRole('navigation', { name: 'Secciones del programa' }).getByRole('link', { name: 'Libro de notas' }).click();
    await page.getByRole('heading', { level: 1, name: 'Libro de notas' }).waitFor();
    await page.getByText('Se muestran 54 de 54 inscripciones; 49 cumplen los requisitos.').waitFor();

    await page.getByLabel('Requisitos').selectOption({ label: 'No cumple' });
    await page.getByText('Se muestran 5 de 54 inscripciones; 0 cumplen los requisitos.').waitFor();
    assert.match(page.url(), /requirements=unmet/, 'the filter is in the address');
    const table = page.getByRole('table');
    const names = () => table.getByRole('rowheader').allInnerTexts();
    const finals = async () => (await table.locator('tbody tr').evaluateAll((rows) => rows.map((row) => row.children[row.children.length - 3].textContent)));
    await table.getByRole('button', { name: /Nota final/ }).click();
    await page.waitForURL(/sort=final_grade/);
    const ascending = (await finals()).filter((text) => text !== '—').map((text) => Number(text.replace(',', '.')));
    assert.deepEqual(ascending, [...ascending].sort((a, b) => a - b));
    await table.getByRole('button', { name: /Nota final/ }).click();
    await page.waitForURL(/order=desc/);
    assert.equal(await table.getByRole('columnheader', { name: /Nota final/ }).getAttribute('aria-sort'), 'descending');
    const shown = await names();
    assert.equal(shown.length, 5);
    assert.deepEqual(await axeViolations(page), []);

    // The export holds the same rows, in the same order, with the reasons written out.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Exportar CSV' }).click()]);
    assert.equal(download.suggestedFilename(), 'libro-de-calificaciones.csv');
    const csv = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    assert.deepEqual(csv.slice(1).map((line) => { const [given, family] = line.split(';'); return `${family}, ${given}`; }), shown);
    assert.match(csv[0], /;Motivos$/);

    // Filtered by team too, then back to everyone.
    await page.getByLabel('Equipo').selectOption({ label: 'Darién — SENAFRONT' });
    for (const team of await table.locator('tbody tr td:nth-child(3)').allInnerTexts()) assert.equal(team, 'Darién — SENAFRONT');
    await page.getByLabel('Requisitos').selectOption({ label: 'Todos' });
    await page.getByLabel('Equipo').selectOption({ label: 'Todos' });
    await page.getByText('Se muestran 54 de 54 inscripciones; 49 cumplen los requisitos.').waitFor();
  });
});
