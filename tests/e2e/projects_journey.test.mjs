// Issue 4's journeys in Debian's Chromium: a juror scores a project on a phone; the coordinator
// opens the ranking and its explanation and confirms the best project; the coordinator forms
// teams; a team member finds the submission closed after the deadline.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, signIn as apiSignIn, get, send, mailLinks, passwordFromMail } from '../api/harness.mjs';
import { launchBrowser, withPage as withBrowserPage, axeViolations, signInAs } from './browser.mjs';

const CODE = 'IBM-HR-PA-2023';
const LEADER = 'migdalia.vasquez@demo.diplomado.invalid';
let server;
let browser;
let jurorPassword;
let programmeId;
before(async () => {
  server = await startServer({ users: [
    { email: 'coordinacion@example.pa', name: 'Coordinación', role: 'coordinator', programme: CODE },
    { email: LEADER, name: 'Migdalia', role: 'participant', programme: CODE },
  ] });
  // A fourth juror per project, added by the coordinator: the balanced assignment gives them seven
  // of the eight projects (the eighth goes to a demo juror with a lighter load).
  const coordinator = await apiSignIn(server, 'coordinacion@example.pa');
  const programme = (await (await get(server, '/api/v1/programmes', coordinator)).json()).items[0].id;
  programmeId = programme;
  const path = (rest) => `/api/v1/programmes/${programme}${rest}`;
  const settings = await (await get(server, path('/project_settings'), coordinator)).json();
  assert.equal((await send(server, 'PUT', path('/project_settings'), coordinator, { ...settings, jurors_per_project: 4 })).status, 200);
  const mailed = mailLinks(server).length;
  assert.equal((await send(server, 'POST', path('/jurors'), coordinator, { email: 'jurado@example.pa', display_name: 'Jurada Pérez', institution_id: null })).status, 201);
  jurorPassword = await passwordFromMail(server, mailed);
  assert.equal((await send(server, 'POST', path('/jury_assignments'), coordinator, {})).status, 200);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});
const withPage = (name, options, body) => withBrowserPage(browser, name, options, body);

async function signIn(page, email, password = server.accounts[email]) {
  await signInAs(page, server, email, password);
  await page.getByRole('link', { name: /Diplomado en Gestión Integral/ }).click();
}

test('a juror scores a project on a phone, and sees the other reviews only after sending', async () => {
  await withPage('juror-phone', { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true }, async (page) => {
    await signIn(page, 'jurado@example.pa', jurorPassword);
    await page.getByRole('link', { name: 'Proyectos por evaluar' }).click();
    await page.getByRole('heading', { level: 1, name: 'Proyectos asignados' }).waitFor();
    await page.getByRole('link', { name: /Información oportuna sobre rutas seguras/ }).click();
    await page.getByRole('heading', { level: 1, name: /Información oportuna sobre rutas seguras/ }).waitFor();
    assert.equal(await page.getByRole('heading', { name: 'Evaluaciones de los otros jurados' }).count(), 0, 'hidden before scoring');

    // A missing criterion is refused, naming it.
    const gcm = page.getByRole('group', { name: /Alineación con el Pacto Mundial/ });
    await gcm.getByText(/^5 — Avanza objetivos concretos/).click();
    await page.getByRole('button', { name: 'Enviar evaluación' }).click();
    await page.getByRole('alert').filter({ hasText: /human_rights: Falta la puntuación de este criterio/ }).waitFor();

    for (const [criterion, level] of [[/Enfoque de derechos humanos/, '4'], [/Viabilidad/, '4'], [/Innovación/, '3'], [/Claridad/, '5']])
      await page.getByRole('group', { name: criterion }).getByRole('radio', { name: new RegExp(`^${level}`) }).check();
    await gcm.getByLabel('Comentario').fill('Vincula con claridad los objetivos 1, 3 y 23.');
    assert.deepEqual(await axeViolations(page), []);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 1, `the page is ${overflow}px wider than the phone`);
    await page.getByRole('button', { name: 'Enviar evaluación' }).click();
    await page.getByRole('status').filter({ hasText: 'Evaluación enviada.' }).waitFor();
    await page.getByRole('heading', { name: 'Evaluaciones de los otros jurados' }).waitFor();
    assert.equal(await page.getByRole('table').count(), 3, 'the three demo jurors’ reviews are now shown');
  });
});

