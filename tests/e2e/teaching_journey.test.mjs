// Issue 3's journey so far: the instructor takes attendance on a phone, then enters grades with
// the keyboard in the module grid, sees the module grade follow, and is told when a colleague
// changed the same grade meanwhile. Debian's Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, signIn as apiSignIn, get, send } from '../api/harness.mjs';
import { launchBrowser, withPage as withBrowserPage, axeViolations, signInAs } from './browser.mjs';

const CODE = 'IBM-HR-PA-2023';
let server;
let browser;
before(async () => {
  server = await startServer({ users: [
    { email: 'docente@example.pa', name: 'Docente', role: 'instructor', programme: CODE },
    { email: 'coordinacion@example.pa', name: 'Coordinación', role: 'coordinator', programme: CODE },
    { email: 'rosa.abadia@example.org', name: 'Rosa', role: 'participant', programme: CODE },
    { email: 'donante@example.ca', name: 'Donante', role: 'observer', programme: CODE },
  ] });
  // Rosa is enrolled with the e-mail of her user, so her progress is hers; "Abadía" sorts her first.
  const coordinator = await apiSignIn(server, 'coordinacion@example.pa');
  const programmes = await (await get(server, '/api/v1/programmes', coordinator)).json();
  const enrolled = await send(server, 'POST', `/api/v1/programmes/${programmes.items[0].id}/participants`, coordinator, {
    given_names: 'Rosa', family_names: 'Abadía', email: 'rosa.abadia@example.org', institution: 'MIDES', level: 'Local',
  });
  assert.equal(enrolled.status, 201);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});
const withPage = (name, options, body) => withBrowserPage(browser, name, options, body);

async function signIn(page, email = 'docente@example.pa') {
  await signInAs(page, server, email);
  await page.getByRole('link', { name: /Diplomado en Gestión Integral/ }).click();
}

test('the instructor takes attendance on a phone: everyone present, the exceptions marked', async () => {
  await withPage('attendance-phone', { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true }, async (page) => {
    await signIn(page);
    await page.getByRole('link', { name: 'Tomar asistencia' }).click();
    await page.getByRole('heading', { level: 1, name: 'Asistencia' }).waitFor();
    const rows = page.getByRole('list').last().getByRole('group');
    await rows.first().waitFor();
    const first = rows.nth(0);
    const second = rows.nth(1);
    await first.getByText('Ausente').click();
    await second.getByText('Tarde').click();
    assert.deepEqual(await axeViolations(page), []);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 1, `the page is ${overflow}px wider than the phone`);
    await page.getByRole('button', { name: 'Guardar la asistencia' }).click();
    // The demo's first session already has its marks; the two changes add to them.
    const saved = page.getByRole('status').filter({ hasText: /^Guardada: \d+ presentes, \d+ tarde, \d+ justificados, \d+ ausentes\.$/ });
    await saved.waitFor();
    // The answer is in view on the phone, without scrolling to it.
    const box = await saved.boundingBox();
    assert.ok(box && box.y >= 0 && box.y + box.height <= 740, `the confirmation is at ${box?.y}px of a 740 px screen`);
    const [present, late, excused, absent] = (await saved.innerText()).match(/\d+/g).map(Number);
    assert.equal(present + late + excused + absent, 53, 'one mark for each active official (the demo’s 52 and Rosa)');
    assert.ok(late >= 1 && absent >= 1);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Asistencia' }).waitFor();
    const reloaded = page.getByRole('list').last().getByRole('group');
    await reloaded.first().waitFor();
    assert.equal(await reloaded.nth(0).getByRole('radio', { name: 'Ausente' }).isChecked(), true, 'the marks were kept');
    assert.equal(await reloaded.nth(1).getByRole('radio', { name: 'Tarde' }).isChecked(), true);
  });
});

