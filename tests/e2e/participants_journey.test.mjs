// Issue 5's journey: the coordinator imports a nominations file, fixes the mapping, sees the
// errors, corrects the file, confirms, then finds and withdraws a participant. Debian's Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../api/harness.mjs';
import { launchBrowser, withPage as withBrowserPage, axeViolations, signInAs } from './browser.mjs';

let server;
let browser;
before(async () => {
  server = await startServer({ reference: true, users: [
    { email: 'coordinacion@example.pa', name: 'Coordinación', role: 'coordinator', programme: 'IBM-HR-PA-2023' },
    { email: 'sitio@example.pa', name: 'Sitio', role: 'coordinator' },
  ] });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});
const withPage = (name, options, body) => withBrowserPage(browser, name, options, body);

async function signIn(page, email = 'coordinacion@example.pa') {
  await signInAs(page, server, email);
}

// Semicolons and Windows-1252, as Excel in a Spanish locale saves them; the e-mail header is one
// the import does not know, so the coordinator has to point it at the right column.
function nominations(institution) {
  const text = [
    'Nombres;Apellidos;Sexo;Institución;Nivel;Provincia;Correo personal',
    'Yaritza;Núñez Castillo;F;SENAFRONT;Nacional;Darien;yaritza.nunez@example.org',
    `Omar;Batista;M;${institution};Local;Kuna Yala;omar.batista@example.org`,
    '<script>alert(1)</script>;Torres;F;MINSA;Nacional;Herrera;torres.script@example.org',
  ].join('\r\n') + '\r\n';
  return Buffer.from(text.replace(/[^\x00-\x7f]/g, (c) => String.fromCharCode(c.charCodeAt(0))), 'latin1');
}

async function upload(page, buffer) {
  await page.getByLabel('Archivo CSV o XLSX').setInputFiles({ name: 'nominaciones.csv', mimeType: 'text/csv', buffer });
  await page.getByRole('button', { name: /Subir/ }).click();
  await page.getByRole('heading', { name: 'Columnas' }).waitFor();
}

async function mapEmail(page) {
  await page.getByRole('region', { name: 'Columnas' }).getByLabel('Correo electrónico *').selectOption({ label: 'Correo personal' });
  await page.getByRole('button', { name: 'Revisar de nuevo con estas columnas' }).click();
}

