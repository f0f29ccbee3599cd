// Start-up failures end with one clear line and a non-zero exit code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:net';
import { run, startServer, freePort, freshDatabase } from './harness.mjs';

test('a data directory that cannot be written stops start-up', () => {
  const dir = mkdtempSync(join(tmpdir(), 'diplomado-bad-'));
  writeFileSync(join(dir, 'file'), 'not a folder');
  const result = run(['serve', '--data', join(dir, 'file', 'sub'), '--port', '1']);
  rmSync(dir, { recursive: true, force: true });
  assert.notEqual(result.code, 0);
  assert.match(result.stderr, /directorio de datos|data directory/);
});

test('a port already in use stops start-up', async () => {
  const server = await startServer();
  try {
    const result = run(['serve', ...server.common, '--port', String(server.port)]);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /puerto|port/);
    assert.match(result.stderr, new RegExp(String(server.port)));
    assert.doesNotMatch(result.stdout + result.stderr, /escucha en|listening on/, 'it never said it listens');
  } finally {
    await server.stop();
  }
});

test('a database that cannot be reached stops start-up, its cause on one line', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'diplomado-unreachable-'));
  const closed = await freePort();
  const result = run(['serve', '--data', dir, '--database', `postgresql://postgres@127.0.0.1:${closed}/nowhere`, '--port', String(await freePort())]);
  rmSync(dir, { recursive: true, force: true });
  assert.equal(result.code, 1);
  const lines = result.stderr.trim().split('\n');
  assert.match(lines[0], /No se pudo abrir la base de datos/);
  assert.equal(lines.length, 2, result.stderr);
  assert.match(lines[1], /refused/, 'the driver\'s cause, joined into the line');
  assert.doesNotMatch(result.stdout, /escucha en|listening on/);
});

test('SIGTERM lets the request in flight finish, then the server exits 0', async () => {
  const server = await startServer();
  const socket = connect(server.port, '127.0.0.1');
  await new Promise((resolve) => socket.once('connect', resolve));
  let answer = '';
  socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
  const body = JSON.stringify({ email: 'nadie@example.pa', password: 'not the password at all' });
  socket.write(`POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nX-CSRF-Token: x\r\nContent-Length: ${body.length}\r\n\r\n`);
  socket.write(body.slice(0, 10));
  await new Promise((resolve) => setTimeout(resolve, 200));
  const exited = new Promise((resolve) => server.process.once('exit', (code) => resolve(code)));
  process.kill(server.pid, 'SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 300));
  // A new connection is refused at once; the one in flight is still served.
  await assert.rejects(fetch(`${server.base}/healthz`));
  socket.write(body.slice(10));
  assert.equal(await exited, 0);
  assert.match(answer, /^HTTP\/1\.1 401 /, 'the request in flight got its answer');
  assert.match(answer, /Connection: close/i);
  socket.destroy();
  await server.stop();
});

test('the data directory is its owner\'s alone (0700), and so are the database and the issuer key (0600)', async () => {
  const parent = mkdtempSync(join(tmpdir(), 'diplomado-modes-'));
  const dir = join(parent, 'data');
  assert.equal(run(['init', '--data', dir]).code, 0);
  const mode = (path) => statSync(path).mode & 0o777;
  assert.equal(mode(dir), 0o700);
  assert.equal(mode(join(dir, 'diplomado.db')), 0o600);
  assert.equal(mode(join(dir, 'issuer-key')), 0o600);
  // What the CLI writes with -o holds personal data too.
  assert.equal(run(['demo', '--data', dir]).code, 0);
  const exported = join(parent, 'audit.csv');
  const audit = run(['audit', '--data', dir, '--programme', 'IBM-HR-PA-2023', '--format', 'csv', '-o', exported]);
  assert.equal(audit.code, 0, audit.stderr);
  assert.equal(mode(exported), 0o600);
  rmSync(parent, { recursive: true, force: true });
});

test('a database from a newer version is refused', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'diplomado-newer-'));
  const database = freshDatabase();
  assert.equal(run(['init', '--data', dir, ...database]).code, 0);
  const future = "INSERT INTO schema_migration VALUES (9999, '9999_future.sql', 'x')";
  if (database.length) execFileSync('psql', [database[1], '-q', '-c', future]);
  else execFileSync('python3', ['-c', `import sqlite3; c = sqlite3.connect('${join(dir, 'diplomado.db')}'); c.execute("${future}"); c.commit()`]);
  const result = run(['serve', '--data', dir, ...database, '--port', String(await freePort())]);
  rmSync(dir, { recursive: true, force: true });
  assert.notEqual(result.code, 0);
  assert.match(result.stderr, /más nueva|newer/);
});

