// Issue 4 over HTTP: the ranking computed from the demo's reviews, jurors who see only what is
// assigned to them and free of conflict, reviews checked criterion by criterion, submissions that
// respect the deadline, and attachments checked by their content.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, signIn, get, send, programmeIdOf, mailLinks, passwordFromMail } from './harness.mjs';

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
  const raw = (await json(await get(server, path('/ranking?order=raw'), coordinator))).body;
  assert.notDeepEqual(raw.projects.map((project) => project.team), ranking.projects.map((project) => project.team), 'calibration reorders the demo');
  for (const [list, key] of [[raw.projects, 'rank_raw'], [ranking.projects, 'rank_calibrated']])
    for (let i = 1; i < list.length; i++) assert.ok(list[i][key] >= list[i - 1][key], `${key} ascends down the list`);
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
  const mailed = mailLinks(server).length;
  const added = await json(
    await send(server, 'POST', path('/jurors'), coordinator, { email: 'jurado.nuevo@example.pa', display_name: 'Jurado Nuevo', institution_id: inec.id }),
  );
  assert.equal(added.status, 201);
  assert.deepEqual(Object.keys(added.body), ['juror'], 'no password is shown: the juror is mailed a link');
  const jurorPassword = await passwordFromMail(server, mailed);
  const assigned = await json(await send(server, 'POST', path('/jury_assignments'), coordinator, {}));
  assert.equal(assigned.status, 200);
  assert.ok(assigned.body.added > 0);

  const juror = await signIn(server, 'jurado.nuevo@example.pa', jurorPassword);
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
  const full = {
    gcm: { level: 4, comment: 'Claro vínculo con los objetivos 1 y 23' },
    human_rights: { level: 4 },
    feasibility: { level: 3 },
    innovation: { level: 3 },
    clarity: { level: 5 },
  };

  const outOfScale = await json(
    await send(server, 'PUT', path(`/reviews/${target.project_id}`), juror, { scores: { ...full, feasibility: { level: 6 } } }, { 'Accept-Language': 'en' }),
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

  const upload = (name, content) =>
    send(server, 'POST', path(`/projects/${mine.project.id}/attachments?file_name=${encodeURIComponent(name)}`), member, Buffer.from(content), {
      'Content-Type': 'application/pdf',
    });
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
  // One byte over 20 MiB is refused from the Content-Length, before the body is read.
  const tooLarge = await json(await upload('grande.pdf', huge));
  assert.equal(tooLarge.status, 413);
  assert.equal(tooLarge.body.errors[0].field, 'file');
  assert.equal(tooLarge.body.errors[0].value, '20 MiB');
  const download = await get(server, path(`/projects/${mine.project.id}/attachments/${stored.body.id}`), coordinator);
  assert.equal(download.headers.get('content-type'), 'application/pdf');
  assert.equal(await download.text(), pdf);
});

