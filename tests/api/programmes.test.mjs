// Issue 12 over HTTP: the site coordinator opens a course set in any country, names its
// coordinators and clones an edition; a programme's coordinators edit it (If-Match) until it is
// closed. Bad input is refused whole, each problem named, and nothing is written.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, signIn, get, send, programmeIdOf, partialRequest } from './harness.mjs';

const DEMO = 'IBM-HR-PA-2023';
let server;
let site;
let coordinator;
let demoId;

before(async () => {
  server = await startServer({
    users: [
      { email: 'sitio@example.org', role: 'coordinator' },
      { email: 'coordinacion@example.pa', role: 'coordinator', programme: DEMO },
    ],
  });
  site = await signIn(server, 'sitio@example.org');
  coordinator = await signIn(server, 'coordinacion@example.pa');
  demoId = await programmeIdOf(server, site, DEMO);
});
after(() => server?.stop());

const costaRica = (overrides = {}) => ({
  code: 'GIF-CR-2025',
  title: { es: 'Diplomado en Gestión de Fronteras', en: 'Diploma course on Border Management' },
  country: 'CR',
  time_zone: 'America/Costa_Rica',
  locale: 'es-CR',
  start_date: '2025-03-03',
  end_date: '2025-06-30',
  modality: 'blended',
  sdgs: [10, 16],
  organisations: [
    { role: 'implementer', name: { es: 'OIM Costa Rica', en: 'IOM Costa Rica' }, acronym: 'OIM' },
    { role: 'funder', name: { es: 'Canadá (IRCC)', en: 'Canada (IRCC)' }, acronym: 'IRCC' },
  ],
  modules: [
    { title: { es: 'Derechos humanos', en: 'Human rights' }, hours: 20 },
    { title: { es: 'Gestión de fronteras', en: 'Border management' }, hours: 16, pass_mark: 75 },
    { title: { es: 'Estadística migratoria', en: 'Migration statistics' }, hours: 12 },
  ],
  ...overrides,
});

const programmeCodes = async () => (await (await get(server, '/api/v1/programmes', site)).json()).items.map((item) => item.code);
const fields = async (response) => (await response.json()).errors.map((error) => error.field);

test('the site coordinator opens a course in Costa Rica and names its coordinator, who gets a password once', async () => {
  const response = await send(server, 'POST', '/api/v1/programmes', site, {
    ...costaRica(),
    coordinators: [{ email: 'Coordinacion@Example.CR', display_name: 'Marta Solís' }],
  });
  assert.equal(response.status, 201);
  const created = await response.json();
  assert.equal(created.programme.status, 'draft', 'a programme starts as a draft unless it says otherwise');
  assert.equal(created.programme.locale, 'es-CR');
  assert.deepEqual(created.programme.modules.map((module) => [module.position, module.hours, module.pass_mark]), [[1, 20, 0], [2, 16, 75], [3, 12, 0]]);
  assert.equal(created.coordinators[0].email, 'coordinacion@example.cr');
  assert.ok(created.coordinators[0].initial_password.length >= 12);
  assert.match(response.headers.get('location'), new RegExp(`/api/v1/programmes/${created.programme.id}$`));

  // The new coordinator signs in with it and sees only their programme, with an empty checklist.
  const named = await signIn(server, 'coordinacion@example.cr', created.coordinators[0].initial_password);
  const theirs = (await (await get(server, '/api/v1/programmes', named)).json()).items;
  assert.deepEqual(theirs.map((item) => [item.code, item.status]), [['GIF-CR-2025', 'draft']]);
  const setup = await (await get(server, `/api/v1/programmes/${created.programme.id}/setup`, named)).json();
  assert.deepEqual(setup.items.map((item) => [item.key, item.done]), [
    ['modules', true], ['sessions', false], ['assessments', false], ['participants', false],
    ['teams', false], ['rubric', false], ['jurors', false], ['coordinators', true], ['signatories', false],
  ]);
  assert.equal(setup.complete, false);
  // Naming them again gives no new password.
  const again = await send(server, 'POST', `/api/v1/programmes/${created.programme.id}/coordinators`, site, { email: 'coordinacion@example.cr' });
  assert.equal(again.status, 201);
  assert.equal((await again.json()).initial_password, null);
  const list = await (await get(server, `/api/v1/programmes/${created.programme.id}/coordinators`, named)).json();
  assert.deepEqual(list.items.map((item) => item.display_name), ['Marta Solís']);
});

