import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, signIn, get, programmeIdOf } from './harness.mjs';

const CODE = 'IBM-HR-PA-2023';
let server;
let programmeId;

before(async () => {
  server = await startServer({
    users: [
      { email: 'coordinacion@example.pa', role: 'coordinator', programme: CODE },
      { email: 'donante@example.ca', role: 'observer', programme: CODE },
      { email: 'lider@example.pa', role: 'group_leader', programme: CODE },
      { email: 'sinrol@example.pa', role: 'observer', programme: '' },
      { email: 'throttled@example.pa', role: 'observer', programme: CODE },
    ].map((user) => (user.programme ? user : { ...user, programme: undefined })),
  });
  const session = await signIn(server, 'coordinacion@example.pa');
  programmeId = await programmeIdOf(server, session, CODE);
});
after(() => server?.stop());

test('health answers with the security headers', async () => {
  const response = await fetch(`${server.base}/healthz`);
  assert.equal(response.status, 200);
  assert.deepEqual(await response.json(), { status: 'ok' });
  const csp = response.headers.get('content-security-policy');
  assert.match(csp, /frame-ancestors 'none'/);
  assert.doesNotMatch(csp, /unsafe-inline/);
  assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(response.headers.get('referrer-policy'), 'no-referrer');
});

test('the coordinator sees the demo programme with six modules and its counts', async () => {
  const session = await signIn(server, 'coordinacion@example.pa');
  const response = await get(server, `/api/v1/programmes/${programmeId}`, session);
  assert.equal(response.status, 200);
  assert.ok(response.headers.get('etag'));
  const programme = await response.json();
  assert.equal(programme.title.es, 'Diplomado en Gestión Integral de Fronteras con Enfoque de Derechos Humanos');
  assert.equal(programme.title.en, 'Diploma course on Integrated Border Management with a Human Rights Approach');
  assert.equal(programme.end_date, '2023-10-11');
  assert.equal(programme.time_zone, 'America/Panama');
  assert.deepEqual(programme.sdgs, [10, 16, 17]);
  assert.equal(programme.modules.length, 6);
  assert.deepEqual(programme.modules.map((module) => module.illustrative), [false, true, true, true, true, false]);
  assert.equal(programme.counts.enrollments, 54);
  assert.equal(programme.counts.active, 52);
  assert.equal(programme.counts.withdrawn, 2);
  assert.ok(programme.counts.national_level > 0 && programme.counts.local_level > 0);
  assert.ok(programme.counts.subdivisions >= 3);
  const roles = programme.organisations.map((organisation) => `${organisation.role}:${organisation.acronym}`);
  assert.deepEqual(roles, ['implementer:OIM', 'funder:IRCC']);
});

test('participants are paginated, with institution, province, level and team', async () => {
  const session = await signIn(server, 'coordinacion@example.pa');
  const seen = new Set();
  for (let page = 1; page <= 3; page++) {
    const body = await (await get(server, `/api/v1/programmes/${programmeId}/participants?page=${page}&per_page=20`, session)).json();
    assert.equal(body.total, 54);
    assert.equal(body.items.length, page < 3 ? 20 : 14);
    for (const item of body.items) seen.add(item.enrollment_id);
  }
  assert.equal(seen.size, 54);
  const all = await (await get(server, `/api/v1/programmes/${programmeId}/participants?per_page=200`, session)).json();
  const paladin = all.items.find((item) => item.family_names === 'Paladín');
  assert.equal(paladin.institution.acronym, 'SNM');
  assert.equal(paladin.subdivision.name, 'Chiriquí');
  assert.equal(paladin.is_group_leader, true);
  assert.ok(paladin.team.name.startsWith('Chiriquí'));
  const withdrawn = all.items.filter((item) => item.status === 'withdrawn');
  assert.equal(withdrawn.length, 2);
  for (const item of withdrawn) assert.ok(item.withdrawal_reason.length > 0);
  const institutions = new Set(all.items.map((item) => item.institution.name.es));
  for (const name of ['Servicio Nacional de Fronteras', 'Servicio Nacional de Migración', 'Instituto Nacional de Estadística y Censo'])
    assert.ok(institutions.has(name), name);
});

