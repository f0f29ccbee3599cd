// Issue 4 over HTTP: the ranking computed from the demo's reviews, jurors who see only what is
// assigned to them and free of conflict, reviews checked criterion by criterion, submissions that
// respect the deadline, and attachments checked by their content.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, signIn, get, send, programmeIdOf } from './harness.mjs';

const CODE = 'IBM-HR-PA-2023';
const LEADER = 'migdalia.vasquez@demo.diplomado.invalid'; // leads the SENAFRONT team of Darién
let server;
let programmeId;
let coordinator;

before(async () => {
  server = await startServer({
    users: [
      { email: 'coordinacion@example.pa', role: 'coordinator', programme: CODE },
      { email: 'donante@example.ca', role: 'observer', programme: CODE },
      { email: LEADER, role: 'participant', programme: CODE },
    ],
  });
  coordinator = await signIn(server, 'coordinacion@example.pa');
  programmeId = await programmeIdOf(server, coordinator, CODE);
});
after(() => server?.stop());

const path = (rest) => `/api/v1/programmes/${programmeId}${rest}`;
const json = async (response) => ({ status: response.status, body: await response.json() });

test('the ranking puts the SENAFRONT team of Darién first, raw and calibrated, and explains itself', async () => {
  for (const order of ['raw', 'calibrated']) {
    const { status, body } = await json(await get(server, path(`/ranking?order=${order}`), coordinator));
    assert.equal(status, 200);
    assert.equal(body.programme, CODE);
    assert.equal(body.projects.length, 8);
    assert.equal(body.projects[0].team, 'Darién — SENAFRONT');
    assert.equal(body.projects[0][`rank_${order}`], 1);
    assert.equal(body.agreement.method, 'krippendorff_alpha_interval');
    assert.equal(typeof body.agreement.alpha, 'number');
    assert.equal(body.best_project.proposed, body.projects[0].project_id);
  }
  const ranking = (await json(await get(server, path('/ranking?order=calibrated'), coordinator))).body;
  const harsh = ranking.jurors.reduce((a, b) => (a.mean < b.mean ? a : b));
  const lenient = ranking.jurors.reduce((a, b) => (a.mean > b.mean ? a : b));
  assert.ok(lenient.mean - harsh.mean > 20, 'the demo has a harsh and a lenient juror');

  const first = ranking.projects[0];
  const explained = (await json(await get(server, path(`/ranking/${first.project_id}?order=calibrated`), coordinator))).body;
  assert.equal(explained.projects.length, 1);
  const reviews = explained.projects[0].review_details;
  assert.equal(reviews.length, 3);
  for (const review of reviews) assert.deepEqual(Object.keys(review.levels), ['gcm', 'human_rights', 'feasibility', 'innovation', 'clarity']);
  const mean = reviews.reduce((sum, review) => sum + review.raw_total, 0) / reviews.length;
  assert.ok(Math.abs(mean - explained.projects[0].raw_score) < 0.02, 'the score is the mean of its reviews');

  const donor = await signIn(server, 'donante@example.ca');
  assert.equal((await get(server, path('/ranking'), donor)).status, 200, 'the donor reads the ranking');
  const member = await signIn(server, LEADER);
  assert.equal((await get(server, path('/ranking'), member)).status, 403, 'a participant does not');

  const confirmed = await json(await send(server, 'POST', path('/recognitions/best_project'), coordinator, { project_id: first.project_id }));
  assert.equal(confirmed.status, 200);
  assert.equal(confirmed.body.best_project.confirmed, first.project_id);
});

