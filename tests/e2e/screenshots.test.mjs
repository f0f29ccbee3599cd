// Screenshots compared with the ones committed in tests/e2e/screenshots/, with a tolerance, so
// that a broken layout fails while a changed anti-aliasing does not: the coordinator's dashboard
// and gradebook on a desktop, and a juror's list on a phone. After an intended change of layout,
// look at the new pictures, then run with UPDATE_SCREENSHOTS=1 to make them the reference.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { startServer, signIn as apiSignIn, get, send, mailLinks, passwordFromMail } from '../api/harness.mjs';
import { launchBrowser, withPage, artifactPath, acceptConsentIfAsked } from './browser.mjs';

const require = createRequire(join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'web', 'package.json'));
const { PNG } = require('pngjs');
const pixelmatch = require('pixelmatch').default ?? require('pixelmatch');

const references = join(dirname(fileURLToPath(import.meta.url)), 'screenshots');
// A pixel differs when its colour moves by more than pixelmatch's 0.1 (anti-aliasing ignored);
// a picture differs when more than 1 % of its pixels do. A section that moves or vanishes
// changes far more than that.
const MAX_SHARE = 0.01;

const CODE = 'IBM-HR-PA-2023';
let server;
let browser;
let jurorPassword;
before(async () => {
  server = await startServer({ users: [{ email: 'coordinacion@example.pa', name: 'Coordinación', role: 'coordinator', programme: CODE }] });
  const coordinator = await apiSignIn(server, 'coordinacion@example.pa');
  // A fourth juror per project, so that the new juror has projects to score.
  const settings = await (await get(server, '/api/v1/programmes/1/project_settings', coordinator)).json();
  assert.equal((await send(server, 'PUT', '/api/v1/programmes/1/project_settings', coordinator, { ...settings, jurors_per_project: 4 })).status, 200);
  const mailed = mailLinks(server).length;
  assert.equal((await send(server, 'POST', '/api/v1/programmes/1/jurors', coordinator, { email: 'jurado@example.pa', display_name: 'Jurada Pérez', institution_id: null })).status, 201);
  jurorPassword = await passwordFromMail(server, mailed);
  assert.equal((await send(server, 'POST', '/api/v1/programmes/1/jury_assignments', coordinator, {})).status, 200);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

async function signIn(page, email, password) {
  await page.goto(server.base);
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(password);
  await page.locator('form button[type="submit"]').click();
  await acceptConsentIfAsked(page);
  await page.getByRole('heading', { name: 'Programas' }).waitFor();
}

async function compare(page, name) {
  await page.waitForLoadState('networkidle');
  await page.locator('.skeleton').first().waitFor({ state: 'detached', timeout: 10000 }).catch(() => {});
  await page.evaluate(() => document.fonts.ready);
  const shot = PNG.sync.read(await page.screenshot({ animations: 'disabled', caret: 'hide' }));
  const reference = join(references, `${name}.png`);
  if (process.env.UPDATE_SCREENSHOTS === '1' || !existsSync(reference)) {
    assert.ok(process.env.UPDATE_SCREENSHOTS === '1', `no reference for ${name}: look at ${artifactPath(`${name}.png`)}, then run with UPDATE_SCREENSHOTS=1`);
    mkdirSync(references, { recursive: true });
    writeFileSync(reference, PNG.sync.write(shot));
    return;
  }
  const expected = PNG.sync.read(readFileSync(reference));
  assert.deepEqual([shot.width, shot.height], [expected.width, expected.height], `${name}: the size changed`);
  const diff = new PNG({ width: shot.width, height: shot.height });
  const differing = pixelmatch(shot.data, expected.data, diff.data, shot.width, shot.height, { threshold: 0.1 });
  const share = differing / (shot.width * shot.height);
  if (share > MAX_SHARE) {
    writeFileSync(artifactPath(`${name}-actual.png`), PNG.sync.write(shot));
    writeFileSync(artifactPath(`${name}-diff.png`), PNG.sync.write(diff));
  }
  assert.ok(share <= MAX_SHARE, `${name}: ${(share * 100).toFixed(2)} % of the pixels differ (at most ${MAX_SHARE * 100} %); see tests/e2e/artifacts/${name}-diff.png`);
}

test('the dashboard and the gradebook on a desktop look as they did', async () => {
  await withPage(browser, 'screenshot-coordinator', { viewport: { width: 1366, height: 900 } }, async (page) => {
    await signIn(page, 'coordinacion@example.pa', server.accounts['coordinacion@example.pa']);
    await page.goto(`${server.base}/programmes/1`);
    await page.getByRole('region', { name: 'Asistencia por sesión' }).locator('svg').first().waitFor();
    await compare(page, 'dashboard-desktop-es');
    await page.goto(`${server.base}/programmes/1/gradebook`);
    await page.getByRole('table').waitFor();
    await compare(page, 'gradebook-desktop-es');
  });
});

test('a juror’s list on a phone looks as it did', async () => {
  await withPage(browser, 'screenshot-juror', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }, async (page) => {
    await signIn(page, 'jurado@example.pa', jurorPassword);
    await page.goto(`${server.base}/programmes/1/reviews`);
    await page.locator('.review-card').first().waitFor();
    await compare(page, 'juror-reviews-phone-es');
  });
});
