// Issue 13's journey: the coordinator reviews eligibility with every reason, tries a lower
// attendance threshold without changing anything, graduates one official by a justified manual
// decision (a two-word one is refused, named at its field), then graduates the class after a
// confirmation that says how many; the person page shows the decision. Desktop and a 390 px phone,
// Spanish and English, with axe.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startServer } from '../api/harness.mjs';
import { launchBrowser, withPage as withBrowserPage, axeViolations, artifactPath, signInAs } from './browser.mjs';

const CODE = 'IBM-HR-PA-2023';
let server;
let browser;
before(async () => {
  server = await startServer({ users: [{ email: 'coordinacion@example.pa', name: 'Coordinación', role: 'coordinator', programme: CODE }] });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});
const withPage = (name, options, body) => withBrowserPage(browser, name, options, body);
const desktop = { viewport: { width: 1366, height: 900 }, acceptDownloads: true };
const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

async function openGraduation(page) {
  await signInAs(page, server, 'coordinacion@example.pa');
  await page.getByRole('link', { name: 'Diplomado en Gestión Integral de Fronteras con Enfoque de Derechos Humanos' }).click();
  await page.getByRole('navigation', { name: 'Secciones del programa' }).getByRole('link', { name: 'Graduación' }).click();
  await page.getByRole('heading', { level: 1, name: 'Graduación' }).waitFor();
  await page.getByRole('table', { name: /Elegibilidad de cada inscripción/ }).waitFor();
}

const statValue = async (page, label) =>
  (await page.locator('.stat').filter({ has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) }).locator('.stat-value').innerText()).trim();

