// Issue 15 over HTTP: the account lifecycle (the site coordinator's), one's own password and
// sessions, and a sign-in that an attacker cannot turn against the account's owner.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { startServer, signIn, get, send, run, mailLinks, passwordFromMail } from './harness.mjs';

const CODE = 'IBM-HR-PA-2023';
let server;
let site;

before(async () => {
  server = await startServer({
    users: [
      { email: 'sitio@example.pa', role: 'coordinator', name: 'Coordinación del sitio' },
      { email: 'coordinacion@example.pa', role: 'coordinator', programme: CODE },
      { email: 'docente@example.pa', role: 'instructor', programme: CODE, name: 'Rita Docente' },
      { email: 'donante@example.ca', role: 'observer', programme: CODE },
      { email: 'migdalia.vasquez@demo.diplomado.invalid', role: 'participant', programme: CODE, name: 'Migdalia Vásquez' },
    ],
  });
  site = await signIn(server, 'sitio@example.pa');
});
after(() => server?.stop());

const users = async (session = site) => (await (await get(server, '/api/v1/users', session)).json()).items;
const userId = async (email) => (await users()).find((user) => user.email === email).id;

// A sign-in from a chosen loopback address (127.0.0.0/8 is all this machine's), as another client.
function signInFrom(address, email, password) {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify({ email, password });
    const call = request(
      { host: '127.0.0.1', port: server.port, localAddress: address, method: 'POST', path: '/api/v1/session',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': 'sign-in', 'Content-Length': Buffer.byteLength(body) } },
      (response) => {
        response.resume();
        response.on('end', () => resolve({ status: response.statusCode, retryAfter: response.headers['retry-after'], cookie: response.headers['set-cookie']?.[0]?.split(';')[0] }));
      },
    );
    call.on('error', reject);
    call.end(body);
  });
}

test('only the site coordinator lists and manages users; nobody reads a password hash', async () => {
  const list = await users();
  assert.ok(list.length >= 4);
  const teacher = list.find((user) => user.email === 'docente@example.pa');
  assert.equal(teacher.has_password, true);
  assert.equal(teacher.disabled, false);
  assert.deepEqual(teacher.grants.map((grant) => [grant.role, grant.programme_code]), [['instructor', CODE]]);
  assert.ok(!JSON.stringify(list).includes('argon2'), 'no hash leaves the server');
  const programmeCoordinator = await signIn(server, 'coordinacion@example.pa');
  assert.equal((await get(server, '/api/v1/users', programmeCoordinator)).status, 403, "a programme's coordinator is not the site's");
  assert.equal((await send(server, 'POST', `/api/v1/users/${teacher.id}/disable`, programmeCoordinator)).status, 403);
  assert.equal((await get(server, '/api/v1/users')).status, 401);
});

test('disabling ends the sessions at once; enabling lets the user back in; nobody disables themselves', async () => {
  const id = await userId('donante@example.ca');
  const donor = await signIn(server, 'donante@example.ca');
  assert.equal((await get(server, '/api/v1/me', donor)).status, 200);
  const disabled = await send(server, 'POST', `/api/v1/users/${id}/disable`, site);
  assert.equal(disabled.status, 200);
  assert.equal((await disabled.json()).disabled, true);
  assert.equal((await get(server, '/api/v1/me', donor)).status, 401, "a disabled user's old session is refused");
  assert.equal((await signInFrom('127.0.0.5', 'donante@example.ca', server.accounts['donante@example.ca'])).status, 401);
  assert.equal((await send(server, 'POST', `/api/v1/users/${id}/enable`, site)).status, 200);
  assert.equal((await get(server, '/api/v1/me', await signIn(server, 'donante@example.ca'))).status, 200);

  const self = await send(server, 'POST', `/api/v1/users/${await userId('sitio@example.pa')}/disable`, site, undefined, { 'Accept-Language': 'en' });
  assert.equal(self.status, 409);
  assert.match((await self.json()).title, /cannot disable your own account/);
  assert.equal((await send(server, 'POST', '/api/v1/users/999999/disable', site)).status, 404);
  assert.equal((await send(server, 'POST', '/api/v1/users/abc/disable', site)).status, 400);
});

