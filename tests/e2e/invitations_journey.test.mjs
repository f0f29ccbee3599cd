// Issue 15's invitation journey: the programme's coordinator opens "Cuentas e invitaciones",
// invites one participant, who opens the mailed link (read from the development log) on a phone,
// is told a weak password's fault at its field, chooses a good one and signs in; a used link is
// refused; "¿Olvidó su contraseña?" asks for a reset without saying whether the account exists.
// Desktop and a 390 px phone, Spanish and English, with axe.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, mailLinks } from '../api/harness.mjs';
import { launchBrowser, withPage as withBrowserPage, axeViolations, artifactPath, signInAs, desktop, phone } from './browser.mjs';

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
const links = () => mailLinks(server);
async function nextLink(count) {
  for (let waited = 0; waited < 15000; waited += 100) {
    if (links().length > count) return links()[count];
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('no link reached the log');
}

test('the coordinator invites a participant, who chooses a password through the link and signs in', async () => {
  let link;
  let invitee;
  await withPage('invitations-journey', desktop, async (page) => {
    await signInAs(page, server, 'coordinacion@example.pa');
    await page.getByRole('link', { name: /Integrated Border Management|Gestión Integral de Fronteras/ }).first().click();
    await page.getByRole('link', { name: 'Participantes', exact: true }).first().click();
    await page.getByRole('link', { name: 'Cuentas e invitaciones' }).click();
    await page.getByRole('heading', { level: 1, name: 'Cuentas e invitaciones' }).waitFor();
    const table = page.getByRole('table', { name: 'Participantes y el estado de su cuenta' });
    await table.waitFor();
    const first = table.getByRole('row').filter({ hasText: 'Sin cuenta' }).first();
    invitee = (await first.getByRole('rowheader').innerText()).trim();
    assert.deepEqual(await axeViolations(page), []);
    await page.screenshot({ path: artifactPath('invitations-desktop-es.png'), fullPage: false });

    const count = links().length;
    await first.getByRole('button', { name: `Invitar a ${invitee}` }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Enviar' }).click();
    await page.getByRole('status').filter({ hasText: 'Se envió 1 invitación.' }).first().waitFor();
    await table.getByRole('row').filter({ hasText: invitee }).getByText('Invitación enviada').waitFor();
    link = await nextLink(count);

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Accounts and invitations' }).waitFor();
    await page.getByRole('button', { name: 'Invite everyone who cannot sign in yet' }).waitFor();
    await page.screenshot({ path: artifactPath('invitations-desktop-en.png'), fullPage: false });
  });

  await withPage('password-link-phone', phone, async (page) => {
    // The link as mailed: it names the server of the public URL; here, this test's server.
    const token = new URL(link).hash;
    await page.goto(`${server.base}/account/password${token}`);
    await page.getByRole('heading', { level: 1, name: 'Elija su contraseña' }).waitFor();
    await page.getByText(`Bienvenida o bienvenido, ${invitee}.`, { exact: false }).waitFor();
    await page.getByLabel('Contraseña nueva', { exact: true }).fill('passwordpassword');
    await page.getByLabel('Repita la contraseña nueva').fill('passwordpassword');
    await page.getByRole('button', { name: 'Guardar la contraseña' }).click();
    await page.locator('#link-password-error').waitFor();
    assert.match(await page.locator('#link-password-error').innerText(), /Repite caracteres/);
    assert.deepEqual(await axeViolations(page), []);
    await page.screenshot({ path: artifactPath('password-link-phone-es.png'), fullPage: true });

    await page.getByLabel('Contraseña nueva', { exact: true }).fill('río-ceniza-portón-47');
    await page.getByLabel('Repita la contraseña nueva').fill('río-ceniza-portón-47');
    await page.getByRole('button', { name: 'Guardar la contraseña' }).click();
    await page.getByRole('heading', { level: 1, name: 'Contraseña guardada' }).waitFor();
    assert.equal(new URL(page.url()).hash, '', 'the spent token leaves the address bar');
    await page.screenshot({ path: artifactPath('password-link-done-phone-es.png'), fullPage: true });

    // The same link again: refused, with a way to ask for a new one.
    await page.goto(`${server.base}/account/password${token}`);
    await page.getByRole('heading', { level: 1, name: 'Este enlace no sirve' }).waitFor();
    await page.getByRole('alert').filter({ hasText: 'ya se usó' }).waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'This link does not work' }).waitFor();
    await page.getByRole('alert').filter({ hasText: 'already been used' }).waitFor();
    await page.screenshot({ path: artifactPath('password-link-used-phone-en.png'), fullPage: true });
  });
});