test('the coordinator opens the ranking and its explanation, and confirms the best project', async () => {
  await withPage('ranking', {}, async (page) => {
    await signIn(page, 'coordinacion@example.pa');
    await page.getByRole('link', { name: 'Clasificación' }).click();
    await page.getByRole('heading', { level: 1, name: 'Clasificación de los proyectos finales' }).waitFor();
    const rows = page.getByRole('table').first().getByRole('row');
    await rows.nth(1).waitFor();
    assert.match(await rows.nth(1).textContent(), /Darién — SENAFRONT/);
    await page.getByText(/α de Krippendorff \(intervalo\) = /).waitFor();
    // The table follows the order chosen, as the server computes it.
    const session = await apiSignIn(server, 'coordinacion@example.pa');
    const teamsIn = async (order) => (await (await get(server, `/api/v1/programmes/${programmeId}/ranking?order=${order}`, session)).json()).projects.map((p) => p.team);
    const shown = async () => (await page.getByRole('table').first().getByRole('rowheader').getByRole('link').allTextContents());
    assert.deepEqual(await shown(), await teamsIn('calibrated'));
    await page.getByLabel('Ordenar por').selectOption('raw');
    const raw = await teamsIn('raw');
    await page.getByRole('table').first().getByRole('row').nth(2).getByRole('link', { name: raw[1] }).waitFor();
    assert.deepEqual(await shown(), raw);
    assert.deepEqual(await axeViolations(page), []);

    await page.getByRole('button', { name: 'Confirmar a Darién — SENAFRONT' }).click();
    await page.getByText('Confirmado: Darién — SENAFRONT.').waitFor();

    await page.getByRole('link', { name: 'Darién — SENAFRONT' }).click();
    await page.getByRole('heading', { level: 1, name: 'Por qué Darién — SENAFRONT ocupa su puesto' }).waitFor();
    const explanation = page.getByRole('table', { name: 'Criterio por criterio, jurado por jurado' });
    await explanation.getByRole('rowheader', { name: 'Alineación con el Pacto Mundial para la Migración' }).waitFor();
    await explanation.getByRole('columnheader', { name: 'Jurado 1 (demo)' }).waitFor();
    await explanation.getByRole('rowheader', { name: 'Total calibrado' }).waitFor();
    assert.deepEqual(await axeViolations(page), []);

    // The same explanation in English.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Why Darién — SENAFRONT ranks where it does' }).waitFor();
    await page.getByRole('table', { name: 'Criterion by criterion, juror by juror' }).getByRole('rowheader', { name: 'Alignment with the Global Compact for Migration' }).waitFor();
    await page.getByRole('button', { name: 'Español' }).click();
  });
});

