// Every section each role's navigation offers, opened as that role would: on a desktop in
// Spanish and on a 390 px phone in English. Each page must draw its heading, pass axe, not
// scroll sideways on the phone, log no error and request nothing it may not read (403).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, signIn as apiSignIn, get, send, mailLinks, passwordFromMail } from '../api/harness.mjs';
import { launchBrowser, withPage as withBrowserPage, axeViolations, acceptConsentIfAsked } from './browser.mjs';

const CODE = 'IBM-HR-PA-2023';
let server;
let browser;
const passwords = {};
before(async () => {
  server = await startServer({ users: [
    { email: 'coordinacion@example.pa', name: 'Coordinación', role: 'coordinator', programme: CODE },
    { email: 'docente@example.pa', name: 'Docente', role: 'instructor', programme: CODE },
    { email: 'donante@example.ca', name: 'Donante', role: 'observer', programme: CODE },
    { email: 'migdalia.vasquez@demo.diplomado.invalid', name: 'Migdalia', role: 'participant', programme: CODE },
    { email: 'lider@example.pa', name: 'Líder', role: 'group_leader', programme: CODE },
  ] });
  Object.assign(passwords, server.accounts);
  const coordinator = await apiSignIn(server, 'coordinacion@example.pa');
  const programme = (await (await get(server, '/api/v1/programmes', coordinator)).json()).items[0].id;
  const mailed = mailLinks(server).length;
  assert.equal((await send(server, 'POST', `/api/v1/programmes/${programme}/jurors`, coordinator,
    { email: 'jurado@example.pa', display_name: 'Jurada Pérez', institution_id: null })).status, 201);
  passwords['jurado@example.pa'] = await passwordFromMail(server, mailed);
  assert.equal((await send(server, 'POST', `/api/v1/programmes/${programme}/jury_assignments`, coordinator, {})).status, 200);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

const ROLES = [
  ['coordinator', 'coordinacion@example.pa'],
  ['instructor', 'docente@example.pa'],
  ['juror', 'jurado@example.pa'],
  ['participant', 'migdalia.vasquez@demo.diplomado.invalid'],
  ['group leader', 'lider@example.pa'],
  ['observer', 'donante@example.ca'],
];
const VIEWS = [
  ['desktop', 'es', { viewport: { width: 1366, height: 900 } }],
  ['phone', 'en', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }],
];

for (const [role, email] of ROLES) {
  test(`the ${role} opens every section offered, on a desktop (es) and a phone (en)`, async () => {
    for (const [device, language, options] of VIEWS) {
      await withBrowserPage(browser, `tour-${role}-${device}`, options, async (page) => {
        await page.goto(server.base);
        await page.evaluate((chosen) => localStorage.setItem('diplomado.language', chosen), language);
        await page.reload();
        await page.locator('#email').fill(email);
        await page.locator('#password').fill(passwords[email]);
        await page.locator('form button[type="submit"]').click();
        await acceptConsentIfAsked(page);
        await page.getByRole('link', { name: /Diplomado en Gestión Integral|Integrated Border Management/ }).click();
        const nav = page.getByRole('navigation', { name: language === 'es' ? 'Secciones del programa' : 'Programme sections' });
        await nav.waitFor();
        const sections = await nav.getByRole('link').evaluateAll((links) => links.map((link) => [link.textContent, link.getAttribute('href')]));
        assert.ok(sections.length >= 3, `${role} has sections`);
        for (const [label, href] of sections) {
          await nav.getByRole('link', { name: label, exact: true }).click();
          await page.waitForURL((url) => url.pathname === href);
          await page.locator('h1').first().waitFor();
          await page.waitForLoadState('networkidle');
          await page.locator('.skeleton').first().waitFor({ state: 'detached', timeout: 10000 }).catch(() => {});
          assert.deepEqual(await axeViolations(page), [], `${role} ${device}: ${href}`);
          // A section the navigation offers must not answer this role with a failure.
          assert.equal(await page.locator('.error-state').count(), 0, `${role} ${device}: ${href} shows a failure`);
          if (device === 'phone') {
            const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
            assert.ok(overflow <= 1, `${role}: ${href} scrolls sideways by ${overflow}px on a phone`);
          }
        }
      });
    }
  });
}