test('a second role in a programme is granted and revoked, and takes effect in the next request', async () => {
  const id = await userId('docente@example.pa');
  const teacher = await signIn(server, 'docente@example.pa');
  const programmes = await (await get(server, '/api/v1/programmes', teacher)).json();
  const programmeId = programmes.items.find((programme) => programme.code === CODE).id;
  assert.equal((await get(server, `/api/v1/programmes/${programmeId}/reviews`, teacher)).status, 403, 'not a juror yet');

  const granted = await send(server, 'POST', `/api/v1/users/${id}/grants`, site, { role: 'juror', programme_code: CODE });
  assert.equal(granted.status, 201);
  const grants = (await granted.json()).grants;
  assert.deepEqual(grants.map((grant) => grant.role), ['instructor', 'juror']);
  assert.equal((await get(server, `/api/v1/programmes/${programmeId}/reviews`, teacher)).status, 200, 'the same session now reviews');

  const twice = await send(server, 'POST', `/api/v1/users/${id}/grants`, site, { role: 'juror', programme_code: CODE }, { 'Accept-Language': 'en' });
  assert.equal(twice.status, 400);
  assert.equal((await twice.json()).errors[0].field, 'role');
  const unknown = await send(server, 'POST', `/api/v1/users/${id}/grants`, site, { role: 'juror', programme_code: 'NOPE' });
  assert.equal((await unknown.json()).errors[0].field, 'programme');
  const badRole = await send(server, 'POST', `/api/v1/users/${id}/grants`, site, { role: 'admin' }, { 'Accept-Language': 'es' });
  assert.equal(badRole.status, 400);
  assert.equal((await badRole.json()).errors[0].value, 'admin');

  const juror = grants.find((grant) => grant.role === 'juror');
  const revoked = await send(server, 'DELETE', `/api/v1/users/${id}/grants/${juror.id}`, site);
  assert.equal(revoked.status, 200);
  assert.deepEqual((await revoked.json()).grants.map((grant) => grant.role), ['instructor']);
  assert.equal((await get(server, `/api/v1/programmes/${programmeId}/reviews`, teacher)).status, 403, 'revoked at once');
  assert.equal((await send(server, 'DELETE', `/api/v1/users/${id}/grants/${juror.id}`, site)).status, 404);

  const siteGrant = (await users()).find((user) => user.email === 'sitio@example.pa').grants[0];
  const last = await send(server, 'DELETE', `/api/v1/users/${await userId('sitio@example.pa')}/grants/${siteGrant.id}`, site);
  assert.equal(last.status, 409, 'the last site coordinator keeps the grant');
});

test('a reset gives a new password once and ends the old sessions; the old password no longer works', async () => {
  const email = 'coordinacion@example.pa';
  const id = await userId(email);
  const before = await signIn(server, email);
  const reset = await send(server, 'POST', `/api/v1/users/${id}/password_reset`, site);
  assert.equal(reset.status, 200);
  assert.equal(reset.headers.get('cache-control'), 'no-store');
  const { password } = await reset.json();
  assert.ok(password.length >= 12);
  assert.equal((await get(server, '/api/v1/me', before)).status, 401);
  assert.equal((await signInFrom('127.0.0.6', email, server.accounts[email])).status, 401);
  assert.equal((await signInFrom('127.0.0.6', email, password)).status, 201);
  server.accounts[email] = password;
});

test('one changes their own password giving the current one; weak ones are named in both languages; other sessions end', async () => {
  const email = 'docente@example.pa';
  const here = await signIn(server, email);
  const elsewhere = await signIn(server, email);
  const change = (body, language = 'es') => send(server, 'PUT', '/api/v1/me/password', here, body, { 'Accept-Language': language });
  const wrong = await change({ current_password: 'not the password', new_password: 'Río Chucunaque al amanecer' });
  assert.equal(wrong.status, 400);
  assert.equal((await wrong.json()).errors[0].field, 'current_password');
  for (const [weak, code, english] of [
    ['aaaaaaaaaaaa', 'repetitive_password', /repeats characters/],
    ['passwordpassword', 'repetitive_password', /repeats characters/],
    ['Password2024!', 'common_password', /common password/],
    ['rita.docente.2024', 'personal_password', /your name or e-mail/],
    ['docente@example.pa', 'personal_password', /your name or e-mail/],
    ['corta', 'too_short', /from 12 to 1024/],
  ]) {
    const refused = await change({ current_password: server.accounts[email], new_password: weak }, 'en');
    assert.equal(refused.status, 400, weak);
    const problem = await refused.json();
    assert.equal(problem.errors[0].field, 'new_password', weak);
    assert.equal(problem.errors[0].code, code, weak);
    assert.match(problem.errors[0].message, english, weak);
  }
  const spanish = await (await change({ current_password: server.accounts[email], new_password: 'aaaaaaaaaaaa' })).json();
  assert.match(spanish.errors[0].message, /Repite caracteres/);

  assert.equal((await change({ current_password: server.accounts[email], new_password: 'Río Chucunaque al amanecer' })).status, 204);
  server.accounts[email] = 'Río Chucunaque al amanecer';
  assert.equal((await get(server, '/api/v1/me', here)).status, 200, 'this session stays');
  assert.equal((await get(server, '/api/v1/me', elsewhere)).status, 401, 'the others end');

  const third = await signIn(server, email);
  const ended = await send(server, 'DELETE', '/api/v1/me/sessions', here);
  assert.equal(ended.status, 200);
  assert.equal((await ended.json()).sessions_ended, 1);
  assert.equal((await get(server, '/api/v1/me', third)).status, 401);
  assert.equal((await get(server, '/api/v1/me', here)).status, 200);
});

