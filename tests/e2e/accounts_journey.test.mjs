// Issue 15's journey: the site coordinator disables an account (whose open session ends at once),
// enables it, grants and revokes a role, and gives a new password shown once; the user changes
// their own password on "Mi cuenta", a weak one being named at its field. Desktop and a 390 px
// phone, Spanish and English, with axe.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../api/harness.mjs';
import { launchBrowser, withPage as withBrowserPage, axeViolations, artifactPath, signInAs, desktop, phone } from './browser.mjs';

const CODE = 'IBM-HR-PA-2023';
let server;
let browser;
before(async () => {
  server = await startServer({
    users: [
      { email: 'sitio@example.pa', name: 'Coordinación del sitio', role: 'coordinator' },
      { email: 'donante@example.ca', name: 'Donante IRCC', role: 'observer', programme: CODE },
      { email: 'migdalia.vasquez@demo.diplomado.invalid', name: 'Migdalia Vásquez', role: 'participant', programme: CODE },
    ],
  });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});
const withPage = (name, options, body) => withBrowserPage(browser, name, options, body);
const card = (page, email) => page.locator('.user-list > li').filter({ hasText: email });

test('the site coordinator disables, enables, grants, revokes and resets; the disabled session ends at once', async () => {
  const donorContext = await browser.newContext(desktop);
  const donor = await donorContext.newPage();
  await signInAs(donor, server, 'donante@example.ca');

  await withPage('accounts-journey', desktop, async (page) => {
    await signInAs(page, server, 'sitio@example.pa');
    await page.getByRole('link', { name: 'Usuarios' }).click();
    await page.getByRole('heading', { level: 1, name: 'Usuarios' }).waitFor();
    const donorCard = card(page, 'donante@example.ca');
    await donorCard.getByText('Observador (donante) · IBM-HR-PA-2023').waitFor();
    assert.deepEqual(await axeViolations(page), []);
    await page.screenshot({ path: artifactPath('users-desktop-es.png'), fullPage: true });

    await donorCard.getByRole('button', { name: 'Desactivar' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Desactivar' }).click();
    await page.getByRole('status').filter({ hasText: 'Cuenta de Donante IRCC desactivada' }).waitFor();
    await donorCard.getByText('Desactivada').waitFor();
    // The donor's open page: the next request finds the session gone and asks to sign in.
    await donor.reload();
    await donor.getByRole('button', { name: 'Entrar' }).waitFor();
    await donorCard.getByRole('button', { name: 'Reactivar' }).click();
    await page.getByRole('status').filter({ hasText: 'reactivada' }).waitFor();

    // A second role, then revoked.
    await donorCard.getByText('Dar otro rol…').click();
    await donorCard.getByRole('combobox', { name: /^Rol\b/ }).selectOption('juror');
    await donorCard.getByRole('combobox', { name: /^Programa/ }).selectOption(CODE);
    await donorCard.getByRole('button', { name: 'Dar el rol elegido a Donante IRCC' }).click();
    await donorCard.getByText('Jurado · IBM-HR-PA-2023').waitFor();
    await donorCard.getByRole('button', { name: 'Quitar el rol Jurado a Donante IRCC' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Quitar' }).click();
    await page.getByRole('status').filter({ hasText: 'Rol quitado.' }).waitFor();
    await donorCard.getByText('Jurado · IBM-HR-PA-2023').waitFor({ state: 'detached' });

    // A link mailed to the donor instead (read from the development log).
    await donorCard.getByRole('button', { name: 'Enviar enlace de contraseña' }).click();
    await page.getByRole('status').filter({ hasText: 'Enlace enviado a donante@example.ca' }).waitFor();
    await page.screenshot({ path: artifactPath('users-link-sent-es.png') });

    // A new password, shown once; the donor signs in with it.
    await donorCard.getByRole('button', { name: 'Contraseña nueva' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Contraseña nueva' }).click();
    const shown = page.locator('code.secret');
    await shown.waitFor();
    server.accounts['donante@example.ca'] = (await shown.innerText()).trim();
    await page.screenshot({ path: artifactPath('users-new-password-es.png') });
    await page.getByRole('button', { name: 'Ya la entregué' }).click();
    assert.equal(await shown.count(), 0, 'shown once');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
    await card(page, 'donante@example.ca').getByText('Observer (donor) · IBM-HR-PA-2023').waitFor();
    await page.screenshot({ path: artifactPath('users-desktop-en.png'), fullPage: true });
  });
  await signInAs(donor, server, 'donante@example.ca');
  await donorContext.close();
});

test('a user changes their own password; a weak one is named at its field, in Spanish and English', async () => {
  await withPage('account-journey', phone, async (page) => {
    await signInAs(page, server, 'donante@example.ca');
    assert.equal(await page.getByRole('link', { name: 'Usuarios' }).count(), 0, 'only the site coordinator manages users');
    await page.getByRole('link', { name: 'Mi cuenta' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mi cuenta' }).waitFor();
    await page.getByLabel('Contraseña actual').fill(server.accounts['donante@example.ca']);
    await page.getByLabel('Contraseña nueva', { exact: true }).fill('passwordpassword');
    await page.getByLabel('Repita la contraseña nueva').fill('passwordpassword');
    await page.getByRole('button', { name: 'Cambiar la contraseña' }).click();
    await page.getByText('Repite caracteres o sigue una secuencia del teclado').waitFor();
    assert.equal(await page.getByLabel('Contraseña nueva', { exact: true }).getAttribute('aria-invalid'), 'true');
    assert.deepEqual(await axeViolations(page), []);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `no sideways scroll (${width})`);
    await page.screenshot({ path: artifactPath('account-phone-es.png'), fullPage: true });

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'My account' }).waitFor();
    await page.getByLabel('New password', { exact: true }).fill('Donor2024!');
    await page.getByLabel('Repeat the new password').fill('Donor2024!');
    await page.getByRole('button', { name: 'Change the password' }).click();
    await page.getByText('from 12 to 1024 characters').waitFor();
    await page.screenshot({ path: artifactPath('account-phone-en.png'), fullPage: true });

    await page.getByLabel('New password', { exact: true }).fill('Canal de Panamá al amanecer');
    await page.getByLabel('Repeat the new password').fill('Canal de Panamá al amanecer');
    await page.getByRole('button', { name: 'Change the password' }).click();
    await page.getByRole('status').filter({ hasText: 'Password changed' }).waitFor();
    await page.getByRole('button', { name: 'Sign out everywhere else' }).click();
    await page.getByRole('status').filter({ hasText: /session(s)? ended/ }).waitFor();
  });
  server.accounts['donante@example.ca'] = 'Canal de Panamá al amanecer';
});

test('the users page on a phone: no sideways scroll, axe clean', async () => {
  await withPage('users-phone', phone, async (page) => {
    await signInAs(page, server, 'sitio@example.pa');
    await page.goto(`${server.base}/users`);
    await page.getByRole('heading', { level: 1, name: 'Usuarios' }).waitFor();
    await card(page, 'donante@example.ca').waitFor();
    assert.deepEqual(await axeViolations(page), []);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `no sideways scroll (${width})`);
    await page.screenshot({ path: artifactPath('users-phone-es.png'), fullPage: true });
  });
});

test('a participant downloads her own data from Mi cuenta', async () => {
  await withPage('my-data', { ...desktop, acceptDownloads: true }, async (page) => {
    await signInAs(page, server, 'migdalia.vasquez@demo.diplomado.invalid');
    await page.getByRole('link', { name: 'Mi cuenta' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Descargar mis datos (JSON)' }).click()]);
    assert.equal(download.suggestedFilename(), 'diplomado-my-data.json');
    const { readFileSync } = await import('node:fs');
    const data = JSON.parse(readFileSync(await download.path(), 'utf8'));
    assert.equal(data.enrollments[0].record.email, 'migdalia.vasquez@demo.diplomado.invalid');
    assert.deepEqual(await axeViolations(page), []);
    await page.screenshot({ path: artifactPath('account-desktop-es.png'), fullPage: true });
  });
});
