// Issue 5 over HTTP: upload -> mapping -> preview -> commit, export, filters and reference data.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, signIn, get, send, fixtures, programmeIdOf } from './harness.mjs';

const CODE = 'IBM-HR-PA-2023';
let server;
let programmeId;
let coordinator;

before(async () => {
  server = await startServer({
    reference: true,
    users: [
      { email: 'coordinacion@example.pa', role: 'coordinator', programme: CODE },
      { email: 'sitio@example.pa', role: 'coordinator' },
      { email: 'docente@example.pa', role: 'instructor', programme: CODE },
      { email: 'donante@example.ca', role: 'observer', programme: CODE },
    ],
  });
  coordinator = await signIn(server, 'coordinacion@example.pa');
  programmeId = await programmeIdOf(server, coordinator, CODE);
});
after(() => server?.stop());

const fixture = (name) => new Uint8Array(readFileSync(join(fixtures, name)));
const imports = () => `/api/v1/programmes/${programmeId}/participant_imports`;
const upload = (bytes, session = coordinator, headers = {}) =>
  send(server, 'POST', `${imports()}?file_name=nominaciones.csv`, session, bytes, { 'Content-Type': 'text/csv', ...headers });
const total = async (query = '') =>
  (await (await get(server, `/api/v1/programmes/${programmeId}/participants?per_page=1${query}`, coordinator)).json()).total;

test('a Spanish Excel CSV is read as Windows-1252 with semicolons, previewed, then committed once', async () => {
  const before = await total();
  const response = await upload(fixture('nominations_excel_es.csv'));
  assert.equal(response.status, 201);
  const preview = await response.json();
  assert.equal(preview.format, 'csv');
  assert.equal(preview.encoding, 'windows-1252');
  assert.equal(preview.separator, ';');
  assert.equal(preview.headers[3], 'Institución');
  assert.equal(preview.mapping.institution, 3);
  assert.equal(preview.mapping.subdivision, 6);
  assert.deepEqual([preview.rows, preview.created, preview.updated, preview.errors.length], [5, 5, 0, 0]);
  assert.equal(preview.committed, false);
  assert.equal(preview.preview[0].family_names, 'Ábrego Núñez');
  assert.equal(await total(), before, 'the upload writes no participant');

  const commit = await send(server, 'POST', `${imports()}/${preview.id}/commit`, coordinator, { mapping: preview.mapping });
  assert.equal(commit.status, 200);
  const done = await commit.json();
  assert.equal(done.committed, true);
  assert.equal(done.created, 5);
  assert.equal(await total(), before + 5);
  // "Kuna Yala" became Guna Yala; "Darien" Darién.
  assert.equal(await total('&province=PA-KY'), 1);
  const again = await send(server, 'POST', `${imports()}/${preview.id}/commit`, coordinator, { mapping: preview.mapping });
  assert.equal(again.status, 404, 'a committed upload is gone');
});

test('every bad row is listed with row, column, value and a message in the reader’s language, and nothing is written', async () => {
  const before = await total();
  const response = await upload(fixture('nominations_errors.csv'), coordinator, { 'Accept-Language': 'en' });
  assert.equal(response.status, 201);
  const preview = await response.json();
  const byRow = (row, field) => preview.errors.find((error) => error.row === row && (!field || error.field === field));
  assert.deepEqual(
    { column: byRow(2).column, value: byRow(2).value, code: byRow(2).code },
    { column: 'Institución', value: 'Ministerio de Magia', code: 'unknown_institution' },
  );
  assert.match(byRow(2).message, /Unknown institution/);
  assert.equal(byRow(3).code, 'unknown_subdivision');
  assert.equal(byRow(4).code, 'invalid_email');
  assert.equal(byRow(6).code, 'duplicate_in_file');
  assert.equal(byRow(8).code, 'cell_count');
  assert.equal(byRow(9).code, 'cell_count');
  assert.equal(byRow(10, 'given_names').code, 'required');
  assert.equal(byRow(11, 'sex').code, 'unknown_sex');
  assert.equal(byRow(11, 'level').code, 'unknown_level');
  assert.equal(byRow(7), undefined, 'a <script> in a name is only text, not an error');

  const commit = await send(server, 'POST', `${imports()}/${preview.id}/commit`, coordinator, { mapping: preview.mapping }, { 'Accept-Language': 'es' });
  assert.equal(commit.status, 422);
  const problem = await commit.json();
  assert.equal(problem.code, 'error.import.has_errors');
  assert.match(problem.title, /no se importó nada/);
  assert.ok(problem.errors.some((error) => error.row === 2 && error.field === 'institution'));
  assert.equal(await total(), before);
});

