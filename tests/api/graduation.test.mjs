// Issue 13 over HTTP: eligibility with every reason and a what-if, overrides either way with a
// justification, and the class's graduation (a dry run first), on SQLite and PostgreSQL.
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
    ],
  });
  coordinator = await signIn(server, 'coordinacion@example.pa');
  programmeId = await programmeIdOf(server, coordinator, CODE);
});
after(() => server?.stop());

const base = () => `/api/v1/programmes/${programmeId}`;
const eligibility = async (query = '', session = coordinator) => {
  const response = await get(server, `${base()}/eligibility${query}`, session);
  assert.equal(response.status, 200, await response.clone().text());
  return response.json();
};
const override = (enrollment, body, session = coordinator) => send(server, 'PUT', `${base()}/participants/${enrollment}/graduation_override`, session, body);

test('eligibility gives every reason, in the order of the rules, and only the coordinator reads it', async () => {
  const report = await eligibility();
  assert.equal(report.programme, CODE);
  assert.deepEqual(
    { enrollments: report.counts.enrollments, eligible: report.counts.eligible, to_graduate: report.counts.to_graduate, withdrawn: report.counts.withdrawn, not_eligible: report.counts.not_eligible },
    { enrollments: 54, eligible: 49, to_graduate: 49, withdrawn: 2, not_eligible: 3 });
  for (const row of report.rows) assert.equal(row.shortfalls.length === 0, row.meets_requirements, `${row.enrollment_id}: the reasons match the outcome`);
  const withdrawn = report.rows.find((row) => row.status === 'withdrawn');
  assert.equal(withdrawn.outcome, 'withdrawn');
  assert.ok(withdrawn.shortfalls.length > 1, 'a withdrawn row lists every other reason too');
  for (const email of ['docente@example.pa', 'donante@example.ca']) {
    const other = await signIn(server, email);
    assert.equal((await get(server, `${base()}/eligibility`, other)).status, 403, email);
  }
});

test('eligibility downloads as the CLI\'s CSV, what-if and language included; a bad format is named', async () => {
  const response = await get(server, `${base()}/eligibility?format=csv&lang=en&attendance=75`, coordinator);
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type'), /^text\/csv/);
  assert.match(response.headers.get('content-disposition'), /eligibility-IBM-HR-PA-2023\.csv/);
  const lines = (await response.text()).trim().split('\n');
  assert.ok(lines[0].startsWith('enrollment_id,given_names,family_names') && lines[0].endsWith(',what_if_meets'));
  assert.equal(lines.length, 55, 'a header and the 54 enrolments');
  assert.ok(lines.some((line) => /Attendance/.test(line)), 'reasons in English');
  const bad = await get(server, `${base()}/eligibility?format=pdf`, coordinator);
  assert.equal(bad.status, 400);
  assert.equal((await bad.json()).errors[0].field, 'format');
});

test('the what-if shows who would change at another threshold, without changing anything', async () => {
  const lower = await eligibility('?attendance=75');
  assert.equal(lower.what_if.attendance_threshold, 75);
  assert.equal(lower.policy.attendance_threshold, 80, 'the policy in force is unchanged');
  assert.equal(lower.counts.would_become_eligible, 2, 'the two at 75 % attendance');
  assert.equal(lower.counts.would_lose_eligibility, 0);
  const gaining = lower.rows.filter((row) => row.what_if_meets && !row.meets_requirements);
  assert.equal(gaining.length, 2);
  assert.ok(gaining.every((row) => row.shortfalls.every((gap) => gap.kind === 'attendance')));
  const stricter = await eligibility('?final_grade=80');
  assert.ok(stricter.counts.would_lose_eligibility > 0);
  assert.equal((await eligibility()).what_if, null);

  const bad = await get(server, `${base()}/eligibility?attendance=120`, coordinator);
  assert.equal(bad.status, 400);
  const problem = await bad.json();
  assert.equal(problem.errors[0].field, 'attendance');
  const word = await get(server, `${base()}/eligibility?final_grade=abc`, coordinator, { 'Accept-Language': 'en' });
  assert.equal(word.status, 400);
  assert.match((await word.json()).errors[0].message, /percentage from 0 to 100/);
  assert.equal((await get(server, `${base()}/eligibility?enrollment_id=x`, coordinator)).status, 400);
  assert.equal((await get(server, `${base()}/eligibility?enrollment_id=999999`, coordinator)).status, 404);
});

