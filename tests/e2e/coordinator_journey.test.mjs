// The coordinator's first visit, as a person does it, in Debian's Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../api/harness.mjs';
import { launchBrowser, withPage as withBrowserPage, tabUntil, axeViolations, artifactPath } from './browser.mjs';

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
    await page.getByRole('heading', { name: 'Programas' }).waitFor();
    await page.getByRole('link', { name: 'Diplomado en Gestión Integral de Fronteras con Enfoque de Derechos Humanos' }).click();

    await page.getByRole('heading', { level: 1, name: 'Diplomado en Gestión Integral de Fronteras con Enfoque de Derechos Humanos' }).waitFor();
    const modules = page.getByRole('region', { name: 'Módulos' }).getByRole('listitem');
    assert.equal(await modules.count(), 6);
    assert.match(await modules.first().innerText(), /Derechos humanos de las personas migrantes/);
    const teams = page.getByRole('region', { name: 'Equipos regionales' });
    await teams.getByRole('heading', { name: 'Darién — SENAFRONT' }).waitFor();
    assert.match(await teams.innerText(), /José Paladín/);
    const participants = page.getByRole('region', { name: 'Participantes' });
    await participants.getByText('52 activos de 54 inscritos (2 retirados)').waitFor();
    await participants.getByText('Servicio Nacional de Fronteras').waitFor();
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