test('the mapping can be corrected between upload and commit', async () => {
  const csv = 'Nombre,Apellido,Entidad pública,Nivel,Correo personal\nLucía,Mendoza,SNM,Local,lucia.mendoza@example.org\n';
  const response = await upload(new TextEncoder().encode(csv));
  assert.equal(response.status, 201);
  const preview = await response.json();
  assert.equal(preview.mapping.email, null);
  assert.deepEqual(preview.errors.map((error) => [error.row, error.field, error.code]).sort(), [[1, 'email', 'unmapped'], [1, 'institution', 'unmapped']]);

  const mapping = { ...preview.mapping, email: 4, institution: 2 };
  const corrected = await send(server, 'POST', `${imports()}/${preview.id}/preview`, coordinator, { mapping });
  assert.equal(corrected.status, 200);
  const checked = await corrected.json();
  assert.deepEqual([checked.errors.length, checked.created], [0, 1]);

  const twice = await send(server, 'POST', `${imports()}/${preview.id}/preview`, coordinator, { mapping: { ...mapping, phone: 4 } });
  assert.equal((await twice.json()).errors[0].code, 'column_twice');
  const unknown = await send(server, 'POST', `${imports()}/${preview.id}/preview`, coordinator, { mapping: { shoe_size: 1 } });
  assert.equal(unknown.status, 400);
  assert.equal((await unknown.json()).errors[0].field, 'mapping.shoe_size');

  const commit = await send(server, 'POST', `${imports()}/${preview.id}/commit`, coordinator, { mapping });
  assert.equal(commit.status, 200);
  assert.equal(await total('&q=lucia%20mendoza'), 1);
});

test('files that are not tables are refused with a clear error, and nothing is kept', async () => {
  const cases = [
    [new Uint8Array(), 'empty_file'],
    [new TextEncoder().encode('Nombre;Apellido;Correo\r\n'), 'only_header'],
    [fixture('renamed.pdf.csv'), 'not_a_table'],
    [new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 3]), 'not_a_table'],
    [new TextEncoder().encode('PK\x03\x04 this is no zip'), 'not_a_table'],
  ];
  for (const [bytes, code] of cases) {
    const response = await upload(bytes);
    assert.equal(response.status, 422, code);
    const problem = await response.json();
    assert.equal(problem.errors[0].code, code);
    assert.ok(problem.errors[0].message.length > 0);
  }
  const huge = await upload(new Uint8Array(20 * 1024 * 1024).fill(0x61));
  assert.equal(huge.status, 413);
  const problem = await huge.json();
  assert.equal(problem.errors[0].field, 'file');
  assert.equal(problem.errors[0].value, '16 MiB');
});

test('a <script> in a name is stored and returned as text', async () => {
  const csv = 'Nombre;Apellido;Institución;Nivel;Correo\n<script>alert(1)</script>;Torres;MINSA;Nacional;torres.script@example.org\n';
  const preview = await (await upload(new TextEncoder().encode(csv))).json();
  const commit = await send(server, 'POST', `${imports()}/${preview.id}/commit`, coordinator, { mapping: preview.mapping });
  assert.equal(commit.status, 200);
  const list = await (await get(server, `/api/v1/programmes/${programmeId}/participants?q=torres`, coordinator)).json();
  assert.equal(list.items[0].given_names, '<script>alert(1)</script>');
});

test('only the coordinator imports and exports', async () => {
  const instructor = await signIn(server, 'docente@example.pa');
  assert.equal((await upload(fixture('nominations_utf8_bom.csv'), instructor)).status, 403);
  assert.equal((await get(server, `/api/v1/programmes/${programmeId}/participants/export`, instructor)).status, 403);
  const donor = await signIn(server, 'donante@example.ca');
  assert.equal((await get(server, `/api/v1/programmes/${programmeId}/participants`, donor)).status, 403);
  const noCsrf = await fetch(`${server.base}${imports()}`, { method: 'POST', headers: { Cookie: coordinator.cookie }, body: 'a;b\n1;2\n' });
  assert.equal(noCsrf.status, 403);
});

