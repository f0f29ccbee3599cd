// Temporary: screenshots to look at. Not a test.
import { startServer, signIn as apiSignIn, send, get } from '../api/harness.mjs';
import { launchBrowser } from './browser.mjs';
const CODE = 'IBM-HR-PA-2023';
const server = await startServer({ users: [
  { email: 'coordinacion@example.pa', name: 'Coordinación', role: 'coordinator', programme: CODE },
  { email: 'donante@example.ca', name: 'Donante', role: 'observer', programme: CODE },
  { email: 'migdalia.vasquez@demo.diplomado.invalid', name: 'Migdalia', role: 'participant', programme: CODE },
  { email: 'docente@example.pa', name: 'Docente', role: 'instructor', programme: CODE },
] });
const browser = await launchBrowser();
const who = process.argv[2] ?? 'coordinacion@example.pa';
const paths = (process.argv[3] ?? '/programmes/1').split(',');
const errors = [];
for (const [vw, vh, tag] of [[1366, 900, 'desk'], [390, 844, 'phone']]) {
  for (const lang of ['es', 'en']) {
    const context = await browser.newContext({ viewport: { width: vw, height: vh }, ...(tag === 'phone' ? { isMobile: true, hasTouch: true } : {}) });
    const page = await context.newPage();
    page.on('console', (m) => { if (m.type() === 'error') errors.push(`${tag} ${lang}: ${m.text()}`); });
    await page.goto(server.base);
    await page.evaluate((l) => localStorage.setItem('diplomado.language', l), lang);
    await page.reload();
    await page.getByLabel(lang === 'es' ? 'Correo electrónico' : 'E-mail').fill(who);
    await page.getByLabel(lang === 'es' ? 'Contraseña' : 'Password').fill(server.accounts[who]);
    await page.getByRole('button', { name: lang === 'es' ? 'Entrar' : 'Sign in' }).click();
    await page.waitForTimeout(600);
    for (const p of paths) {
      await page.goto(server.base + p);
      await page.waitForTimeout(1500);
      const name = `${who.split('@')[0]}${p.replace(/[/?=&]/g, '_')}-${tag}-${lang}.png`;
      await page.screenshot({ path: `/tmp/shots/${name}`, fullPage: process.env.FULL === '1' });
    }
    await context.close();
  }
}
console.log(errors.join('\n') || 'no console errors');
await browser.close();
await server.stop();