test('grades go in with the keyboard and the decimal comma; a colleague’s change is not overwritten', async () => {
  await withPage('grades-grid', { viewport: { width: 1280, height: 900 } }, async (page) => {
    await signIn(page);
    await page.getByRole('link', { name: 'Registrar notas' }).click();
    await page.getByRole('heading', { level: 1, name: 'Registro de notas' }).waitFor();
    const firstCell = page.locator('#cell-0-0');
    await firstCell.waitFor();
    const row = page.getByRole('row').nth(1);
    const name = (await row.getByRole('rowheader').innerText()).trim();

    await firstCell.focus();
    await firstCell.fill('2,5');
    await page.keyboard.press('ArrowRight');  // moves to the next cell and saves this one
    await page.getByRole('status').filter({ hasText: /Guardada: .*M1-Q/ }).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement.id), 'cell-0-1');
    // Typed with a comma, shown as the programme's country writes numbers (es-PA: a decimal point).
    assert.equal(await firstCell.inputValue(), '2.5');
    assert.match(await firstCell.getAttribute('class'), /\bsaved\b/, 'the cell shows it was saved');
    // Rosa's first grade: 2.5 of 10 on the quiz, her assignment still missing (counts as zero).
    await row.getByRole('cell').last().filter({ hasText: /^8[.,]3$/ }).waitFor();

    await page.keyboard.type('25');
    await page.keyboard.press('Enter');  // above the maximum (20): refused, named
    await page.getByRole('alert').filter({ hasText: 'La nota supera el puntaje máximo de la evaluación.' }).waitFor();
    assert.equal(await page.locator('#cell-0-1').getAttribute('aria-invalid'), 'true', 'the refused cell says so');
    assert.deepEqual(await axeViolations(page), []);

    // Meanwhile a coordinator changes the same quiz grade; this page still has the old version.
    const coordinator = await apiSignIn(server, 'coordinacion@example.pa');
    const programmes = await (await get(server, '/api/v1/programmes', coordinator)).json();
    const id = programmes.items[0].id;
    const grid = await (await get(server, `/api/v1/programmes/${id}/modules/1/grades`, coordinator)).json();
    const cell = grid.rows[0].cells[0];
    assert.equal((await send(server, 'PUT', `/api/v1/programmes/${id}/grades/${grid.rows[0].enrollment_id}/${grid.assessments[0].id}`, coordinator,
      { score: '7' }, { 'If-Match': `"${cell.version}"` })).status, 200);
    await firstCell.fill('3');
    await page.keyboard.press('ArrowDown');
    await page.getByRole('alert').filter({ hasText: 'Otra persona cambió esta nota mientras tanto.' }).waitFor();
    await page.getByRole('button', { name: 'Recargar' }).click();
    await page.waitForFunction(() => document.getElementById('cell-0-0')?.value === '7');
    assert.ok(name.length > 0);
  });
});

