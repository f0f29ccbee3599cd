// Issue 15's explicit IDOR cases: with a valid session of the right programme, one person cannot
// reach another's data by changing an id in the address.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, signIn, get, send, programmeIdOf } from './harness.mjs';

const CODE = 'IBM-HR-PA-2023';
let server;
let programmeId;
let coordinator;
before(async () => {
  server = await startServer({
    users: [
      { email: 'coordinacion@example.pa', role: 'coordinator', programme: CODE },
      { email: 'migdalia.vasquez@demo.diplomado.invalid', role: 'group_leader', programme: CODE },
      { email: 'jose.paladin@demo.diplomado.invalid', role: 'participant', programme: CODE },
      { email: 'donante@example.ca', role: 'observer', programme: CODE },
    ],
  });
  coordinator = await signIn(server, 'coordinacion@example.pa');
  programmeId = await programmeIdOf(server, coordinator, CODE);
});
after(() => server?.stop());

const base = () => `/api/v1/programmes/${programmeId}`;
const enrollmentOf = async (email) =>
  (await (await get(server, `${base()}/participants?q=${encodeURIComponent(email)}`, coordinator)).json()).items[0].enrollment_id;

test("a participant reads only their own grades and attendance, never another's", async () => {
  const jose = await signIn(server, 'jose.paladin@demo.diplomado.invalid');
  const own = await (await get(server, `${base()}/progress/me`, jose)).json();
  assert.equal(own.rows.length, 1);
  assert.equal(own.rows[0].enrollment_id, await enrollmentOf('jose.paladin@demo.diplomado.invalid'));
  const other = await enrollmentOf('migdalia.vasquez@demo.diplomado.invalid');
  assert.equal((await get(server, `${base()}/gradebook`, jose)).status, 403);
  assert.equal((await get(server, `${base()}/modules/1/grades`, jose)).status, 403);
  assert.equal((await get(server, `${base()}/participants/${other}`, jose)).status, 403);
  const book = await (await get(server, `${base()}/gradebook`, coordinator)).json();
  assert.equal((await get(server, `${base()}/sessions/${book.sessions[0].id}/attendance`, jose)).status, 403);
  assert.equal((await send(server, 'PUT', `${base()}/grades/${other}/${book.assessments[0].id}`, jose, { score: '10' }, { 'If-Match': '"1"' })).status, 403);
});

test("a participant cannot read another team's project; a group leader sees only their own team", async () => {
  const leader = await signIn(server, 'migdalia.vasquez@demo.diplomado.invalid');
  const senafront = (await (await get(server, `${base()}/projects/mine`, leader)).json()).project;
  assert.ok(senafront?.id, 'her team (Darién SENAFRONT) has a project');
  assert.equal((await get(server, `${base()}/projects/${senafront.id}`, leader)).status, 200, 'her own team');
  const jose = await signIn(server, 'jose.paladin@demo.diplomado.invalid');
  const peek = await get(server, `${base()}/projects/${senafront.id}`, jose);
  assert.ok([403, 404].includes(peek.status), `another team's project is refused (${peek.status})`);
  const listed = await (await get(server, `${base()}/projects`, jose)).json();
  assert.ok(listed.items.every((project) => project.id !== senafront.id), "not in his list either");
  const team = await (await get(server, `${base()}/progress/team`, leader)).json();
  const josé = await enrollmentOf('jose.paladin@demo.diplomado.invalid');
  assert.ok(team.rows.length > 1);
  assert.ok(team.rows.every((row) => row.enrollment_id !== josé), 'no member of another team');
});

test('an observer reads no names: no roster, no person page, no team leader', async () => {
  const donor = await signIn(server, 'donante@example.ca');
  assert.equal((await get(server, `${base()}/participants`, donor)).status, 403);
  assert.equal((await get(server, `${base()}/participants/${await enrollmentOf('jose.paladin@demo.diplomado.invalid')}`, donor)).status, 403);
  assert.equal((await get(server, `${base()}/gradebook`, donor)).status, 403);
  const teams = (await (await get(server, `${base()}/teams`, donor)).json()).items;
  assert.ok(teams.every((team) => team.group_leader === null));
});