test('the coordinator reviews eligibility, tries a what-if, decides one case with a justification and graduates the class', async () => {
  await withPage('graduation-journey', desktop, async (page) => {
    await openGraduation(page);
    assert.equal(await statValue(page, 'Cumplen los requisitos'), '49');
    assert.equal(await statValue(page, 'Se graduarán'), '49');
    assert.equal(await statValue(page, 'Retirados'), '2');
    const table = page.getByRole('table', { name: /Elegibilidad/ });
    const short = table.getByRole('row').filter({ hasText: 'Batista Pérez' });
    assert.match(await short.innerText(), /Asistencia 75 % — se requiere 80 %/);
    assert.deepEqual(await axeViolations(page), []);
    await page.screenshot({ path: artifactPath('graduation-desktop-es.png'), fullPage: true });

    // A threshold that is not a percentage is named at its field; nothing is asked of the server.
    await page.getByLabel('Asistencia mínima %').fill('120');
    await page.getByRole('button', { name: 'Comparar' }).click();
    await page.getByRole('alert').filter({ hasText: 'Escriba un porcentaje entre 0 y 100' }).waitFor();
    assert.equal(await page.getByLabel('Asistencia mínima %').getAttribute('aria-invalid'), 'true');
    // What if 75 % were enough? Two would come to meet the requirements; nothing is changed.
    await page.getByLabel('Asistencia mínima %').fill('75');
    await page.getByRole('button', { name: 'Comparar' }).click();
    await page.getByRole('status').filter({ hasText: 'Con esos umbrales, 2 pasarían a cumplir y 0 dejarían de cumplir.' }).waitFor();
    await page.getByLabel('Mostrar solo quienes cambiarían').check();
    assert.equal(await table.getByRole('row').count(), 3, 'the header and the two who would change');
    assert.equal(await table.getByText('Pasaría a cumplir').count(), 2);
    // The rows download as CSV, the what-if included.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Descargar CSV' }).click()]);
    assert.equal(download.suggestedFilename(), 'elegibilidad-IBM-HR-PA-2023.csv');
    const csv = readFileSync(await download.path(), 'utf8');
    assert.ok(csv.split('\n')[0].endsWith(',what_if_meets'), 'the what-if column is there');
    await page.screenshot({ path: artifactPath('graduation-what-if-desktop-es.png'), fullPage: true });
    await page.getByRole('button', { name: 'Quitar la comparación' }).click();
    await page.getByRole('checkbox', { name: 'Mostrar solo quienes cambiarían' }).waitFor({ state: 'detached' });
    assert.equal(await statValue(page, 'Se graduarán'), '49', 'the what-if changed nothing');

    // One official failed module 4; the coordinator decides she graduates, with a reason.
    const row = table.getByRole('row').filter({ hasText: 'Vásquez Pinzón' });
    assert.match(await row.innerText(), /Módulo 4: nota 45 — se requiere 70/);
    await row.getByRole('button', { name: 'Decidir… Yanelis Vásquez Pinzón' }).click();
    const dialog = page.getByRole('dialog', { name: 'Decisión manual para Yanelis Vásquez Pinzón' });
    assert.equal(await dialog.getByLabel('Graduar de todos modos').isChecked(), true, 'for someone short, the offer is to graduate');
    await dialog.getByLabel('Justificación (al menos 10 caracteres)').fill('ok');
    await page.screenshot({ path: artifactPath('graduation-override-desktop-es.png') });
    await dialog.getByRole('button', { name: 'Guardar la decisión' }).click();
    // Too short: the dialog comes back with what was typed and says why, at the field.
    await dialog.getByRole('alert').filter({ hasText: 'Escriba una justificación de al menos 10 caracteres' }).waitFor();
    assert.equal(await dialog.getByLabel('Justificación (al menos 10 caracteres)').inputValue(), 'ok');
    await page.screenshot({ path: artifactPath('graduation-override-refused-desktop-es.png') });
    await dialog.getByLabel('Justificación (al menos 10 caracteres)').fill('Aprobó el examen de recuperación del módulo 4 el 9 de octubre.');
    await dialog.getByRole('button', { name: 'Guardar la decisión' }).click();
    await page.getByText('Decisión guardada para Yanelis Vásquez Pinzón.').waitFor();
    await row.getByText('Aprobó el examen de recuperación').waitFor();
    assert.match(await row.innerText(), /Se graduará/);
    assert.equal(await statValue(page, 'Se graduarán'), '50');

    // The class: the confirmation says how many and names some of them.
    await page.getByRole('button', { name: 'Graduar a 50 personas' }).click();
    const confirm = page.getByRole('dialog', { name: '¿Graduar a 50 personas?' });
    assert.match(await confirm.innerText(), /y 45 más/);
    await page.screenshot({ path: artifactPath('graduation-confirm-desktop-es.png') });
    await confirm.getByRole('button', { name: 'Graduar' }).click();
    await page.getByText('Se graduaron 50 personas.').waitFor();
    await page.getByRole('button', { name: 'Nadie más por graduar' }).waitFor();
    assert.equal(await statValue(page, 'Graduados'), '50');
    assert.equal(await statValue(page, 'Se graduarán'), '0');
    assert.deepEqual(await axeViolations(page), []);

    // Her page shows the decision and its reason; no status change by hand is offered.
    await row.getByRole('link', { name: 'Vásquez Pinzón, Yanelis' }).click();
    const section = page.getByRole('region', { name: 'Graduación' });
    await section.getByText('Graduado').waitFor();
    assert.match(await section.innerText(), /Decisión manual: Graduar de todos modos — «Aprobó el examen de recuperación/);
    assert.equal(await page.getByRole('button', { name: 'Marcar como graduado' }).count(), 0);
    await page.screenshot({ path: artifactPath('graduation-person-desktop-es.png'), fullPage: true });
  });
});

test('the graduation screen on a 390 px phone, in English, reads without sideways scrolling of the page', async () => {
  await withPage('graduation-phone', phone, async (page) => {
    await openGraduation(page);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Graduation' }).waitFor();
    await page.getByRole('table', { name: /Eligibility of each enrolment/ }).waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `the page is ${width} px wide`);
    assert.deepEqual(await axeViolations(page), []);
    await page.screenshot({ path: artifactPath('graduation-phone-en.png'), fullPage: true });
    await page.getByRole('button', { name: 'Español' }).click();
    await page.getByRole('heading', { level: 1, name: 'Graduación' }).waitFor();
    await page.screenshot({ path: artifactPath('graduation-phone-es.png'), fullPage: true });
  });
});