test('import a file, fix the mapping, see the errors, correct the file and confirm; then find and withdraw a participant', async () => {
  await withPage('participants-journey', { viewport: { width: 1280, height: 900 } }, async (page) => {
    await signIn(page);
    await page.getByRole('link', { name: /Diplomado en Gestión Integral/ }).click();
    await page.getByRole('navigation', { name: 'Secciones del programa' }).getByRole('link', { name: 'Participantes' }).click();
    await page.getByRole('link', { name: 'Importar desde hoja de cálculo' }).click();
    await page.getByRole('heading', { level: 1, name: 'Importar participantes' }).waitFor();
    assert.deepEqual(await axeViolations(page), []);

    await upload(page, nominations('Ministerio de Magia'));
    const preview = page.getByRole('region', { name: 'Vista previa' });
    assert.match(await page.getByText(/CSV · windows-1252 · separador «;» · 3 filas/).innerText(), /windows-1252/);
    const errors = preview.getByRole('table');
    await errors.getByRole('cell', { name: 'Ninguna columna está asignada a este campo obligatorio.' }).waitFor();
    assert.equal(await preview.getByRole('button', { name: /Confirmar/ }).count(), 0, 'no confirming while there are errors');

    await mapEmail(page);
    const row = errors.getByRole('row').filter({ hasText: 'Ministerio de Magia' });
    await row.waitFor();
    assert.match(await row.innerText(), /3\s+Institución\s+Ministerio de Magia\s+Institución desconocida/);
    assert.deepEqual(await axeViolations(page), []);

    await upload(page, nominations('Servicio Nacional de Migración'));
    await mapEmail(page);
    await preview.getByText('Nuevas: 3 · actualizadas: 0 · sin cambios: 0 · inscripciones nuevas: 3 · errores: 0').waitFor();
    await preview.getByRole('button', { name: 'Confirmar la importación de 3 filas' }).click();
    await page.getByRole('heading', { name: 'Importación confirmada' }).waitFor();
    await page.getByRole('link', { name: 'Ver la tabla de participantes' }).click();

    await page.getByRole('heading', { level: 1, name: 'Participantes' }).waitFor();
    // A <script> typed in a name is a name: shown as text, never run.
    let dialogs = 0;
    page.on('dialog', async (dialog) => { dialogs++; await dialog.dismiss(); });
    await page.getByLabel('Buscar').fill('torres');
    await page.getByRole('link', { name: 'Torres, <script>alert(1)</script>' }).waitFor();
    assert.equal(dialogs, 0);
    await page.getByLabel('Buscar').fill('nunez castillo');
    await page.getByRole('status').filter({ hasText: '1 participante' }).waitFor();
    assert.deepEqual(await axeViolations(page), []);
    await page.getByRole('link', { name: 'Núñez Castillo, Yaritza' }).click();

    await page.getByRole('heading', { level: 1, name: 'Yaritza Núñez Castillo' }).waitFor();
    assert.match(await page.locator('dl.facts').innerText(), /Darién/);
    await page.getByRole('button', { name: 'Retirar' }).click();
    await page.getByRole('alert').filter({ hasText: 'Escriba el motivo del retiro antes de retirar.' }).waitFor();
    await page.getByLabel('Motivo del retiro (obligatorio para retirar)').fill('Traslado a otra provincia');
    await page.getByRole('button', { name: 'Retirar' }).click();
    // A confirmation names the person, what withdrawing does, and the reason; Cancel changes nothing.
    const dialog = page.getByRole('dialog', { name: '¿Retirar a Yaritza Núñez Castillo del programa?' });
    await dialog.getByText('Motivo: Traslado a otra provincia').waitFor();
    assert.deepEqual(await axeViolations(page), []);
    await dialog.getByRole('button', { name: 'Cancelar' }).click();
    assert.match(await page.locator('dl.facts').innerText(), /inscrito/);
    await page.getByRole('button', { name: 'Retirar' }).click();
    await dialog.getByRole('button', { name: 'Retirar' }).click();
    await page.getByRole('status').filter({ hasText: 'Estado cambiado a «retirado».' }).waitFor();
    assert.match(await page.locator('dl.facts').innerText(), /retirado — Traslado a otra provincia/);

    await page.getByRole('link', { name: 'Volver a la tabla de participantes' }).click();
    await page.getByLabel('Provincia o comarca').selectOption({ label: 'Guna Yala' });
    await page.getByRole('link', { name: 'Batista, Omar' }).waitFor();
  });
});

test('the roster and the wizard work on a 360 px phone, in English', async () => {
  await withPage('participants-phone', { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true }, async (page) => {
    await signIn(page);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('link', { name: /Diploma course on Integrated Border Management/ }).click();
    await page.getByRole('navigation', { name: 'Programme sections' }).getByRole('link', { name: 'Participants' }).click();
    await page.getByRole('heading', { level: 1, name: 'Participants' }).waitFor();
    await page.getByLabel('Search').fill('ABREGO');
    // The demo has three Ábregos; the search must find them and only them.
    await page.getByRole('status').filter({ hasText: /^3 participants$/ }).waitFor();
    assert.equal(await page.getByRole('link', { name: /^Ábrego/ }).count(), 3);
    await page.getByRole('combobox', { name: /^Status/ }).selectOption({ label: 'withdrawn' });
    await page.getByRole('status').filter({ hasText: /^0 participants$/ }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 1, `the page is ${overflow}px wider than the phone`);
    await page.getByRole('link', { name: 'Import from a spreadsheet' }).click();
    await page.getByRole('heading', { level: 1, name: 'Import participants' }).waitFor();
    const wizardOverflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(wizardOverflow <= 1, `the wizard is ${wizardOverflow}px wider than the phone`);
    assert.deepEqual(await axeViolations(page), []);
  });
});

