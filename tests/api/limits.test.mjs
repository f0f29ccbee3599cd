// The request contract's limits (issue 10): a route's size, content type and session are decided
// from the headers, before any of the body is read; JSON nesting and size are capped; memory a
// request took is given back. Raw sockets send what no well-behaved client would.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { startServer, serveAgain, signIn, get, send, programmeIdOf, residentMiB, partialRequest, sendChunked } from './harness.mjs';

const CODE = 'IBM-HR-PA-2023';
const MEMBER = 'migdalia.vasquez@demo.diplomado.invalid'; // a member (the leader) of the SENAFRONT team of Darién
let server;
let programmeId;
let observer;
let member;

before(async () => {
  server = await startServer({
    users: [
      { email: 'coordinacion@example.pa', role: 'coordinator', programme: CODE },
      { email: 'donante@example.ca', role: 'observer', programme: CODE },
      { email: MEMBER, role: 'participant', programme: CODE },
      { email: 'sitio@example.pa', role: 'coordinator' },
    ],
  });
  observer = await signIn(server, 'donante@example.ca');
  member = await signIn(server, MEMBER);
  programmeId = await programmeIdOf(server, observer, CODE);
});

after(() => server?.stop());

const MiB = 1024 * 1024;


test('a 30 MiB body to sign-in gets 413 from its headers, and the server stays small', async () => {
  const before = residentMiB(server);
  const started = performance.now();
  const { socket, status, answer } = await partialRequest(server, { path: '/api/v1/session', declared: 30 * MiB, sent: 64 * 1024 });
  const elapsed = performance.now() - started;
  socket.destroy();
  assert.equal(status, 413);
  assert.match(answer, /"status":413/);
  assert.match(answer, /16 KiB/);
  assert.ok(elapsed < 1000, `answered in ${elapsed.toFixed(1)} ms`);
  const after = residentMiB(server);
  console.log(`# sign-in with 30 MiB declared: 413 in ${elapsed.toFixed(1)} ms; resident ${before.toFixed(1)} → ${after.toFixed(1)} MiB`);
  assert.ok(after < 100, `resident ${after} MiB`);
});

test('a route that needs a session answers 401 without reading the body', async () => {
  const { socket, status } = await partialRequest(server, { path: `/api/v1/programmes/${programmeId}/participant_imports`, declared: 16 * MiB, sent: 1024 });
  socket.destroy();
  assert.equal(status, 401);
});

test('80 connections each holding 29 MiB of a partial body: refused at once, memory stays low and is released', async () => {
  const baseline = residentMiB(server);
  const opened = await Promise.all(
    Array.from({ length: 80 }, (_, index) =>
      partialRequest(server, {
        path: index % 2 ? '/api/v1/session' : `/api/v1/programmes/${programmeId}/participant_imports`,
        declared: 29 * MiB,
        sent: 1 * MiB,
      }),
    ),
  );
  const during = residentMiB(server);
  for (const { status } of opened) assert.ok(status === 413 || status === 401, `status ${status}`);
  // /healthz answers while they are open.
  assert.equal((await fetch(`${server.base}/healthz`)).status, 200);
  for (const { socket } of opened) socket.destroy();
  await new Promise((resolve) => setTimeout(resolve, 300));
  const released = residentMiB(server);
  console.log(`# 80 partial 29 MiB bodies: resident ${baseline.toFixed(1)} → ${during.toFixed(1)} (open) → ${released.toFixed(1)} MiB (closed)`);
  assert.ok(during < 100, `resident while open: ${during} MiB`);
  assert.ok(released < baseline + 20, `resident after close: ${released} MiB (baseline ${baseline})`);
});