test('only the site coordinator creates programmes, clones them and names coordinators', async () => {
  assert.equal((await send(server, 'POST', '/api/v1/programmes', coordinator, costaRica({ code: 'NOPE-1' }))).status, 403);
  assert.equal((await send(server, 'POST', `/api/v1/programmes/${demoId}/clones`, coordinator, { code: 'NOPE-2', start_date: '2024-05-13' })).status, 403);
  assert.equal((await send(server, 'POST', `/api/v1/programmes/${demoId}/coordinators`, coordinator, { email: 'x@example.pa', display_name: 'X' })).status, 403);
  assert.ok(!(await programmeCodes()).includes('NOPE-1'));
});

test('bad programmes are refused whole, every problem named in the reader\'s language; nothing is written', async () => {
  const bad = costaRica({
    code: 'GIF-CR-BAD',
    country: 'XX',
    time_zone: 'America/Atlantis',
    locale: 'es-ZZ',
    start_date: '2025-06-30',
    end_date: '2025-03-03',
    modules: [{ title: { es: 'Uno', en: 'One' }, hours: -4 }],
  });
  const response = await send(server, 'POST', '/api/v1/programmes', site, bad, { 'Accept-Language': 'es' });
  assert.equal(response.status, 400);
  const problem = await response.json();
  assert.deepEqual(problem.errors.map((error) => error.field), ['country', 'time_zone', 'locale', 'end_date', 'modules[0].hours']);
  assert.match(problem.errors.find((error) => error.field === 'time_zone').message, /Zona horaria desconocida/);
  assert.match(problem.errors.find((error) => error.field === 'modules[0].hours').message, /horas/);
  const english = await send(server, 'POST', '/api/v1/programmes', site, bad, { 'Accept-Language': 'en' });
  assert.match((await english.json()).errors.find((error) => error.field === 'end_date').message, /end date is before the start/);
  // A wrong type and an unknown member are named by their path too.
  const shape = await send(server, 'POST', '/api/v1/programmes', site, { ...costaRica({ code: 'GIF-CR-SHAPE' }), sdgs: 'ten', colour: 'blue' });
  assert.equal(shape.status, 400);
  assert.deepEqual((await fields(shape)).sort(), ['colour', 'sdgs']);
  // The same code twice is a conflict on "code".
  const duplicate = await send(server, 'POST', '/api/v1/programmes', site, costaRica({ code: DEMO }));
  assert.equal(duplicate.status, 409);
  assert.deepEqual(await fields(duplicate), ['code']);
  // An active programme needs its dates and a module.
  const open = await send(server, 'POST', '/api/v1/programmes', site, costaRica({ code: 'GIF-CR-OPEN', status: 'active', modules: [] }));
  assert.deepEqual(await fields(open), ['modules']);
  const codes = await programmeCodes();
  for (const code of ['GIF-CR-BAD', 'GIF-CR-SHAPE', 'GIF-CR-OPEN']) assert.ok(!codes.includes(code), code);
});

