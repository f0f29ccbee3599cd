// Issue 15, Ley 81's cancellation over HTTP and the CLI: a coordinator anonymises a person; their
// identity goes everywhere (roster, person page, certificates, account), aggregates and the public
// certificate check keep working and say so; only a coordinator of every programme of the person
// may do it; `diplomado purge` anonymises the people of programmes closed long enough ago.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, signIn, get, send, run, programmeIdOf } from './harness.mjs';

const CODE = 'IBM-HR-PA-2023';
const MIGDALIA = 'migdalia.vasquez@demo.diplomado.invalid';
let server;
let coordinator;
let programmeId;
const base = () => `/api/v1/programmes/${programmeId}`;

before(async () => {
  server = await startServer({
    users: [
      { email: 'sitio@example.pa', role: 'coordinator', name: 'Coordinación del sitio' },
      { email: 'coordinacion@example.pa', role: 'coordinator', programme: CODE },
      { email: 'donante@example.ca', role: 'observer', programme: CODE },
      { email: MIGDALIA, role: 'participant', programme: CODE, name: 'Migdalia Vásquez' },
    ],
  });
  coordinator = await signIn(server, 'coordinacion@example.pa');
  programmeId = await programmeIdOf(server, coordinator, CODE);
});
after(() => server?.stop());

const roster = async (q) => (await (await get(server, `${base()}/participants?per_page=200&q=${encodeURIComponent(q)}`, coordinator)).json());

test('a participant asks for a correction; it reaches the coordinators, who resolve it with a note she reads', async () => {
  const session = await signIn(server, MIGDALIA);
  const empty = await send(server, 'POST', '/api/v1/me/correction_requests', session, { programme_id: programmeId, request: '   ' });
  assert.equal(empty.status, 400);
  assert.equal((await empty.json()).errors[0].field, 'request');
  const long = await send(server, 'POST', '/api/v1/me/correction_requests', session, { programme_id: programmeId, request: 'x'.repeat(2001) });
  assert.equal(long.status, 400, 'over 2,000 characters');
  const observer = await signIn(server, 'donante@example.ca');
  assert.equal((await send(server, 'POST', '/api/v1/me/correction_requests', observer, { programme_id: programmeId, request: 'Mi cargo' })).status, 403,
    'only someone enrolled there asks it');

  const made = await send(server, 'POST', '/api/v1/me/correction_requests', session,
    { programme_id: programmeId, request: 'Mi cargo es Jefa de sección, no Trabajadora social.' });
  assert.equal(made.status, 201);
  const request = await made.json();
  assert.equal(request.resolved_at, null);
  const inbox = (await (await get(server, `${base()}/correction_requests`, coordinator)).json()).items;
  assert.equal(inbox.length, 1);
  assert.match(inbox[0].person_name, /Migdalia/);
  assert.equal((await get(server, `${base()}/correction_requests`, observer)).status, 403);

  const noNote = await send(server, 'POST', `${base()}/correction_requests/${request.id}/resolve`, coordinator, { resolution: '' });
  assert.equal(noNote.status, 400);
  const resolved = await send(server, 'POST', `${base()}/correction_requests/${request.id}/resolve`, coordinator, { resolution: 'Corregido en su ficha.' });
  assert.equal(resolved.status, 200);
  assert.equal((await send(server, 'POST', `${base()}/correction_requests/${request.id}/resolve`, coordinator, { resolution: 'Otra vez' })).status, 404,
    'resolved once');
  const mine = (await (await get(server, '/api/v1/me/correction_requests', session)).json()).items;
  assert.deepEqual([mine.length, mine[0].resolution], [1, 'Corregido en su ficha.']);
  assert.ok(mine[0].resolved_at);
});