test('teams have group leaders, including the SENAFRONT team from Darién', async () => {
  // Those who take part see who leads; the donor does not (issue 15, docs/security.md).
  const session = await signIn(server, 'lider@example.pa');
  const body = await (await get(server, `/api/v1/programmes/${programmeId}/teams`, session)).json();
  const darien = body.items.find((team) => team.region.name === 'Darién' && team.name.includes('SENAFRONT'));
  assert.ok(darien);
  assert.equal(darien.group_leader.institution_acronym, 'SENAFRONT');
  const leaders = body.items.map((team) => team.group_leader?.name);
  for (const name of ['José Paladín', 'Jorge Gutiérrez', 'Edilsa González']) assert.ok(leaders.includes(name), name);
  assert.ok(body.items.every((team) => team.group_leader));
  const donor = await (await get(server, `/api/v1/programmes/${programmeId}/teams`, await signIn(server, 'donante@example.ca'))).json();
  assert.equal(donor.items.length, body.items.length);
  assert.ok(donor.items.every((team) => team.group_leader === null));
});

test('roles limit what each user sees', async () => {
  const observer = await signIn(server, 'donante@example.ca');
  assert.equal((await get(server, `/api/v1/programmes/${programmeId}`, observer)).status, 200);
  const forbidden = await get(server, `/api/v1/programmes/${programmeId}/participants`, observer);
  assert.equal(forbidden.status, 403);
  assert.equal(forbidden.headers.get('content-type'), 'application/problem+json');
  const leader = await signIn(server, 'lider@example.pa');
  assert.equal((await get(server, `/api/v1/programmes/${programmeId}/participants`, leader)).status, 200);
  const stranger = await signIn(server, 'sinrol@example.pa');
  // A site-wide observer sees programmes, but never the roster.
  assert.equal((await get(server, `/api/v1/programmes/${programmeId}/participants`, stranger)).status, 403);
  const coordinator = await signIn(server, 'coordinacion@example.pa');
  assert.equal((await get(server, '/api/v1/programmes/999999', coordinator)).status, 404);
});

test('every route but health and sign-in needs a session', async () => {
  for (const path of ['/api/v1/me', '/api/v1/programmes', `/api/v1/programmes/${programmeId}`,
                      `/api/v1/programmes/${programmeId}/participants`, `/api/v1/programmes/${programmeId}/teams`]) {
    const response = await get(server, path);
    assert.equal(response.status, 401, path);
    assert.equal(response.headers.get('content-type'), 'application/problem+json', path);
  }
  const bogus = await get(server, '/api/v1/me', { cookie: 'diplomado_session=forged' });
  assert.equal(bogus.status, 401);
});

test('a wrong password and an unknown e-mail get the same 401', async () => {
  const attempt = (email) => fetch(`${server.base}/api/v1/session`, {
    method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': 'x', 'Accept-Language': 'es' },
    body: JSON.stringify({ email, password: 'not the password' }),
  });
  const wrong = await attempt('coordinacion@example.pa');
  const unknown = await attempt('nadie@example.pa');
  assert.equal(wrong.status, 401);
  assert.equal(unknown.status, 401);
  assert.deepEqual(await wrong.json(), await unknown.json());
});

test('repeated failures are throttled with Retry-After', async () => {
  let last;
  for (let i = 0; i < 7; i++) {
    last = await fetch(`${server.base}/api/v1/session`, {
      method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': 'x', 'Accept-Language': 'en' },
      body: JSON.stringify({ email: 'throttled@example.pa', password: `guess number ${i}` }),
    });
  }
  assert.equal(last.status, 429);
  assert.ok(Number(last.headers.get('retry-after')) > 0);
  assert.match((await last.json()).title, /Too many failed attempts/);
});

