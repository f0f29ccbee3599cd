// Issue 15, invitations and reset links over HTTP: a coordinator invites enrolled participants,
// each sets their own password through a single-use link (read here from the development log, as
// the server writes it without --smtp-url), and anyone asks for a reset by e-mail without learning
// whether an account has it. The SMTP path is tested against a small SMTP server on loopback.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { request } from 'node:http';
import { startServer, signIn, get, send, programmeIdOf, freePort } from './harness.mjs';

const CODE = 'IBM-HR-PA-2023';
let server;
let coordinator;
let programmeId;

before(async () => {
  server = await startServer({
    users: [
      { email: 'coordinacion@example.pa', role: 'coordinator', programme: CODE },
      { email: 'donante@example.ca', role: 'observer', programme: CODE },
      { email: 'otra@example.pa', role: 'coordinator', programme: 'NONE' },
    ].filter((user) => user.programme !== 'NONE'),
  });
  coordinator = await signIn(server, 'coordinacion@example.pa');
  programmeId = await programmeIdOf(server, coordinator, CODE);
});
after(() => server?.stop());

const links = () => [...server.output().matchAll(/"event":"mail","link":"([^"]+)"/g)].map((match) => match[1]);
// The next link the mail sender writes to the log (it delivers every two seconds).
async function nextLink(before) {
  for (let waited = 0; waited < 15000; waited += 100) {
    const now = links();
    if (now.length > before) return now[now.length - 1];
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('no mail link reached the log');
}
// Until the sender has delivered everything (no new link for three rounds).
async function settled() {
  let count = links().length;
  for (let quiet = 0; quiet < 6000; quiet += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    if (links().length !== count) { count = links().length; quiet = 0; }
  }
  return count;
}
const tokenOf = (link) => new URL(link).hash.slice(1);
const publicPost = (path, body, headers = {}) => send(server, 'POST', path, null, body, { 'X-CSRF-Token': 'public', ...headers });
const invitations = async () => (await (await get(server, `/api/v1/programmes/${programmeId}/invitations`, coordinator)).json()).items;

test('the coordinator sees every participant without an account, and invites one; the link sets their password once', async () => {
  const rows = await invitations();
  assert.ok(rows.length >= 49, `one row per enrolment (${rows.length})`);
  const person = rows.find((row) => row.has_email && !row.withdrawn && row.account === 'none');
  assert.ok(person, 'a participant not invited yet');
  assert.ok(rows.some((row) => row.withdrawn), 'withdrawn people are listed as such');

  const before = links().length;
  const invited = await send(server, 'POST', `/api/v1/programmes/${programmeId}/invitations`, coordinator, { enrollment_ids: [person.enrollment_id] });
  assert.equal(invited.status, 200);
  assert.deepEqual(await invited.json(), { invited: 1, already_active: 0, skipped: [] });
  const link = await nextLink(before);
  assert.match(link, /^http:\/\/localhost:\d+\/account\/password#[A-Za-z0-9_-]{43}$/, 'the token is in the fragment, never sent to a server');
  assert.ok(!server.output().includes('@demo.diplomado.invalid'), 'the log names no recipient');
  const row = (await invitations()).find((item) => item.enrollment_id === person.enrollment_id);
  assert.equal(row.account, 'invited');
  assert.ok(row.expires_at > row.invited_at);

  const token = tokenOf(link);
  const inspected = await publicPost('/api/v1/account_links/inspect', { token });
  assert.equal(inspected.status, 200);
  const about = await inspected.json();
  assert.equal(about.purpose, 'invitation');
  assert.equal(about.display_name, person.name);

  const weak = await publicPost('/api/v1/account_links/redeem', { token, password: 'passwordpassword' });
  assert.equal(weak.status, 400);
  assert.equal((await weak.json()).errors[0].field, 'password', 'a weak password is refused, naming the field');

  const password = 'río-ceniza-portón-47';
  assert.equal((await publicPost('/api/v1/account_links/redeem', { token, password })).status, 204);
  const session = await signIn(server, about.email, password);
  assert.equal((await get(server, `/api/v1/programmes/${programmeId}/progress/me`, session)).status, 200, 'the invitation gave the participant role');
  assert.equal((await invitations()).find((item) => item.enrollment_id === person.enrollment_id).account, 'active');

  const again = await publicPost('/api/v1/account_links/redeem', { token, password: 'otra-frase-larga-93' }, { 'Accept-Language': 'en' });
  assert.equal(again.status, 404, 'a used link is refused');
  assert.match((await again.json()).title, /already been used/);
  assert.equal((await publicPost('/api/v1/account_links/inspect', { token: 'x'.repeat(43) })).status, 404, 'an unknown link is refused');
  assert.equal((await publicPost('/api/v1/account_links/inspect', { token: 'x'.repeat(129) })).status, 400, 'an over-long token is refused by the body reader');
});

test('a newer invitation replaces the older link; inviting "all" leaves out those who can already sign in', async () => {
  const person = (await invitations()).find((row) => row.has_email && !row.withdrawn && row.account === 'none');
  let before = links().length;
  await send(server, 'POST', `/api/v1/programmes/${programmeId}/invitations`, coordinator, { enrollment_ids: [person.enrollment_id] });
  const first = tokenOf(await nextLink(before));
  before = links().length;
  await send(server, 'POST', `/api/v1/programmes/${programmeId}/invitations`, coordinator, { enrollment_ids: [person.enrollment_id] });
  const second = tokenOf(await nextLink(before));
  assert.equal((await publicPost('/api/v1/account_links/inspect', { token: first })).status, 404, 'the older link no longer works');
  assert.equal((await publicPost('/api/v1/account_links/inspect', { token: second })).status, 200);

  const rows = await invitations();
  const waiting = rows.filter((row) => !row.withdrawn && row.has_email && row.account !== 'active' && row.account !== 'disabled').length;
  const beforeAll = await settled();
  const all = await send(server, 'POST', `/api/v1/programmes/${programmeId}/invitations`, coordinator, {});
  assert.equal(all.status, 200);
  const summary = await all.json();
  assert.equal(summary.invited, waiting);
  assert.equal(summary.already_active, 1, 'the participant who set a password is not invited again');
  assert.equal(await settled(), beforeAll + waiting, 'one mail each');

  const chosen = await send(server, 'POST', `/api/v1/programmes/${programmeId}/invitations`, coordinator,
    { enrollment_ids: [rows.find((row) => row.withdrawn).enrollment_id, 999999] });
  assert.deepEqual((await chosen.json()).skipped.map((skip) => skip.reason), ['withdrawn', 'not_found']);
  const bad = await send(server, 'POST', `/api/v1/programmes/${programmeId}/invitations`, coordinator, { enrollment_ids: ['uno'] });
  assert.equal(bad.status, 400);
  assert.equal((await bad.json()).errors[0].field, 'enrollment_ids[0]');
});

test('only the programme\'s coordinators see and send invitations', async () => {
  const observer = await signIn(server, 'donante@example.ca');
  assert.equal((await get(server, `/api/v1/programmes/${programmeId}/invitations`, observer)).status, 403);
  assert.equal((await send(server, 'POST', `/api/v1/programmes/${programmeId}/invitations`, observer, {})).status, 403);
  assert.equal((await get(server, `/api/v1/programmes/${programmeId}/invitations`)).status, 401);
});

test('a reset is asked for by e-mail with the same answer either way; the link ends the sessions of the old password', async () => {
  const person = (await invitations()).find((row) => row.account === 'active');
  const email = (await (await get(server, `/api/v1/programmes/${programmeId}/participants/${person.enrollment_id}`, coordinator)).json()).email;
  const old = await signIn(server, email, 'río-ceniza-portón-47');

  const before = await settled();
  const unknown = await publicPost('/api/v1/password_resets', { email: 'nadie@example.pa' });
  assert.equal(unknown.status, 202);
  const known = await publicPost('/api/v1/password_resets', { email: email.toUpperCase() });
  assert.equal(known.status, 202);
  assert.deepEqual(await unknown.json(), await known.json(), 'the answer does not say whether the account exists');
  const link = await nextLink(before);
  assert.equal(await settled(), before + 1, 'only the existing account got a mail');

  const token = tokenOf(link);
  assert.equal((await (await publicPost('/api/v1/account_links/inspect', { token })).json()).purpose, 'reset');
  assert.equal((await publicPost('/api/v1/account_links/redeem', { token, password: 'nueva-frase-del-puente-12' })).status, 204);
  assert.equal((await get(server, '/api/v1/me', old)).status, 401, 'the session of the old password ended');
  await signIn(server, email, 'nueva-frase-del-puente-12');
  const reused = await publicPost('/api/v1/account_links/redeem', { token, password: 'otra-frase-del-puente-34' }, { 'Accept-Language': 'en' });
  assert.equal(reused.status, 404, 'a reused reset link is refused');
  assert.match((await reused.json()).title, /already been used/);

  const bad = await publicPost('/api/v1/password_resets', { email: 'no es un correo' }, { 'Accept-Language': 'en' });
  assert.equal(bad.status, 400);
  assert.equal((await bad.json()).errors[0].field, 'email');
  assert.equal((await send(server, 'POST', '/api/v1/password_resets', null, { email })).status, 403, 'a state-changing public call needs the CSRF header');
});

test('one address asking too often is slowed (429), others are not', async () => {
  const from = (address) => new Promise((resolve, reject) => {
    const body = JSON.stringify({ email: 'alguien@example.pa' });
    const call = request({ host: '127.0.0.1', port: server.port, localAddress: address, method: 'POST', path: '/api/v1/password_resets',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': 'x', 'Content-Length': Buffer.byteLength(body) } },
    (response) => { response.resume(); response.on('end', () => resolve(response.statusCode)); });
    call.on('error', reject);
    call.end(body);
  });
  const statuses = [];
  for (let i = 0; i < 11; i++) statuses.push(await from('127.0.0.77'));
  assert.deepEqual(statuses.slice(0, 10), Array(10).fill(202));
  assert.equal(statuses[10], 429);
  assert.equal(await from('127.0.0.78'), 202, 'another address is not slowed');
});

test('with --smtp-url the invitation goes to the mail server, in Spanish and English, with the link', async () => {
  const received = [];
  const smtp = createServer((socket) => {
    let data = null;
    socket.write('220 prueba ESMTP\r\n');
    let buffer = '';
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      for (;;) {
        if (data !== null) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          data.body = buffer.slice(0, end);
          buffer = buffer.slice(end + 5);
          received.push(data);
          data = null;
          socket.write('250 queued\r\n');
          continue;
        }
        const line = buffer.indexOf('\r\n');
        if (line < 0) return;
        const command = buffer.slice(0, line);
        buffer = buffer.slice(line + 2);
        if (/^EHLO/i.test(command)) socket.write('250-prueba\r\n250 8BITMIME\r\n');
        else if (/^MAIL FROM:/i.test(command)) { socket.envelope = { from: command.slice(10), to: [] }; socket.write('250 ok\r\n'); }
        else if (/^RCPT TO:/i.test(command)) { socket.envelope.to.push(command.slice(8)); socket.write('250 ok\r\n'); }
        else if (/^DATA/i.test(command)) { data = { envelope: socket.envelope }; socket.write('354 go\r\n'); }
        else if (/^QUIT/i.test(command)) { socket.write('221 bye\r\n'); socket.end(); return; }
        else socket.write('250 ok\r\n');
      }
    });
  });
  const smtpPort = await freePort();
  await new Promise((resolve) => smtp.listen(smtpPort, '127.0.0.1', resolve));
  const mailing = await startServer({
    users: [{ email: 'coordinacion@example.pa', role: 'coordinator', programme: CODE }],
    serve: ['--smtp-url', `smtp://127.0.0.1:${smtpPort}`, '--mail-from', 'Diplomado <no-reply@example.org>', '--public-url', 'https://cursos.example.org'],
  });
  try {
    const session = await signIn(mailing, 'coordinacion@example.pa');
    const id = await programmeIdOf(mailing, session, CODE);
    const rows = (await (await get(mailing, `/api/v1/programmes/${id}/invitations`, session)).json()).items;
    const person = rows.find((row) => row.has_email && !row.withdrawn);
    const email = (await (await get(mailing, `/api/v1/programmes/${id}/participants/${person.enrollment_id}`, session)).json()).email;
    await send(mailing, 'POST', `/api/v1/programmes/${id}/invitations`, session, { enrollment_ids: [person.enrollment_id] });
    for (let waited = 0; received.length === 0 && waited < 15000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(received.length, 1, 'one mail reached the SMTP server');
    const [mail] = received;
    assert.equal(mail.envelope.from, '<no-reply@example.org>');
    assert.deepEqual(mail.envelope.to, [`<${email}>`]);
    const [headers, encoded] = mail.body.split('\r\n\r\n');
    assert.match(headers, /^Subject: =\?UTF-8\?B\?/m);
    assert.match(headers, /^Content-Type: text\/plain; charset=UTF-8$/m);
    const subject = [...headers.matchAll(/=\?UTF-8\?B\?([^?]+)\?=/g)].map((match) => Buffer.from(match[1], 'base64').toString('utf8')).join('');
    assert.match(subject, /Su acceso al programa «.+» \/ Your access to the programme “.+”/);
    const body = Buffer.from(encoded.replace(/\r\n/g, ''), 'base64').toString('utf8');
    assert.match(body, /^Hola, /);
    assert.match(body, /Hello /);
    assert.match(body, /https:\/\/cursos\.example\.org\/account\/password#[A-Za-z0-9_-]{43}/);
    assert.ok(!mailing.output().includes('"event":"mail"'), 'with SMTP, no link is written to the log');
  } finally {
    await mailing.stop();
    smtp.close();
  }
});

test('adding a juror by e-mail answers alike whether an account has it, and tells the account\'s owner by mail', async () => {
  const path = `/api/v1/programmes/${programmeId}/jurors`;
  const noName = await send(server, 'POST', path, coordinator, { email: 'donante@example.ca', institution_id: null });
  assert.equal(noName.status, 400, 'the name is asked for an existing account too');
  assert.equal((await noName.json()).errors[0].field, 'display_name');
  const before = await settled();
  const existing = await send(server, 'POST', path, coordinator, { email: 'donante@example.ca', display_name: 'Persona Jurada', institution_id: null });
  const fresh = await send(server, 'POST', path, coordinator, { email: 'jurado.nuevo@example.pa', display_name: 'Persona Jurada', institution_id: null });
  assert.deepEqual([existing.status, fresh.status], [201, 201]);
  const [a, b] = [await existing.json(), await fresh.json()];
  assert.deepEqual(Object.keys(a), ['juror']);
  assert.deepEqual(Object.keys(b), ['juror'], 'no password is shown for a new account either');
  assert.equal(await settled(), before + 2, 'both owners are told by mail; no role is given silently');
});
