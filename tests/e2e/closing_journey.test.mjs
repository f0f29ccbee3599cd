// Issue 14's closing journeys in a browser: the door check-in on a 360 px phone (a search that
// ignores accents, one tap per arrival, a count that another door sees without a reload); a group
// leader answers the satisfaction survey once; the coordinator adds a guest, and edits, saves and
// downloads the news release, with the facts still missing named.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, signIn, programmeIdOf } from '../api/harness.mjs';
import { launchBrowser, withPage as withBrowserPage, axeViolations, signInAs } from './browser.mjs';

const CODE = 'IBM-HR-PA-2023';
let server;
let browser;
let dir;
let programmeId;
before(async () => {
  server = await startServer({
    users: [
      { email: 'coordinacion@example.pa', role: 'coordinator', programme: CODE },
      { email: 'puerta@example.pa', role: 'coordinator', programme: CODE },
      { email: 'migdalia.vasquez@demo.diplomado.invalid', role: 'group_leader', programme: CODE },
    ],
  });
  programmeId = await programmeIdOf(server, await signIn(server, 'coordinacion@example.pa'), CODE);
  browser = await launchBrowser();
  dir = mkdtempSync(join(tmpdir(), 'diplomado-closing-e2e-'));
});
after(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});
const withPage = (name, options, body) => withBrowserPage(browser, name, options, body);
const phone360 = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };
const desktop = { viewport: { width: 1366, height: 900 }, acceptDownloads: true };

test('at the door on a 360 px phone: find a guest without accents, one tap, and the count follows on another phone', async () => {
  await withPage('door-phone', phone360, async (page) => {
    await withPage('door-second-phone', phone360, async (other) => {
      for (const [each, email] of [[page, 'coordinacion@example.pa'], [other, 'puerta@example.pa']]) {
        await signInAs(each, server, email);
        await each.goto(`${server.base}/programmes/${programmeId}/ceremony/door`);
        await each.getByRole('heading', { level: 1, name: 'Registro de llegada' }).waitFor();
      }
      const count = (each) => each.getByRole('status').filter({ hasText: 'invitados' });
      await count(page).getByText('0', { exact: true }).waitFor();
      await page.getByLabel('Buscar por nombre o institución').fill('gonzalez');
      const items = page.locator('.door-list li');
      assert.equal(await items.count(), 1, '"gonzalez" finds "Anais de González" only');
      await page.getByRole('button', { name: 'Marcar la llegada de Anais de González' }).tap();
      await count(page).getByText('1', { exact: true }).waitFor();
      await page.getByText(/Llegó a las/).waitFor();
      // The other door sees the arrival without a reload (it reads the list every few seconds).
      await count(other).getByText('1', { exact: true }).waitFor({ timeout: 12000 });
      assert.equal(await other.locator('.door-list li.arrived').count(), 1);
      // A wrong tap is undone.
      await page.getByRole('button', { name: 'Deshacer la llegada de Anais de González' }).tap();
      await count(page).getByText('0', { exact: true }).waitFor();
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 360, `the page fits the phone (${width} px)`);
      assert.deepEqual(await axeViolations(page), []);
    });
  });
});

test('a group leader answers the survey once; the form is gone afterwards', async () => {
  await withPage('survey-leader', phone360, async (page) => {
    await signInAs(page, server, 'migdalia.vasquez@demo.diplomado.invalid');
    await page.goto(`${server.base}/programmes/${programmeId}/survey`);
    await page.getByRole('heading', { level: 1, name: 'Encuesta de satisfacción' }).waitFor();
    for (const [question, point] of [['1. El diplomado fue útil para mi trabajo.', '5'], ['2. Los módulos tuvieron la calidad que esperaba.', '4'],
      ['3. Recomendaría el diplomado a mis colegas.', '5']])
      await page.getByRole('group', { name: question }).getByLabel(point, { exact: true }).check();
    await page.getByLabel('4. ¿Qué mejoraría del diplomado?').fill('Más práctica en frontera.');
    await page.getByRole('button', { name: 'Enviar mis respuestas' }).click();
    await page.getByText('Gracias: su respuesta quedó registrada.').waitFor();
    await page.reload();
    await page.getByText('Gracias: su respuesta quedó registrada.').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Enviar mis respuestas' }).count(), 0);
  });
});

test('the coordinator adds a guest, prints the protocol, and edits, saves and downloads the news release', async () => {
  await withPage('closing-coordinator', desktop, async (page) => {
    await signInAs(page, server, 'coordinacion@example.pa');
    await page.goto(`${server.base}/programmes/${programmeId}/ceremony`);
    await page.getByRole('heading', { level: 1, name: 'Ceremonia de clausura' }).waitFor();
    const form = page.locator('form.guest-form');
    await form.getByLabel('Nombre').fill('María Pérez');
    await form.getByLabel('Institución').fill('MINSA');
    await form.getByLabel('Precedencia').fill('11');
    await form.getByRole('button', { name: 'Añadir' }).click();
    await page.getByText('María Pérez añadido a la lista.').waitFor();
    // The same name from the same institution is refused, and the page says why.
    await form.getByLabel('Nombre').fill('María Pérez');
    await form.getByLabel('Institución').fill('MINSA');
    await form.getByRole('button', { name: 'Añadir' }).click();
    await page.getByRole('alert').getByText(/misma institución|esa institución/).waitFor();
    const protocol = page.getByRole('table', { name: 'Lista de protocolo, por orden de precedencia' });
    assert.equal(await protocol.getByRole('row').nth(1).getByRole('rowheader').innerText(), 'Juan Manuel Pino');
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.getByRole('button', { name: 'Añadir' }).isVisible(), false, 'the protocol list prints without the forms');
    await page.emulateMedia({ media: 'screen' });

    await page.goto(`${server.base}/programmes/${programmeId}/news`);
    await page.getByRole('heading', { level: 1, name: 'Nota de prensa' }).waitFor();
    await page.getByText('El programa aún no ha cerrado: ciérrelo en Ajustes cuando termine.').waitFor();
    const editor = page.getByLabel('Texto de la nota (Markdown)');
    assert.match(await editor.inputValue(), /^# \[pendiente: personas graduadas\]/);
    await editor.fill(`${await editor.inputValue()}\n\nContacto: oficina de prensa.`);
    await page.getByRole('button', { name: 'Guardar el borrador' }).click();
    await page.getByText('Borrador guardado.').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Descargar ODT' }).click()]);
    const file = join(dir, 'nota.odt');
    await download.saveAs(file);
    assert.match(execFileSync('unzip', ['-p', file, 'content.xml'], { encoding: 'utf8' }), /Contacto: oficina de prensa\./);
    // The English draft, with what is missing still explained in the coordinator's language.
    await page.getByRole('button', { name: 'Inglés' }).click();
    await page.waitForFunction(() => document.querySelector('textarea')?.value.startsWith('# [pending: graduates]'));
    await page.getByText('El programa aún no ha cerrado: ciérrelo en Ajustes cuando termine.').waitFor();
    assert.deepEqual(await axeViolations(page), []);
  });
});
