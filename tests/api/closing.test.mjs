// Issue 14 over HTTP: the ceremony and its guests with the door check-in, the satisfaction survey
// (answered once, kept without who answered) and the news release drafted from the data, whose
// golden text states the model case's facts in both languages; on SQLite and PostgreSQL.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, signIn, get, send, programmeIdOf, fixtures, run, binary } from './harness.mjs';

const CODE = 'IBM-HR-PA-2023';
let server;
let programmeId;
let coordinator;

before(async () => {
  server = await startServer({
    users: [
      { email: 'coordinacion@example.pa', role: 'coordinator', programme: CODE },
      { email: 'donante@example.ca', role: 'observer', programme: CODE },
      { email: 'migdalia.vasquez@demo.diplomado.invalid', role: 'group_leader', programme: CODE },
      { email: 'edilsa.gonzalez@demo.diplomado.invalid', role: 'group_leader', programme: CODE },
    ],
  });
  coordinator = await signIn(server, 'coordinacion@example.pa');
  programmeId = await programmeIdOf(server, coordinator, CODE);
});
after(() => server?.stop());

const base = () => `/api/v1/programmes/${programmeId}`;
const json = async (response, status = 200) => {
  assert.equal(response.status, status, await response.clone().text());
  return response.status === 204 ? null : response.json();
};

test('the demo ceremony lists its guests by precedence, the graduates and the recognitions from the data', async () => {
  const view = await json(await get(server, `${base()}/ceremony`, coordinator));
  assert.equal(view.time_zone, 'America/Panama');
  assert.equal(view.ceremony.starts_at, '2023-10-11T10:00');
  assert.equal(view.ceremony.run_of_show.length, 5);
  assert.equal(view.guests.length, 10);
  assert.deepEqual(view.guests.map((guest) => guest.precedence), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  assert.equal(view.guests[0].name, 'Juan Manuel Pino');
  assert.deepEqual(view.counts, { guests: 10, accepted: 10, declined: 0, pending: 0, checked_in: 0 });
  assert.equal(view.graduates.length, 0, 'nobody has graduated yet');
  assert.ok(view.group_leaders.some((leader) => leader.name === 'José Paladín' && leader.detail === 'Chiriquí'));
  const donor = await signIn(server, 'donante@example.ca');
  assert.equal((await get(server, `${base()}/ceremony`, donor)).status, 403, 'guests are personal data: not the donor\'s');
});

test('the protocol list downloads as a PDF, guests in order of precedence, in each language', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'diplomado-protocol-'));
  for (const [lang, title, minister] of [['es', 'Lista de protocolo', 'Ministro de Seguridad Pública'], ['en', 'Protocol list', 'Minister of Public Security']]) {
    const response = await get(server, `${base()}/ceremony/protocol?lang=${lang}`, coordinator);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/pdf');
    const file = join(dir, `protocol-${lang}.pdf`);
    writeFileSync(file, Buffer.from(await response.arrayBuffer()));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    assert.ok(text.includes(title), title);
    assert.ok(text.includes(minister), minister);
    const order = ['Juan Manuel Pino', 'Katya Heron', 'Jorge Luis Gobea', 'Elmer Miranda'].map((name) => text.indexOf(name));
    assert.ok(order.every((at) => at > 0), 'every guest is on the list');
    assert.deepEqual([...order].sort((a, b) => a - b), order, 'in order of precedence');
  }
  const donor = await signIn(server, 'donante@example.ca');
  assert.equal((await get(server, `${base()}/ceremony/protocol`, donor)).status, 403);
});

