// Issue 4's journeys in Debian's Chromium: a juror scores a project on a phone; the coordinator
// opens the ranking and its explanation and confirms the best project; the coordinator forms
// teams; a team member finds the submission closed after the deadline.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, signIn as apiSignIn, get, send } from '../api/harness.mjs';
import { launchBrowser, withPage as withBrowserPage, axeViolations } from './browser.mjs';

const CODE = 'IBM-HR-PA-2023';
const LEADER = 'migdalia.vasquez@demo.diplomado.invalid';
let server;
let browser;
let jurorPassword;
before(async () => {
  server = await startServer({ users: [
    { email: 'coordinacion@example.pa', name: 'Coordinación', role: 'coordinator', programme: CODE },
    { email: LEADER, name: 'Migdalia', role: 'participant', programme: CODE },
  ] });
  // A fourth juror per project, added by the coordinator: the balanced assignment gives them seven
  // of the eight projects (the eighth goes to a demo juror with a lighter load).
  const coordinator = await apiSignIn(server, 'coordinacion@example.pa');
  const programme = (await (await get(server, '/api/v1/programmes', coordinator)).json()).items[0].id;
  const path = (rest) => `/api/v1/programmes/${programme}${rest}`;
  const settings = await (await get(server, path('/project_settings'), coordinator)).json();
  assert.equal((await send(server, 'PUT', path('/project_settings'), coordinator, { ...settings, jurors_per_project: 4 })).status, 200);
  const added = await (await send(server, 'POST', path('/jurors'), coordinator, { email: 'jurado@example.pa', display_name: 'Jurada Pérez', institution_id: null })).json();
  jurorPassword = added.initial_password;
  assert.equal((await send(server, 'POST', path('/jury_assignments'), coordinator, {})).status, 200);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});
const withPage = (name, options, body) => withBrowserPage(browser, name, options, body);

async function signIn(page, email, password = server.accounts[email]) {
  await page.goto(server.base);
  await page.getByLabel('Correo electrónico').fill(email);
  await page.getByLabel('Contraseña').fill(password);
  await page.getByRole('button', { name: 'Entrar' }).click();
  await page.getByRole('heading', { name: 'Programas' }).waitFor();
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
    await page.getByLabel('Ordenar por').selectOption('raw');
    await page.getByRole('table').first().getByRole('row').nth(1).filter({ hasText: 'Darién — SENAFRONT' }).waitFor();
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
  });
});

test('the coordinator proposes teams, reads their scores, and applies them', async () => {
  await withPage('teams', {}, async (page) => {
    await signIn(page, 'coordinacion@example.pa');
    await page.getByRole('link', { name: 'Equipos', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Equipos' }).waitFor();
    await page.getByLabel('Instituciones distintas por equipo (mínimo)').fill('9');
    await page.getByRole('button', { name: 'Proponer equipos' }).click();
    await page.getByRole('alert').filter({ hasText: /Instituciones por equipo: .* tiene solo \d+ de las 9 pedidas/ }).first().waitFor();
    await page.getByLabel('Instituciones distintas por equipo (mínimo)').fill('3');
    await page.getByRole('button', { name: 'Proponer equipos' }).click();
    await page.getByText(/Puntuación del peor equipo: [\d.,]+ \(reparto voraz simple: [\d.,]+\)/).waitFor();
    await page.getByRole('table', { name: 'Propuesta (aún no aplicada)' }).waitFor();
    assert.deepEqual(await axeViolations(page), []);
    await page.getByRole('button', { name: 'Aplicar esta propuesta' }).click();
    await page.getByRole('status').filter({ hasText: /Propuesta aplicada/ }).waitFor();
  });
});

test('after the deadline a team member sees the project closed, with the deadline in Panama time', async () => {
  await withPage('project-closed', { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true }, async (page) => {
    await signIn(page, LEADER);
    await page.getByRole('link', { name: 'Proyecto de mi equipo' }).click();
    await page.getByRole('heading', { level: 1, name: 'Proyecto final del equipo' }).waitFor();
    await page.getByText(/Plazo de entrega: 3 de octubre de 2023.*11:59.*\(America\/Panama\)/).waitFor();
    await page.getByText('El plazo venció: la coordinación puede reabrir la entrega.').waitFor();
    assert.equal(await page.getByRole('checkbox', { name: /Recopilar y utilizar datos exactos/ }).isChecked(), true);
    assert.equal(await page.getByRole('button', { name: 'Entregar nueva versión' }).isDisabled(), true);
    assert.deepEqual(await axeViolations(page), []);
  });
});
