// What every browser journey shares: Debian's Chromium launched the way this machine needs,
// a page per story with a screenshot when it fails, axe-core, and keyboard helpers.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'web', 'package.json'));
const { chromium } = require('playwright-core');
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const artifacts = join(dirname(fileURLToPath(import.meta.url)), 'artifacts');

export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync'], // playwright gives each launch a fresh, empty profile
  });
}

// Where a journey keeps a screenshot to look at (tests/e2e/artifacts/, not committed).
// The two views every journey looks at: a desktop, and a 390 px phone.
export const desktop = { viewport: { width: 1366, height: 900 } };
export const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

export function artifactPath(name) {
  mkdirSync(artifacts, { recursive: true });
  return join(artifacts, name);
}

// Every page is watched: an error in the console (an exception, a CSP violation, a warning the
// app logs as an error) fails the story, and so does any request the app makes that the server
// answers 403 (the app must not ask for what the user may not read) or 5xx. Other refusals
// (400, 401, 404, 409, ...) are answers the pages handle and show; Chromium logs each as
// "Failed to load resource", which is therefore not counted twice.
export function watchConsole(page) {
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`exception: ${error.message}`));
  page.on('response', (response) => {
    const status = response.status();
    if (status === 403 || status >= 500) problems.push(`${status} from ${response.request().method()} ${new URL(response.url()).pathname}`);
  });
  return problems;
}

export async function withPage(browser, name, options, body) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const problems = watchConsole(page);
  try {
    await body(page);
    assert.deepEqual(problems, [], 'no console errors, no 403 or 5xx');
  } catch (error) {
    await page.screenshot({ path: artifactPath(`${name}.png`), fullPage: true });
    throw error;
  } finally {
    await context.close();
  }
}

// Presses Tab until the focused element passes the test; fails if 20 presses never reach it.
export async function tabUntil(page, predicate) {
  for (let presses = 0; presses < 20; presses++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(`(${predicate.toString()})(document.activeElement)`)) return;
  }
  assert.fail(`Tab never reached ${predicate}`);
}

export async function axeViolations(page) {
  // Injected over the DevTools protocol: the page's CSP rightly refuses inline scripts.
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => await window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa'] }));
  return result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

// Signs in through the sign-in form, as a person does, and waits for the programme list.
export async function signInAs(page, server, email, password = server.accounts[email]) {
  await page.goto(server.base);
  await page.getByLabel('Correo electrónico').fill(email);
  await page.getByLabel('Contraseña').fill(password);
  await page.getByRole('button', { name: 'Entrar' }).click();
  await acceptConsentIfAsked(page);
  await page.getByRole('heading', { name: 'Programas' }).waitFor();
}

// A user's first sign-in shows the privacy notice (issue 15): accepted here as its user would;
// tests/e2e/consent_journey.test.mjs looks at it closely.
export async function acceptConsentIfAsked(page) {
  const accept = page.getByRole('button', { name: /^(Acepto|I accept)$/ });
  const programmes = page.getByRole('heading', { name: /^(Programas|Programmes)$/ });
  await programmes.or(accept).first().waitFor();
  // On a loaded machine the notice may still be drawing: click until the programmes show.
  for (let tries = 0; tries < 3 && !(await programmes.isVisible()); tries++) {
    if (await accept.isVisible()) await accept.click();
    await programmes.waitFor({ timeout: 5000 }).catch(() => {});
  }
}