test('forged cookies and another session\'s CSRF token are refused; a new sign-in rotates the session id', async () => {
  assert.equal((await get(server, '/api/v1/me', { cookie: 'diplomado_session=forged-token-value' })).status, 401);
  const donor = await signIn(server, 'donante@example.ca');
  const other = await signIn(server, 'coordinacion@example.pa');
  const crossed = await send(server, 'DELETE', '/api/v1/me/sessions', { cookie: donor.cookie, csrf: other.csrf });
  assert.equal(crossed.status, 403);

  const rotated = await fetch(`${server.base}/api/v1/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': 'sign-in', Cookie: donor.cookie },
    body: JSON.stringify({ email: 'donante@example.ca', password: server.accounts['donante@example.ca'] }),
  });
  assert.equal(rotated.status, 201);
  assert.notEqual(rotated.headers.get('set-cookie').split(';')[0], donor.cookie);
  assert.equal((await get(server, '/api/v1/me', donor)).status, 401, 'the session the browser had before ends');
});

test("an attacker failing from one address slows that address, never the owner's", async () => {
  const email = 'coordinacion@example.pa';
  let throttled;
  for (let i = 0; i < 40; i++) {
    const attempt = await signInFrom('127.0.0.7', email, `wrong guess number ${i}`);
    if (attempt.status === 429) {
      throttled = attempt;
      break;
    }
    assert.equal(attempt.status, 401);
  }
  assert.ok(throttled, 'the attacker is made to wait');
  assert.ok(Number(throttled.retryAfter) > 0);
  assert.equal((await signInFrom('127.0.0.7', email, server.accounts[email])).status, 429, 'even the right password waits at the failing address');
  const owner = await signInFrom('127.0.0.8', email, server.accounts[email]);
  assert.equal(owner.status, 201, 'the owner, from an address that has not been failing, gets in at once');
});

test('diplomado user list|disable|enable|grant|revoke|reset-password, on the same database', () => {
  const english = { ...process.env, LANG: 'en_GB.UTF-8' };
  const user = (args, input) => run(['user', ...args, ...server.common], input, english);
  const listed = user(['list', '--format', 'json']);
  assert.equal(listed.code, 0, listed.stderr);
  assert.ok(JSON.parse(listed.stdout).items.some((item) => item.email === 'donante@example.ca'));
  assert.match(user(['list']).stdout, /jurado1@demo\.diplomado\.invalid\t.*\tno password\tjuror@IBM-HR-PA-2023/);

  assert.match(user(['disable', '--email', 'donante@example.ca']).stdout, /donante@example\.ca\tdisabled/);
  assert.match(user(['enable', '--email', 'donante@example.ca']).stdout, /donante@example\.ca\tenabled/);
  assert.match(user(['grant', '--email', 'donante@example.ca', '--role', 'juror', '--programme', CODE]).stdout, /observer@IBM-HR-PA-2023, juror@IBM-HR-PA-2023/);
  assert.match(user(['revoke', '--email', 'donante@example.ca', '--role', 'juror', '--programme', CODE]).stdout, /\tobserver@IBM-HR-PA-2023\n$/);

  const notHeld = user(['revoke', '--email', 'donante@example.ca', '--role', 'juror', '--programme', CODE]);
  assert.equal(notHeld.code, 1);
  assert.match(notHeld.stderr, /does not hold that role/);
  const unknown = user(['disable', '--email', 'nadie@example.pa']);
  assert.equal(unknown.code, 1);
  assert.match(unknown.stderr, /No user has that e-mail\. \[nadie@example\.pa\]/);
  const weak = user(['reset-password', '--email', 'donante@example.ca', '--password-stdin'], 'passwordpassword\n');
  assert.equal(weak.code, 1);
  assert.match(weak.stderr, /password: It repeats characters/);

  const reset = user(['reset-password', '--email', 'jurado1@demo.diplomado.invalid']);
  assert.equal(reset.code, 0, reset.stderr);
  const password = /password: (\S+)/.exec(reset.stdout)[1];
  assert.ok(password.length >= 12);
  server.accounts['jurado1@demo.diplomado.invalid'] = password;
  return signIn(server, 'jurado1@demo.diplomado.invalid');
});

test("the donor reads the teams without anyone's name; those who take part see each team's leader", async () => {
  const donor = await signIn(server, 'donante@example.ca');
  const programmes = await (await get(server, '/api/v1/programmes', donor)).json();
  const programmeId = programmes.items.find((programme) => programme.code === CODE).id;
  const forDonor = (await (await get(server, `/api/v1/programmes/${programmeId}/teams`, donor)).json()).items;
  assert.ok(forDonor.length > 0);
  for (const team of forDonor) assert.equal(team.group_leader, null, `no leader's name for the donor (${team.name})`);
  const coordinator = await signIn(server, 'coordinacion@example.pa');
  const forCoordinator = (await (await get(server, `/api/v1/programmes/${programmeId}/teams`, coordinator)).json()).items;
  assert.ok(forCoordinator.some((team) => team.group_leader?.name), 'the coordinator sees who leads');
  assert.equal(forCoordinator.length, forDonor.length);
});

test('a participant downloads everything held about them as JSON; nobody else appears in it', async () => {
  const me = await signIn(server, 'migdalia.vasquez@demo.diplomado.invalid');
  const answer = await get(server, '/api/v1/me/data', me);
  assert.equal(answer.status, 200);
  assert.match(answer.headers.get('content-disposition'), /attachment; filename="diplomado-my-data\.json"/);
  const data = await answer.json();
  assert.equal(data.account.email, 'migdalia.vasquez@demo.diplomado.invalid');
  assert.equal(data.enrollments.length, 1);
  const [mine] = data.enrollments;
  assert.equal(mine.programme_code, CODE);
  assert.equal(mine.record.email, 'migdalia.vasquez@demo.diplomado.invalid', 'contact data included: it is theirs');
  assert.equal(mine.progress.rows.length, 1, 'their own gradebook row only');
  assert.equal(mine.progress.rows[0].enrollment_id, mine.record.enrollment_id);
  const emails = new Set(JSON.stringify(data).match(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g));
  assert.deepEqual([...emails], ['migdalia.vasquez@demo.diplomado.invalid'], "no one else's e-mail");
  assert.equal(data.survey, 'kept_without_identity', 'survey answers cannot be returned as theirs');
  const donor = await (await get(server, '/api/v1/me/data', await signIn(server, 'donante@example.ca'))).json();
  assert.deepEqual(donor.enrollments, [], 'an observer holds no enrolment');
  assert.equal((await get(server, '/api/v1/me/data')).status, 401);
});

test('invalid UTF-8 in a body is refused with 400 and nothing is stored', async () => {
  const id = await userId('donante@example.ca');
  const bytes = Buffer.concat([Buffer.from('{"role":"juror","programme_code":"'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('"}')]);
  const refused = await fetch(`${server.base}/api/v1/users/${id}/grants`, {
    method: 'POST',
    headers: { Cookie: site.cookie, 'X-CSRF-Token': site.csrf, 'Content-Type': 'application/json' },
    body: bytes,
  });
  assert.equal(refused.status, 400);
  assert.deepEqual((await users()).find((user) => user.email === 'donante@example.ca').grants.map((grant) => grant.role), ['observer']);
});

test('the site coordinator mails a user a link to choose a new password; nobody else can', async () => {
  const id = await userId('docente@example.pa');
  const before = mailLinks(server).length;
  const sent = await send(server, 'POST', `/api/v1/users/${id}/password_link`, site);
  assert.equal(sent.status, 202);
  const password = await passwordFromMail(server, before, 'puente-de-ceniza-y-río-44');
  assert.ok(password);
  await signIn(server, 'docente@example.pa', 'puente-de-ceniza-y-río-44');
  server.accounts['docente@example.pa'] = 'puente-de-ceniza-y-río-44';
  const teacher = await signIn(server, 'docente@example.pa');
  assert.equal((await send(server, 'POST', `/api/v1/users/${id}/password_link`, teacher)).status, 403);
  assert.equal((await send(server, 'POST', '/api/v1/users/999999/password_link', site)).status, 404);
});
