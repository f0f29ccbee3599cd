// Issue 15's audit: attendance per person with before and after, the withdrawal reason, a
// coordinator's read of contact data, each event naming its request; a filterable viewer for the
// programme's coordinators that nobody can use to edit; `diplomado audit` as JSON and CSV.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, signIn, get, send, run, programmeIdOf } from './harness.mjs';

const CODE = 'IBM-HR-PA-2023';
let server;
let coordinator;
let programmeId;
before(async () => {
  server = await startServer({
    users: [
      { email: 'coordinacion@example.pa', role: 'coordinator', programme: CODE },
      { email: 'docente@example.pa', role: 'instructor', programme: CODE },
      { email: 'donante@example.ca', role: 'observer', programme: CODE },
    ],
  });
  coordinator = await signIn(server, 'coordinacion@example.pa');
  programmeId = await programmeIdOf(server, coordinator, CODE);
});
after(() => server?.stop());

const base = () => `/api/v1/programmes/${programmeId}`;
const audit = async (query = '', session = coordinator) => get(server, `${base()}/audit${query}`, session, { 'Accept-Language': 'en' });

test('attendance is audited per person with before and after, under the request that made it', async () => {
  const book = await (await get(server, `${base()}/gradebook`, coordinator)).json();
  const [first, second] = book.rows.filter((row) => row.status !== 'withdrawn');
  const session = book.sessions.at(-1);
  const path = `${base()}/sessions/${session.id}/attendance`;
  assert.equal((await send(server, 'PUT', path, coordinator, { exceptions: { [first.enrollment_id]: 'absent' } })).status, 200);
  const second_call = await send(server, 'PUT', path, coordinator, { exceptions: { [second.enrollment_id]: 'late' } });
  assert.equal(second_call.status, 200);
  const requestId = second_call.headers.get('x-request-id');
  assert.match(requestId, /^[0-9a-f]{16}$/);

  const answer = await audit('?action=attendance.record');
  assert.equal(answer.status, 200);
  const events = (await answer.json()).items;
  const latest = events[0];
  assert.equal(latest.request_id, requestId);
  assert.equal(latest.actor, 'coordinacion@example.pa');
  const changes = Object.fromEntries(latest.details.changes.map((change) => [change.enrollment_id, change]));
  assert.deepEqual(changes[first.enrollment_id], { enrollment_id: first.enrollment_id, before: 'absent', after: 'present' });
  assert.deepEqual(changes[second.enrollment_id], { enrollment_id: second.enrollment_id, before: 'present', after: 'late' });

  // By person: the events that touch this enrolment, and none that do not.
  const mine = (await (await audit(`?person=${second.enrollment_id}`)).json()).items;
  assert.ok(mine.length >= 1);
  assert.ok(mine.every((event) => JSON.stringify(event).includes(String(second.enrollment_id))));
});

test('a withdrawal keeps its reason; a coordinator opening a person page with contact data is audited', async () => {
  const list = await (await get(server, `${base()}/participants?status=enrolled&per_page=1`, coordinator)).json();
  const person = list.items[0];
  const page = await get(server, `${base()}/participants/${person.enrollment_id}`, coordinator);
  const etag = page.headers.get('etag');
  assert.equal((await send(server, 'PUT', `${base()}/participants/${person.enrollment_id}/status`, coordinator,
    { status: 'withdrawn', reason: 'Traslado a otra provincia' }, { 'If-Match': etag })).status, 200);
  const events = (await (await audit(`?person=${person.enrollment_id}`)).json()).items;
  const withdrawal = events.find((event) => event.action === 'enrollment.status');
  assert.deepEqual(withdrawal.details, { before: { status: 'enrolled' }, after: { status: 'withdrawn', reason: 'Traslado a otra provincia' } });
  const viewed = events.find((event) => event.action === 'person.view');
  assert.ok(viewed, 'the read of contact data is in the audit');
  assert.deepEqual(viewed.details, { contact_data: true });
  // An instructor's view carries no contact data and leaves no such event.
  const before = events.filter((event) => event.action === 'person.view').length;
  await get(server, `${base()}/participants/${person.enrollment_id}`, await signIn(server, 'docente@example.pa'));
  const again = (await (await audit(`?person=${person.enrollment_id}&action=person.view`)).json()).items;
  assert.equal(again.length, before);
});

test('filters are checked and named; only the coordinators read the audit; nothing edits it', async () => {
  for (const [query, field] of [['?since=2023-13-01', 'since'], ['?until=ayer', 'until'], ['?person=abc', 'person'], ['?since=2024-02-01&until=2024-01-01', 'until'], ['?per_page=0', 'per_page'], [`?actor=${'a'.repeat(321)}`, 'actor'], [`?action=${'x'.repeat(65)}`, 'action']]) {
    const refused = await audit(query);
    assert.equal(refused.status, 400, query);
    assert.equal((await refused.json()).errors[0].field, field, query);
  }
  const today = new Date().toISOString().slice(0, 10);
  const dated = await (await audit(`?since=${today}&until=${today}&actor=coordinacion&per_page=2`)).json();
  assert.ok(dated.total >= 3);
  assert.equal(dated.items.length, 2);
  assert.equal((await (await audit('?since=2000-01-01&until=2000-01-02')).json()).total, 0);
  assert.equal((await audit('', await signIn(server, 'docente@example.pa'))).status, 403);
  assert.equal((await audit('', await signIn(server, 'donante@example.ca'))).status, 403);
  assert.equal((await send(server, 'DELETE', `${base()}/audit`, coordinator)).status, 405);
  assert.equal((await send(server, 'PUT', `${base()}/audit`, coordinator, {})).status, 405);
});

test('diplomado audit --programme CODE writes JSON and CSV, newest first, and names a bad date', () => {
  const english = { ...process.env, LANG: 'en_GB.UTF-8' };
  const json = run(['audit', ...server.common, '--programme', CODE, '--format', 'json', '--action', 'attendance'], undefined, english);
  assert.equal(json.code, 0, json.stderr);
  const parsed = JSON.parse(json.stdout);
  assert.ok(parsed.total >= 2);
  assert.ok(parsed.items[0].id > parsed.items[1].id);
  const csv = run(['audit', ...server.common, '--programme', CODE, '--format', 'csv'], undefined, english);
  assert.equal(csv.code, 0, csv.stderr);
  assert.match(csv.stdout.split('\n')[0], /^id,at,actor,action,entity,entity_id,details,request_id/);
  assert.match(csv.stdout, /enrollment\.status/);
  const bad = run(['audit', ...server.common, '--programme', CODE, '--since', '31/12/2023'], undefined, english);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /since: The date is not valid/);
  const unknown = run(['audit', ...server.common, '--programme', 'NOPE'], undefined, english);
  assert.equal(unknown.code, 1);
});
