// Issue 15, Ley 81 in the browser: the coordinator anonymises a person from their page (a
// confirmation that says what goes and what stays); the page then says so, and the public
// certificate check shows "anonymised" instead of a name. Desktop and a 390 px phone, es and en.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, signIn as apiSignIn, get, send, programmeIdOf } from '../api/harness.mjs';
import { launchBrowser, withPage as withBrowserPage, axeViolations, artifactPath, signInAs, desktop, phone } from './browser.mjs';

const CODE = 'IBM-HR-PA-2023';
let server;
let browser;
let programme;
let leader;
let serial;
before(async () => {
  server = await startServer({ users: [
    { email: 'coordinacion@example.pa', name: 'Coordinación', role: 'coordinator', programme: CODE },
    { email: 'migdalia.vasquez@demo.diplomado.invalid', name: 'Migdalia Vásquez', role: 'participant', programme: CODE },
  ] });
  const coordinator = await apiSignIn(server, 'coordinacion@example.pa');
  programme = await programmeIdOf(server, coordinator, CODE);
  await send(server, 'POST', `/api/v1/programmes/${programme}/certificates`, coordinator);
  const certificate = (await (await get(server, `/api/v1/programmes/${programme}/certificates`, coordinator)).json()).items[0];
  leader = certificate.enrollment_id;
  serial = certificate.serial;
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});
const withPage = (name, options, body) => withBrowserPage(browser, name, options, body);

test('a participant asks for a correction on Mi cuenta; the coordinator answers it; she reads the answer', async () => {
  await withPage('correction-participant-phone', phone, async (page) => {
    await signInAs(page, server, 'migdalia.vasquez@demo.diplomado.invalid');
    await page.getByRole('link', { name: 'Mi cuenta' }).click();
    await page.getByRole('heading', { level: 2, name: 'Pedir una corrección' }).waitFor();
    await page.getByRole('button', { name: 'Enviar la solicitud' }).click();
    await page.locator('#correction-error').waitFor();
    await page.getByLabel('Qué dato está mal y cuál es el correcto').fill('Mi cargo es Jefa de sección, no Trabajadora social.');
    await page.getByRole('button', { name: 'Enviar la solicitud' }).click();
    await page.getByText('Pendiente: la coordinación aún no respondió.').waitFor();
    assert.deepEqual(await axeViolations(page), []);
    await page.screenshot({ path: artifactPath('correction-participant-phone-es.png'), fullPage: true });
  });
  await withPage('correction-coordinator', desktop, async (page) => {
    await signInAs(page, server, 'coordinacion@example.pa');
    await page.goto(`${server.base}/programmes/${programme}/participants`);
    await page.getByRole('link', { name: 'Solicitudes de corrección' }).click();
    const table = page.getByRole('table', { name: 'Solicitudes, de la más reciente a la más antigua' });
    await table.getByText('Mi cargo es Jefa de sección').waitFor();
    assert.deepEqual(await axeViolations(page), []);
    await page.screenshot({ path: artifactPath('corrections-desktop-es.png') });
    await table.getByRole('textbox').fill('Corregido en su ficha.');
    await table.getByRole('button', { name: 'Responder y cerrar' }).click();
    await table.getByText('Respondida: Corregido en su ficha.').waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Correction requests' }).waitFor();
    await page.screenshot({ path: artifactPath('corrections-desktop-en.png') });
  });
  await withPage('correction-answer-phone-en', phone, async (page) => {
    await signInAs(page, server, 'migdalia.vasquez@demo.diplomado.invalid');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('link', { name: 'My account' }).click();
    await page.getByText(/Answered on .+: Corregido en su ficha\./).waitFor();
    await page.screenshot({ path: artifactPath('correction-answer-phone-en.png'), fullPage: true });
  });
});

test('the coordinator anonymises a person; the page and the certificate check say so', async () => {
  await withPage('privacy-journey', desktop, async (page) => {
    await signInAs(page, server, 'coordinacion@example.pa');
    await page.goto(`${server.base}/programmes/${programme}/participants/${leader}`);
    const heading = page.getByRole('heading', { level: 1 });
    await heading.waitFor();
    const name = (await heading.innerText()).trim();
    await page.getByRole('heading', { level: 2, name: 'Datos personales' }).waitFor();
    await page.screenshot({ path: artifactPath('privacy-person-desktop-es.png'), fullPage: true });
    await page.getByRole('button', { name: 'Anonimizar' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('No se puede deshacer.', { exact: false }).waitFor();
    assert.match(await dialog.innerText(), new RegExp(`¿Anonimizar a ${name}\\?`));
    await page.screenshot({ path: artifactPath('privacy-confirm-desktop-es.png') });
    await dialog.getByRole('button', { name: 'Anonimizar' }).click();
    await page.getByRole('heading', { level: 1, name: /^Persona anonimizada \(#\d+\)$/ }).waitFor();
    await page.getByRole('note').filter({ hasText: 'Ley 81' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Anonimizar' }).count(), 0, 'nothing left to anonymise');
    assert.ok(!(await page.locator('main').innerText()).includes(name), 'the name is nowhere on the page');
    assert.deepEqual(await axeViolations(page), []);
    await page.screenshot({ path: artifactPath('privacy-anonymised-desktop-es.png'), fullPage: true });
  });
  await withPage('privacy-verify-phone', phone, async (page) => {
    await page.goto(`${server.base}/verify/${serial}`);
    await page.getByText('Titular anonimizado (Ley 81)').waitFor();
    await page.screenshot({ path: artifactPath('privacy-verify-phone-es.png'), fullPage: true });
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByText('Holder anonymised (Ley 81)').waitFor();
    assert.deepEqual(await axeViolations(page), []);
    await page.screenshot({ path: artifactPath('privacy-verify-phone-en.png'), fullPage: true });
  });
  await withPage('privacy-person-phone-en', phone, async (page) => {
    await signInAs(page, server, 'coordinacion@example.pa');
    await page.getByRole('button', { name: 'English' }).click();
    await page.goto(`${server.base}/programmes/${programme}/participants/${leader}`);
    await page.getByRole('heading', { level: 1, name: /^Anonymised person \(#\d+\)$/ }).waitFor();
    await page.screenshot({ path: artifactPath('privacy-anonymised-phone-en.png'), fullPage: true });
  });
});
