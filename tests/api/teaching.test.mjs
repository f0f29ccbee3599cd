// Issue 3 over HTTP: the gradebook, always current; grades with the decimal comma, audited and
// guarded against stale edits; quick-entry attendance; knowledge gain for the donor.
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
      { email: 'docente@example.pa', role: 'instructor', programme: CODE },
      { email: 'donante@example.ca', role: 'observer', programme: CODE },
      { email: 'lider@example.pa', role: 'group_leader', programme: CODE },
    ],
  });
  coordinator = await signIn(server, 'coordinacion@example.pa');
  programmeId = await programmeIdOf(server, coordinator, CODE);
});
after(() => server?.stop());

const gradebook = async (session = coordinator) => (await get(server, `/api/v1/programmes/${programmeId}/gradebook`, session)).json();
const grade = (enrollment, assessment, body, headers = {}, session = coordinator) =>
  send(server, 'PUT', `/api/v1/programmes/${programmeId}/grades/${enrollment}/${assessment}`, session, body, headers);

test('coordinators and instructors read the gradebook; the donor reads the aggregate gain only', async () => {
  const book = await gradebook();
  assert.equal(book.programme, CODE, '"programme" is the code over the API, as in the CLI');
  assert.equal(book.meeting_requirements, 49);
  assert.equal(book.assessments.length, 14);
  assert.equal(book.sessions.length, 12);
  const instructor = await signIn(server, 'docente@example.pa');
  assert.equal((await get(server, `/api/v1/programmes/${programmeId}/gradebook`, instructor)).status, 200);
  const donor = await signIn(server, 'donante@example.ca');
  assert.equal((await get(server, `/api/v1/programmes/${programmeId}/gradebook`, donor)).status, 403);
  const leader = await signIn(server, 'lider@example.pa');
  assert.equal((await get(server, `/api/v1/programmes/${programmeId}/gradebook`, leader)).status, 403);
  const gain = await (await get(server, `/api/v1/programmes/${programmeId}/knowledge_gain`, donor)).json();
  assert.equal(gain.programme, CODE);
  assert.equal(gain.n, 52);
  assert.deepEqual(gain.participants, [], 'no one’s scores for the donor');
  const full = await (await get(server, `/api/v1/programmes/${programmeId}/knowledge_gain`, coordinator)).json();
  assert.equal(full.participants.length, 52);
});

