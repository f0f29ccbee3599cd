// Issue 16 scope 4, on SQLite and on PostgreSQL: `diplomado backup` of a live server under write
// load, `diplomado restore` into a new data directory and an empty database, and every table,
// key and file compared; a wrong passphrase, a cut-off or altered file and an occupied destination
// are refused with a clear message and nothing written.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, serveAgain, signIn, get, send, run, binary, freshDatabase, programmeIdOf } from './harness.mjs';

const CODE = 'IBM-HR-PA-2023';
const PASSPHRASE = 'frase de paso bastante larga';
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
let server;
let work;
let backupFile;
const postgres = process.env.DIPLOMADO_API_DATABASE === 'postgres';

before(async () => {
  server = await startServer({ users: [{ email: 'coordinacion@example.pa', role: 'coordinator', programme: CODE }] });
  work = mkdtempSync(join(tmpdir(), 'diplomado-backup-'));
  backupFile = join(work, 'respaldo.bin');
});
after(async () => {
  await server?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

const databaseOf = (common) => {
  const at = common.indexOf('--database');
  return at >= 0 ? common[at + 1] : null;
};
// Every table's rows, as sorted lines of text, read with the database's own client.
function tables(common, dataDir) {
  const url = databaseOf(common);
  const query = (sql) =>
    url
      ? execFileSync('psql', [url, '-At', '-c', sql], { encoding: 'utf8', maxBuffer: 1 << 28 })
      : execFileSync('sqlite3', [join(dataDir, 'diplomado.db'), sql], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const names = query(
    url ? "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()" : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
  )
    .split('\n')
    .filter(Boolean);
  return Object.fromEntries(names.map((name) => [name, query(`SELECT * FROM ${name}`).split('\n').filter(Boolean).sort()]));
}
const objects = (dataDir) => {
  const root = join(dataDir, 'files', 'objects');
  return existsSync(root) ? readdirSync(root).flatMap((prefix) => readdirSync(join(root, prefix))).sort() : [];
};

test('a backup taken under write load restores into a new place whole: every table, key and file', async () => {
  const coordinator = await signIn(server, 'coordinacion@example.pa');
  const programmeId = await programmeIdOf(server, coordinator, CODE);
  const logo = await send(server, 'POST', `/api/v1/programmes/${programmeId}/certificate_settings/logos`, coordinator, new Uint8Array(PNG), {
    'Content-Type': 'image/png',
  });
  assert.equal(logo.status, 201);

  // Write load: sign-ins (each writes a session and an audit event) and grade-free edits of the
  // certificate settings, from four clients, for as long as the backup runs.
  let writing = true;
  let writes = 0;
  const load = Array.from({ length: 4 }, async (_, client) => {
    while (writing) {
      if (client % 2) await signIn(server, 'coordinacion@example.pa');
      else {
        const settings = await (await get(server, `/api/v1/programmes/${programmeId}/certificate_settings`, coordinator)).json();
        const saved = await send(server, 'PUT', `/api/v1/programmes/${programmeId}/certificate_settings`, coordinator, {
          layout: settings.layout === 'bilingual' ? 'per_language' : 'bilingual',
          signatories: settings.signatories,
        });
        assert.equal(saved.status, 200);
      }
      writes++;
    }
  });
  await new Promise((resolve) => setTimeout(resolve, 300));
  const started = writes;
  const backedUp = await new Promise((resolve) => {
    const child = execFile(binary, ['backup', ...server.common, '--to', backupFile, '--passphrase-stdin'], (error, stdout, stderr) =>
      resolve({ code: error ? error.code : 0, stdout, stderr }),
    );
    child.stdin.end(`${PASSPHRASE}\n`);
  });
  const during = writes - started;
  writing = false;
  await Promise.all(load);
  assert.equal(backedUp.code, 0, backedUp.stderr);
  assert.match(backedUp.stdout, /Respaldo escrito en .*esquema \d+/);
  assert.ok(during > 0, 'writes went on while the backup ran');
  console.log(`# ${during} writes landed while the backup ran (${readFileSync(backupFile).length} bytes)`);
  assert.ok(!readFileSync(backupFile).includes('coordinacion@example.pa'), 'nothing of the database is readable in the file');

  const source = tables(server.common, server.dataDir);
  const restoredDir = join(work, 'restored');
  const restoredCommon = ['--data', restoredDir, ...freshDatabase()];
  const restored = run(['restore', ...restoredCommon, '--from', backupFile, '--passphrase-stdin'], `${PASSPHRASE}\n`);
  assert.equal(restored.code, 0, restored.stderr);
  const copy = tables(restoredCommon, restoredDir);

  // The writes of the load touched sessions, the audit trail, the settings and the counters; every
  // other table is the same, row for row.
  const loaded = new Set(['http_session', 'audit_event', 'programme', 'change_counter']);
  assert.deepEqual(Object.keys(copy).sort(), Object.keys(source).sort());
  for (const name of Object.keys(source)) if (!loaded.has(name)) assert.deepEqual(copy[name], source[name], `table ${name}`);
  // The audit trail is one moment of it: events are never changed, so every copied row is the
  // source's, and none is missing before the last one copied. (On PostgreSQL an id is drawn when a
  // transaction inserts, not when it commits, so the few transactions in flight at that moment
  // may leave gaps just below it; SQLite has one writer, and no gap at all.)
  for (const row of copy.audit_event) assert.ok(source.audit_event.includes(row), `audit row ${row.split('|')[0]} is the source's`);
  const ids = (rows) => rows.map((row) => Number(row.split('|')[0])).sort((a, b) => a - b);
  const copied = ids(copy.audit_event);
  const missing = ids(source.audit_event).filter((id) => id <= copied.at(-1) && !copied.includes(id));
  if (postgres) assert.ok(missing.every((id) => id > copied.at(-1) - 8), `gaps only among the last ids: ${missing}`);
  else assert.deepEqual(missing, []);
  assert.ok(copied.length < source.audit_event.length, 'the load wrote on after the moment copied');
  assert.ok(copy.http_session.length > 0 && copy.http_session.length < source.http_session.length);
  assert.equal(copy.programme.length, source.programme.length);

  for (const name of ['issuer-key', 'issuer-key.retired'].filter((key) => existsSync(join(server.dataDir, key))))
    assert.deepEqual(readFileSync(join(restoredDir, name)), readFileSync(join(server.dataDir, name)), name);
  assert.ok(existsSync(join(restoredDir, 'issuer-key')), 'the signing key came back');
  assert.deepEqual(objects(restoredDir), objects(server.dataDir));
  assert.ok(objects(restoredDir).length > 0);
  assert.deepEqual(readdirSync(restoredDir).filter((name) => name.startsWith('.')), [], 'no staging left behind');

  // The restored place serves: sign in, and the logo is read from the restored file store.
  const again = await serveAgain({ common: restoredCommon, accounts: server.accounts });
  try {
    const session = await signIn(again, 'coordinacion@example.pa');
    const settings = await (await get(again, `/api/v1/programmes/${programmeId}/certificate_settings`, session)).json();
    assert.deepEqual(settings.logos.map((one) => one.bytes), [PNG.length]);
  } finally {
    await again.stop();
  }
});

// A restore that is refused leaves the new place as empty as it found it.
function assertNothingRestored(dataDir, common) {
  assert.ok(!existsSync(join(dataDir, 'issuer-key')));
  assert.ok(!existsSync(join(dataDir, 'diplomado.db')));
  assert.deepEqual(objects(dataDir), []);
  if (databaseOf(common)) assert.equal(execFileSync('psql', [databaseOf(common), '-At', '-c', "SELECT COUNT(*) FROM pg_tables WHERE schemaname = current_schema()"], { encoding: 'utf8' }).trim(), '0');
}

test('a wrong passphrase, a cut-off file, an altered byte or a short passphrase: refused in the console’s language, nothing written', () => {
  assert.ok(existsSync(backupFile), 'the first test wrote the backup');
  const whole = readFileSync(backupFile);
  const cut = join(work, 'cortado.bin');
  writeFileSync(cut, whole.subarray(0, Math.floor(whole.length * 0.6)));
  const altered = join(work, 'alterado.bin');
  const changed = Buffer.from(whole);
  changed[Math.floor(changed.length / 2)] ^= 0x01;
  writeFileSync(altered, changed);
  const notBackup = join(work, 'otro.bin');
  writeFileSync(notBackup, 'just some text, not a backup at all');
  const cases = [
    { file: backupFile, passphrase: 'no es la frase correcta', lang: 'en', says: /passphrase is wrong, or the file is damaged or incomplete\. Nothing was restored/ },
    { file: cut, passphrase: PASSPHRASE, lang: 'es', says: /la frase de paso no es la correcta, o el archivo está dañado o incompleto\. No se restauró nada/ },
    { file: altered, passphrase: PASSPHRASE, lang: 'en', says: /damaged or incomplete/ },
    { file: notBackup, passphrase: PASSPHRASE, lang: 'en', says: /not a Diplomado backup/ },
  ];
  for (const [index, one] of cases.entries()) {
    const dataDir = join(work, `refused-${index}`);
    const common = ['--data', dataDir, ...freshDatabase()];
    const refused = run(['restore', ...common, '--from', one.file, '--passphrase-stdin'], `${one.passphrase}\n`, { ...process.env, LANG: one.lang });
    assert.equal(refused.code, 1, one.file);
    assert.match(refused.stderr, one.says);
    assertNothingRestored(dataDir, common);
  }
  const short = run(['backup', ...server.common, '--to', join(work, 'corto.bin'), '--passphrase-stdin'], 'corta\n', { ...process.env, LANG: 'es' });
  assert.equal(short.code, 1);
  assert.match(short.stderr, /al menos 12 caracteres/);
  assert.ok(!existsSync(join(work, 'corto.bin')));
});

test('a restore into a place that holds data is refused and changes nothing there', () => {
  const before = tables(server.common, server.dataDir);
  const refused = run(['restore', ...server.common, '--from', backupFile, '--passphrase-stdin'], `${PASSPHRASE}\n`, { ...process.env, LANG: 'en' });
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, /writes only into an empty place/);
  const after = tables(server.common, server.dataDir);
  assert.deepEqual(after.programme, before.programme);
  assert.deepEqual(readdirSync(server.dataDir).filter((name) => name.startsWith('.')), [], 'no staging left behind');
});