test('guests: namesakes are told apart by institution, a duplicate is refused, bad fields are named', async () => {
  const add = (body) => send(server, 'POST', `${base()}/ceremony/guests`, coordinator, body, { 'Accept-Language': 'es' });
  const first = await json(await add({ name: 'María Pérez', title: { es: 'Directora', en: 'Director' }, institution: 'MINSA', precedence: 20 }), 201);
  const second = await json(await add({ name: 'María Pérez', title: { es: 'Jefa', en: 'Head' }, institution: 'MEDUCA', precedence: 21 }), 201);
  assert.notEqual(first.id, second.id);
  const duplicate = await add({ name: 'María Pérez', institution: 'MINSA', precedence: 22 });
  assert.equal(duplicate.status, 409);
  const problem = await duplicate.json();
  assert.equal(problem.errors[0].field, 'institution');
  assert.match(problem.errors[0].message, /misma institución|esa institución/);
  const bad = await add({ name: '', precedence: 0 });
  assert.equal(bad.status, 400);
  assert.deepEqual((await bad.json()).errors.map((error) => error.field).sort(), ['name', 'precedence']);

  // An edit needs the version read; a stale one is refused.
  const edited = await json(await send(server, 'PUT', `${base()}/ceremony/guests/${first.id}`, coordinator,
    { name: 'María Pérez', title: { es: 'Directora', en: 'Director' }, institution: 'MINSA', precedence: 20, rsvp: 'declined' }, { 'If-Match': `"${first.version}"` }));
  assert.equal(edited.rsvp, 'declined');
  assert.equal((await send(server, 'PUT', `${base()}/ceremony/guests/${first.id}`, coordinator,
    { name: 'María Pérez', institution: 'MINSA', precedence: 20 }, { 'If-Match': `"${first.version}"` })).status, 409);
  assert.equal((await send(server, 'DELETE', `${base()}/ceremony/guests/${second.id}`, coordinator)).status, 204);
  assert.equal((await send(server, 'DELETE', `${base()}/ceremony/guests/${first.id}`, coordinator)).status, 204);
});

test('the ceremony\'s time is checked, and the door check-in counts arrivals', async () => {
  const view = await json(await get(server, `${base()}/ceremony`, coordinator));
  const bad = await send(server, 'PUT', `${base()}/ceremony`, coordinator, { starts_at: '11/10/2023 10:00', venue: 'X', run_of_show: [{ at: '25:00', title: { es: 'A', en: 'A' } }] },
    { 'If-Match': `"${view.ceremony.version}"` });
  assert.equal(bad.status, 400);
  assert.deepEqual((await bad.json()).errors.map((error) => error.field), ['starts_at', 'run_of_show[0].at']);
  const { version, ...details } = view.ceremony;
  const saved = await json(await send(server, 'PUT', `${base()}/ceremony`, coordinator, { ...details, venue: 'Universidad ISAE' }, { 'If-Match': `"${version}"` }));
  assert.equal(saved.ceremony.venue, 'Universidad ISAE');
  // The version read before that save is stale now; a first save when one exists is refused too.
  assert.equal((await send(server, 'PUT', `${base()}/ceremony`, coordinator, details, { 'If-Match': `"${version}"` })).status, 409);
  assert.equal((await send(server, 'PUT', `${base()}/ceremony`, coordinator, details)).status, 409);
  const guest = view.guests[0];
  const counts = await json(await send(server, 'PUT', `${base()}/ceremony/guests/${guest.id}/check_in`, coordinator, { arrived: true }));
  assert.equal(counts.checked_in, 1);
  const undone = await json(await send(server, 'PUT', `${base()}/ceremony/guests/${guest.id}/check_in`, coordinator, { arrived: false }));
  assert.equal(undone.checked_in, 0);
  await json(await send(server, 'PUT', `${base()}/ceremony/guests/${guest.id}/check_in`, coordinator, { arrived: true }));
  assert.equal((await send(server, 'PUT', `${base()}/ceremony/guests/999999/check_in`, coordinator, { arrived: true })).status, 404);
});