test('anonymising a person erases their identity everywhere; aggregates and the certificate check still work', async () => {
  assert.equal((await (await send(server, 'POST', `${base()}/certificates`, coordinator)).json()).issued, 8, 'the group leaders\' recognitions');
  const migdalia = (await roster('migdalia')).items.find((person) => person.is_group_leader);
  const certificate = (await (await get(server, `${base()}/certificates`, coordinator)).json()).items.find((c) => c.enrollment_id === migdalia.enrollment_id);
  assert.ok(certificate, 'she leads a team, so she holds a recognition');
  const indicatorsBefore = await (await get(server, `${base()}/indicators`, coordinator)).json();
  const session = await signIn(server, MIGDALIA);

  const observer = await signIn(server, 'donante@example.ca');
  assert.equal((await send(server, 'POST', `${base()}/participants/${migdalia.enrollment_id}/anonymise`, observer)).status, 403);
  assert.equal((await send(server, 'POST', `${base()}/participants/999999/anonymise`, coordinator)).status, 404);

  const done = await send(server, 'POST', `${base()}/participants/${migdalia.enrollment_id}/anonymise`, coordinator);
  assert.equal(done.status, 200);
  const answer = await done.json();
  assert.deepEqual([answer.programmes, answer.account_closed], [1, true]);

  const record = await (await get(server, `${base()}/participants/${migdalia.enrollment_id}`, coordinator)).json();
  assert.equal(record.anonymised, true);
  assert.deepEqual([record.email, record.phone, record.position, record.consent.date], ['', '', '', '']);
  assert.equal(record.family_names, `#${answer.person_id}`);
  assert.equal(record.sex, migdalia.sex, 'sex stays for the aggregates');
  assert.equal(record.institution.id, migdalia.institution.id, 'so does the institution');
  assert.equal((await roster('migdalia')).items.filter((person) => person.is_group_leader).length, 0, 'nobody finds her by name any more');

  assert.equal((await get(server, '/api/v1/me', session)).status, 401, 'her open session ended');
  const refused = await send(server, 'POST', '/api/v1/session', null, { email: MIGDALIA, password: server.accounts[MIGDALIA] }, { 'X-CSRF-Token': 'x' });
  assert.equal(refused.status, 401, 'her account is closed');

  const indicatorsAfter = await (await get(server, `${base()}/indicators`, coordinator)).json();
  assert.deepEqual(indicatorsAfter, indicatorsBefore, 'every aggregate is as it was');

  const verified = await (await get(server, `/api/v1/verify/${certificate.serial}`)).json();
  assert.deepEqual([verified.state, verified.anonymised, verified.holder_name], ['valid', true, ''], 'the certificate still verifies, without a name');

  const again = await send(server, 'POST', `${base()}/participants/${migdalia.enrollment_id}/anonymise`, coordinator, undefined, { 'Accept-Language': 'en' });
  assert.equal(again.status, 409);
  assert.match((await again.json()).title, /already been anonymised/);

  const audit = await (await get(server, `${base()}/audit?action=person.anonymise`, coordinator)).json();
  assert.equal(audit.total, 1);
  assert.ok(!JSON.stringify(audit).includes('Migdalia') && !JSON.stringify(audit).includes('vasquez'), 'the audit keeps no trace of the identity it removed');
});

test('a coordinator anonymises only someone enrolled in no programme they do not coordinate; the site coordinator anyone', async () => {
  const site = await signIn(server, 'sitio@example.pa');
  const clone = await send(server, 'POST', `${base()}/clones`, site, { code: 'IBM-HR-PA-2024', start_date: '2024-06-03' });
  assert.equal(clone.status, 201);
  const cloneId = (await clone.json()).id;
  // A group leader: the demo gives them e-mails.
  const person = (await roster('')).items.find((row) => row.is_group_leader && !row.given_names.startsWith('Anonimizado'));
  const email = (await (await get(server, `${base()}/participants/${person.enrollment_id}`, coordinator)).json()).email;
  assert.ok(email, 'a demo participant with an e-mail');
  const enrolled = await send(server, 'POST', `/api/v1/programmes/${cloneId}/participants`, site, {
    given_names: person.given_names, family_names: person.family_names, email, institution: person.institution.acronym, level: 'Local',
  });
  assert.equal(enrolled.status, 201, await enrolled.clone().text());
  const refused = await send(server, 'POST', `${base()}/participants/${person.enrollment_id}/anonymise`, coordinator, undefined, { 'Accept-Language': 'en' });
  assert.equal(refused.status, 409, 'also enrolled in a programme this coordinator does not coordinate');
  assert.match((await refused.json()).title, /ask the site coordinator/);
  const done = await send(server, 'POST', `${base()}/participants/${person.enrollment_id}/anonymise`, site);
  assert.equal(done.status, 200);
  assert.equal((await done.json()).programmes, 2, 'anonymised in both programmes at once');
});