test('a coordinator edits their programme with If-Match: a stale version is 409, modules in use stay', async () => {
  const created = await (await send(server, 'POST', '/api/v1/programmes', site, costaRica({ code: 'GIF-CR-EDIT', coordinators: [{ email: 'coordinacion@example.pa' }] }))).json();
  const id = created.programme.id;
  const [first, second, third] = created.programme.modules;
  const edit = (body, version) => send(server, 'PATCH', `/api/v1/programmes/${id}`, coordinator, body, { 'If-Match': `"${version}"` });

  // Reorder, rename, drop the third and add a fourth, in one edit.
  const moved = await edit({
    title: { es: 'Gestión Integral de Fronteras', en: 'Integrated Border Management' },
    modules: [
      { id: second.id, title: second.title, hours: 18 },
      { id: first.id, title: { es: 'Derechos humanos de las personas migrantes', en: 'Human rights of migrants' }, hours: 20 },
      { title: { es: 'Proyecto final', en: 'Final project' }, hours: 8 },
    ],
  }, created.programme.version);
  assert.equal(moved.status, 200);
  const after = await moved.json();
  assert.equal(moved.headers.get('etag'), `"${after.version}"`);
  assert.deepEqual(after.modules.map((module) => [module.position, module.title.en, module.hours]), [
    [1, 'Border management', 18], [2, 'Human rights of migrants', 20], [3, 'Final project', 8],
  ]);
  assert.ok(!after.modules.some((module) => module.title.en === third.title.en), 'the module left out is removed');

  // The old version is stale now.
  const stale = await edit({ title: { es: 'Otro', en: 'Other' } }, created.programme.version);
  assert.equal(stale.status, 409);

  // A module with a session is not removed.
  const session = await send(server, 'POST', `/api/v1/programmes/${id}/sessions`, coordinator, {
    module: 1, title: { es: 'Apertura', en: 'Opening' }, starts_at: '2025-03-03T14:00:00Z', ends_at: '2025-03-03T17:00:00Z', place: 'San José',
  });
  assert.equal(session.status, 201);
  const inUse = await edit({ modules: after.modules.slice(1).map(({ id: moduleId, title, hours }) => ({ id: moduleId, title, hours })) }, after.version);
  assert.equal(inUse.status, 409);
  assert.match((await inUse.json()).title, /sesiones o evaluaciones/);

  // Bad edits name their member: a locale, a zone, an unknown module id, a status jump.
  const badEdit = await edit({ locale: 'xx-CR', time_zone: 'Costa Rica', status: 'closed', modules: [{ id: 999999, title: { es: 'X', en: 'X' } }] }, after.version);
  assert.equal(badEdit.status, 400);
  assert.deepEqual((await fields(badEdit)).sort(), ['locale', 'status', 'time_zone']);
  const unknownModule = await edit({ modules: [{ id: 999999, title: { es: 'X', en: 'X' } }] }, after.version);
  assert.deepEqual(await fields(unknownModule), ['modules[0].id', 'modules'], 'the unknown id, and the module with a session that the list leaves out');
  const detail = await (await get(server, `/api/v1/programmes/${id}`, coordinator)).json();
  assert.equal(detail.version, after.version, 'refused edits wrote nothing');

  // Open it, close it; a closed programme is no longer edited.
  const opened = await edit({ status: 'active' }, after.version);
  assert.equal(opened.status, 200);
  const closed = await edit({ status: 'closed' }, (await opened.json()).version);
  assert.equal(closed.status, 200);
  const late = await edit({ title: { es: 'Tarde', en: 'Late' } }, (await closed.json()).version);
  assert.equal(late.status, 409);
  assert.match((await late.json()).title, /cerrado/);
});

test('a programme coordinator cannot edit another programme (404, ids reveal nothing)', async () => {
  const other = await (await send(server, 'POST', '/api/v1/programmes', site, costaRica({ code: 'GIF-CR-OTHER' }))).json();
  const response = await send(server, 'PATCH', `/api/v1/programmes/${other.programme.id}`, coordinator, { title: { es: 'X', en: 'X' } }, { 'If-Match': '"1"' });
  assert.equal(response.status, 404);
});