test('an override needs a justification, is refused for a withdrawn enrolment, and decides the outcome', async () => {
  const report = await eligibility();
  const short = report.rows.find((row) => row.outcome === 'not_eligible');
  const eligible = report.rows.find((row) => row.outcome === 'graduate');
  const withdrawn = report.rows.find((row) => row.status === 'withdrawn');

  const terse = await override(short.enrollment_id, { decision: 'graduate', justification: 'ok' });
  assert.equal(terse.status, 400);
  assert.equal((await terse.json()).errors[0].field, 'justification');
  const missing = await override(short.enrollment_id, { decision: 'graduate' });
  assert.equal(missing.status, 400);
  const wrong = await override(short.enrollment_id, { decision: 'maybe', justification: 'Una razón suficientemente larga' });
  assert.equal(wrong.status, 400);
  assert.equal((await wrong.json()).errors[0].field, 'decision');
  const typed = await override(short.enrollment_id, { decision: 'graduate', justification: 42 });
  assert.equal(typed.status, 400, 'a wrong type is a 400 naming the field, never a 500');
  const refused = await override(withdrawn.enrollment_id, { decision: 'graduate', justification: 'Volvió al programa por otra vía' });
  assert.equal(refused.status, 409);
  assert.match((await refused.json()).title, /retirada no puede graduarse/);
  assert.equal((await override(999999, { decision: 'graduate', justification: 'Una razón suficientemente larga' })).status, 404);

  const granted = await override(short.enrollment_id, { decision: 'graduate', justification: '  Recuperó la asistencia en la sesión extraordinaria.  ' });
  assert.equal(granted.status, 200);
  assert.equal((await granted.json()).override.justification, 'Recuperó la asistencia en la sesión extraordinaria.');
  const withheld = await override(eligible.enrollment_id, { decision: 'withhold', justification: 'Falta la constancia de la institución.' });
  assert.equal(withheld.status, 200);

  const after = await eligibility();
  assert.equal(after.rows.find((row) => row.enrollment_id === short.enrollment_id).outcome, 'graduate');
  assert.equal(after.rows.find((row) => row.enrollment_id === eligible.enrollment_id).outcome, 'withheld');
  assert.equal(after.counts.to_graduate, 49, 'one in, one out');
  assert.equal(after.counts.withheld, 1);

  const one = await eligibility(`?enrollment_id=${eligible.enrollment_id}`);
  assert.equal(one.rows.length, 1);
  assert.equal(one.rows[0].override.decision, 'withhold');

  // Cleared, eligibility decides again; clearing twice is a 404.
  const clear = () => send(server, 'DELETE', `${base()}/participants/${eligible.enrollment_id}/graduation_override`, coordinator);
  assert.equal((await clear()).status, 204);
  assert.equal((await clear()).status, 404);
  assert.equal((await override(eligible.enrollment_id, { decision: 'withhold', justification: 'Falta la constancia de la institución.' })).status, 200);
});

test('graduation: a dry run changes nothing; then the class graduates once, in one transaction', async () => {
  const dry = await send(server, 'POST', `${base()}/graduation`, coordinator, { dry_run: true });
  assert.equal(dry.status, 200);
  const preview = await dry.json();
  assert.equal(preview.dry_run, true);
  assert.equal(preview.graduated, 49);
  assert.equal((await eligibility()).counts.graduated, 0, 'the dry run changed nothing');
  assert.ok(preview.graduates.every((row) => row.outcome === 'graduate'));
  assert.ok(preview.graduates.every((row) => row.status !== 'withdrawn'));

  const done = await (await send(server, 'POST', `${base()}/graduation`, coordinator, {})).json();
  assert.equal(done.graduated, 49);
  const after = await eligibility();
  assert.equal(after.counts.graduated, 49);
  assert.equal(after.counts.to_graduate, 0);
  assert.equal(after.counts.withheld, 1);
  assert.equal(after.rows.filter((row) => row.status === 'graduated').length, 49);
  assert.ok(after.rows.filter((row) => row.status === 'withdrawn').every((row) => row.outcome === 'withdrawn'));

  const again = await (await send(server, 'POST', `${base()}/graduation`, coordinator, {})).json();
  assert.equal(again.graduated, 0, 'nobody graduates twice');

  // A graduated enrolment is not changed by hand, nor by an override.
  const graduate = after.rows.find((row) => row.status === 'graduated');
  const late = await override(graduate.enrollment_id, { decision: 'withhold', justification: 'Cambio de opinión tardío' });
  assert.equal(late.status, 409);
  const person = await get(server, `${base()}/participants/${after.rows.find((row) => row.outcome === 'withheld').enrollment_id}`, coordinator);
  const manual = await send(server, 'PUT', `${base()}/participants/${(await person.json()).enrollment_id}/status`, coordinator,
    { status: 'graduated' }, { 'If-Match': person.headers.get('etag') });
  assert.equal(manual.status, 400, 'graduation is decided for the class, not set by hand');
  assert.equal((await manual.json()).errors[0].field, 'status');
});

test('only the coordinator graduates the class', async () => {
  const instructor = await signIn(server, 'docente@example.pa');
  assert.equal((await send(server, 'POST', `${base()}/graduation`, instructor, { dry_run: true })).status, 403);
  assert.equal((await override(1, { decision: 'graduate', justification: 'Una razón suficientemente larga' }, instructor)).status, 403);
});