test('the table is searched ignoring accents, filtered and sorted; bad filters are named', async () => {
  const abrego = await (await get(server, `/api/v1/programmes/${programmeId}/participants?q=ABREGO&per_page=200`, coordinator)).json();
  assert.ok(abrego.total >= 2);
  assert.ok(abrego.items.every((row) => row.family_names.startsWith('Ábrego')));
  const darien = await (await get(server, `/api/v1/programmes/${programmeId}/participants?province=PA-5&level=local&per_page=200`, coordinator)).json();
  assert.ok(darien.total > 0);
  assert.ok(darien.items.every((row) => row.subdivision.code === 'PA-5' && row.level === 'local'));
  const inDarien = await (await get(server, `/api/v1/programmes/${programmeId}/participants?q=darien&per_page=200`, coordinator)).json();
  assert.ok(inDarien.total > 0);
  assert.ok(inDarien.items.every((row) => row.subdivision?.code === 'PA-5' || /dari[eé]n/i.test(`${row.family_names} ${row.given_names}`)));
  const withdrawn = await (await get(server, `/api/v1/programmes/${programmeId}/participants?status=withdrawn`, coordinator)).json();
  assert.equal(withdrawn.total, 2);
  const sorted = await (await get(server, `/api/v1/programmes/${programmeId}/participants?sort=institution&per_page=200`, coordinator)).json();
  const acronyms = sorted.items.map((row) => row.institution.acronym || row.institution.name.es);
  assert.deepEqual(acronyms, [...acronyms].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));

  const bad = await get(server, `/api/v1/programmes/${programmeId}/participants?level=galactic&sort=age`, coordinator, { 'Accept-Language': 'en' });
  assert.equal(bad.status, 400);
  const problem = await bad.json();
  assert.deepEqual(problem.errors.map((error) => error.field), ['level', 'sort']);
  assert.match(problem.errors[0].message, /Unknown level/);
});

test('exports are CSV or XLSX in the page language, with formula cells neutralised', async () => {
  const csv = 'Nombre;Apellido;Institución;Nivel;Correo;Cargo\n"=HYPERLINK(""x"")";Formula;MINSA;Local;formula@example.org;+ jefe\n';
  const preview = await (await upload(new TextEncoder().encode(csv))).json();
  assert.equal((await send(server, 'POST', `${imports()}/${preview.id}/commit`, coordinator, { mapping: preview.mapping })).status, 200);

  const spanish = await get(server, `/api/v1/programmes/${programmeId}/participants/export?format=csv&lang=es&q=formula`, coordinator);
  assert.equal(spanish.status, 200);
  assert.match(spanish.headers.get('content-disposition'), /participantes\.csv/);
  const bytes = new Uint8Array(await spanish.arrayBuffer());
  assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], 'a BOM, so Excel reads UTF-8');
  const lines = new TextDecoder().decode(bytes.slice(3)).trim().split('\r\n');
  assert.match(lines[0], /^Nombres;Apellidos;Sexo;/);
  assert.equal(lines.length, 2);
  assert.match(lines[1], /^"'=HYPERLINK\(""x""\)";Formula;/);
  assert.match(lines[1], /;'\+ jefe;/);

  const english = await get(server, `/api/v1/programmes/${programmeId}/participants/export?format=csv&lang=en&q=formula`, coordinator);
  assert.match(await english.text(), /^Given names,Family names,Sex,/);
  const xlsx = await get(server, `/api/v1/programmes/${programmeId}/participants/export?format=xlsx`, coordinator);
  assert.equal(xlsx.status, 200);
  assert.equal(xlsx.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  const zip = new Uint8Array(await xlsx.arrayBuffer());
  assert.deepEqual([...zip.slice(0, 2)], [0x50, 0x4b]);
  assert.equal((await get(server, `/api/v1/programmes/${programmeId}/participants/export?format=pdf`, coordinator)).status, 400);
});