test('the survey is answered once, without who answered, and gives counts and means', async () => {
  const survey = await json(await get(server, `${base()}/survey`, coordinator));
  assert.equal(survey.questions.length, 4);
  assert.equal(survey.respondents, 0);
  const [useful, quality, recommend, open] = survey.questions;
  // Questions with a missing text or a one-point scale are named, and the survey stays as it was.
  const badQuestions = await send(server, 'PUT', `${base()}/survey/questions`, coordinator,
    { questions: [{ kind: 'likert', text: { es: '', en: 'Useful?' } }, { kind: 'likert', text: { es: 'A', en: 'A' }, scale_min: 3, scale_max: 3 }, { kind: 'maybe', text: { es: 'B', en: 'B' } }] });
  assert.equal(badQuestions.status, 400);
  assert.deepEqual((await badQuestions.json()).errors.map((error) => error.field), ['questions[2].kind']);
  const badTexts = await send(server, 'PUT', `${base()}/survey/questions`, coordinator,
    { questions: [{ kind: 'likert', text: { es: '', en: 'Useful?' } }, { kind: 'likert', text: { es: 'A', en: 'A' }, scale_min: 3, scale_max: 3 }] });
  assert.deepEqual((await badTexts.json()).errors.map((error) => error.field), ['questions[0].text.es', 'questions[1].scale_max']);
  assert.equal((await json(await get(server, `${base()}/survey`, coordinator))).questions.length, 4);
  const leader = await signIn(server, 'migdalia.vasquez@demo.diplomado.invalid');
  assert.equal((await json(await get(server, `${base()}/survey`, leader))).answered, false);
  const answer = (session, answers) => send(server, 'POST', `${base()}/survey/responses`, session, { answers }, { 'Accept-Language': 'es' });
  const incomplete = await answer(leader, [{ question_id: useful.id, value: 9 }]);
  assert.equal(incomplete.status, 400);
  const fields = (await incomplete.json()).errors.map((error) => error.field);
  assert.ok(fields.includes('answers[0].value'), 'out of the scale');
  assert.ok(fields.includes('answers'), 'Likert questions left unanswered');
  const full = [{ question_id: useful.id, value: 5 }, { question_id: quality.id, value: 4 }, { question_id: recommend.id, value: 5 },
    { question_id: open.id, text: 'Más tiempo para el proyecto final.' }];
  assert.equal((await answer(leader, full)).status, 204);
  const twice = await answer(leader, full);
  assert.equal(twice.status, 409, 'a survey answered twice is refused');
  assert.match((await twice.json()).title, /ya respondió/);
  assert.equal((await json(await get(server, `${base()}/survey`, leader))).answered, true);
  const other = await signIn(server, 'edilsa.gonzalez@demo.diplomado.invalid');
  assert.equal((await answer(other, [{ question_id: useful.id, value: 3 }, { question_id: quality.id, value: 4 }, { question_id: recommend.id, value: 4 }])).status, 204);

  const results = await json(await get(server, `${base()}/survey`, coordinator));
  assert.equal(results.respondents, 2);
  const first = results.results.find((result) => result.question_id === useful.id);
  assert.deepEqual(first.counts, [0, 0, 1, 0, 1]);
  assert.equal(first.mean, 4);
  assert.deepEqual(results.results.find((result) => result.question_id === open.id).texts, ['Más tiempo para el proyecto final.']);
  // Questions no longer change once answered.
  assert.equal((await send(server, 'PUT', `${base()}/survey/questions`, coordinator, { questions: [] })).status, 409);
  // The report's satisfaction section is the same data.
  const report = await json(await get(server, `${base()}/indicators`, coordinator));
  assert.equal(report.satisfaction.respondents, 2);
  assert.equal(report.satisfaction.questions[0].mean, 4);
});

test('a news release for a programme that has not closed says which facts are missing', async () => {
  const news = await json(await get(server, `${base()}/news/es`, coordinator));
  assert.deepEqual(news.missing.map((fact) => fact.key), ['news.missing.graduates', 'news.missing.closed', 'news.missing.audience', 'news.missing.best_team']);
  assert.match(news.missing[0].message, /gradúe al grupo/);
  assert.match(news.generated, /\[pendiente: personas graduadas\]/);
  assert.equal(news.saved, null);
  assert.equal((await get(server, `${base()}/news/fr`, coordinator)).status, 400);
});

