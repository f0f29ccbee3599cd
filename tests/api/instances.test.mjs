// Issue 16: several `diplomado serve` on one database (run on SQLite and on PostgreSQL). A session
// opened on one server works on the other; a sign-out or a disabled account on one counts on the
// other at once; what one server writes, the other reads at once (its read cache included); two
// edits of one grade through both servers give one success and one conflict.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, serveAgain, signIn, get, send, programmeIdOf } from './harness.mjs';

const CODE = 'IBM-HR-PA-2023';
let first;
let second;
let programmeId;

before(async () => {
  first = await startServer({
    users: [
      { email: 'coordinacion@example.pa', role: 'coordinator', programme: CODE },
      { email: 'docente@example.pa', role: 'instructor', programme: CODE },
      { email: 'sitio@example.pa', role: 'coordinator' },
    ],
  });
  second = await serveAgain(first);
  const coordinator = await signIn(first, 'coordinacion@example.pa');
  programmeId = await programmeIdOf(first, coordinator, CODE);
});
after(async () => {
  await second?.stop();
  await first?.stop();
});

test('both servers are ready, and say so on /readyz', async () => {
  for (const server of [first, second]) {
    const ready = await get(server, '/readyz');
    assert.equal(ready.status, 200);
    assert.deepEqual(await ready.json(), { status: 'ready' });
  }
});

test('a session opened on one server works on the other, and a sign-out on one is refused on the other at once', async () => {
  const session = await signIn(first, 'coordinacion@example.pa');
  // Both servers now hold the session in memory.
  assert.equal((await get(first, '/api/v1/me', session)).status, 200);
  assert.equal((await get(second, '/api/v1/me', session)).status, 200);
  const out = await send(second, 'DELETE', '/api/v1/session', session);
  assert.equal(out.status, 204);
  assert.equal((await get(first, '/api/v1/me', session)).status, 401, 'signed out on the second server, refused on the first');
  assert.equal((await get(second, '/api/v1/me', session)).status, 401);
});

test('an account disabled on one server is refused on the other at once', async () => {
  const site = await signIn(first, 'sitio@example.pa');
  const teacher = await signIn(second, 'docente@example.pa');
  assert.equal((await get(second, `/api/v1/programmes/${programmeId}`, teacher)).status, 200);
  assert.equal((await get(first, `/api/v1/programmes/${programmeId}`, teacher)).status, 200);
  const users = await (await get(first, '/api/v1/users', site)).json();
  const id = users.items.find((user) => user.email === 'docente@example.pa').id;
  assert.equal((await send(first, 'POST', `/api/v1/users/${id}/disable`, site)).status, 200);
  assert.equal((await get(second, `/api/v1/programmes/${programmeId}`, teacher)).status, 401);
  assert.equal((await send(first, 'POST', `/api/v1/users/${id}/enable`, site)).status, 200);
});

test('what one server writes, the other reads at once, though it had the page in its read cache', async () => {
  const coordinator = await signIn(first, 'coordinacion@example.pa');
  const path = `/api/v1/programmes/${programmeId}`;
  const before = await (await get(second, path, coordinator)).json();
  assert.deepEqual(await (await get(second, path, coordinator)).json(), before, 'read twice: the second from the cache');
  const title = { es: `${before.title.es} (edición)`, en: `${before.title.en} (edition)` };
  const edited = await send(first, 'PATCH', path, coordinator, { title }, { 'If-Match': `"${before.version}"` });
  assert.equal(edited.status, 200, await edited.clone().text());
  const after = await (await get(second, path, coordinator)).json();
  assert.deepEqual(after.title, title);
  assert.equal(after.version, before.version + 1);
});

test('two edits of one grade, one through each server at the same moment: one lands, the other is a conflict', async () => {
  const coordinator = await signIn(first, 'coordinacion@example.pa');
  const grid = await (await get(first, `/api/v1/programmes/${programmeId}/modules/1/grades`, coordinator)).json();
  const row = grid.rows.find((candidate) => candidate.status !== 'withdrawn');
  const assessment = grid.assessments[0];
  const version = row.cells[0].version;
  assert.ok(version >= 1, 'the demo has this grade already');
  const path = `/api/v1/programmes/${programmeId}/grades/${row.enrollment_id}/${assessment.id}`;
  const edits = await Promise.all([
    send(first, 'PUT', path, coordinator, { score: 1 }, { 'If-Match': `"${version}"` }),
    send(second, 'PUT', path, coordinator, { score: 2 }, { 'If-Match': `"${version}"` }),
  ]);
  assert.deepEqual(edits.map((response) => response.status).sort(), [200, 409]);
  const landed = await edits.find((response) => response.status === 200).json();
  assert.equal(landed.version, version + 1);
});
