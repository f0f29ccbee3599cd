// Issue 16: one JSON line per answer (request id, method, route pattern, status, milliseconds),
// with no personal data or secret in the log; /metrics in Prometheus' text format.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, signIn, get, send, programmeIdOf } from './harness.mjs';

const CODE = 'IBM-HR-PA-2023';
let server;
before(async () => {
  server = await startServer({ users: [{ email: 'coordinacion@example.pa', role: 'coordinator', programme: CODE }] });
});
after(() => server?.stop());

test('every answer is one JSON line naming its route pattern; nothing personal or secret is logged', async () => {
  const email = 'coordinacion@example.pa';
  const password = server.accounts[email];
  const session = await signIn(server, email);
  const id = await programmeIdOf(server, session, CODE);
  const people = await (await get(server, `/api/v1/programmes/${id}/participants?q=Vásquez`, session)).json();
  assert.ok(people.items.length > 0);
  const person = people.items[0];
  await get(server, `/api/v1/programmes/${id}/participants/${person.enrollment_id}`, session);
  // A wrong password for a real account, and a path carrying an e-mail address.
  await send(server, 'POST', '/api/v1/session', null, { email, password: 'not-the-password-1234' }, { 'X-CSRF-Token': 'x' });
  await get(server, `/api/v1/nothing/${encodeURIComponent(email)}`);
  await new Promise((resolve) => setTimeout(resolve, 100));

  const lines = server.output().split('\n').filter((line) => line.startsWith('{'));
  const requests = lines.map((line) => JSON.parse(line)).filter((entry) => entry.event === 'request');
  assert.ok(requests.length >= 6, `${requests.length} request lines`);
  for (const entry of requests) {
    assert.deepEqual(Object.keys(entry).sort(), ['event', 'level', 'method', 'ms', 'request_id', 'route', 'status', 'time']);
    assert.equal(typeof entry.ms, 'number');
    assert.match(entry.request_id, /^[0-9a-f]{16}$/, `${entry.route} ${entry.status} has a request id`);
  }
  const listed = requests.find((entry) => entry.route === '/api/v1/programmes/{programme_id}/participants');
  assert.ok(listed, 'the list is named by its pattern');
  assert.equal(listed.status, 200);
  assert.match(listed.request_id, /^[0-9a-f]{16}$/);
  assert.ok(requests.some((entry) => entry.route === '/api/v1/session' && entry.status === 401));
  assert.ok(requests.some((entry) => entry.route === 'unmatched' && entry.status === 404));
  // Refusals carry the id too, in the answer and in the log.
  const refused = await get(server, `/api/v1/programmes/${id}`);
  assert.equal(refused.status, 401);
  assert.match(refused.headers.get('x-request-id'), /^[0-9a-f]{16}$/);

  const log = server.output();
  const cookieValue = session.cookie.split('=')[1];
  for (const secret of [email, 'coordinacion', password, cookieValue, session.csrf, 'Vásquez', 'V%C3%A1squez', person.given_names, person.family_names, person.email]) {
    if (secret) assert.ok(!log.includes(secret), `the log holds ${secret === password ? 'the password' : JSON.stringify(secret)}`);
  }
});

test('/metrics counts the answers by route and status, with a latency histogram and the pool', async () => {
  const response = await get(server, '/metrics');
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type'), /^text\/plain; version=0\.0\.4/);
  const text = await response.text();
  assert.match(text, /^diplomado_build_info\{version="[^"]+"\} 1$/m);
  assert.match(text, /^diplomado_db_pool_connections [1-9]\d*$/m);
  assert.match(text, /^diplomado_http_requests_total\{method="GET",route="\/api\/v1\/programmes\/\{programme_id\}\/participants",status="200"\} [1-9]\d*$/m);
  assert.match(text, /^diplomado_http_requests_total\{method="POST",route="\/api\/v1\/session",status="401"\} 1$/m);
  assert.match(text, /^diplomado_http_request_duration_seconds_bucket\{method="GET",route="\/api\/v1\/programmes\/\{programme_id\}\/participants",le="\+Inf"\} [1-9]\d*$/m);
  assert.doesNotMatch(text, /coordinacion|@/, 'nothing personal');
});