test('every row names every reason it falls short, and the export holds what the screen shows, in its order', async () => {
  const book = await gradebook();
  const unmet = book.rows.filter((row) => !row.meets_requirements);
  assert.equal(unmet.length, book.enrollments - book.meeting_requirements);
  for (const row of book.rows) assert.equal(row.shortfalls.length === 0, row.meets_requirements, `${row.enrollment_id}: reasons match the outcome`);
  const withdrawn = book.rows.find((row) => row.status === 'withdrawn');
  assert.equal(withdrawn.shortfalls[0].kind, 'withdrawn');
  const attendance = unmet.flatMap((row) => row.shortfalls).find((gap) => gap.kind === 'attendance' && gap.value != null);
  assert.ok(attendance, 'the demo has people short on attendance');
  assert.ok(attendance.value < attendance.required);
  assert.ok(book.rows.some((row) => row.institution !== ''), 'rows carry their institution');

  const base = `/api/v1/programmes/${programmeId}/gradebook/export`;
  const csv = await get(server, `${base}?requirements=unmet&sort=final_grade&order=desc&lang=es`, coordinator);
  assert.equal(csv.status, 200);
  assert.match(csv.headers.get('content-disposition'), /libro-de-calificaciones\.csv/);
  const lines = (await csv.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
  assert.equal(lines.length, 1 + unmet.length, 'the header and the unmet rows only');
  const header = lines[0].split(';');
  assert.equal(header.at(-1), 'Motivos');
  const finalColumn = header.indexOf('Nota final');
  const finals = lines.slice(1).map((line) => line.split(';')[finalColumn]).filter((cell) => cell !== '').map((cell) => Number(cell.replace(',', '.')));
  assert.deepEqual(finals, [...finals].sort((a, b) => b - a), 'highest final grade first');
  assert.ok(lines.slice(1).every((line) => line.split(';').at(-1).length > 0), 'each unmet row says why');

  const team = book.rows.find((row) => row.team).team;
  const english = await (await get(server, `${base}?team=${encodeURIComponent(team)}&lang=en`, coordinator)).text();
  assert.equal(english.trim().split('\r\n').length, 1 + book.rows.filter((row) => row.team === team).length);
  assert.match(english.split('\r\n')[0], /Meets the requirements,Reasons$/);
  // The reasons written out in each language, with the language's decimal mark.
  const unmetEnglish = await (await get(server, `${base}?requirements=unmet&lang=en`, coordinator)).text();
  assert.match(unmetEnglish, /Attendance 75 % — 80 % required/);
  assert.match(unmetEnglish, /Module 4: grade 45 — 70 required/);
  assert.match(unmetEnglish, /Withdrawn from the programme/);
  assert.match(lines.join('\n'), /Asistencia 75 % — se requiere 80 %/);

  const xlsx = await get(server, `${base}?format=xlsx`, coordinator);
  assert.equal(xlsx.status, 200);
  assert.equal(Buffer.from(await xlsx.arrayBuffer()).subarray(0, 2).toString(), 'PK');

  const bad = await get(server, `${base}?sort=shoe_size`, coordinator);
  assert.equal(bad.status, 400);
  assert.equal((await bad.json()).errors[0].field, 'sort');
  const donor = await signIn(server, 'donante@example.ca');
  assert.equal((await get(server, base, donor)).status, 403);
});

test('a grade takes the decimal comma, needs the version it replaces, and the gradebook follows at once', async () => {
  const book = await gradebook();
  const short = book.rows.find((row) => row.status !== 'withdrawn' && row.modules_passed < 6);
  const failing = short.module_grades.findIndex((value) => value < 70) + 1;
  const [quiz, task] = book.assessments.filter((assessment) => assessment.module === failing);

  const blind = await grade(short.enrollment_id, quiz.id, { score: '9,5' });
  assert.equal(blind.status, 409, 'an existing grade is not overwritten without its version');
  const first = await grade(short.enrollment_id, quiz.id, { score: '9,5' }, { 'If-Match': '"1"' });
  assert.equal(first.status, 200);
  assert.deepEqual(await first.json(), { enrollment_id: short.enrollment_id, assessment_id: quiz.id, score: 9.5, version: 2 });
  const stale = await grade(short.enrollment_id, quiz.id, { score: '3' }, { 'If-Match': '"1"', 'Accept-Language': 'en' });
  assert.equal(stale.status, 409, 'a second editor with the old version gets a conflict');
  assert.match((await stale.json()).title, /Reload/);
  assert.equal((await grade(short.enrollment_id, task.id, { score: '19.5' }, { 'If-Match': '"1"' })).status, 200);

  const after = await gradebook();
  assert.equal(after.meeting_requirements, 50, 'computed on read: no batch job, no stale figure');
  assert.ok(after.rows.find((row) => row.enrollment_id === short.enrollment_id).module_grades[failing - 1] >= 70);
});

test('bad grades name the field and write nothing', async () => {
  const book = await gradebook();
  const active = book.rows.find((row) => row.status !== 'withdrawn' && row.meets_requirements);
  const withdrawn = book.rows.find((row) => row.status === 'withdrawn');
  const quiz = book.assessments.find((assessment) => assessment.code === 'M1-Q');
  const cases = [
    [active.enrollment_id, quiz.id, { score: '10,5' }, 'score', 'above_maximum'],
    [active.enrollment_id, quiz.id, { score: '-1' }, 'score', 'not_a_number'],
    [active.enrollment_id, quiz.id, { score: 'ocho' }, 'score', 'not_a_number'],
    [active.enrollment_id, 999999, { score: '5' }, 'assessment_id', 'unknown_assessment'],
    [withdrawn.enrollment_id, quiz.id, { score: '5' }, 'enrollment_id', 'withdrawn'],
    [999999, quiz.id, { score: '5' }, 'enrollment_id', 'not_enrolled'],
  ];
  for (const [enrollment, assessment, body, field, code] of cases) {
    const response = await grade(enrollment, assessment, body, { 'If-Match': '"1"' });
    assert.equal(response.status, 400, `${field} ${code}`);
    const problem = await response.json();
    assert.deepEqual([problem.errors[0].field, problem.errors[0].code], [field, code]);
  }
  const unchanged = await gradebook();
  assert.deepEqual(unchanged.rows.find((row) => row.enrollment_id === active.enrollment_id), active);
  const leader = await signIn(server, 'lider@example.pa');
  assert.equal((await grade(active.enrollment_id, quiz.id, { score: '5' }, { 'If-Match': '"1"' }, leader)).status, 403);
});

test('attendance by quick entry: everyone present but the exceptions; bad entries are refused whole', async () => {
  const book = await gradebook();
  const session = book.sessions[0];
  const [first, second] = book.rows.filter((row) => row.status !== 'withdrawn');
  const withdrawn = book.rows.find((row) => row.status === 'withdrawn');
  const path = `/api/v1/programmes/${programmeId}/sessions/${session.id}/attendance`;
  const recorded = await send(server, 'PUT', path, coordinator, { exceptions: { [first.enrollment_id]: 'absent', [second.enrollment_id]: 'late' } });
  assert.equal(recorded.status, 200);
  assert.deepEqual(await recorded.json(), { present: 50, late: 1, excused: 0, absent: 1 });
  const unknown = await send(server, 'PUT', path, coordinator, { exceptions: { [first.enrollment_id]: 'asleep' } });
  assert.equal(unknown.status, 400);
  assert.equal((await unknown.json()).errors[0].value, 'asleep');
  const gone = await send(server, 'PUT', path, coordinator, { exceptions: { [withdrawn.enrollment_id]: 'absent' } });
  assert.equal(gone.status, 400);
  const elsewhere = await send(server, 'PUT', `/api/v1/programmes/${programmeId}/sessions/999999/attendance`, coordinator, { exceptions: {} });
  assert.equal(elsewhere.status, 400);
  assert.equal((await elsewhere.json()).errors[0].field, 'session_id');
  const after = await gradebook();
  const row = after.rows.find((r) => r.enrollment_id === first.enrollment_id);
  assert.ok(row.module_attendance[session.module - 1] <= 50, 'the absence shows in the module rate at once');
});

test('grades import over the API: a dry run, then a commit; a file with errors commits nothing', async () => {
  const enrolled = await send(server, 'POST', `/api/v1/programmes/${programmeId}/participants`, coordinator, {
    given_names: 'Nora', family_names: 'Import', email: 'nora.import@example.org', institution: 'SNM', level: 'Local',
  });
  assert.equal(enrolled.status, 201);
  const { enrollment_id: enrollment } = await enrolled.json();
  const file = new TextEncoder().encode('Correo,Evaluación,Nota\nnora.import@example.org,M2-Q,9\nnora.import@example.org,M2-T,"17,5"\n');
  const path = `/api/v1/programmes/${programmeId}/grade_imports`;
  const preview = await send(server, 'POST', path, coordinator, file, { 'Content-Type': 'text/csv' });
  assert.equal(preview.status, 200);
  assert.deepEqual((({ created, committed }) => [created, committed])(await preview.json()), [2, false]);
  const bad = new TextEncoder().encode('Correo,Evaluación,Nota\nnora.import@example.org,M2-Q,9\nnora.import@example.org,M2-T,21\n');
  const refused = await send(server, 'POST', `${path}?dry_run=false`, coordinator, bad, { 'Content-Type': 'text/csv' });
  assert.equal(refused.status, 422);
  assert.deepEqual((await refused.json()).errors.map((error) => [error.row, error.field, error.code]), [[3, 'score', 'above_maximum']]);
  const committed = await send(server, 'POST', `${path}?dry_run=false`, coordinator, file, { 'Content-Type': 'text/csv' });
  assert.equal(committed.status, 200);
  assert.equal((await committed.json()).committed, true);
  const row = (await gradebook()).rows.find((r) => r.enrollment_id === enrollment);
  assert.equal(row.module_grades[1], 88.3);  // (90 + 87.5 x 2) / 3
  const donor = await signIn(server, 'donante@example.ca');
  assert.equal((await send(server, 'POST', path, donor, file, { 'Content-Type': 'text/csv' })).status, 403);
});

test('the coordinator adds a session to a module; bad times and links are named', async () => {
  const path = `/api/v1/programmes/${programmeId}/sessions`;
  const bad = await send(server, 'POST', path, coordinator, {
    module: 9, title: { es: 'Repaso', en: 'Review' }, starts_at: '2023-10-02T15:00:00Z', ends_at: '2023-10-02T13:00:00Z', online_link: 'http://x',
  });
  assert.equal(bad.status, 400);
  assert.deepEqual((await bad.json()).errors.map((error) => error.field).sort(), ['ends_at', 'module', 'online_link']);
  const created = await send(server, 'POST', path, coordinator, {
    module: 6, title: { es: 'Repaso final', en: 'Final review' }, starts_at: '2023-10-02T13:00:00Z', ends_at: '2023-10-02T17:00:00Z',
    place: '', online_link: 'https://meet.example.org/repaso',
  });
  assert.equal(created.status, 201);
  const session = await created.json();
  const list = await (await get(server, path, coordinator)).json();
  assert.ok(list.items.some((item) => item.id === session.id && item.online_link === 'https://meet.example.org/repaso'));
  const instructor = await signIn(server, 'docente@example.pa');
  assert.equal((await send(server, 'POST', path, instructor, { module: 1 })).status, 403);
  const book = await gradebook();
  assert.equal(book.sessions.length, 13);
});

test('assessments and the grading policy: weights that would break the rules are refused, naming the rule', async () => {
  const path = `/api/v1/programmes/${programmeId}/assessments`;
  const bad = await send(server, 'POST', path, coordinator, { code: 'M1-Q', module: 1, kind: 'essay', title: { es: '', en: '' }, max_score: 0, due_date: '2023-02-30' });
  assert.equal(bad.status, 400);
  assert.deepEqual((await bad.json()).errors.map((error) => error.field).sort(), ['code', 'due_date', 'kind', 'title']);
  const zero = await send(server, 'POST', path, coordinator, { code: 'M1-X', module: 1, kind: 'exam', title: { es: 'Examen', en: 'Exam' }, max_score: 0, weight: -1 }, { 'Accept-Language': 'en' });
  assert.equal(zero.status, 400);
  const rules = (await zero.json()).errors;
  assert.deepEqual(rules.map((error) => error.code).sort(), ['negative_weight', 'not_positive']);
  assert.match(rules.find((error) => error.code === 'negative_weight').message, /weight cannot be negative/);
  const pretest = await send(server, 'POST', path, coordinator, { code: 'PRE2', module: 2, kind: 'pretest', title: { es: 'Entrada', en: 'Pre' }, max_score: 40 });
  assert.equal((await pretest.json()).errors[0].code, 'test_in_module');
  const created = await send(server, 'POST', path, coordinator, { code: 'M1-X', module: 1, kind: 'exam', title: { es: 'Examen', en: 'Exam' }, max_score: 20, weight: 1, due_date: '2023-06-30' });
  assert.equal(created.status, 201);
  const book = await gradebook();
  assert.equal(book.assessments.length, 15);
  // Under "missing counts as zero", everyone now lacks the new exam: the gradebook says so at once.
  assert.ok(book.meeting_requirements < 49);

  const policy = `/api/v1/programmes/${programmeId}/grading_policy`;
  const wrong = await send(server, 'PUT', policy, coordinator, { module_pass_mark: 120, missing_grade: 'ignored', rounding_decimals: 9 });
  assert.equal(wrong.status, 400);
  assert.deepEqual((await wrong.json()).errors.map((error) => error.field), ['missing_grade']);
  const outOfRange = await send(server, 'PUT', policy, coordinator, { module_pass_mark: 120, rounding_decimals: 9 });
  assert.deepEqual((await outOfRange.json()).errors.map((error) => error.field), ['module_pass_mark', 'rounding_decimals']);
  const leftOut = await send(server, 'PUT', policy, coordinator, { module_pass_mark: 70, missing_grade: 'left_out', rounding_decimals: 1, attendance_threshold: 80, excused_absence: 'left_out' });
  assert.equal(leftOut.status, 200);
  assert.equal((await gradebook()).policy.missing_grade, 'left_out');
  const instructor = await signIn(server, 'docente@example.pa');
  assert.equal((await send(server, 'PUT', policy, instructor, { module_pass_mark: 10 })).status, 403);
});

test('more bad inputs: unreadable times, malformed attendance keys, a grade file without its columns', async () => {
  const sessions = `/api/v1/programmes/${programmeId}/sessions`;
  const when = await send(server, 'POST', sessions, coordinator, { module: 1, title: { es: 'A', en: 'A' }, starts_at: 'mañana', ends_at: '2023-10-02T17:00' }, { 'Accept-Language': 'en' });
  assert.equal(when.status, 400);
  const timeErrors = (await when.json()).errors;
  assert.deepEqual(timeErrors.map((error) => [error.field, error.code]), [['starts_at', 'invalid_time'], ['ends_at', 'invalid_time']]);
  assert.match(timeErrors[0].message, /ISO 8601/);

  const book = await gradebook();
  const malformed = await send(server, 'PUT', `${sessions}/${book.sessions[0].id}/attendance`, coordinator, { exceptions: { abc: 'absent' } });
  assert.equal(malformed.status, 400);
  assert.equal((await malformed.json()).errors[0].value, 'abc');

  const path = `/api/v1/programmes/${programmeId}/grade_imports`;
  const headerless = new TextEncoder().encode('Nombre,Apellido\nAna,Ábrego\n');
  const preview = await (await send(server, 'POST', path, coordinator, headerless, { 'Content-Type': 'text/csv' })).json();
  assert.deepEqual(preview.errors.map((error) => [error.row, error.field, error.code]), [[1, 'email', 'unmapped'], [1, 'assessment', 'unmapped'], [1, 'score', 'unmapped']]);
  assert.equal((await send(server, 'POST', `${path}?dry_run=false`, coordinator, headerless, { 'Content-Type': 'text/csv' })).status, 422);
  const empty = await send(server, 'POST', path, coordinator, new Uint8Array(), { 'Content-Type': 'text/csv' });
  assert.equal(empty.status, 422);
});

test('sessions and assessments are edited with their version and kept once they carry records', async () => {
  const path = (rest) => `/api/v1/programmes/${programmeId}${rest}`;
  const created = await send(server, 'POST', path('/sessions'), coordinator, {
    module: 2, title: { es: 'Taller', en: 'Workshop' }, starts_at: '2023-09-20T14:00:00Z', ends_at: '2023-09-20T16:00:00Z', place: 'Metetí', online_link: '',
  });
  assert.equal(created.status, 201);
  const session = await created.json();
  assert.equal(session.version, 1);
  const moved = await send(server, 'PUT', path(`/sessions/${session.id}`), coordinator,
    { module: 2, title: { es: 'Taller', en: 'Workshop' }, starts_at: '2023-09-20T15:00:00Z', ends_at: '2023-09-20T17:00:00Z', place: 'Yaviza', online_link: '' },
    { 'If-Match': '"1"' });
  assert.equal(moved.status, 200);
  assert.deepEqual([(await moved.json()).place, moved.headers.get('etag')], ['Yaviza', '"2"']);
  const stale = await send(server, 'PUT', path(`/sessions/${session.id}`), coordinator,
    { module: 2, title: { es: 'Taller', en: 'Workshop' }, starts_at: '2023-09-20T15:00:00Z', ends_at: '2023-09-20T14:00:00Z', place: '', online_link: '' },
    { 'If-Match': '"1"', 'Accept-Language': 'en' });
  assert.equal(stale.status, 400, 'the end before the start is named first');
  assert.equal((await stale.json()).errors[0].field, 'ends_at');
  const staleVersion = await send(server, 'PUT', path(`/sessions/${session.id}`), coordinator,
    { module: 2, title: { es: 'Taller', en: 'Workshop' }, starts_at: '2023-09-20T15:00:00Z', ends_at: '2023-09-20T17:00:00Z', place: '', online_link: '' },
    { 'If-Match': '"1"' });
  assert.equal(staleVersion.status, 409);
  assert.equal((await send(server, 'DELETE', path(`/sessions/${session.id}`), coordinator)).status, 204);
  const sessions = (await (await get(server, path('/sessions'), coordinator)).json()).items;
  const taken = sessions.find((row) => row.marks > 0);
  const attendance = (await (await get(server, path(`/sessions/${taken.id}/attendance`), coordinator)).json()).marks;
  assert.equal(taken.attended, attendance.filter((row) => row.mark === 'present' || row.mark === 'late').length, 'attended counts present and late');
  const refused = await send(server, 'DELETE', path(`/sessions/${taken.id}`), coordinator);
  assert.equal(refused.status, 409, 'a session with attendance stays');

  const assessments = (await (await get(server, path('/assessments'), coordinator)).json()).items;
  const quiz = assessments.find((assessment) => assessment.code === 'M1-Q');
  assert.ok(quiz.grades > 0);
  const edit = (body, version, session = coordinator) =>
    send(server, 'PUT', path(`/assessments/${quiz.id}`), session, { code: quiz.code, module: quiz.module, kind: quiz.kind, title: quiz.title, max_score: quiz.max_score, weight: quiz.weight, due_date: quiz.due_date ?? '', ...body }, { 'If-Match': `"${version}"` });
  const below = await edit({ max_score: 2 }, quiz.version);
  assert.equal(below.status, 400);
  assert.equal((await below.json()).errors[0].field, 'max_score', 'the maximum cannot fall under a grade given');
  const retitled = await edit({ title: { es: 'Cuestionario del módulo 1', en: 'Module 1 quiz' } }, quiz.version);
  assert.equal(retitled.status, 200);
  assert.equal((await edit({ weight: 2 }, quiz.version)).status, 409, 'stale');
  const instructor = await signIn(server, 'docente@example.pa');
  assert.equal((await edit({ weight: 2 }, quiz.version + 1, instructor)).status, 403);
  assert.equal((await send(server, 'DELETE', path(`/assessments/${quiz.id}`), coordinator)).status, 409, 'an assessment with grades stays');
  const fresh = await send(server, 'POST', path('/assessments'), coordinator, { code: 'M3-X', module: 3, kind: 'exam', title: { es: 'Examen', en: 'Exam' }, max_score: 10, weight: 1, due_date: '' });
  assert.equal(fresh.status, 201);
  assert.equal((await send(server, 'DELETE', path(`/assessments/${(await fresh.json()).id}`), coordinator)).status, 204);
});

test('instructors see their modules: one assigned to module 2 neither reads nor records module 1', async () => {
  const path = (rest) => `/api/v1/programmes/${programmeId}${rest}`;
  const instructors = (await (await get(server, path('/instructors'), coordinator)).json()).items;
  const teacher = instructors.find((row) => row.email === 'docente@example.pa');
  assert.deepEqual(teacher.modules, [], 'unassigned: the whole programme');
  const assign = (modules, user = teacher.user_id) => send(server, 'PUT', path(`/instructors/${user}/modules`), coordinator, { modules }, { 'Accept-Language': 'en' });
  assert.equal((await assign([9])).status, 400, 'an unknown module is named');
  const donorId = (await (await get(server, '/api/v1/me', await signIn(server, 'donante@example.ca'))).json()).user.id;
  assert.equal((await assign([2], donorId)).status, 400, 'only an instructor of the programme');
  const assigned = await assign([2]);
  assert.equal(assigned.status, 200);
  assert.deepEqual((await assigned.json()).modules, [2]);

  const instructor = await signIn(server, 'docente@example.pa');
  assert.deepEqual((await (await get(server, path('/modules/mine'), instructor)).json()).modules, [2]);
  assert.deepEqual((await (await get(server, path('/modules/mine'), coordinator)).json()).modules, [1, 2, 3, 4, 5, 6]);
  assert.equal((await get(server, path('/modules/2/grades'), instructor)).status, 200);
  assert.equal((await get(server, path('/gradebook'), instructor)).status, 403, 'the whole gradebook shows every module');
  const other = await get(server, path('/modules/1/grades'), instructor, { 'Accept-Language': 'en' });
  assert.equal(other.status, 403);
  assert.match((await other.json()).title, /do not teach this module/);

  const book = await gradebook();
  const row = book.rows.find((entry) => entry.status !== 'withdrawn');
  const quiz = book.assessments.find((assessment) => assessment.code === 'M1-Q');
  assert.equal((await grade(row.enrollment_id, quiz.id, { score: '5' }, { 'If-Match': '"9"' }, instructor)).status, 403);
  const moduleOne = book.sessions.find((session) => session.module === 1);
  assert.equal((await send(server, 'PUT', path(`/sessions/${moduleOne.id}/attendance`), instructor, { exceptions: {} })).status, 403);
  const file = 'Correo;Evaluación;Nota\nalguien@example.org;M1-Q;5\n';
  const imported = await (await send(server, 'POST', path('/grade_imports'), instructor, file, { 'Content-Type': 'text/csv' })).json();
  assert.ok(imported.errors.some((error) => error.code === 'not_your_module' && error.value === 'M1-Q'));
  // The pre- and post-test belong to no module: an instructor of module 2 writes neither,
  // directly or by import (issue 15).
  const preTest = book.assessments.find((assessment) => assessment.code === 'PRE');
  assert.equal(preTest.module ?? null, null, 'the pre-test is programme-wide');
  const wide = await grade(row.enrollment_id, preTest.id, { score: '5' }, {}, instructor);
  assert.equal(wide.status, 403);
  const wideImport = await (await send(server, 'POST', path('/grade_imports'), instructor, 'Correo;Evaluación;Nota\nalguien@example.org;PRE;5\nalguien@example.org;POST;6\n', { 'Content-Type': 'text/csv' })).json();
  assert.deepEqual(wideImport.errors.filter((error) => error.code === 'not_your_module').map((error) => error.value), ['PRE', 'POST']);

  assert.equal((await assign([])).status, 200, 'back to the whole programme');
  assert.equal((await get(server, path('/modules/1/grades'), instructor)).status, 200);
});