test('the coordinator proposes teams, reads their scores, and applies them', async () => {
  await withPage('teams', {}, async (page) => {
    await signIn(page, 'coordinacion@example.pa');
    await page.getByRole('link', { name: 'Equipos', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Equipos' }).waitFor();
    // A ninth team, then a name already taken, refused naming it.
    await page.getByLabel('Nombre del equipo nuevo').fill('Darién — Salud');
    await page.getByRole('combobox', { name: 'Región' }).selectOption({ label: 'Darién' });
    await page.getByRole('button', { name: 'Agregar equipo' }).click();
    await page.getByRole('status').filter({ hasText: 'Equipo agregado: Darién — Salud.' }).waitFor();
    await page.getByRole('textbox', { name: 'Nombre del equipo Darién — Salud' }).waitFor();
    await page.getByLabel('Nombre del equipo nuevo').fill('Darién — Salud');
    await page.getByRole('button', { name: 'Agregar equipo' }).click();
    await page.getByRole('alert').filter({ hasText: 'Ya existe un equipo con ese nombre.' }).waitFor();
    await page.getByLabel('Instituciones distintas por equipo (mínimo)').fill('9');
    await page.getByRole('button', { name: 'Proponer equipos' }).click();
    await page.getByRole('alert').filter({ hasText: /Instituciones por equipo: .* tiene solo \d+ de las 9 pedidas/ }).first().waitFor();
    await page.getByLabel('Instituciones distintas por equipo (mínimo)').fill('3');
    await page.getByRole('button', { name: 'Proponer equipos' }).click();
    await page.getByText(/Puntuación del peor equipo: [\d.,]+ \(reparto voraz simple: [\d.,]+\)/).waitFor();
    await page.getByRole('table', { name: 'Propuesta (aún no aplicada)' }).waitFor();
    assert.deepEqual(await axeViolations(page), []);
    // The preview names who moves from where to where; Cancel changes nothing.
    const before = await (await get(server, `/api/v1/programmes/${programmeId}/teams`, await apiSignIn(server, 'coordinacion@example.pa'))).json();
    await page.getByRole('button', { name: 'Aplicar esta propuesta' }).click();
    const preview = page.getByRole('dialog', { name: /^¿Aplicar la propuesta\? \d+ de \d+ personas cambian? de equipo$/ });
    await preview.waitFor();
    const moves = Number(/\? (\d+) de/.exec(await preview.getByRole('heading').innerText())[1]);
    assert.ok(moves > 0);
    assert.equal(await preview.getByRole('table', { name: 'Quién pasa de qué equipo a cuál' }).getByRole('row').count(), moves + 1);
    assert.deepEqual(await axeViolations(page), []);
    await preview.getByRole('button', { name: 'Cancelar' }).click();
    await preview.waitFor({ state: 'detached' });
    const unchanged = await (await get(server, `/api/v1/programmes/${programmeId}/teams`, await apiSignIn(server, 'coordinacion@example.pa'))).json();
    assert.deepEqual(unchanged.items.map((team) => team.member_count), before.items.map((team) => team.member_count), 'Cancel moved nobody');
    await page.getByRole('button', { name: 'Aplicar esta propuesta' }).click();
    await preview.getByRole('button', { name: 'Aplicar esta propuesta' }).click();
    await page.getByRole('status').filter({ hasText: /Propuesta aplicada/ }).waitFor();

    // By hand: a member moves to another team, and a team gets a new group leader.
    const first = page.getByRole('table').first().getByRole('row').nth(1);
    await first.getByText(/\d+ personas/).click();
    const move = first.getByRole('combobox', { name: /^Equipo de / }).first();
    const who = (await move.getAttribute('aria-label')).replace('Equipo de ', '');
    await move.selectOption({ label: 'Panamá — Niñez y familia' });
    await page.getByRole('status').filter({ hasText: `${who} pasa a Panamá — Niñez y familia.` }).waitFor();
    const leader = page.getByRole('combobox', { name: 'Líder de Panamá — Niñez y familia' });
    await leader.selectOption({ label: who });
    await page.getByRole('status').filter({ hasText: 'Equipo guardado: Panamá — Niñez y familia.' }).waitFor();
    assert.equal((await leader.locator('option:checked').textContent()).trim(), who, 'the new leader is selected');
    const leaders = await (await get(server, `/api/v1/programmes/${programmeId}/teams`, await apiSignIn(server, 'coordinacion@example.pa'))).json();
    assert.equal(leaders.items.find((team) => team.name === 'Panamá — Niñez y familia').group_leader.name, who, 'and stored');

    // Kept by hand: a proposal leaves them where they are.
    const team = page.getByRole('table').first().getByRole('row').filter({ has: page.getByRole('textbox', { name: 'Nombre del equipo Panamá — Niñez y familia' }) });
    await team.getByText(/\d+ personas/).click();
    await team.getByRole('checkbox', { name: `Mantener a ${who} en este equipo al formar` }).check();
    await page.getByRole('button', { name: 'Proponer equipos' }).click();
    const proposed = page.getByRole('table', { name: 'Propuesta (aún no aplicada)' }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Panamá — Niñez y familia' }) });
    await proposed.getByText(/\d+ personas/).click();
    await proposed.getByText(who).waitFor();
    assert.deepEqual(await axeViolations(page), []);
  });
});

test('after the deadline a team member sees the project closed, with the deadline in Panama time', async () => {
  await withPage('project-closed', { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true }, async (page) => {
    await signIn(page, LEADER);
    await page.getByRole('navigation', { name: 'Secciones del programa' }).getByRole('link', { name: 'Proyecto de mi equipo' }).click();
    await page.getByRole('heading', { level: 1, name: 'Proyecto final del equipo' }).waitFor();
    await page.getByText(/Plazo de entrega: 3 de octubre de 2023.*11:59.*\(America\/Panama\)/).waitFor();
    await page.getByText('El plazo venció: la coordinación puede reabrir la entrega.').waitFor();
    assert.equal(await page.getByRole('checkbox', { name: /Recopilar y utilizar datos exactos/ }).isChecked(), true);
    assert.equal(await page.getByRole('button', { name: 'Entregar nueva versión' }).isDisabled(), true);
    assert.deepEqual(await axeViolations(page), []);
  });
});

test('the coordinator reopens a submission; the team member submits a new version, and a renamed file is refused', async () => {
  await withPage('reopen', {}, async (page) => {
    await signIn(page, 'coordinacion@example.pa');
    await page.getByRole('link', { name: 'Jurado' }).click();
    await page.getByRole('heading', { level: 1, name: 'Jurado' }).waitFor();
    await page.getByRole('button', { name: 'Reabrir la entrega de Darién — SENAFRONT' }).click();
    await page.getByRole('dialog', { name: '¿Reabrir la entrega de Darién — SENAFRONT?' }).getByRole('button', { name: 'Reabrir' }).click();
    await page.getByRole('status').filter({ hasText: 'Entrega reabierta: Darién — SENAFRONT.' }).waitFor();
    assert.deepEqual(await axeViolations(page), []);
  });
  await withPage('resubmit-phone', { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true }, async (page) => {
    await signIn(page, LEADER);
    await page.getByRole('navigation', { name: 'Secciones del programa' }).getByRole('link', { name: 'Proyecto de mi equipo' }).click();
    await page.getByText('Darién — SENAFRONT · reabierto por la coordinación').waitFor();
    await page.getByLabel('Resultados esperados').fill('Tiempo de referencia reducido a 48 horas, medido cada mes.');
    await page.getByRole('checkbox', { name: /^10\. / }).check();
    await page.getByRole('button', { name: 'Entregar nueva versión' }).click();
    await page.getByRole('status').filter({ hasText: 'Proyecto entregado.' }).waitFor();
    assert.equal(await page.getByRole('heading', { name: 'Versiones entregadas' }).locator('xpath=following-sibling::ol[1]/li').count(), 2);

    await page.getByLabel('Adjuntar un PDF (hasta 20 MB)').setInputFiles({ name: 'propuesta.pdf', mimeType: 'application/pdf', buffer: Buffer.from('no soy un PDF') });
    await page.getByRole('alert').filter({ hasText: 'El archivo se llama .pdf pero su contenido no es un PDF.' }).waitFor();
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
    await page.getByLabel('Adjuntar un PDF (hasta 20 MB)').setInputFiles({ name: 'propuesta-final.pdf', mimeType: 'application/pdf', buffer: pdf });
    await page.getByRole('link', { name: 'propuesta-final.pdf' }).waitFor();
    assert.deepEqual(await axeViolations(page), []);

    // A file over 1 MB shows how far its upload has gone (the network slowed to 1 MB/s here).
    const network = await page.context().newCDPSession(page);
    await network.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 1024 * 1024 });
    const annex = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(3 * 1024 * 1024, 32), Buffer.from('\n%%EOF\n')]);
    await page.getByLabel('Adjuntar un PDF (hasta 20 MB)').setInputFiles({ name: 'anexo-estadistico.pdf', mimeType: 'application/pdf', buffer: annex });
    await page.getByRole('status').filter({ hasText: /^Subiendo: \d+ % \([\d,.]+ de 3[.,]0 MB\)$/ }).waitFor();
    assert.ok(await page.getByRole('progressbar', { name: 'Progreso de la subida' }).isVisible());
    await page.getByRole('link', { name: 'anexo-estadistico.pdf' }).waitFor({ timeout: 20000 });
    assert.equal(await page.getByRole('progressbar').count(), 0, 'the bar leaves when the upload is done');
  });
});

test('the rubric is shown to everyone and no longer changes once reviews are in', async () => {
  await withPage('rubric', {}, async (page) => {
    await signIn(page, 'coordinacion@example.pa');
    await page.getByRole('link', { name: 'Rúbrica' }).click();
    await page.getByRole('heading', { level: 1, name: 'Rúbrica de los proyectos finales' }).waitFor();
    await page.getByText('Pesos: suman 100.').waitFor();
    await page.getByRole('group', { name: 'Claridad' }).getByLabel('Peso').fill('15');
    await page.getByRole('button', { name: 'Guardar la rúbrica' }).click();
    await page.getByRole('alert').filter({ hasText: 'Ya hay evaluaciones enviadas con esta rúbrica; no se puede cambiar.' }).waitFor();
    assert.deepEqual(await axeViolations(page), []);
  });
});
