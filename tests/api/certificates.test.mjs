// Issue 13 over HTTP, on SQLite and PostgreSQL: certificate settings (signatories, logos checked
// by content), issuing after graduation, the PDF's text (a golden file) and its QR code read back
// (pdftoppm + zbarimg), the ZIP, a participant's own certificate only, a corrected name (same
// serial, new version), revocation and the public check.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, serveAgain, signIn, get, send, programmeIdOf, fixtures } from './harness.mjs';

const CODE = 'IBM-HR-PA-2023';
const MIGDALIA = 'migdalia.vasquez@demo.diplomado.invalid';
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const SVG = '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><rect width="120" height="40" fill="#0b5cab"/></svg>';
let server;
let programmeId;
let coordinator;
let dir;

before(async () => {
  server = await startServer({
    users: [
      { email: 'coordinacion@example.pa', role: 'coordinator', programme: CODE },
      // A participant of the demo (she leads the SENAFRONT team of Darién): matched by this e-mail.
      { email: MIGDALIA, role: 'participant', programme: CODE },
      { email: 'donante@example.ca', role: 'observer', programme: CODE },
    ],
  });
  coordinator = await signIn(server, 'coordinacion@example.pa');
  programmeId = await programmeIdOf(server, coordinator, CODE);
  dir = mkdtempSync(join(tmpdir(), 'diplomado-certificates-'));
});
after(() => {
  server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const base = () => `/api/v1/programmes/${programmeId}`;
const bytesOf = async (response) => Buffer.from(await response.arrayBuffer());

test('signatories are set and checked; logos are checked by their content and size', async () => {
  const settings = await (await get(server, `${base()}/certificate_settings`, coordinator)).json();
  assert.equal(settings.layout, 'bilingual');
  assert.equal(settings.signatories.length, 1, 'the demo file names one signatory');
  const missing = await send(server, 'PUT', `${base()}/certificate_settings`, coordinator, { layout: 'bilingual', signatories: [{ name: ' ', title: { es: 'x', en: '' } }] });
  assert.equal(missing.status, 400);
  const fields = (await missing.json()).errors.map((error) => `${error.field}#${error.row}`);
  assert.deepEqual(fields, ['signatories.name#1', 'signatories.title.en#1']);
  const set = await send(server, 'PUT', `${base()}/certificate_settings`, coordinator, {
    layout: 'bilingual',
    signatories: [
      { name: 'Coordinación Académica del Diplomado', title: { es: 'OIM Panamá', en: 'IOM Panama' } },
      { name: 'Dirección General', title: { es: 'Servicio Nacional de Fronteras', en: 'National Border Service' } },
    ],
  });
  assert.equal(set.status, 200);
  assert.equal((await set.json()).signatories.length, 2);

  const logo = (body, type) => send(server, 'POST', `${base()}/certificate_settings/logos`, coordinator, body, { 'Content-Type': type });
  assert.equal((await logo(new Uint8Array(PNG), 'image/png')).status, 201);
  assert.equal((await logo(SVG, 'image/svg+xml')).status, 201);
  const fake = await logo(new TextEncoder().encode('GIF89a not a png at all'), 'image/png');
  assert.equal(fake.status, 400, 'a declared PNG that is not one is refused');
  assert.equal((await fake.json()).errors[0].code, 'not_an_image');
  const big = await logo(new Uint8Array(1024 * 1024 + 1), 'image/png');
  assert.equal(big.status, 413, 'over 1 MiB is refused from its headers');
  const now = await (await get(server, `${base()}/certificate_settings`, coordinator)).json();
  assert.deepEqual(now.logos.map((l) => l.media_type), ['image/png', 'image/svg+xml']);
});

test('nothing is issued before graduation; after it, 49 diplomas and 8 group-leader recognitions', async () => {
  const early = await (await send(server, 'POST', `${base()}/certificates`, coordinator)).json();
  assert.equal(early.issued, 8, 'only the group leaders before graduation');
  assert.equal((await send(server, 'POST', `${base()}/graduation`, coordinator, {})).status, 200);
  const issued = await (await send(server, 'POST', `${base()}/certificates`, coordinator)).json();
  assert.deepEqual(issued, { issued: 49, reissued: 0, unchanged: 8 });
  const again = await (await send(server, 'POST', `${base()}/certificates`, coordinator)).json();
  assert.deepEqual(again, { issued: 0, reissued: 0, unchanged: 57 }, 'issuing is idempotent');
  const list = (await (await get(server, `${base()}/certificates`, coordinator)).json()).items;
  assert.equal(list.length, 57);
  assert.equal(new Set(list.map((c) => c.serial)).size, 57, 'one serial each');
  assert.ok(list.every((c) => /^DIP-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/.test(c.serial)));
});

test('a certificate reads as its golden text, and its QR code leads to the public check', async () => {
  const list = (await (await get(server, `${base()}/certificates`, coordinator)).json()).items;
  const dayana = list.find((c) => c.kind === 'graduation' && c.holder_name === 'Dayana Ábrego Barría');
  const pdf = await get(server, `${base()}/certificates/${dayana.serial}/pdf`, coordinator);
  assert.equal(pdf.status, 200);
  assert.equal(pdf.headers.get('content-type'), 'application/pdf');
  const file = join(dir, 'dayana.pdf');
  writeFileSync(file, await bytesOf(pdf));
  // The text, with what changes from run to run (the serial, the address, the day) masked.
  // Lines in reading order with their spacing collapsed: what the certificate says, not where
  // pdftotext's columns happen to fall.
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
    .split('\n').map((line) => line.trim().replace(/\s{2,}/g, ' | ')).filter(Boolean).join('\n')
    .replaceAll(dayana.serial, 'DIP-XXXX-XXXX-XXXX')
    .replaceAll(/DIP-[0-9A-Z]{4}- ?[0-9A-Z]{4}- ?[0-9A-Z]{4}/g, 'DIP-XXXX-XXXX-XXXX')
    .replaceAll(/http:\/\/localhost:\d+/g, 'http://localhost:PORT')
    .replace(/Emitido el \d+ de \w+ de \d{4}/, 'Emitido el FECHA') + '\n';
  const golden = join(fixtures, 'golden', 'certificate-graduation.txt');
  if (process.env.UPDATE_GOLDEN) writeFileSync(golden, text);
  assert.equal(text, readFileSync(golden, 'utf8'), 'pdftotext of the certificate (UPDATE_GOLDEN=1 rewrites it)');
  assert.match(text, /Dayana Ábrego Barría/, 'the name exactly as recorded, accents and all');

  execFileSync('pdftoppm', ['-r', '150', '-png', '-singlefile', file, join(dir, 'dayana')]);
  const decoded = execFileSync('zbarimg', ['-q', '--raw', join(dir, 'dayana.png')], { encoding: 'utf8' }).trim();
  assert.equal(decoded, dayana.verify_url);
  // The server's own address (--public-url unset: localhost and its port).
  assert.equal(decoded, `http://localhost:${new URL(server.base).port}/verify/${dayana.serial}`);
  const check = await (await get(server, `/api/v1/verify/${dayana.serial}`)).json();
  assert.equal(check.state, 'valid');
  assert.equal(check.holder_name, 'Dayana Ábrego Barría');
  assert.deepEqual(Object.keys(check).sort(), ['anonymised', 'end_date', 'holder_name', 'issued_at', 'kind', 'programme', 'revoked_at', 'serial', 'state', 'version']);
});

test('the batch is one ZIP of the current PDFs', async () => {
  const zip = await get(server, `${base()}/certificates/archive`, coordinator);
  assert.equal(zip.status, 200);
  assert.equal(zip.headers.get('content-type'), 'application/zip');
  const file = join(dir, 'all.zip');
  writeFileSync(file, await bytesOf(zip));
  const out = join(dir, 'all');
  execFileSync('unzip', ['-q', '-o', file, '-d', out]);
  const names = readdirSync(out);
  assert.equal(names.length, 57);
  assert.ok(names.includes(names.find((n) => /_dayana-abrego-barria_graduation\.pdf$/.test(n))));
});

test('a participant downloads her own certificates and no one else’s; the donor none', async () => {
  const migdalia = await signIn(server, MIGDALIA);
  const mine = (await (await get(server, `${base()}/certificates`, migdalia)).json()).items;
  assert.deepEqual(mine.map((c) => c.kind).sort(), ['graduation', 'group_leader'], 'her diploma and her recognition as group leader');
  assert.ok(mine.every((c) => c.holder_name === 'Migdalia Vásquez Pérez'));
  assert.equal((await get(server, `${base()}/certificates/${mine[0].serial}/pdf`, migdalia)).status, 200);
  const all = (await (await get(server, `${base()}/certificates`, coordinator)).json()).items;
  const other = all.find((c) => c.holder_name !== 'Migdalia Vásquez Pérez');
  assert.equal((await get(server, `${base()}/certificates/${other.serial}/pdf`, migdalia)).status, 404, 'another’s is not found, not forbidden');
  assert.equal((await get(server, `${base()}/certificates/archive`, migdalia)).status, 403);
  const donor = await signIn(server, 'donante@example.ca');
  assert.deepEqual((await (await get(server, `${base()}/certificates`, donor)).json()).items, []);
});

test('revocation is dated, has a reason, and shows on the public check; unknown serials leak nothing', async () => {
  const all = (await (await get(server, `${base()}/certificates`, coordinator)).json()).items;
  const target = all.find((c) => c.kind === 'group_leader');
  const terse = await send(server, 'POST', `${base()}/certificates/${target.serial}/revocation`, coordinator, { reason: 'x' });
  assert.equal(terse.status, 400);
  const revoked = await send(server, 'POST', `${base()}/certificates/${target.serial}/revocation`, coordinator, { reason: 'Emitido por error al equipo equivocado' });
  assert.equal(revoked.status, 200);
  assert.equal((await revoked.json()).state, 'revoked');
  assert.equal((await send(server, 'POST', `${base()}/certificates/${target.serial}/revocation`, coordinator, { reason: 'Otra vez, por si acaso' })).status, 409);
  const check = await (await get(server, `/api/v1/verify/${target.serial}`)).json();
  assert.equal(check.state, 'revoked');
  assert.match(check.revoked_at, /^\d{4}-\d{2}-\d{2}T/);
  assert.ok(!('revocation_reason' in check), 'the reason stays with the coordinator');
  for (const serial of ['DIP-0000-0000-0000', 'not-a-serial', 'DIP-0000-0000-000%27']) {
    const unknown = await get(server, `/api/v1/verify/${serial}`);
    assert.equal(unknown.status, 404, serial);
    const body = await unknown.text();
    assert.doesNotMatch(body, /Ábrego|Diplomado en/, 'nothing about any certificate');
  }
  const zip = await get(server, `${base()}/certificates/archive`, coordinator);
  writeFileSync(join(dir, 'after.zip'), await bytesOf(zip));
  const listed = execFileSync('unzip', ['-Z1', join(dir, 'after.zip')], { encoding: 'utf8' }).trim().split('\n');
  assert.equal(listed.length, 56, 'a revoked certificate leaves the batch');
});

test('the confirmed best project gives each member of its team a recognition', async () => {
  const ranking = await (await get(server, `${base()}/ranking`, coordinator)).json();
  const best = ranking.best_project.proposed;
  assert.ok(best, 'the demo ranking proposes a best project');
  assert.equal((await send(server, 'POST', `${base()}/recognitions/best_project`, coordinator, { project_id: best })).status, 200);
  const outcome = await (await send(server, 'POST', `${base()}/certificates`, coordinator)).json();
  const team = ranking.projects.find((project) => project.project_id === best).team;
  const recognitions = (await (await get(server, `${base()}/certificates`, coordinator)).json()).items.filter((c) => c.kind === 'best_project');
  assert.equal(outcome.issued, recognitions.length);
  assert.ok(recognitions.length >= 3, 'every member of the team');
  assert.ok(recognitions.every((c) => c.team === team), `all of ${team}`);
});

test('the public check is rate-limited per address, saying when to come back', async () => {
  let throttled = null;
  for (let i = 0; i < 61 && !throttled; i++) {
    const response = await get(server, '/api/v1/verify/DIP-0000-0000-0000', undefined, { 'Accept-Language': 'en' });
    if (response.status === 429) throttled = response;
    else assert.equal(response.status, 404);
  }
  assert.ok(throttled, 'at most 60 checks a minute');
  assert.equal(throttled.headers.get('retry-after'), '60');
  assert.match((await throttled.json()).title, /Too many checks/);
});

// Behind a reverse proxy every check comes from the proxy's address: with --trusted-proxy the
// client's own address (X-Forwarded-For, as the proxy wrote it) gets the budget; without it, the
// header counts for nothing, so a forged one buys no fresh budget.
test('behind a trusted proxy each client has its own budget; without one, X-Forwarded-For is ignored', async () => {
  const exhaust = async (at, headers) => {
    for (let i = 0; i < 61; i++) {
      const response = await get(at, '/api/v1/verify/DIP-0000-0000-0000', undefined, { 'Accept-Language': 'en', ...headers });
      if (response.status === 429) return i;
    }
    return null;
  };
  const proxied = await serveAgain(server, ['--trusted-proxy', '127.0.0.1']);
  try {
    assert.equal(await exhaust(proxied, { 'X-Forwarded-For': '198.51.100.7' }), 60, 'the first client spends its 60 checks');
    const other = await get(proxied, '/api/v1/verify/DIP-0000-0000-0000', undefined, { 'X-Forwarded-For': '198.51.100.8' });
    assert.equal(other.status, 404, 'another client behind the same proxy is not throttled');
    const forged = await get(proxied, '/api/v1/verify/DIP-0000-0000-0000', undefined, { 'X-Forwarded-For': '6.6.6.6, 198.51.100.7' });
    assert.equal(forged.status, 429, 'what the client wrote left of the proxy’s entry is not believed');
  } finally {
    await proxied.stop();
  }
  const direct = await serveAgain(server);
  try {
    assert.equal(await exhaust(direct, { 'X-Forwarded-For': '198.51.100.9' }), 60);
    const forged = await get(direct, '/api/v1/verify/DIP-0000-0000-0000', undefined, { 'X-Forwarded-For': '198.51.100.10' });
    assert.equal(forged.status, 429, 'no proxy is trusted: the header buys nothing');
  } finally {
    await direct.stop();
  }
});
