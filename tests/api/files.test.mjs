// Issue 16 (and issue 10's uploads): files go to a content-addressed file store in the data
// directory, not into the database as base64. An upload is spooled to disk as it arrives, so a
// 19 MiB PDF does not sit in the server's memory; the spool is left empty whatever happens to the
// upload; an import's spreadsheet (personal data) leaves the store once the import is committed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { connect } from 'node:net';
import { join } from 'node:path';
import { startServer, serveAgain, signIn, get, send, sendChunked, fixtures, programmeIdOf } from './harness.mjs';

const CODE = 'IBM-HR-PA-2023';
const LEADER = 'migdalia.vasquez@demo.diplomado.invalid'; // leads the SENAFRONT team of Darién
let server;
let programmeId;
let coordinator;

before(async () => {
  server = await startServer({
    reference: true,
    users: [
      { email: 'coordinacion@example.pa', role: 'coordinator', programme: CODE },
      { email: LEADER, role: 'participant', programme: CODE },
    ],
  });
  coordinator = await signIn(server, 'coordinacion@example.pa');
  programmeId = await programmeIdOf(server, coordinator, CODE);
});
after(() => server?.stop());

const path = (rest) => `/api/v1/programmes/${programmeId}${rest}`;
const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');
const stored = (digest) => join(server.dataDir, 'files', 'objects', digest.slice(0, 2), digest);
const spool = () => readdirSync(join(server.dataDir, 'files', 'spool'));
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

// One number from the server's database, read with the database's own client.
function scalar(sql) {
  const at = server.common.indexOf('--database');
  return Number(
    (at >= 0
      ? execFileSync('psql', [server.common[at + 1], '-At', '-c', sql], { encoding: 'utf8' })
      : execFileSync('sqlite3', [join(server.dataDir, 'diplomado.db'), sql], { encoding: 'utf8' })
    ).trim(),
  );
}

// The server's peak resident memory, in KiB, since the last reset (Linux: /proc/PID/clear_refs).
const peakKiB = () => Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))[1]);
const resetPeak = () => writeFileSync(`/proc/${server.pid}/clear_refs`, '5');

test('a logo is kept under the digest of its bytes, once however often it is sent, and the spool is left empty', async () => {
  const digest = sha256(PNG);
  for (let time = 0; time < 2; time++) {
    const added = await send(server, 'POST', path('/certificate_settings/logos'), coordinator, new Uint8Array(PNG), { 'Content-Type': 'image/png' });
    assert.equal(added.status, 201);
  }
  assert.ok(existsSync(stored(digest)), 'objects/<first two hex digits>/<sha-256>');
  assert.deepEqual(readFileSync(stored(digest)), PNG);
  const objects = readdirSync(join(server.dataDir, 'files', 'objects', digest.slice(0, 2)));
  assert.deepEqual(objects, [digest], 'the same bytes are kept once');
  const settings = await (await get(server, path('/certificate_settings'), coordinator)).json();
  assert.deepEqual(settings.logos.map((logo) => logo.bytes), [PNG.length, PNG.length], 'both logos read back from the store');
  // The rows name the file; none holds its bytes.
  assert.equal(scalar(`SELECT COUNT(*) FROM programme_logo WHERE content_sha256 = '${digest}' AND content = ''`), 2);
  assert.equal(scalar("SELECT COUNT(*) FROM programme_logo WHERE content <> ''"), 0);

  // Removing one logo keeps the file the other still names; removing both removes it.
  assert.equal((await send(server, 'DELETE', path('/certificate_settings/logos/2'), coordinator)).status, 200);
  assert.ok(existsSync(stored(digest)));
  assert.equal((await send(server, 'DELETE', path('/certificate_settings/logos/1'), coordinator)).status, 200);
  assert.ok(!existsSync(stored(digest)), 'a file no row names is removed');
  assert.deepEqual(spool(), []);
});

test('an import’s spreadsheet is kept while it is previewed and removed once it is committed', async () => {
  const bytes = readFileSync(join(fixtures, 'nominations_excel_es.csv'));
  const digest = sha256(bytes);
  const uploaded = await send(server, 'POST', path('/participant_imports?file_name=nominaciones.csv'), coordinator, new Uint8Array(bytes), {
    'Content-Type': 'text/csv',
  });
  assert.equal(uploaded.status, 201);
  const preview = await uploaded.json();
  assert.ok(existsSync(stored(digest)), 'kept between upload and commit');
  assert.equal(scalar(`SELECT COUNT(*) FROM import_upload WHERE id = ${preview.id} AND content_sha256 = '${digest}' AND content = ''`), 1);
  const previewed = await send(server, 'POST', path(`/participant_imports/${preview.id}/preview`), coordinator, { mapping: preview.mapping });
  assert.equal(previewed.status, 200, 'the preview reads the kept file');
  const committed = await send(server, 'POST', path(`/participant_imports/${preview.id}/commit`), coordinator, { mapping: preview.mapping });
  assert.equal(committed.status, 200);
  assert.equal((await committed.json()).committed, true);
  assert.ok(!existsSync(stored(digest)), 'the personal data in the file does not outlive the import');
  assert.deepEqual(spool(), []);
});

// Sends a request's header and part of its body on a raw socket, then hangs up.
function hangUpMidBody({ path: target, declared, sent, session }) {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, '127.0.0.1');
    socket.on('error', reject);
    socket.on('connect', () => {
      socket.write(
        `POST ${target} HTTP/1.1\r\nHost: x\r\nContent-Type: image/png\r\nContent-Length: ${declared}\r\n` +
          `Cookie: ${session.cookie}\r\nX-CSRF-Token: ${session.csrf}\r\n\r\n`,
      );
      socket.write(Buffer.alloc(sent, 0x41), () => setTimeout(() => (socket.destroy(), resolve()), 200));
    });
  });
}

