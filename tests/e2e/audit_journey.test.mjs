// Issue 15: the coordinator reads the programme's audit trail, newest first: a status change
// with its reason, attendance per person, and a read of contact data; filters by person and
// action; a bad filter is named. Desktop and a 390 px phone, Spanish and English, with axe.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, signIn, get, send, programmeIdOf } from '../api/harness.mjs';
import { launchBrowser, withPage as withBrowserPage, axeViolations, artifactPath, signInAs } from './browser.mjs';

const CODE = 'IBM-HR-PA-2023';
let server;
let browser;
let programmeId;
let person;
before(async () => {
  server = await startServer({ users: [{ email: 'coordinacion@example.pa', name: 'Coordinación', role: 'coordinator', programme: CODE }] });
  browser = await launchBrowser();
  // Something to read: a withdrawal with its reason, made over the API.
  const coordinator = await signIn(server, 'coordinacion@example.pa');
  programmeId = await programmeIdOf(server, coordinator, CODE);
  person = (await (await get(server, `/api/v1/programmes/${programmeId}/participants?status=enrolled&per_page=1`, coordinator)).json()).items[0];
  const page = await get(server, `/api/v1/programmes/${programmeId}/participants/${person.enrollment_id}`, coordinator);
  await send(server, 'PUT', `/api/v1/programmes/${programmeId}/participants/${person.enrollment_id}/status`, coordinator,
    { status: 'withdrawn', reason: 'Traslado a otra provincia' }, { 'If-Match': page.headers.get('etag') });
});
after(async () => {
  await browser?.close();
  await server?.stop();
});
const withPage = (name, options, body) => withBrowserPage(browser, name, options, body);

for (const [device, options] of [['desktop', { viewport: { width: 1366, height: 900 } }], ['phone', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }]]) {
  test(`the coordinator filters the audit trail by person (${device})`, async () => {
    await withPage(`audit-${device}`, options, async (page) => {
      await signInAs(page, server, 'coordinacion@example.pa');
      await page.goto(`${server.base}/programmes/${programmeId}/audit`);
      await page.getByRole('heading', { level: 1, name: 'Auditoría' }).waitFor();
      await page.getByLabel('Persona (n.º de inscripción)').fill(String(person.enrollment_id));
      await page.getByRole('button', { name: 'Filtrar' }).click();
      const table = page.getByRole('table', { name: /Eventos de auditoría/ });
      await table.getByText('enrollment.status').waitFor();
      await table.getByText('motivo: — → Traslado a otra provincia').waitFor();
      await table.getByText('person.view').first().waitFor();
      assert.deepEqual(await axeViolations(page), []);
      if (device === 'phone') {
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(width <= 390, `no sideways scroll (${width})`);
      }
      await page.screenshot({ path: artifactPath(`audit-${device}-es.png`), fullPage: true });

      await page.getByLabel('Persona (n.º de inscripción)').fill('abc');
      await page.getByRole('button', { name: 'Filtrar' }).click();
      await page.getByRole('alert').filter({ hasText: 'número entero positivo' }).waitFor();

      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { level: 1, name: 'Audit trail' }).waitFor();
      await page.getByLabel('Person (enrolment no.)').fill(String(person.enrollment_id));
      await page.getByRole('button', { name: 'Filter' }).click();
      await page.getByRole('table', { name: /Audit events/ }).getByText('enrollment.status').waitFor();
      await page.screenshot({ path: artifactPath(`audit-${device}-en.png`), fullPage: true });
    });
  });
}