test('init prints a generated password once, and no fixed one exists', () => {
  const dir = mkdtempSync(join(tmpdir(), 'diplomado-init-'));
  const first = run(['init', '--data', dir]);
  const second = run(['init', '--data', dir]);
  const other = mkdtempSync(join(tmpdir(), 'diplomado-init-'));
  const third = run(['init', '--data', other]);
  rmSync(dir, { recursive: true, force: true });
  rmSync(other, { recursive: true, force: true });
  const password = (output) => /password: (\S+)/.exec(output)?.[1];
  assert.ok(password(first.stdout)?.length >= 20);
  assert.equal(password(second.stdout), undefined);
  assert.notEqual(password(first.stdout), password(third.stdout));
});

test('the command line speaks Spanish by default and English when the locale asks', () => {
  const spanish = run(['user', 'add', '--help'], undefined, { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: 'C.UTF-8' });
  assert.equal(spanish.code, 0);
  assert.match(spanish.stdout, /Uso: .*user add \[OPCIONES\]/);
  assert.match(spanish.stdout, /Lee la contraseña de la entrada estándar/);
  assert.doesNotMatch(spanish.stdout, /Options:|Read the password/);
  const english = run(['user', 'add', '--help'], undefined, { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: 'en_GB.UTF-8' });
  assert.match(english.stdout, /Usage: .*user add \[OPTIONS\]/);
  assert.match(english.stdout, /Read the password from standard input/);
  const dir = mkdtempSync(join(tmpdir(), 'diplomado-cli-'));
  const refused = run(['user', 'add', '--data', dir, '--email', 'a@b.pa', '--name', 'A', '--role', 'boss', '--password-stdin'], 'short\n',
    { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: 'es_PA.UTF-8' });
  rmSync(dir, { recursive: true, force: true });
  assert.notEqual(refused.code, 0);
  assert.match(refused.stderr, /role: Rol desconocido\. \[boss\]/);
  assert.match(refused.stderr, /password: La contraseña debe tener entre 12 y 1024 caracteres\./);
});

test('the web app is served from memory: any page address gets index.html, assets gzipped when asked and cached for good', async () => {
  const server = await startServer();
  try {
    const page = await fetch(`${server.base}/programmes/1/gradebook`);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type'), /text\/html/);
    assert.equal(page.headers.get('cache-control'), 'no-cache');
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(await page.text())?.[1];
    assert.ok(script, 'the page names its script');
    const zipped = await fetch(server.base + script, { headers: { 'Accept-Encoding': 'gzip' } });
    assert.equal(zipped.headers.get('content-encoding'), 'gzip');
    assert.equal(zipped.headers.get('vary'), 'Accept-Encoding');
    assert.match(zipped.headers.get('cache-control'), /immutable/);
    const plain = await fetch(server.base + script, { headers: { 'Accept-Encoding': 'identity' } });
    assert.equal(plain.headers.get('content-encoding'), null);
    const [unzipped, original] = [await zipped.text(), await plain.text()];
    assert.equal(unzipped, original, 'the same script either way');
    // Compressed, and well: script text gzips to about a third (the bundle's own mix of code and
    // catalogues moves that ratio, so the check is for under half).
    assert.ok(Number(plain.headers.get('content-length')) > 2 * Number((await fetch(server.base + script, { method: 'HEAD', headers: { 'Accept-Encoding': 'gzip' } })).headers.get('content-length')),
      'gzip is under half of the bytes');
  } finally {
    await server.stop();
  }
});