test('an upload cut off at its limit, or by a client that hangs up, leaves nothing in the spool', async () => {
  // Chunked, past the logos' 1 MiB limit: 413, and the part already written is removed.
  const answer = await sendChunked(server, {
    path: path('/certificate_settings/logos'),
    headers: { 'Content-Type': 'image/png', Cookie: coordinator.cookie, 'X-CSRF-Token': coordinator.csrf },
    size: 64 * 1024,
    count: 20,
  });
  assert.match(answer, /^HTTP\/1\.1 413/);
  await hangUpMidBody({ path: path('/certificate_settings/logos'), declared: 900 * 1024, sent: 100 * 1024, session: coordinator });
  // The server notices the hang-up on its next read; give it a moment.
  for (let wait = 0; wait < 20 && spool().length > 0; wait++) await new Promise((resolve) => setTimeout(resolve, 50));
  assert.deepEqual(spool(), []);
  assert.equal((await fetch(`${server.base}/healthz`)).status, 200);
});

test('a file store that cannot be written answers 503 in the user’s language, and the server carries on', async () => {
  const spoolDirectory = join(server.dataDir, 'files', 'spool');
  renameSync(spoolDirectory, `${spoolDirectory}.away`);
  writeFileSync(spoolDirectory, 'not a directory');
  try {
    const refused = await send(server, 'POST', path('/certificate_settings/logos'), coordinator, new Uint8Array(PNG), {
      'Content-Type': 'image/png',
      'Accept-Language': 'en',
    });
    assert.equal(refused.status, 503);
    const problem = await refused.json();
    assert.equal(problem.code, 'error.files.unavailable');
    assert.match(problem.title, /file store/);
  } finally {
    rmSync(spoolDirectory);
    renameSync(`${spoolDirectory}.away`, spoolDirectory);
  }
  assert.equal((await get(server, path('/certificate_settings'), coordinator)).status, 200);
});

test('a 19 MiB attachment goes to disk as it arrives: the server’s peak memory grows by a fraction of it', async () => {
  const member = await signIn(server, LEADER);
  const mine = (await (await get(server, path('/projects/mine'), member)).json()).project;
  assert.equal((await send(server, 'POST', path(`/projects/${mine.id}/reopen`), coordinator, {}, { 'If-Match': `"${mine.version}"` })).status, 200);
  const resubmitted = await send(server, 'POST', path('/projects'), member, { ...mine });
  assert.equal(resubmitted.status, 201);

  const pdf = Buffer.alloc(19 * 1024 * 1024, 0x20);
  pdf.write('%PDF-1.4\n', 0);
  pdf.write('%%EOF\n', pdf.length - 6);
  resetPeak();
  const before = peakKiB();
  const added = await send(server, 'POST', path(`/projects/${mine.id}/attachments?file_name=grande.pdf`), member, new Uint8Array(pdf), {
    'Content-Type': 'application/pdf',
  });
  const growth = peakKiB() - before;
  assert.equal(added.status, 201);
  const attachment = await added.json();
  console.log(`# a 19 MiB attachment raised the server's peak resident memory by ${(growth / 1024).toFixed(1)} MiB`);
  // Held in memory, the body alone would be 19 MiB (and its base64 another 25 MiB).
  assert.ok(growth < 8 * 1024, `peak memory grew by ${growth} KiB`);
  assert.ok(existsSync(stored(sha256(pdf))));
  assert.equal(scalar(`SELECT COUNT(*) FROM project_attachment WHERE id = ${attachment.id} AND sha256 = '${sha256(pdf)}' AND content_base64 = ''`), 1);
  assert.deepEqual(spool(), []);

  resetPeak();
  const beforeDownload = peakKiB();
  const download = await get(server, path(`/projects/${mine.id}/attachments/${attachment.id}`), coordinator);
  assert.equal(download.status, 200);
  assert.equal(sha256(Buffer.from(await download.arrayBuffer())), sha256(pdf), 'read back byte for byte');
  const downloadGrowth = peakKiB() - beforeDownload;
  console.log(`# sending it back raised the server's peak resident memory by ${(downloadGrowth / 1024).toFixed(1)} MiB`);
  assert.ok(downloadGrowth < 8 * 1024, `peak memory grew by ${downloadGrowth} KiB while sending 19 MiB`);
});

test('a second server with a data directory of its own shares the files through --files', async () => {
  const ownData = mkdtempSync(join(tmpdir(), 'diplomado-second-'));
  const at = server.common.indexOf('--database');
  const database = at >= 0 ? server.common[at + 1] : `sqlite://${join(server.dataDir, 'diplomado.db')}`;
  const second = await serveAgain({ common: ['--data', ownData, '--database', database, '--files', join(server.dataDir, 'files')], accounts: server.accounts });
  try {
    const session = await signIn(second, 'coordinacion@example.pa');
    const added = await send(second, 'POST', path('/certificate_settings/logos'), session, new Uint8Array(PNG), { 'Content-Type': 'image/png' });
    assert.equal(added.status, 201);
    assert.ok(existsSync(stored(sha256(PNG))), 'kept in the shared directory');
    assert.ok(!existsSync(join(ownData, 'files', 'objects', sha256(PNG).slice(0, 2))), 'not in the second server’s own data directory');
    const settings = await (await get(server, path('/certificate_settings'), coordinator)).json();
    assert.deepEqual(settings.logos.map((logo) => logo.bytes), [PNG.length], 'the first server reads what the second kept');
  } finally {
    await second.stop();
    rmSync(ownData, { recursive: true, force: true });
  }
});