test('bad requests get problem+json naming the field, in the user language', async () => {
  const post = (body, headers = {}) => fetch(`${server.base}/api/v1/session`, {
    method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': 'x', ...headers }, body });
  const malformed = await post('{"email": ', { 'Accept-Language': 'en' });
  assert.equal(malformed.status, 400);
  assert.equal((await malformed.json()).errors[0].field, 'body');
  const wrongType = await post(JSON.stringify({ email: 42, password: 'x' }), { 'Accept-Language': 'es' });
  assert.equal(wrongType.status, 400);
  const problem = await wrongType.json();
  assert.equal(problem.errors[0].field, 'email');
  assert.equal(problem.errors[0].message, 'Debe ser un texto.');
  const missing = await post(JSON.stringify({ email: 'a@b.pa' }));
  assert.equal((await missing.json()).errors[0].field, 'password');
  const notJson = await fetch(`${server.base}/api/v1/session`, { method: 'POST', headers: { 'X-CSRF-Token': 'x', 'Content-Type': 'text/plain' }, body: 'hi' });
  assert.equal(notJson.status, 415);
  const huge = await post(JSON.stringify({ email: 'a@b.pa', password: 'x'.repeat(100_000) }));
  assert.equal(huge.status, 413);

  const session = await signIn(server, 'coordinacion@example.pa');
  const badPage = await get(server, `/api/v1/programmes/${programmeId}/participants?page=abc`, session, { 'Accept-Language': 'en' });
  assert.equal(badPage.status, 400);
  const pageProblem = await badPage.json();
  assert.equal(pageProblem.errors[0].field, 'page');
  assert.equal(pageProblem.errors[0].value, 'abc');
  const badPerPage = await get(server, `/api/v1/programmes/${programmeId}/participants?per_page=1000`, session);
  assert.equal((await badPerPage.json()).errors[0].field, 'per_page');
  const badId = await get(server, '/api/v1/programmes/abc', session);
  assert.equal(badId.status, 400);
  assert.equal((await badId.json()).errors[0].field, 'programme_id');
});

test('unknown routes and methods', async () => {
  const unknown = await fetch(`${server.base}/api/v1/nothing-here`, { headers: { 'Accept-Language': 'en' } });
  assert.equal(unknown.status, 404);
  assert.equal(unknown.headers.get('content-type'), 'application/problem+json');
  assert.equal((await unknown.json()).title, 'There is no such address in the API.');
  const method = await fetch(`${server.base}/api/v1/programmes`, { method: 'PUT', headers: { 'X-CSRF-Token': 'x' } });
  assert.equal(method.status, 405);
});

test('state-changing requests need the CSRF header, and sign-out ends the session', async () => {
  const noHeader = await fetch(`${server.base}/api/v1/session`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: 'a@b.pa', password: 'x' }) });
  assert.equal(noHeader.status, 403);
  const session = await signIn(server, 'coordinacion@example.pa');
  const wrongToken = await fetch(`${server.base}/api/v1/session`, { method: 'DELETE', headers: { Cookie: session.cookie, 'X-CSRF-Token': 'wrong' } });
  assert.equal(wrongToken.status, 403);
  assert.equal((await get(server, '/api/v1/me', session)).status, 200);
  const out = await fetch(`${server.base}/api/v1/session`, { method: 'DELETE', headers: { Cookie: session.cookie, 'X-CSRF-Token': session.csrf } });
  assert.equal(out.status, 204);
  assert.match(out.headers.get('set-cookie'), /Max-Age=0/);
  assert.equal((await get(server, '/api/v1/me', session)).status, 401);
});

test('the session cookie is HttpOnly and SameSite=Strict', async () => {
  const response = await fetch(`${server.base}/api/v1/session`, {
    method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': 'x' },
    body: JSON.stringify({ email: 'donante@example.ca', password: server.accounts['donante@example.ca'] }) });
  const cookie = response.headers.get('set-cookie');
  assert.match(cookie, /HttpOnly/);
  assert.match(cookie, /SameSite=Strict/);
  const me = await (await get(server, '/api/v1/me', { cookie: cookie.split(';')[0] })).json();
  assert.equal(me.user.email, 'donante@example.ca');
  assert.deepEqual(me.user.grants.map((grant) => grant.role), ['observer']);
});