test('reference data: institutions and a country’s subdivisions, loaded by a site coordinator only', async () => {
  const institutions = await (await get(server, '/api/v1/institutions', coordinator)).json();
  assert.ok(institutions.items.some((institution) => institution.acronym === 'SENAFRONT'));
  const women = institutions.items.find((institution) => institution.name.es === 'Ministerio de la Mujer');
  assert.equal(women.valid_from, '2023-03-08');
  const panama = await (await get(server, '/api/v1/countries/PA/subdivisions', coordinator)).json();
  assert.ok(panama.items.find((item) => item.code === 'PA-KY').aliases.includes('Kuna Yala'));

  const costaRica = { country: 'CR', subdivisions: [{ code: 'CR-L', name: 'Limón', kind: 'province', aliases: ['Limon'] }] };
  assert.equal((await send(server, 'PUT', '/api/v1/countries/CR/subdivisions', coordinator, costaRica)).status, 403);
  const site = await signIn(server, 'sitio@example.pa');
  const loaded = await send(server, 'PUT', '/api/v1/countries/CR/subdivisions', site, costaRica);
  assert.equal(loaded.status, 200);
  assert.equal((await loaded.json()).items[0].name, 'Limón');
  const bad = await send(server, 'PUT', '/api/v1/countries/CR/subdivisions', site, { subdivisions: [{ code: 'PA-1', name: '', kind: 'province' }] });
  assert.equal(bad.status, 400);
  assert.deepEqual((await bad.json()).errors.map((error) => [error.field, error.row]), [['code', 1], ['name', 1]]);
  assert.equal((await get(server, '/api/v1/countries/cr/subdivisions', coordinator)).status, 400);
});

test('one person is enrolled by hand with the import’s rules, seen on a person page, and withdrawn with a reason', async () => {
  const base = `/api/v1/programmes/${programmeId}/participants`;
  const bad = await send(server, 'POST', base, coordinator, { given_names: 'Rosa', family_names: '', email: 'rosa(at)example', institution: 'Magia', level: 'x' }, { 'Accept-Language': 'en' });
  assert.equal(bad.status, 400);
  const problem = await bad.json();
  assert.deepEqual(problem.errors.map((error) => error.field).sort(), ['email', 'family_names', 'institution', 'level']);
  assert.ok(problem.errors.every((error) => error.message.length > 0));

  const person = { given_names: 'Rosa', family_names: 'Batista', sex: 'F', email: 'rosa.batista@example.org', institution: 'SENNIAF', level: 'Local', subdivision: 'Colon', phone: '6555-0101', consent_date: '2023-05-02', consent_notice_version: 'v1', consent_purposes: 'formación; certificación' };
  const created = await send(server, 'POST', base, coordinator, person);
  assert.equal(created.status, 201);
  const record = await created.json();
  assert.equal(record.subdivision.code, 'PA-3');
  assert.equal(record.consent.date, '2023-05-02');
  assert.equal(record.status, 'enrolled');
  assert.equal((await send(server, 'POST', base, coordinator, person)).status, 409, 'enrolled once');

  const page = await get(server, `${base}/${record.enrollment_id}`, coordinator);
  assert.equal(page.status, 200);
  const etag = page.headers.get('etag');
  assert.equal((await page.json()).phone, '6555-0101');
  const instructor = await signIn(server, 'docente@example.pa');
  const seenByInstructor = await (await get(server, `${base}/${record.enrollment_id}`, instructor)).json();
  assert.equal(seenByInstructor.email, '', 'contact data is for coordinators');
  assert.equal(seenByInstructor.family_names, 'Batista');

  const status = `${base}/${record.enrollment_id}/status`;
  const noReason = await send(server, 'PUT', status, coordinator, { status: 'withdrawn' });
  assert.equal(noReason.status, 400);
  assert.equal((await noReason.json()).errors[0].field, 'withdrawal_reason');
  const graduated = await send(server, 'PUT', status, coordinator, { status: 'graduated' });
  assert.equal(graduated.status, 400, 'enrolled cannot jump to graduated');
  const withdrawn = await send(server, 'PUT', status, coordinator, { status: 'withdrawn', reason: 'Traslado de puesto' }, { 'If-Match': etag });
  assert.equal(withdrawn.status, 200);
  const after = await withdrawn.json();
  assert.deepEqual([after.status, after.withdrawal_reason], ['withdrawn', 'Traslado de puesto']);
  const stale = await send(server, 'PUT', status, coordinator, { status: 'completed' }, { 'If-Match': etag });
  assert.equal(stale.status, 409);
  assert.equal((await send(server, 'PUT', status, instructor, { status: 'completed' })).status, 403);
  assert.equal((await get(server, `${base}/999999`, coordinator)).status, 404);
  assert.equal((await get(server, `${base}/abc`, coordinator)).status, 400);
});