test('27 MB of nested "[" is refused before it is read, and /healthz answers throughout', async () => {
  const body = Buffer.alloc(27 * 1000 * 1000, 0x5b);
  let healthChecks = 0;
  let polling = true;
  const poller = (async () => {
    while (polling) {
      assert.equal((await fetch(`${server.base}/healthz`)).status, 200);
      healthChecks++;
    }
  })();
  try {
    // An observer may not attach anything (the CSRF token is right: the role is what is refused): refused from the headers, before the 27 MB are read.
    let started = performance.now();
    const { socket, status, answer } = await partialRequest(server, {
      path: `/api/v1/programmes/${programmeId}/projects/1/attachments`,
      declared: body.length,
      sent: 64 * 1024,
      headers: { Cookie: observer.cookie, 'X-CSRF-Token': observer.csrf },
    });
    const refusedIn = performance.now() - started;
    socket.destroy();
    assert.equal(status, 403);
    assert.match(answer, /"code":"error\.forbidden"/);
    // The answer arrives while 26.9 MB of the body are still unsent: that is what shows it was not
    // read. The time is printed (issue 10 asks for 50 ms); the bound here only catches a hang.
    assert.ok(refusedIn < 1000, `observer refused in ${refusedIn.toFixed(1)} ms`);

    // A team member may attach, but a PDF: 27 MB passes the 20 MiB limit, refused from the headers too.
    started = performance.now();
    const large = await partialRequest(server, {
      path: `/api/v1/programmes/${programmeId}/projects/1/attachments`,
      declared: body.length,
      sent: 64 * 1024,
      headers: { Cookie: member.cookie, 'X-CSRF-Token': member.csrf },
    });
    const tooLargeIn = performance.now() - started;
    large.socket.destroy();
    assert.equal(large.status, 413);
    assert.ok(tooLargeIn < 1000, `member refused in ${tooLargeIn.toFixed(1)} ms`);

    // Within a JSON route's limit, the depth check stops at the 33rd "[" before building anything.
    started = performance.now();
    const deep = await send(server, 'POST', `/api/v1/programmes/${programmeId}/projects`, member, body.subarray(0, 200_000), {
      'Content-Type': 'application/json',
    });
    const deepIn = performance.now() - started;
    const problem = await deep.json();
    assert.equal(deep.status, 400);
    assert.equal(problem.status, 400);
    assert.equal(problem.errors[0].field, 'body');
    assert.equal(problem.errors[0].code, 'too_deep');
    assert.ok(deepIn < 1000, `deep JSON refused in ${deepIn.toFixed(1)} ms`);
    console.log(`# 27 MB of "[": observer 403 in ${refusedIn.toFixed(1)} ms, member 413 in ${tooLargeIn.toFixed(1)} ms; 200 KB of "[" as JSON: 400 too_deep in ${deepIn.toFixed(1)} ms; resident ${residentMiB(server).toFixed(1)} MiB`);
  } finally {
    polling = false;
    await poller;
  }
  assert.ok(healthChecks > 0);
});

test('a JSON body with more values than a request may carry is refused, naming the body', async () => {
  const coordinator = await signIn(server, 'coordinacion@example.pa');
  const many = `{"modules":[${Array(250_000).fill('1').join(',')}]}`;
  const response = await send(server, 'PUT', `/api/v1/programmes/${programmeId}/instructors/1/modules`, coordinator, many, { 'Content-Type': 'application/json' });
  assert.equal(response.status, 413, 'the 64 KiB limit comes first');
  // The site coordinator's reference list may take 4 MiB: 250,000 values fit in it, but not in a request.
  const site = await signIn(server, 'sitio@example.pa');
  const subdivisions = `{"items":[${Array(250_000).fill('0').join(',')}]}`;
  const counted = await send(server, 'PUT', '/api/v1/countries/PA/subdivisions', site, subdivisions, { 'Content-Type': 'application/json' });
  const problem = await counted.json();
  assert.equal(counted.status, 400);
  assert.equal(problem.errors[0].field, 'body');
  assert.equal(problem.errors[0].code, 'too_many_values');
});