test('enrol one person by hand, then add an institution and merge it into its duplicate', async () => {
  await withPage('institutions-journey', { viewport: { width: 1280, height: 900 } }, async (page) => {
    await signIn(page, 'sitio@example.pa');
    await page.getByRole('link', { name: /Diplomado en Gestión Integral/ }).click();
    await page.getByRole('navigation', { name: 'Secciones del programa' }).getByRole('link', { name: 'Participantes' }).click();
    await page.getByRole('link', { name: 'Inscribir a una persona' }).click();
    await page.getByRole('heading', { level: 1, name: 'Inscribir a una persona' }).waitFor();
    await page.getByLabel('Nombres *').fill('Zuleika');
    await page.getByLabel('Apellidos *').fill('Arosemena');
    await page.getByLabel('Correo electrónico *').fill('zuleika(at)example');
    // Institution, level, subdivision and sex are choices, not free text.
    await page.getByLabel('Institución *').selectOption({ label: 'Ministerio de Desarrollo Social (MIDES)' });
    await page.getByLabel('Nivel *').selectOption({ label: 'local' });
    await page.getByRole('button', { name: 'Inscribir' }).click();
    await page.getByText('No es una dirección de correo válida.').waitFor();
    assert.equal(await page.getByLabel('Correo electrónico *').getAttribute('aria-invalid'), 'true');
    assert.deepEqual(await axeViolations(page), []);
    await page.getByLabel('Correo electrónico *').fill('zuleika.arosemena@example.org');
    await page.getByLabel('Provincia o comarca').selectOption({ label: 'Veraguas' });
    await page.getByLabel('Sexo').selectOption({ label: 'femenino' });
    await page.getByRole('button', { name: 'Inscribir' }).click();
    await page.getByRole('heading', { level: 1, name: 'Zuleika Arosemena' }).waitFor();
    assert.match(await page.locator('dl.facts').innerText(), /Ministerio de Desarrollo Social \(MIDES\)/);

    await page.getByRole('link', { name: 'Instituciones' }).click();
    await page.getByRole('heading', { level: 1, name: 'Instituciones' }).waitFor();
    await page.getByLabel('Nombre en español *').fill('Desarrollo Social (duplicado)');
    await page.getByLabel('Nombre en inglés *').fill('Social Development (duplicate)');
    await page.getByLabel('Sigla').fill('MIDES-2');
    await page.getByLabel('Vigente desde').fill('2024-01-01');
    await page.getByLabel('Vigente hasta').fill('2023-01-01');
    // The country is chosen, never left "international" by default.
    await page.getByRole('button', { name: 'Guardar' }).click();
    await page.getByRole('alert').filter({ hasText: 'Elija el país de la institución' }).waitFor();
    await page.getByLabel('País *').selectOption('PA');
    await page.getByRole('button', { name: 'Guardar' }).click();
    await page.getByRole('alert').filter({ hasText: 'La fecha de fin es anterior a la de inicio.' }).waitFor();
    await page.getByLabel('Vigente hasta').fill('');
    await page.getByRole('button', { name: 'Guardar' }).click();
    await page.getByRole('status').filter({ hasText: 'Guardada: Desarrollo Social (duplicado).' }).waitFor();
    assert.deepEqual(await axeViolations(page), []);

    await page.getByRole('combobox', { name: /^Conservar/ }).selectOption({ label: 'Ministerio de Desarrollo Social' });
    await page.getByRole('combobox', { name: /^Unir y eliminar/ }).selectOption({ label: 'Desarrollo Social (duplicado)' });
    await page.getByRole('button', { name: 'Unir', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Ministerio de Desarrollo Social: 0 personas trasladadas.' }).waitFor();
    const mides = page.getByRole('row').filter({ hasText: 'Ministerio de Desarrollo Social' });
    assert.match(await mides.innerText(), /MIDES-2/);
    assert.equal(await page.getByRole('cell', { name: 'Desarrollo Social (duplicado)', exact: true }).count(), 0);
  });
});