test('diplomado purge anonymises the people of programmes closed before the cut, with a dry run first', async () => {
  const dryOpen = run(['purge', '--older-than', '2', '--dry-run', ...server.common], undefined, { ...process.env, LANG: 'en_US.UTF-8' });
  assert.equal(dryOpen.code, 0, dryOpen.stderr);
  assert.match(dryOpen.stdout, /People who would be anonymised: 0 /, 'an open programme is never purged');

  const programme = await (await get(server, base(), coordinator)).json();
  assert.equal((await send(server, 'PATCH', base(), coordinator, { status: 'closed' }, { 'If-Match': `"${programme.version}"` })).status, 200);
  const total = (await roster('')).total;
  const dry = run(['purge', '--older-than', '2', '--dry-run', ...server.common], undefined, { ...process.env, LANG: 'en_US.UTF-8' });
  // Everyone but the two anonymised by the tests above.
  assert.match(dry.stdout, new RegExp(`People who would be anonymised: ${total - 2} \\(closed programmes that ended before \\d{4}-\\d{2}-\\d{2}\\)`));
  assert.equal((await roster('ábrego')).total > 0, true, 'a dry run changes nothing');
  const later = run(['purge', '--older-than', '5', ...server.common], undefined, { ...process.env, LANG: 'en_US.UTF-8' });
  assert.match(later.stdout, /People anonymised: 0 /, 'a programme that ended 3 years ago is kept under a 5-year rule');

  const purged = run(['purge', '--older-than', '2', ...server.common]);
  assert.equal(purged.code, 0, purged.stderr);
  assert.match(purged.stdout, new RegExp(`Personas anonimizadas: ${total - 2} `));
  assert.equal((await roster('ábrego')).total, 0);
  assert.equal((await roster('')).total, total, 'the enrolments stay, without identity');
  const bad = run(['purge', '--older-than', '0', ...server.common]);
  assert.notEqual(bad.code, 0, 'zero years is refused');
});

test('the privacy notice is accepted with its version and withdrawn as easily; a changed notice is not accepted unseen', async () => {
  const session = await signIn(server, 'donante@example.ca');
  const first = await (await get(server, '/api/v1/consent', session)).json();
  assert.equal(first.needed, true, 'asked at the first sign-in');
  assert.match(first.body.es, /Ley 81/);
  assert.match(first.body.en, /Ley 81/);
  assert.equal(first.accepted_version, null);

  const stale = await send(server, 'POST', '/api/v1/consent', session, { version: 'an older one' });
  assert.equal(stale.status, 409, 'a version other than the current one is refused');
  const accepted = await (await send(server, 'POST', '/api/v1/consent', session, { version: first.version })).json();
  assert.deepEqual([accepted.needed, accepted.accepted_version], [false, first.version]);
  assert.equal((await (await get(server, '/api/v1/consent', session)).json()).needed, false, 'kept');

  const withdrawn = await send(server, 'DELETE', '/api/v1/consent', session);
  assert.equal(withdrawn.status, 200);
  const after = await withdrawn.json();
  assert.deepEqual([after.needed, after.accepted_version], [true, null]);
  assert.ok(after.withdrawn_at);
  assert.equal((await send(server, 'DELETE', '/api/v1/consent', session)).status, 409, 'nothing left to withdraw');
  assert.equal((await get(server, '/api/v1/consent')).status, 401);
});

test('a server whose privacy notice file is unusable does not start, and says why', async () => {
  const bad = run(['serve', ...server.common, '--port', '1', '--consent-notice', '/nonexistent/notice.json'], undefined, { ...process.env, LANG: 'en_US.UTF-8' });
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /privacy notice file cannot be used/);
});

test('events a CLI command writes carry the programme it names and one request id, so the programme\'s viewer shows them', async () => {
  const added = run(['user', 'add', ...server.common, '--email', 'nuevo.docente@example.pa', '--name', 'Nuevo Docente', '--role', 'instructor',
    '--programme', CODE, '--password-stdin'], 'ríos-de-ceniza-y-portones-9\n');
  assert.equal(added.code, 0, added.stderr);
  const audit = await (await get(server, `${base()}/audit?action=user.create`, coordinator)).json();
  // Every account the harness and this test made for the programme with `user add --programme`.
  assert.equal(audit.total, 4, 'the accounts made from the CLI show in the programme\'s audit');
  assert.match(audit.items[0].request_id, /^cli-[0-9a-f]{16}$/);
});