test('headers over 16 KiB get 431 and the connection ends', async () => {
  const answer = await new Promise((resolve, reject) => {
    const socket = connect(server.port, '127.0.0.1');
    let text = '';
    socket.on('error', reject);
    socket.on('data', (chunk) => (text += chunk.toString('latin1')));
    socket.on('end', () => resolve(text));
    socket.on('connect', () => socket.write(`GET /api/v1/programmes HTTP/1.1\r\nHost: x\r\nCookie: ${'a'.repeat(20 * 1024)}\r\n\r\n`));
  });
  assert.match(answer, /^HTTP\/1\.1 431/);
  assert.match(answer, /"status":431/);
});

test('a chunked body is cut off where it passes the route limit', async () => {
  const answer = await sendChunked(server, {
    path: '/api/v1/session',
    headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': 'x' },
    size: 8 * 1024,
    count: 8,
  });
  assert.match(answer, /^HTTP\/1\.1 413/);
  assert.match(answer, /"status":413/);
});

test('the problem body carries the HTTP status: 405, 415 and 422 included', async () => {
  const wrongMethod = await fetch(`${server.base}/api/v1/programmes`, { method: 'DELETE', headers: { 'X-CSRF-Token': 'x' } });
  assert.equal(wrongMethod.status, 405);
  assert.equal((await wrongMethod.json()).status, 405);
  const coordinator = await signIn(server, 'coordinacion@example.pa');
  const notJson = await send(server, 'PUT', `/api/v1/programmes/${programmeId}/grading_policy`, coordinator, 'x', { 'Content-Type': 'text/plain' });
  assert.equal(notJson.status, 415);
  const notJsonProblem = await notJson.json();
  assert.equal(notJsonProblem.status, 415);
  assert.equal(notJsonProblem.type, 'urn:diplomado:problem:unsupported_media_type');
  const emptyFile = await send(server, 'POST', `/api/v1/programmes/${programmeId}/participant_imports?file_name=x.csv`, coordinator, new Uint8Array(), {
    'Content-Type': 'text/csv',
  });
  assert.equal(emptyFile.status, 422);
  const emptyProblem = await emptyFile.json();
  assert.equal(emptyProblem.status, 422);
  assert.equal(emptyProblem.type, 'urn:diplomado:problem:unprocessable');
});

// Opens a raw connection, sends `text`, sends nothing more, and gives how long the server took to
// close it (milliseconds), or Infinity if it was still open after `wait` milliseconds.
function closedAfter(port, text, wait) {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const started = performance.now();
    const timer = setTimeout(() => (socket.destroy(), resolve(Infinity)), wait);
    socket.on('error', reject);
    socket.on('data', () => {});
    socket.on('close', () => (clearTimeout(timer), resolve(performance.now() - started)));
    socket.on('connect', () => socket.write(text));
  });
}

test('a client too slow with its header, or with its body, is disconnected at the timeout the server was given', async () => {
  // The defaults are 30 s and 120 s; a server started with 1 s and 2 s shows both at work.
  const quick = await serveAgain(server, ['--header-timeout', '1', '--body-timeout', '2']);
  try {
    const [header, body] = await Promise.all([
      closedAfter(quick.port, 'GET /api/v1/programmes HTTP/1.1\r\nHost: x\r\n', 6000),
      closedAfter(quick.port, 'POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nX-CSRF-Token: x\r\nContent-Length: 100\r\n\r\n{"email":', 6000),
    ]);
    console.log(`# half a header closed after ${header.toFixed(0)} ms (timeout 1 s); half a body after ${body.toFixed(0)} ms (timeout 2 s)`);
    // Checked once a second: between the timeout and a second past it.
    assert.ok(header >= 900 && header < 3000, `header: ${header} ms`);
    assert.ok(body >= 1900 && body < 4000, `body: ${body} ms`);
    assert.equal((await get(quick, '/healthz')).status, 200, 'other clients are served meanwhile');
  } finally {
    await quick.stop();
  }
});
