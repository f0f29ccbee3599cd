// Issue 15's consent journey: at the first sign-in the privacy notice comes before anything else;
// accepting records its version; "Mi cuenta" shows it and withdraws it with one click (and a
// confirmation), after which the notice is asked again; declining signs out. Desktop and a
// 390 px phone, Spanish and English, with axe.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../api/harness.mjs';
import { launchBrowser, withPage as withBrowserPage, axeViolations, artifactPath, desktop, phone } from './browser.mjs';

const CODE = 'IBM-HR-PA-2023';
let server;
let browser;
before(async () => {
  server = await startServer({ users: [{ email: 'docente@example.pa', name: 'Rita Docente', role: 'instructor', programme: CODE }] });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});
const withPage = (name, options, body) => withBrowserPage(browser, name, options, body);

async function signIn(page) {
  await page.goto(server.base);
  await page.getByLabel('Correo electrónico').fill('docente@example.pa');
  await page.getByLabel('Contraseña').fill(server.accounts['docente@example.pa']);
  await page.getByRole('button', { name: 'Entrar' }).click();
}

test('the notice comes first, is accepted, shown on Mi cuenta, withdrawn and asked again; declining signs out', async () => {
  await withPage('consent-phone', phone, async (page) => {
    await signIn(page);
    await page.getByRole('heading', { level: 1, name: 'Aviso de privacidad y consentimiento' }).waitFor();
    await page.getByText('Sus derechos (Ley 81 de 2019 de Panamá)', { exact: false }).waitFor();
    assert.equal(await page.getByRole('heading', { name: 'Programas' }).count(), 0, 'nothing else before the notice');
    assert.deepEqual(await axeViolations(page), []);
    await page.screenshot({ path: artifactPath('consent-phone-es.png'), fullPage: true });
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Privacy notice and consent' }).waitFor();
    await page.screenshot({ path: artifactPath('consent-phone-en.png'), fullPage: false });
    await page.getByRole('button', { name: 'I accept' }).click();
    await page.getByRole('heading', { name: 'Programmes' }).waitFor();
  });

  await withPage('consent-account', desktop, async (page) => {
    await signIn(page);
    await page.getByRole('heading', { name: 'Programas' }).waitFor();  // accepted once: not asked again
    await page.getByRole('link', { name: 'Mi cuenta' }).click();
    const section = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Aviso de privacidad' }) });
    await section.getByText(/Aceptó el aviso de privacidad, versión \S+, el/).waitFor();
    await page.screenshot({ path: artifactPath('consent-account-desktop-es.png'), fullPage: true });
    await section.getByRole('button', { name: 'Retirar mi consentimiento' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Retirar mi consentimiento' }).click();
    await page.getByText('Retiró su consentimiento', { exact: false }).waitFor();
    await page.getByRole('heading', { level: 1, name: 'Aviso de privacidad y consentimiento' }).waitFor();
    await page.screenshot({ path: artifactPath('consent-again-desktop-es.png'), fullPage: false });
    await page.getByRole('button', { name: 'No acepto: cerrar sesión' }).click();
    await page.getByRole('heading', { name: 'Iniciar sesión' }).waitFor();
  });
});