test('the closed demo\'s news release states the model case\'s facts from the data, in both languages (golden)', async () => {
  assert.equal((await send(server, 'POST', `${base()}/graduation`, coordinator, {})).status, 200);
  const ranking = await json(await get(server, `${base()}/ranking`, coordinator));
  assert.equal((await send(server, 'POST', `${base()}/recognitions/best_project`, coordinator, { project_id: ranking.best_project.proposed })).status, 200);
  const programme = await json(await get(server, base(), coordinator));
  assert.equal((await send(server, 'PATCH', base(), coordinator, { status: 'closed' }, { 'If-Match': `"${programme.version}"` })).status, 200);

  for (const language of ['es', 'en']) {
    const news = await json(await get(server, `${base()}/news/${language}`, coordinator));
    assert.deepEqual(news.missing, [], `${language}: nothing missing once closed`);
    const golden = join(fixtures, 'golden', `news-${language}.md`);
    if (process.env.UPDATE_GOLDEN) writeFileSync(golden, news.generated);
    assert.equal(news.generated, readFileSync(golden, 'utf8'), `${language} (UPDATE_GOLDEN=1 rewrites it)`);
  }
  // The facts themselves, so that the golden file cannot drift from the model case unnoticed.
  const es = (await json(await get(server, `${base()}/news/es`, coordinator))).generated;
  const en = (await json(await get(server, `${base()}/news/en`, coordinator))).generated;
  assert.match(es, /^# 49 funcionarias y funcionarios se gradúan/);
  assert.match(en, /^# 49 officials graduate/);
  assert.match(es, /El 11 de octubre de 2023, Organización Internacional para las Migraciones/);
  assert.match(en, /On 11 October 2023, International Organization for Migration/);
  for (const institution of ['Ministry of Labour and Professional Development', 'Ministry of Health', 'Ministry of Education', 'Ministry of Social Development',
    'Ministry of Women', 'National Secretariat for Children, Adolescents and the Family', 'National Institute of Statistics and Census',
    'National Border Service', 'National Migration Service'])
    assert.ok(en.includes(institution), institution);
  assert.match(en, /The Darién — SENAFRONT team, from Darién, obtained the best score nationwide\./);
  assert.match(es, /El equipo Darién — SENAFRONT, de Darién, obtuvo la mejor puntuación a nivel nacional\./);
  for (const leader of ['José Paladín (National Migration Service, Chiriquí)', 'Jorge Gutiérrez (National Border Service, Panamá)',
    'Edilsa González (Ministry of Social Development, Darién)'])
    assert.ok(en.includes(leader), leader);
  assert.ok(es.includes('José Paladín (Servicio Nacional de Migración, Chiriquí)'));
  const guests = ['Juan Manuel Pino', 'Katya Heron', 'Graciela Mauad', 'Thays Noriega', 'Hilda Martínez', 'Jorge Luis Gobea', 'Luis Carlos Rey', 'Anais de González', 'Elmer Miranda'];
  const positions = guests.map((name) => en.indexOf(name));
  assert.ok(positions.every((position) => position > 0), 'every guest is named');
  assert.deepEqual([...positions].sort((a, b) => a - b), positions, 'in order of precedence');
  assert.match(en, /Sustainable Development Goals 10 \(Reduced inequalities\); 16 \(Peace, justice and strong institutions\) and 17/);
});

test('the coordinator saves an edited draft and exports it as Markdown and ODT', async () => {
  const news = await json(await get(server, `${base()}/news/en`, coordinator));
  const body = `${news.generated}\n\nContact: press office.`;
  const saved = await json(await send(server, 'PUT', `${base()}/news/en`, coordinator, { body }));
  assert.equal(saved.saved.body, body);
  assert.equal((await send(server, 'PUT', `${base()}/news/en`, coordinator, { body: 'stale' })).status, 409, 'a second first save is stale');
  const markdown = await get(server, `${base()}/news/en/export?format=md`, coordinator);
  assert.match(markdown.headers.get('content-disposition'), /news-release\.md/);
  assert.ok((await markdown.text()).endsWith('Contact: press office.'));
  const odt = await get(server, `${base()}/news/en/export?format=odt`, coordinator);
  assert.equal(odt.headers.get('content-type'), 'application/vnd.oasis.opendocument.text');
  const dir = mkdtempSync(join(tmpdir(), 'diplomado-news-'));
  const file = join(dir, 'news.odt');
  writeFileSync(file, Buffer.from(await odt.arrayBuffer()));
  assert.equal(execFileSync('unzip', ['-p', file, 'mimetype'], { encoding: 'utf8' }), 'application/vnd.oasis.opendocument.text');
  const content = execFileSync('unzip', ['-p', file, 'content.xml'], { encoding: 'utf8' });
  assert.match(content, /<text:h text:style-name="Heading" text:outline-level="1">49 officials graduate/);
  assert.match(content, /Contact: press office\./);
  assert.equal((await get(server, `${base()}/news/en/export?format=docx`, coordinator)).status, 400);
});

test('diplomado news prints the draft and names what is missing', () => {
  const dir = mkdtempSync(join(tmpdir(), 'diplomado-news-cli-'));
  assert.equal(run(['demo', '--data', dir]).code, 0);
  // Run directly: the harness's run() keeps standard error only when a command fails.
  const es = spawnSync(binary, ['news', '--programme', CODE, '--lang', 'es', '--data', dir], { encoding: 'utf8', env: { ...process.env, LANG: 'es_PA.UTF-8' } });
  assert.equal(es.status, 0, es.stderr);
  assert.match(es.stdout, /^# \[pendiente: personas graduadas\] del Diplomado/);
  assert.match(es.stderr, /Falta: Aún no hay personas graduadas/);
  const odt = run(['news', '--programme', CODE, '--format', 'odt', '--data', dir]);
  assert.equal(odt.code, 1, 'an ODT needs a file');
  const file = join(dir, 'nota.odt');
  assert.equal(run(['news', '--programme', CODE, '--lang', 'en', '--format', 'odt', '-o', file, '--data', dir]).code, 0);
  assert.equal(execFileSync('unzip', ['-p', file, 'mimetype'], { encoding: 'utf8' }), 'application/vnd.oasis.opendocument.text');
});