test('institutions are created with validity dates, edited with If-Match, and duplicates merged with their people', async () => {
  const bad = await send(server, 'POST', '/api/v1/institutions', coordinator, { name: { es: '', en: 'x' }, level: 'galactic', valid_from: '2024-02-30', valid_to: '2020-01-01' });
  assert.equal(bad.status, 400);
  assert.deepEqual((await bad.json()).errors.map((error) => error.field), ['name.es', 'level', 'valid_from']);
  const backwards = await send(server, 'POST', '/api/v1/institutions', coordinator, { name: { es: 'A', en: 'A' }, valid_from: '2024-01-01', valid_to: '2020-01-01' });
  assert.equal((await backwards.json()).errors[0].field, 'valid_to');

  const created = await send(server, 'POST', '/api/v1/institutions', coordinator, {
    name: { es: 'Dirección de Migración Duplicada', en: 'Duplicated Migration Office' }, acronym: 'DMD', level: 'national', valid_from: '2020-01-01',
  });
  assert.equal(created.status, 201);
  const duplicate = await created.json();
  const etag = created.headers.get('etag');
  const same = await send(server, 'POST', '/api/v1/institutions', coordinator, { name: { es: 'Dirección de Migración Duplicada', en: 'x' } });
  assert.equal(same.status, 400);
  assert.equal((await same.json()).errors[0].field, 'name.es');

  const edited = await send(server, 'PUT', `/api/v1/institutions/${duplicate.id}`, coordinator, { ...duplicate, valid_to: '2024-12-31' }, { 'If-Match': etag });
  assert.equal(edited.status, 200);
  assert.equal((await edited.json()).valid_to, '2024-12-31');
  assert.equal((await send(server, 'PUT', `/api/v1/institutions/${duplicate.id}`, coordinator, duplicate, { 'If-Match': etag })).status, 409);

  const csv = 'Nombre;Apellido;Institución;Nivel;Correo\nDuplicado;Uno;DMD;Nacional;dup.uno@example.org\n';
  const preview = await (await upload(new TextEncoder().encode(csv))).json();
  assert.equal((await send(server, 'POST', `${imports()}/${preview.id}/commit`, coordinator, { mapping: preview.mapping })).status, 200);

  const institutions = await (await get(server, '/api/v1/institutions', coordinator)).json();
  const snm = institutions.items.find((institution) => institution.acronym === 'SNM');
  assert.equal((await send(server, 'POST', `/api/v1/institutions/${snm.id}/merge`, coordinator, { merge_id: duplicate.id })).status, 403);
  const site = await signIn(server, 'sitio@example.pa');
  const merged = await send(server, 'POST', `/api/v1/institutions/${snm.id}/merge`, site, { merge_id: duplicate.id });
  assert.equal(merged.status, 200);
  const result = await merged.json();
  assert.equal(result.people_moved, 1);
  assert.ok(result.institution.aliases.includes('DMD'));
  const moved = await (await get(server, `/api/v1/programmes/${programmeId}/participants?q=duplicado`, coordinator)).json();
  assert.equal(moved.items[0].institution.acronym, 'SNM');
  assert.equal((await send(server, 'POST', `/api/v1/institutions/${snm.id}/merge`, site, { merge_id: snm.id })).status, 400);
  assert.equal((await send(server, 'POST', `/api/v1/institutions/${snm.id}/merge`, site, { merge_id: duplicate.id })).status, 404);
});

test('editing an institution that is not there, or with an unreadable If-Match, is refused', async () => {
  const body = { name: { es: 'Nada', en: 'Nothing' } };
  assert.equal((await send(server, 'PUT', '/api/v1/institutions/999999', coordinator, body)).status, 404);
  const institutions = await (await get(server, '/api/v1/institutions', coordinator)).json();
  const any = institutions.items[0];
  const bad = await send(server, 'PUT', `/api/v1/institutions/${any.id}`, coordinator, { ...any }, { 'If-Match': 'yesterday' });
  assert.equal(bad.status, 400);
  assert.equal((await bad.json()).errors[0].field, 'If-Match');
  const instructor = await signIn(server, 'docente@example.pa');
  assert.equal((await send(server, 'POST', '/api/v1/institutions', instructor, body)).status, 403, 'only coordinators add institutions');
});