test('a juror sees only assigned projects without conflict; reviews are checked criterion by criterion', async () => {
  // Four jurors per project now, so a new juror gets work; from INEC, so the two teams with INEC members are off limits.
  const before = (await json(await get(server, path('/project_settings'), coordinator))).body;
  const settings = await send(server, 'PUT', path('/project_settings'), coordinator, { ...before, jurors_per_project: 4 });
  assert.equal(settings.status, 200);
  const institutions = await (await get(server, '/api/v1/institutions', coordinator)).json();
  const inec = institutions.items.find((institution) => institution.acronym === 'INEC');
  const added = await json(
    await send(server, 'POST', path('/jurors'), coordinator, { email: 'jurado.nuevo@example.pa', display_name: 'Jurado Nuevo', institution_id: inec.id }),
  );
  assert.equal(added.status, 201);
  assert.ok(added.body.initial_password.length >= 12, 'a new juror gets a password once');
  const assigned = await json(await send(server, 'POST', path('/jury_assignments'), coordinator, {}));
  assert.equal(assigned.status, 200);
  assert.ok(assigned.body.added > 0);

  const juror = await signIn(server, 'jurado.nuevo@example.pa', added.body.initial_password);
  const mine = (await json(await get(server, path('/reviews'), juror))).body.items;
  assert.ok(mine.length > 0);
  const projects = (await json(await get(server, path('/projects'), coordinator))).body.items;
  const unassigned = projects.filter((project) => !mine.some((review) => review.project_id === project.id));
  assert.equal(unassigned.length, 2, 'the teams with INEC members were not assigned');
  for (const project of unassigned) {
    assert.equal((await get(server, path(`/reviews/${project.id}`), juror)).status, 403);
    assert.equal((await get(server, path(`/projects/${project.id}`), juror)).status, 403);
    const refused = await send(server, 'PUT', path(`/reviews/${project.id}`), juror, { scores: {} });
    assert.equal(refused.status, 403, 'an unassigned juror cannot review');
  }

  const [target, other] = mine;
  const view = (await json(await get(server, path(`/reviews/${target.project_id}`), juror))).body;
  assert.equal(view.others, null, 'others’ scores stay hidden before one’s own review');
  const full = { gcm: { level: 4, comment: 'Claro vínculo con los objetivos 1 y 23' }, human_rights: 4, feasibility: 3, innovation: 3, clarity: 5 };

  const outOfScale = await json(
    await send(server, 'PUT', path(`/reviews/${target.project_id}`), juror, { scores: { ...full, feasibility: 6 } }, { 'Accept-Language': 'en' }),
  );
  assert.equal(outOfScale.status, 400);
  assert.deepEqual(outOfScale.body.errors.map((error) => [error.field, error.code]), [['feasibility', 'out_of_scale']]);
  assert.match(outOfScale.body.errors[0].message, /scale/);
  const { clarity, ...missing } = full;
  const incomplete = await json(await send(server, 'PUT', path(`/reviews/${target.project_id}`), juror, { scores: missing }));
  assert.equal(incomplete.status, 400);
  assert.deepEqual(incomplete.body.errors.map((error) => [error.field, error.code]), [['clarity', 'required']]);

  const done = await json(await send(server, 'PUT', path(`/reviews/${target.project_id}`), juror, { scores: full }, { 'If-Match': `"${view.version}"` }));
  assert.equal(done.status, 200);
  assert.ok(done.body.submitted_at);
  assert.ok(done.body.others.length >= 3, 'after submitting, the other reviews are visible');
  const progress = (await json(await get(server, path('/jury_progress'), coordinator))).body;
  assert.equal(progress.jurors.find((row) => row.display_name === 'Jurado Nuevo').submitted, 1);

  // A conflict declared later takes the other project away before it is reviewed.
  const teamOfOther = projects.find((project) => project.id === other.project_id).team_id;
  const declared = await send(server, 'POST', path(`/jurors/${added.body.juror.user_id}/conflicts`), coordinator, { team_id: teamOfOther, reason: 'familiar' });
  assert.equal(declared.status, 201);
  assert.equal((await get(server, path(`/reviews/${other.project_id}`), juror)).status, 403, 'a conflicted juror gets 403');

  // A conflict with an institution withdraws every unsent assignment to a team with a member from it.
  const mitradel = institutions.items.find((institution) => institution.acronym === 'MITRADEL');
  const beforeInstitution = (await json(await get(server, path('/reviews'), juror))).body.items.length;
  const both = await send(server, 'POST', path(`/jurors/${added.body.juror.user_id}/conflicts`), coordinator, { team_id: teamOfOther, institution_id: mitradel.id });
  assert.equal(both.status, 400, 'a team or an institution, not both');
  const byInstitution = await send(server, 'POST', path(`/jurors/${added.body.juror.user_id}/conflicts`), coordinator, { institution_id: mitradel.id, reason: 'empleo anterior' });
  assert.equal(byInstitution.status, 201);
  assert.deepEqual((await byInstitution.json()).conflict_institutions, [mitradel.id]);
  const afterInstitution = (await json(await get(server, path('/reviews'), juror))).body.items;
  assert.ok(afterInstitution.length < beforeInstitution, 'teams with MITRADEL members are taken away');

  const rubric = (await json(await get(server, path('/rubric'), coordinator))).body;
  const locked = await send(server, 'PUT', path('/rubric'), coordinator, { criteria: rubric.criteria }, { 'If-Match': `"${rubric.version}"` });
  assert.equal(locked.status, 409, 'the rubric no longer changes once reviews are in');
});