test('every bad input of final projects is refused, naming the field, and writes nothing', async () => {
  const en = { 'Accept-Language': 'en' };
  const fields = async (response) => (await response.json()).errors.map((error) => error.field);
  const rankingBefore = (await json(await get(server, path('/ranking'), coordinator))).body;

  // Settings: a deadline that is not a time, no jurors, a threshold of 0.
  const settings = await send(server, 'PUT', path('/project_settings'), coordinator, { deadline: 'mañana', jurors_per_project: 0, disagreement_threshold: 0 }, en);
  assert.equal(settings.status, 400);
  assert.deepEqual(await fields(settings), ['deadline', 'jurors_per_project', 'disagreement_threshold']);
  assert.equal((await send(server, 'PUT', path('/project_settings'), coordinator, { jurors_per_project: 'tres' })).status, 400);

  // Jurors: a bad e-mail; a new user without a name; a conflict with neither a team nor an institution; an unknown juror.
  const badEmail = await send(server, 'POST', path('/jurors'), coordinator, { email: 'no-es-correo', display_name: 'X' }, en);
  assert.deepEqual([badEmail.status, ...(await fields(badEmail))], [400, 'email']);
  const noName = await send(server, 'POST', path('/jurors'), coordinator, { email: 'sin.nombre@example.pa' }, en);
  assert.deepEqual([noName.status, ...(await fields(noName))], [400, 'display_name']);
  const jurors = (await json(await get(server, path('/jurors'), coordinator))).body.items;
  const neither = await send(server, 'POST', path(`/jurors/${jurors[0].user_id}/conflicts`), coordinator, { reason: 'x' }, en);
  assert.deepEqual([neither.status, ...(await fields(neither))], [400, 'team_id']);
  const stranger = await send(server, 'POST', path('/jurors/999999/conflicts'), coordinator, { team_id: 1 }, en);
  assert.deepEqual([stranger.status, ...(await fields(stranger))], [400, 'user_id']);

  // The rubric: a weight that is not a number, a descriptor outside the scale (checked before the lock).
  const rubric = (await json(await get(server, path('/rubric'), coordinator))).body;
  const notNumber = await send(server, 'PUT', path('/rubric'), coordinator, { criteria: [{ ...rubric.criteria[0], weight: 'mucho' }] }, { 'If-Match': `"${rubric.version}"` });
  assert.deepEqual([notNumber.status, ...(await fields(notNumber))], [400, 'criteria[0].weight']);
  const offScale = await send(server, 'PUT', path('/rubric'), coordinator,
    { criteria: [{ ...rubric.criteria[0], levels: [{ level: 9, description: { es: 'x', en: 'x' } }] }] }, { 'If-Match': `"${rubric.version}"` });
  assert.deepEqual([offScale.status, ...(await fields(offScale))], [400, 'criteria[0].levels']);
  assert.equal((await send(server, 'PUT', path('/rubric'), coordinator, { criteria: rubric.criteria })).status, 400, 'If-Match is required');

  // A review comment over 4,000 characters names its criterion.
  const mailed = mailLinks(server).length;
  await send(server, 'POST', path('/jurors'), coordinator, { email: 'jurado.largo@example.pa', display_name: 'Jurado Largo', institution_id: null });
  const juror = await signIn(server, 'jurado.largo@example.pa', await passwordFromMail(server, mailed));
  await send(server, 'PUT', path('/project_settings'), coordinator, { ...(await json(await get(server, path('/project_settings'), coordinator))).body, jurors_per_project: 8 });
  await send(server, 'POST', path('/jury_assignments'), coordinator, {});
  const [assigned] = (await json(await get(server, path('/reviews'), juror))).body.items;
  const long = await send(server, 'PUT', path(`/reviews/${assigned.project_id}`), juror,
    { scores: { gcm: { level: 3, comment: 'x'.repeat(4001) }, human_rights: { level: 3 }, feasibility: { level: 3 }, innovation: { level: 3 }, clarity: { level: 3 } } }, en);
  assert.deepEqual([long.status, ...(await fields(long))], [400, 'gcm']);
  assert.equal((await json(await get(server, path(`/reviews/${assigned.project_id}`), juror))).body.submitted_at, null, 'nothing was sent');
  assert.equal((await get(server, path('/ranking'), juror)).status, 403, 'a juror does not read the ranking');

  // Projects: a title over 300 characters; an attachment sent as JSON rather than as the PDF itself.
  const member = await signIn(server, LEADER);
  const mine = (await json(await get(server, path('/projects/mine'), member))).body;
  const longTitle = await send(server, 'POST', path('/projects'), member, { ...mine.project, title: 't'.repeat(301) }, en);
  assert.deepEqual([longTitle.status, ...(await fields(longTitle))], [400, 'title']);
  const asJson = await send(server, 'POST', path(`/projects/${mine.project.id}/attachments`), member, { file_name: 'a.pdf', content_base64: '%%%' }, en);
  assert.equal((await asJson.json()).errors[0].code, 'not_pdf');

  // Teams: a malformed assignment; instructor modules that are not numbers.
  assert.equal((await send(server, 'POST', path('/team_formations/apply'), coordinator, { assignments: [{ enrollment_id: 'uno', team_id: 1 }] })).status, 400);
  assert.equal((await send(server, 'PUT', path('/instructors/1/modules'), coordinator, { modules: ['uno'] })).status, 400);

  // Unknown projects: 404 for the explanation and the recognition.
  assert.equal((await get(server, path('/ranking/999999'), coordinator)).status, 404);
  assert.equal((await send(server, 'POST', path('/recognitions/best_project'), coordinator, { project_id: 999999 })).status, 404);

  const rankingAfter = (await json(await get(server, path('/ranking'), coordinator))).body;
  assert.deepEqual(rankingAfter.projects.map((project) => [project.project_id, project.raw_score]),
    rankingBefore.projects.map((project) => [project.project_id, project.raw_score]), 'no refused request changed a score');
});