test('cloning the demo makes a 2024 draft with its structure, dates moved, and no people', async () => {
  const response = await send(server, 'POST', `/api/v1/programmes/${demoId}/clones`, site, { code: 'IBM-HR-PA-2024', start_date: '2024-05-13' });
  assert.equal(response.status, 201);
  const clone = await response.json();
  const demo = await (await get(server, `/api/v1/programmes/${demoId}`, site)).json();
  assert.equal(clone.status, 'draft');
  assert.equal(clone.start_date, '2024-05-13');
  assert.equal(clone.end_date, '2024-10-09', 'the end moves by the same 364 days as the start');
  assert.deepEqual(clone.modules.map((module) => module.title.es), demo.modules.map((module) => module.title.es));
  assert.deepEqual(clone.sdgs, demo.sdgs);

  const sessions = async (id) => (await (await get(server, `/api/v1/programmes/${id}/sessions`, site)).json()).items;
  const [before, copied] = [await sessions(demoId), await sessions(clone.id)];
  assert.equal(copied.length, before.length);
  const day = 24 * 3600 * 1000;
  assert.equal((Date.parse(copied[0].starts_at) - Date.parse(before[0].starts_at)) / day, 364);
  assert.ok(copied.every((session) => session.marks === 0));
  const assessments = async (id) => (await (await get(server, `/api/v1/programmes/${id}/assessments`, site)).json()).items;
  assert.deepEqual((await assessments(clone.id)).map((item) => item.code), (await assessments(demoId)).map((item) => item.code));
  const rubric = async (id) => (await (await get(server, `/api/v1/programmes/${id}/rubric`, site)).json());
  assert.deepEqual((await rubric(clone.id)).criteria.map((item) => item.code), (await rubric(demoId)).criteria.map((item) => item.code));
  const gradebook = async (id) => (await (await get(server, `/api/v1/programmes/${id}/gradebook`, site)).json());
  assert.deepEqual((await gradebook(clone.id)).policy, (await gradebook(demoId)).policy);
  const people = await (await get(server, `/api/v1/programmes/${clone.id}/participants`, site)).json();
  assert.equal(people.total, 0);
  assert.equal((await (await get(server, `/api/v1/programmes/${clone.id}/teams`, site)).json()).items.length, 0);

  const again = await send(server, 'POST', `/api/v1/programmes/${demoId}/clones`, site, { code: 'IBM-HR-PA-2024', start_date: '2025-05-12' });
  assert.equal(again.status, 409);
  assert.deepEqual(await fields(again), ['code']);
  const badDate = await send(server, 'POST', `/api/v1/programmes/${demoId}/clones`, site, { code: 'IBM-HR-PA-2025', start_date: '12/05/2025' });
  assert.deepEqual(await fields(badDate), ['start_date']);
});

test('countries come with their names in both languages, time zones and locales', async () => {
  const countries = (await (await get(server, '/api/v1/countries', site)).json()).items;
  const costa = countries.find((country) => country.code === 'CR');
  assert.deepEqual(costa.name, { es: 'Costa Rica', en: 'Costa Rica' });
  assert.deepEqual(costa.time_zones, ['America/Costa_Rica']);
  assert.ok(costa.locales.includes('es-CR'));
  assert.equal(costa.default_locale, 'es-CR');
  assert.equal(countries.find((country) => country.code === 'GB').default_locale, 'en-GB');
  assert.ok(countries.length > 200);
});

test('a course in any country gets its subdivisions from iso-codes, named as the country names them', async () => {
  const created = await (await send(server, 'POST', '/api/v1/programmes', site, costaRica({
    code: 'JM-2026', country: 'JM', time_zone: 'America/Jamaica', locale: 'en-JM', coordinators: [{ email: 'coordinacion@example.pa' }],
  }))).json();
  const id = created.programme.id;
  const detail = await (await get(server, `/api/v1/programmes/${id}`, coordinator)).json();
  assert.deepEqual(detail.subdivision_category, { es: 'Parroquia', en: 'Parish' });
  const parishes = (await (await get(server, '/api/v1/countries/JM/subdivisions', coordinator)).json()).items;
  assert.equal(parishes.length, 14);
  assert.ok(parishes.some((parish) => parish.name === 'Kingston'));
  // Costa Rica's are provinces; Panama keeps its own curated list (provinces and comarcas).
  const costa = (await (await get(server, '/api/v1/programmes', site)).json()).items.find((item) => item.code === 'GIF-CR-2025');
  assert.deepEqual((await (await get(server, `/api/v1/programmes/${costa.id}`, site)).json()).subdivision_category, { es: 'Provincia', en: 'Province' });
  assert.deepEqual((await (await get(server, `/api/v1/programmes/${demoId}`, site)).json()).subdivision_category,
    { es: 'Provincia o comarca', en: 'Province or comarca (indigenous region)' });

  // A nominations file whose region column is headed with the country's own word.
  const csv = 'Given names,Family names,Institution,Level,Parish,E-mail\r\nAnn,Brown,SNM,national,Kingston,ann.brown@example.jm\r\n';
  const upload = await send(server, 'POST', `/api/v1/programmes/${id}/participant_imports?file_name=nominations.csv`, coordinator,
    new TextEncoder().encode(csv), { 'Content-Type': 'text/csv' });
  assert.equal(upload.status, 201);
  const preview = await upload.json();
  assert.equal(preview.mapping.subdivision, 4, 'the "Parish" column is the subdivision');
  assert.ok(!preview.errors.some((error) => error.field === 'subdivision'), JSON.stringify(preview.errors));
});