test('a team member resubmits only when reopened after the deadline, and attachments must really be PDFs', async () => {
  const member = await signIn(server, LEADER);
  const mine = (await json(await get(server, path('/projects/mine'), member))).body;
  assert.equal(mine.project.team, 'Darién — SENAFRONT');
  assert.equal(mine.editable, false, 'the demo deadline has passed');
  const content = { ...mine.project, gcm_objectives: [1, 3, 23] };

  const late = await json(await send(server, 'POST', path('/projects'), member, content, { 'Accept-Language': 'es' }));
  assert.equal(late.status, 409);
  assert.equal(late.body.errors[0].field, 'deadline');
  assert.equal(late.body.errors[0].value, '2023-10-03 23:59 (America/Panama, UTC-05:00)', 'the deadline in the programme’s time zone');

  const reopened = await send(server, 'POST', path(`/projects/${mine.project.id}/reopen`), coordinator, {}, { 'If-Match': `"${mine.project.version}"` });
  assert.equal(reopened.status, 200);
  const badObjective = await json(await send(server, 'POST', path('/projects'), member, { ...content, gcm_objectives: [24], title: ' ' }));
  assert.equal(badObjective.status, 400);
  assert.deepEqual(badObjective.body.errors.map((error) => error.field).sort(), ['gcm_objectives', 'title']);
  const resubmitted = await json(await send(server, 'POST', path('/projects'), member, content));
  assert.equal(resubmitted.status, 201, JSON.stringify(resubmitted.body));
  assert.equal(resubmitted.body.versions.length, 2, 'versions are kept');

  const upload = (name, text) =>
    send(server, 'POST', path(`/projects/${mine.project.id}/attachments`), member, { file_name: name, content_base64: Buffer.from(text).toString('base64') });
  const fake = await json(await upload('propuesta.pdf', 'Hola, no soy un PDF'));
  assert.equal(fake.status, 400);
  assert.equal(fake.body.errors[0].code, 'fake_pdf');
  const image = await json(await upload('foto.png', '\x89PNG\r\n'));
  assert.equal(image.body.errors[0].code, 'not_pdf');
  const pdf = '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n';
  const stored = await json(await upload('propuesta.pdf', pdf));
  assert.equal(stored.status, 201);
  assert.equal(stored.body.size_bytes, pdf.length);
  const huge = Buffer.alloc(20 * 1024 * 1024 + 1, 0x20);
  huge.write('%PDF-1.4\n', 0);
  huge.write('%%EOF\n', huge.length - 6);
  const tooLarge = await json(await send(server, 'POST', path(`/projects/${mine.project.id}/attachments`), member, { file_name: 'grande.pdf', content_base64: huge.toString('base64') }));
  assert.equal(tooLarge.status, 400);
  assert.equal(tooLarge.body.errors[0].code, 'too_large');
  const download = await get(server, path(`/projects/${mine.project.id}/attachments/${stored.body.id}`), coordinator);
  assert.equal(download.headers.get('content-type'), 'application/pdf');
  assert.equal(await download.text(), pdf);
});