test('the participant sees her progress, updated by the grade just entered', async () => {
  await withPage('participant-progress', { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true }, async (page) => {
    await signIn(page, 'rosa.abadia@example.org');
    await page.getByRole('navigation', { name: 'Secciones del programa' }).getByRole('link', { name: 'Mi progreso' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mi progreso' }).waitFor();
    const first = page.getByRole('row').filter({ hasText: '1. Derechos humanos' });
    // The grid test left her quiz at 7 of 10 and no assignment yet: (70 + 0 × 2) / 3 = 23.3.
    await first.filter({ hasText: /23[.,]3/ }).filter({ hasText: 'no aprobado' }).waitFor();
    // The grade and the result sit in their own cells, the grade right-aligned as a number.
    const [grade, result] = await first.locator('td').allInnerTexts();
    assert.match(grade, /^23[.,]3$/);
    assert.equal(result, 'no aprobado');
    assert.equal(await first.locator('td').first().getAttribute('class'), 'num');
    await page.getByRole('status').filter({ hasText: 'Aún no cumple los requisitos' }).waitFor();
    assert.deepEqual(await axeViolations(page), []);
  });
});

test('the coordinator adds a session in Panama time and finds it in the calendar list', async () => {
  await withPage('sessions', { viewport: { width: 1280, height: 900 } }, async (page) => {
    await signIn(page, 'coordinacion@example.pa');
    await page.getByRole('link', { name: 'Sesiones' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sesiones' }).waitFor();
    await page.getByText('Horas de America/Panama.').waitFor();
    await page.getByLabel('Tema en español *').fill('Repaso general');
    await page.getByLabel('Tema en inglés *').fill('General review');
    await page.getByLabel('Fecha *').fill('2023-10-09');
    await page.getByLabel('Lugar').fill('Ciudad de Panamá');
    await page.getByRole('button', { name: 'Agregar', exact: true }).click();
    const day = page.getByRole('region', { name: /9 de octubre de 2023/ });
    await day.getByRole('heading', { name: /Repaso general/ }).waitFor();
    assert.match(await day.innerText(), /8:00.*12:00/);
    assert.deepEqual(await axeViolations(page), []);
  });
  // 08:00 in Panama (UTC-5) is stored as 13:00 UTC.
  const coordinator = await apiSignIn(server, 'coordinacion@example.pa');
  const programmes = await (await get(server, '/api/v1/programmes', coordinator)).json();
  const sessions = await (await get(server, `/api/v1/programmes/${programmes.items[0].id}/sessions`, coordinator)).json();
  assert.ok(sessions.items.some((session) => session.title.es === 'Repaso general' && session.starts_at === '2023-10-09T13:00:00Z'));
});

test('the coordinator edits a session, removes it, and cannot remove one whose attendance was taken', async () => {
  await withPage('sessions-edit', { viewport: { width: 1280, height: 900 } }, async (page) => {
    await signIn(page, 'coordinacion@example.pa');
    await page.getByRole('link', { name: 'Sesiones' }).click();
    await page.getByRole('button', { name: 'Editar Repaso general' }).click();
    await page.getByRole('heading', { name: 'Editar la sesión «Repaso general»' }).waitFor();
    assert.equal(await page.getByLabel('Fecha *').inputValue(), '2023-10-09', 'the form shows the day in Panama time');
    assert.equal(await page.getByLabel('Empieza').inputValue(), '08:00', 'and the hour (13:00 UTC)');
    await page.getByLabel('Lugar').fill('Metetí');
    await page.getByLabel('Empieza').fill('09:00');
    await page.getByRole('button', { name: 'Guardar cambios' }).click();
    await page.getByRole('status').filter({ hasText: 'Sesión actualizada.' }).waitFor();
    const day = page.getByRole('region', { name: /9 de octubre de 2023/ });
    await day.getByText('Metetí').waitFor();
    await page.getByRole('button', { name: 'Eliminar Repaso general' }).click();
    const dialog = page.getByRole('dialog', { name: '¿Eliminar la sesión «Repaso general»?' });
    await dialog.getByText(/La sesión del lunes, 9 de octubre de 2023/).waitFor();
    assert.deepEqual(await axeViolations(page), []);
    await dialog.getByRole('button', { name: 'Eliminar' }).click();
    await page.getByRole('status').filter({ hasText: 'Sesión eliminada.' }).waitFor();
    assert.equal(await page.getByRole('heading', { name: /Repaso general/ }).count(), 0);
    // The demo's sessions all have attendance taken: none offers removal (the API refuses it too).
    assert.equal(await page.getByRole('button', { name: /^Eliminar / }).count(), 0);
    assert.deepEqual(await axeViolations(page), []);
  });
});

test('the donor reads the knowledge gain: n, means, shares and the test, and no one’s scores', async () => {
  await withPage('knowledge-gain', { viewport: { width: 1280, height: 900 } }, async (page) => {
    await signIn(page, 'donante@example.ca');
    await page.getByRole('link', { name: 'Ganancia de conocimiento' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ganancia de conocimiento' }).waitFor();
    const facts = page.locator('dl.facts');
    await facts.getByText(/^n = \d+, z = [\d.,]+, p < 0[.,]001$/).waitFor();
    assert.match(await facts.innerText(), /Participantes con prueba de entrada y de salida \(n\)\s+5[23]/);
    assert.equal(await page.getByRole('table').count(), 0, 'observers see aggregates only');
    assert.deepEqual(await axeViolations(page), []);
  });
});

test('the coordinator adds an assessment (a bad weight is refused, naming the rule) and changes the policy', async () => {
  await withPage('assessments', { viewport: { width: 1280, height: 900 } }, async (page) => {
    await signIn(page, 'coordinacion@example.pa');
    await page.getByRole('navigation', { name: 'Secciones del programa' }).getByRole('link', { name: 'Evaluaciones' }).click();
    await page.getByRole('heading', { level: 1, name: 'Evaluaciones y calificación' }).waitFor();
    await page.getByRole('rowheader', { name: 'M1-Q' }).waitFor();
    await page.getByLabel('Código *').fill('M2-E');
    await page.getByRole('combobox', { name: /^Tipo/ }).selectOption({ label: 'examen' });
    await page.getByRole('combobox', { name: /^Módulo/ }).selectOption({ index: 1 });
    await page.getByLabel('Título en español *').fill('Examen del módulo 2');
    await page.getByLabel('Título en inglés *').fill('Module 2 exam');
    await page.getByLabel('Peso').fill('-1');
    await page.getByRole('button', { name: 'Agregar la evaluación' }).click();
    await page.getByRole('alert').filter({ hasText: 'Un peso no puede ser negativo.' }).waitFor();
    await page.getByLabel('Peso').fill('2');
    await page.getByRole('button', { name: 'Agregar la evaluación' }).click();
    await page.getByRole('status').filter({ hasText: 'Evaluación M2-E agregada.' }).waitFor();
    await page.getByRole('rowheader', { name: 'M2-E' }).waitFor();

    // Edited, then removed while it has no grades; M1-Q's maximum cannot fall under its grades.
    await page.getByRole('button', { name: 'Editar M2-E' }).click();
    await page.getByLabel('Peso').fill('3');
    await page.getByRole('button', { name: 'Guardar cambios' }).click();
    await page.getByRole('status').filter({ hasText: 'Evaluación M2-E actualizada.' }).waitFor();
    await page.getByRole('button', { name: 'Editar M1-Q' }).click();
    await page.getByLabel('Puntaje máximo *').fill('1');
    await page.getByRole('button', { name: 'Guardar cambios' }).click();
    await page.getByRole('alert').filter({ hasText: 'El puntaje máximo no puede quedar por debajo de una nota ya dada' }).waitFor();
    await page.getByRole('button', { name: 'Cancelar' }).click();
    assert.equal(await page.getByRole('button', { name: 'Eliminar M1-Q' }).count(), 0, 'an assessment with grades offers no removal');
    await page.getByRole('button', { name: 'Eliminar M2-E' }).click();
    await page.getByRole('dialog', { name: '¿Eliminar la evaluación M2-E?' }).getByRole('button', { name: 'Eliminar' }).click();
    await page.getByRole('status').filter({ hasText: 'Evaluación M2-E eliminada.' }).waitFor();
    await page.getByLabel('Código *').fill('M2-E');
    await page.getByRole('combobox', { name: /^Tipo/ }).selectOption({ label: 'examen' });
    await page.getByRole('combobox', { name: /^Módulo/ }).selectOption({ index: 1 });
    await page.getByLabel('Título en español *').fill('Examen del módulo 2');
    await page.getByLabel('Título en inglés *').fill('Module 2 exam');
    await page.getByLabel('Peso').fill('2');
    await page.getByRole('button', { name: 'Agregar la evaluación' }).click();
    await page.getByRole('rowheader', { name: 'M2-E' }).waitFor();

    await page.getByRole('combobox', { name: /^Una nota que falta/ }).selectOption({ label: 'no se toma en cuenta' });
    await page.getByRole('button', { name: 'Guardar la política' }).click();
    await page.getByRole('status').filter({ hasText: 'Política guardada' }).waitFor();
    assert.deepEqual(await axeViolations(page), []);
  });
  const coordinator = await apiSignIn(server, 'coordinacion@example.pa');
  const programmes = await (await get(server, '/api/v1/programmes', coordinator)).json();
  const book = await (await get(server, `/api/v1/programmes/${programmes.items[0].id}/gradebook`, coordinator)).json();
  assert.equal(book.policy.missing_grade, 'left_out');
  assert.ok(book.assessments.some((assessment) => assessment.code === 'M2-E' && assessment.module === 2 && assessment.weight === 2));
});

test('the instructor imports grades: a file with problems is listed row by row, a clean one is confirmed', async () => {
  await withPage('grade-import', { viewport: { width: 1280, height: 900 } }, async (page) => {
    await signIn(page);
    await page.getByRole('link', { name: 'Registrar notas' }).click();
    await page.getByRole('link', { name: 'Importar notas' }).click();
    await page.getByRole('heading', { level: 1, name: 'Importar notas desde una hoja de cálculo' }).waitFor();
    const file = page.getByLabel('Archivo de notas');
    await file.setInputFiles({ name: 'notas.csv', mimeType: 'text/csv', buffer: Buffer.from('Correo;Evaluación;Nota\nnadie@example.org;M1-Q;8,5\nrosa.abadia@example.org;M1-Q;12\n') });
    await page.getByRole('alert').filter({ hasText: '2 problemas: corrija el archivo' }).waitFor();
    const errors = page.getByRole('table', { name: 'Problemas por fila' });
    await errors.getByRole('cell', { name: 'nadie@example.org' }).waitFor();
    await errors.getByRole('cell', { name: '12' }).waitFor();
    assert.equal(await page.getByRole('button', { name: /^Confirmar/ }).count(), 0, 'nothing to confirm while a row is wrong');
    assert.deepEqual(await axeViolations(page), []);

    await file.setInputFiles({ name: 'notas.csv', mimeType: 'text/csv', buffer: Buffer.from('Correo;Evaluación;Nota\nrosa.abadia@example.org;M1-Q;8,5\n') });
    await page.getByRole('button', { name: 'Confirmar 1 nota' }).click();
    await page.getByRole('status').filter({ hasText: /^Importado: [01] nuevas, [01] cambiadas/ }).waitFor();
  });
  const coordinator = await apiSignIn(server, 'coordinacion@example.pa');
  const programmes = await (await get(server, '/api/v1/programmes', coordinator)).json();
  const grid = await (await get(server, `/api/v1/programmes/${programmes.items[0].id}/modules/1/grades`, coordinator)).json();
  const quiz = grid.assessments.findIndex((assessment) => assessment.code === 'M1-Q');
  const rosa = grid.rows.find((row) => row.family_names === 'Abadía');
  assert.equal(rosa.cells[quiz].score, 8.5, 'the confirmed grade is on file');
});

test('the coordinator gives the instructor module 2 only; the instructor then grades module 2 alone', async () => {
  await withPage('instructors', { viewport: { width: 1280, height: 900 } }, async (page) => {
    await signIn(page, 'coordinacion@example.pa');
    await page.getByRole('navigation', { name: 'Secciones del programa' }).getByRole('link', { name: 'Docentes' }).click();
    await page.getByRole('heading', { level: 1, name: 'Docentes y módulos' }).waitFor();
    const teacher = page.getByRole('group', { name: /Docente/ });
    await teacher.getByRole('checkbox', { name: /^2\. / }).check();
    await page.getByRole('status').filter({ hasText: 'Módulos de Docente guardados.' }).waitFor();
    await teacher.getByText('(1 módulo)').waitFor();
    assert.deepEqual(await axeViolations(page), []);
  });
  await withPage('instructor-module', { viewport: { width: 1280, height: 900 } }, async (page) => {
    await signIn(page);
    await page.getByRole('link', { name: 'Registrar notas' }).click();
    const modules = page.getByRole('combobox', { name: 'Módulo' });
    await modules.locator('option').first().waitFor({ state: 'attached' });
    const offered = await modules.locator('option').allTextContents();
    assert.equal(offered.length, 1);
    assert.match(offered[0], /^2\. /);
  });
});