test('no column is dropped silently: the preview names the columns not imported and warns of empty ones', async () => {
  const created = await (await send(server, 'POST', '/api/v1/programmes', site, costaRica({
    code: 'GIF-CR-COLS', coordinators: [{ email: 'coordinacion@example.pa' }],
  }))).json();
  const csv = 'Nombres,Apellidos,Institución,Nivel,Provincia,Correo,Talla de camisa,Cargo\r\n'
    + 'Ana,Mora,SNM,nacional,,ana.mora@example.cr,M,\r\nLuis,Solano,SNM,local,,luis.solano@example.cr,L,\r\n';
  const upload = await send(server, 'POST', `/api/v1/programmes/${created.programme.id}/participant_imports?file_name=n.csv`, coordinator,
    new TextEncoder().encode(csv), { 'Content-Type': 'text/csv' });
  const preview = await upload.json();
  assert.deepEqual(preview.unmapped_columns, [{ index: 6, header: 'Talla de camisa' }]);
  assert.deepEqual(preview.empty_fields.sort(), ['position', 'subdivision']);
});

test('a nominations file naming institutions not on file: listed in the preview, created with the import when asked, all or nothing', async () => {
  const created = await (await send(server, 'POST', '/api/v1/programmes', site, costaRica({
    code: 'GIF-CR-INST', coordinators: [{ email: 'coordinacion@example.pa' }],
  }))).json();
  const id = created.programme.id;
  // MINSA is Panama's: in a Costa Rica course the same acronym is not matched to it.
  const csv = 'Nombres,Apellidos,Institución,Nivel,Provincia,Correo\r\n'
    + 'Ana,Mora,MINSA,nacional,San José,ana.mora2@example.cr\r\n'
    + 'Luis,Solano,Dirección General de Migración y Extranjería,nacional,Alajuela,luis.solano2@example.cr\r\n'
    + 'Eva,Rojas, Minsa ,local,Cartago,eva.rojas@example.cr\r\n';
  const upload = await (await send(server, 'POST', `/api/v1/programmes/${id}/participant_imports?file_name=n.csv`, coordinator,
    new TextEncoder().encode(csv), { 'Content-Type': 'text/csv' })).json();
  assert.deepEqual(upload.new_institutions, ['MINSA', 'Dirección General de Migración y Extranjería'], '" Minsa " is MINSA: one institution');
  assert.equal(upload.errors.filter((error) => error.field === 'institution').length, 3);
  assert.equal(upload.errors.filter((error) => error.field === 'subdivision').length, 0, 'Costa Rica\'s provinces come from iso-codes');
  const step = (action, create) => send(server, 'POST', `/api/v1/programmes/${id}/participant_imports/${upload.id}/${action}`, coordinator,
    { mapping: upload.mapping, create_institutions: create });
  const refused = await step('commit', false);
  assert.equal(refused.status, 422);
  const preview = await (await step('preview', true)).json();
  assert.deepEqual(preview.errors, []);
  assert.equal(preview.created, 3);
  const institutionsBefore = (await (await get(server, '/api/v1/institutions', coordinator)).json()).items.length;
  assert.equal(institutionsBefore, (await (await get(server, '/api/v1/institutions', coordinator)).json()).items.length, 'a preview creates nothing');
  const commit = await step('commit', true);
  assert.equal(commit.status, 200);
  const institutions = (await (await get(server, '/api/v1/institutions', coordinator)).json()).items;
  const minsa = institutions.filter((institution) => institution.acronym === 'MINSA');
  assert.deepEqual(minsa.map((institution) => institution.country).sort(), ['CR', 'PA'], 'Costa Rica\'s MINSA is its own');
  const dgme = institutions.find((institution) => institution.name.es === 'Dirección General de Migración y Extranjería');
  assert.deepEqual([dgme.country, dgme.acronym], ['CR', '']);
  const roster = await (await get(server, `/api/v1/programmes/${id}/participants`, coordinator)).json();
  assert.equal(roster.total, 3);
});

