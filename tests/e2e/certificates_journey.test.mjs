// Issue 13's certificate journeys: the coordinator graduates the class, names a second signatory,
// adds a logo, issues the certificates and downloads them all as a ZIP; a visitor opens the
// address in a certificate's QR code, without signing in, and sees "valid", then "revoked" once
// the coordinator revokes it with a reason. Desktop and a 390 px phone, Spanish and English.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../api/harness.mjs';
import { launchBrowser, withPage as withBrowserPage, axeViolations, artifactPath, signInAs } from './browser.mjs';

const CODE = 'IBM-HR-PA-2023';
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
let server;
let browser;
let dir;
let verifyUrl;
before(async () => {
  server = await startServer({ users: [{ email: 'coordinacion@example.pa', name: 'Coordinación', role: 'coordinator', programme: CODE }] });
  browser = await launchBrowser();
  dir = mkdtempSync(join(tmpdir(), 'diplomado-certificates-e2e-'));
});
after(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});
const withPage = (name, options, body) => withBrowserPage(browser, name, options, body);
const desktop = { viewport: { width: 1366, height: 900 }, acceptDownloads: true };
const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

async function openSection(page, name) {
  await page.getByRole('navigation', { name: 'Secciones del programa' }).getByRole('link', { name }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

test('the coordinator graduates the class, sets the signatories and a logo, issues the certificates and downloads the ZIP', async () => {
  await withPage('certificates-journey', desktop, async (page) => {
    await signInAs(page, server, 'coordinacion@example.pa');
    await page.getByRole('link', { name: 'Diplomado en Gestión Integral de Fronteras con Enfoque de Derechos Humanos' }).click();
    await openSection(page, 'Graduación');
    await page.getByRole('button', { name: 'Graduar a 49 personas' }).click();
    await page.getByRole('dialog', { name: '¿Graduar a 49 personas?' }).getByRole('button', { name: 'Graduar' }).click();
    await page.getByText('Se graduaron 49 personas.').waitFor();

    await openSection(page, 'Certificados');
    assert.equal(await page.getByLabel('Firmante 1: nombre').inputValue(), 'Coordinación Académica del Diplomado', 'the demo file names one');
    await page.getByRole('button', { name: 'Añadir un firmante' }).click();
    await page.getByLabel('Firmante 2: nombre').fill('Dirección General');
    await page.getByLabel('Firmante 2: cargo en español').fill('Servicio Nacional de Fronteras');
    await page.getByLabel('Firmante 2: cargo en inglés').fill('National Border Service');
    await page.getByRole('button', { name: 'Guardar firmantes y diseño' }).click();
    await page.getByText('Firmantes y diseño guardados.').waitFor();
    await page.getByLabel('Añadir un logotipo').setInputFiles({ name: 'oim.png', mimeType: 'image/png', buffer: PNG });
    await page.getByText('Logotipo «oim.png» añadido.').waitFor();
    await page.getByText('Logotipo 1: PNG, 1 KB').waitFor();
    // A file that is not an image is refused, saying why.
    await page.getByLabel('Añadir un logotipo').setInputFiles({ name: 'falso.png', mimeType: 'image/png', buffer: Buffer.from('no soy una imagen') });
    await page.getByText('El logotipo debe ser una imagen PNG o SVG (se comprueba su contenido).', { exact: false }).waitFor();

    await page.getByRole('button', { name: 'Emitir los certificados pendientes' }).click();
    await page.getByText('Emitidos: 57 nuevos, 0 versiones nuevas; 0 sin cambios.').waitFor();
    const table = page.getByRole('table', { name: 'Certificados emitidos' });
    await table.getByRole('row').nth(57).waitFor();
    assert.deepEqual(await axeViolations(page), []);
    await page.screenshot({ path: artifactPath('certificates-desktop-es.png'), fullPage: true });

    const [zip] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Descargar todos (ZIP)' }).click()]);
    const zipPath = join(dir, 'certificados.zip');
    await zip.saveAs(zipPath);
    const names = execFileSync('unzip', ['-Z1', zipPath], { encoding: 'utf8' }).trim().split('\n');
    assert.equal(names.length, 57);

    // One PDF, as its holder would get it; its QR code gives the public address.
    const row = table.getByRole('row').filter({ hasText: 'Dayana Ábrego Barría' });
    const [pdf] = await Promise.all([page.waitForEvent('download'), row.getByRole('link', { name: /Descargar PDF/ }).click()]);
    const pdfPath = join(dir, 'dayana.pdf');
    await pdf.saveAs(pdfPath);
    execFileSync('pdftoppm', ['-r', '150', '-png', '-singlefile', pdfPath, join(dir, 'dayana')]);
    verifyUrl = execFileSync('zbarimg', ['-q', '--raw', join(dir, 'dayana.png')], { encoding: 'utf8' }).trim();
    assert.match(verifyUrl, /\/verify\/DIP-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

    // Her person page offers the same certificate, one at a time.
    await row.getByText('Dayana Ábrego Barría').waitFor();
    await page.goto(`${server.base}/programmes/1/participants`);
    await page.getByRole('link', { name: /Ábrego Barría/ }).first().click();
    const own = page.getByRole('list', { name: 'Certificados de esta persona' });
    await own.waitFor();
    assert.match(await own.innerText(), new RegExp(verifyUrl.split('/').pop()));
    await page.screenshot({ path: artifactPath('certificates-person-desktop-es.png'), fullPage: true });
  });
});

test('a visitor opens the QR code’s address without signing in: valid; after a revocation, revoked with its date', async () => {
  const serial = verifyUrl.split('/').pop();
  await withPage('verify-valid', phone, async (page) => {
    await page.goto(verifyUrl);
    await page.getByRole('heading', { level: 1, name: 'Verificación de certificado' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Certificado válido' }).waitFor();
    assert.match(await page.locator('dl.facts').innerText(), /Dayana Ábrego Barría[\s\S]*Diploma[\s\S]*Diplomado en Gestión Integral de Fronteras/);
    assert.equal(await page.getByLabel('Contraseña').count(), 0, 'no sign-in asked');
    assert.deepEqual(await axeViolations(page), []);
    await page.screenshot({ path: artifactPath('verify-valid-phone-es.png'), fullPage: true });
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('status').filter({ hasText: 'Valid certificate' }).waitFor();
    await page.screenshot({ path: artifactPath('verify-valid-phone-en.png'), fullPage: true });
  });

  await withPage('certificates-revoke', desktop, async (page) => {
    await signInAs(page, server, 'coordinacion@example.pa');
    await page.getByRole('link', { name: 'Diplomado en Gestión Integral de Fronteras con Enfoque de Derechos Humanos' }).click();
    await openSection(page, 'Certificados');
    const row = page.getByRole('table', { name: 'Certificados emitidos' }).getByRole('row').filter({ hasText: serial });
    await row.getByRole('button', { name: `Revocar ${serial}` }).click();
    const dialog = page.getByRole('dialog', { name: `¿Revocar el certificado ${serial} de Dayana Ábrego Barría?` });
    await dialog.getByLabel('Motivo (al menos 5 caracteres)').fill('Emitido antes de corregir el expediente');
    await page.screenshot({ path: artifactPath('certificates-revoke-desktop-es.png') });
    await dialog.getByRole('button', { name: 'Revocar' }).click();
    await page.getByText(`Certificado ${serial} revocado.`).waitFor();
    await row.getByText(/Certificado revocado/).waitFor();
  });

  await withPage('verify-revoked', desktop, async (page) => {
    await page.goto(verifyUrl);
    await page.getByRole('status').filter({ hasText: 'Certificado revocado' }).waitFor();
    assert.match(await page.getByRole('status').filter({ hasText: 'Certificado revocado' }).innerText(), /Revocado el \d+ de \w+ de \d{4}/);
    await page.screenshot({ path: artifactPath('verify-revoked-desktop-es.png'), fullPage: true });
    await page.goto(verifyUrl.replace(/DIP-[^/]+$/, 'DIP-0000-0000-0000'));
    await page.getByRole('status').filter({ hasText: 'No se encontró ningún certificado con esa serie.' }).waitFor();
    assert.doesNotMatch(await page.locator('main').innerText(), /Ábrego|Diplomado en/);
    await page.screenshot({ path: artifactPath('verify-unknown-desktop-es.png'), fullPage: true });
  });
});

test('the certificates page on a 390 px phone, in English', async () => {
  await withPage('certificates-phone', phone, async (page) => {
    await signInAs(page, server, 'coordinacion@example.pa');
    await page.getByRole('link', { name: 'Diplomado en Gestión Integral de Fronteras con Enfoque de Derechos Humanos' }).click();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('navigation', { name: 'Programme sections' }).getByRole('link', { name: 'Certificates' }).click();
    await page.getByRole('heading', { level: 1, name: 'Certificates' }).waitFor();
    await page.getByRole('table', { name: 'Certificates issued' }).waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `the page is ${width} px wide`);
    assert.deepEqual(await axeViolations(page), []);
    await page.screenshot({ path: artifactPath('certificates-phone-en.png'), fullPage: true });
  });
});