test('the invitations page reads on a phone, in Spanish and English', async () => {
  await withPage('invitations-phone', phone, async (page) => {
    await signInAs(page, server, 'coordinacion@example.pa');
    await page.getByRole('link', { name: /Integrated Border Management|Gestión Integral de Fronteras/ }).first().click();
    await page.waitForURL(/\/programmes\/\d+$/);
    await page.goto(`${page.url()}/invitations`);
    const table = page.getByRole('table', { name: 'Participantes y el estado de su cuenta' });
    await table.getByText('Invitación enviada').first().waitFor();
    assert.deepEqual(await axeViolations(page), []);
    await page.screenshot({ path: artifactPath('invitations-phone-es.png'), fullPage: false });
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Accounts and invitations' }).waitFor();
    await page.screenshot({ path: artifactPath('invitations-phone-en.png'), fullPage: false });
  });
});

test('the invited participant signs in with the password they chose; a reset is asked for from the sign-in page', async () => {
  const rows = await fetch(`${server.base}/api/v1/programmes/1/invitations`).then((response) => response.status);
  assert.equal(rows, 401, 'the invitations list needs a session');
  await withPage('forgot-password', phone, async (page) => {
    await page.goto(server.base);
    await page.getByRole('link', { name: '¿Olvidó su contraseña, o aún no tiene una?' }).click();
    await page.getByRole('heading', { level: 1, name: 'Recuperar el acceso' }).waitFor();
    await page.getByLabel('Correo electrónico').fill('nadie@example.pa');
    await page.getByRole('button', { name: 'Enviar el enlace' }).click();
    await page.getByRole('status').filter({ hasText: 'Si hay una cuenta con nadie@example.pa' }).waitFor();
    assert.deepEqual(await axeViolations(page), []);
    await page.screenshot({ path: artifactPath('forgot-phone-es.png'), fullPage: true });
    await page.getByRole('link', { name: 'Volver a iniciar sesión' }).click();
    await page.getByRole('button', { name: 'Entrar' }).waitFor();
  });
  await withPage('invited-signs-in', desktop, async (page) => {
    assert.ok(links().length >= 1);
    // Who was invited: the one account with a password among the demo's participants.
    const list = await (await fetch(`${server.base}/api/v1/session`, {
      method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': 'x' },
      body: JSON.stringify({ email: 'coordinacion@example.pa', password: server.accounts['coordinacion@example.pa'] }),
    })).headers.get('set-cookie');
    const cookie = list.split(';')[0];
    const programmes = await (await fetch(`${server.base}/api/v1/programmes`, { headers: { Cookie: cookie } })).json();
    const id = programmes.items.find((programme) => programme.code === CODE).id;
    const rows = (await (await fetch(`${server.base}/api/v1/programmes/${id}/invitations`, { headers: { Cookie: cookie } })).json()).items;
    const active = rows.find((row) => row.account === 'active');
    const person = await (await fetch(`${server.base}/api/v1/programmes/${id}/participants/${active.enrollment_id}`, { headers: { Cookie: cookie } })).json();
    await signInAs(page, server, person.email, 'río-ceniza-portón-47');
    await page.getByRole('link', { name: /Integrated Border Management|Gestión Integral de Fronteras/ }).first().click();
    await page.getByRole('link', { name: 'Mi progreso' }).first().waitFor();
  });
});