test('a 20 MB programme body is refused from its headers (413), before it is read', async () => {
  const refused = await partialRequest(server, {
    path: '/api/v1/programmes', declared: 20 * 1024 * 1024, sent: 64 * 1024, headers: { Cookie: site.cookie, 'X-CSRF-Token': site.csrf },
  });
  refused.socket.destroy();
  assert.equal(refused.status, 413);
  assert.match(refused.answer, /256 KiB/);
});

test('more bad input is named and writes nothing: a code, a coordinator\'s e-mail or missing name, an institution\'s country', async () => {
  const before = await programmeCodes();
  const badCode = await send(server, 'POST', '/api/v1/programmes', site, costaRica({ code: 'código con espacios' }));
  assert.equal(badCode.status, 400);
  assert.deepEqual(await fields(badCode), ['code']);
  const badEmail = await send(server, 'POST', '/api/v1/programmes', site, costaRica({ code: 'GIF-CR-MAIL', coordinators: [{ email: 'no-es-un-correo' }] }));
  assert.equal(badEmail.status, 400);
  assert.deepEqual(await fields(badEmail), ['coordinators[0].email']);
  const noName = await send(server, 'POST', '/api/v1/programmes', site, costaRica({ code: 'GIF-CR-NAME', coordinators: [{ email: 'nadie@example.cr' }] }));
  assert.equal(noName.status, 400);
  assert.deepEqual(await fields(noName), ['coordinators[0].display_name']);
  assert.deepEqual(await programmeCodes(), before, 'the programme of a refused coordinator is not kept either');
  const institution = await send(server, 'POST', '/api/v1/institutions', coordinator, { name: { es: 'Ministerio X', en: 'Ministry X' }, country: 'XX' });
  assert.equal(institution.status, 400);
  assert.deepEqual(await fields(institution), ['country']);
});

test('moving a draft to another country gives it that country\'s subdivisions and their name', async () => {
  const created = await (await send(server, 'POST', '/api/v1/programmes', site, costaRica({ code: 'GIF-GT-2026', coordinators: [{ email: 'coordinacion@example.pa' }] }))).json();
  const moved = await send(server, 'PATCH', `/api/v1/programmes/${created.programme.id}`, coordinator,
    { country: 'GT', time_zone: 'America/Guatemala', locale: 'es-GT' }, { 'If-Match': `"${created.programme.version}"` });
  assert.equal(moved.status, 200);
  const detail = await (await get(server, `/api/v1/programmes/${created.programme.id}`, coordinator)).json();
  assert.deepEqual(detail.subdivision_category, { es: 'Departamento', en: 'Department' });
  assert.equal((await (await get(server, '/api/v1/countries/GT/subdivisions', coordinator)).json()).items.length, 22);
});

test('the programme list comes a page at a time, and a search finds a programme by code or title, accents and case aside', async () => {
  for (const code of ['PAGE-A-2025', 'PAGE-B-2025', 'PAGE-C-2025'])
    assert.equal((await send(server, 'POST', '/api/v1/programmes', site, costaRica({ code, title: { es: `Gestión ${code}`, en: `Management ${code}` } }))).status, 201);
  const list = async (query, session = site) => get(server, `/api/v1/programmes?${query}`, session);
  const whole = await (await list('per_page=200')).json();
  assert.ok(whole.total >= 4);
  const seen = [];
  for (let page = 1; page <= whole.total; page++) {
    const one = await (await list(`page=${page}&per_page=1`)).json();
    assert.deepEqual([one.page, one.per_page, one.total, one.items.length], [page, 1, whole.total, 1]);
    seen.push(one.items[0].code);
  }
  assert.deepEqual(seen, whole.items.map((item) => item.code), 'pages in the order of the whole list, none twice');

  const found = await (await list(`q=${encodeURIComponent('GESTION page-b')}`)).json();
  assert.deepEqual(found.items.map((item) => item.code), ['PAGE-B-2025']);
  assert.equal(found.total, 1);
  const mine = await (await list('q=PAGE', coordinator)).json();
  assert.deepEqual(mine.items, [], 'a programme coordinator finds only their own programmes');

  const tooMany = await list('per_page=500');
  assert.equal(tooMany.status, 400);
  assert.deepEqual(await fields(tooMany), ['per_page']);
  const tooLong = await list(`q=${'x'.repeat(101)}`);
  assert.equal(tooLong.status, 400);
  assert.deepEqual(await fields(tooLong), ['q']);
});
