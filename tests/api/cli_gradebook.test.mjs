// `diplomado gradebook`, `diplomado gain` and `diplomado rank` on the demo programme, on SQLite and PostgreSQL.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run, freshDatabase } from './harness.mjs';

const CODE = 'IBM-HR-PA-2023';
let dir;
let common;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'diplomado-gradebook-'));
  common = ['--data', join(dir, 'data'), ...freshDatabase()];
  assert.equal(run(['demo', ...common]).code, 0);
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('the demo gradebook: 49 of 52 active officials meet the course requirements, computed from the data', () => {
  const result = run(['gradebook', '--programme', CODE, ...common]);
  assert.equal(result.code, 0, result.stderr);
  const gradebook = JSON.parse(result.stdout);
  assert.equal(gradebook.enrollments, 54);
  assert.equal(gradebook.meeting_requirements, 49);
  assert.deepEqual(gradebook.policy, {
    module_pass_mark: 70, missing_grade: 'counts_as_zero', rounding_decimals: 1, attendance_threshold: 80, excused_absence: 'left_out',
    module_attendance_threshold: null, minimum_final_grade: null, require_all_modules: true, require_project: true,
  });
  const short = gradebook.rows.filter((row) => row.status !== 'withdrawn' && !row.meets_requirements);
  assert.equal(short.length, 3);
  assert.equal(short.filter((row) => row.attendance < 80).length, 2, 'two fall short on attendance');
  assert.equal(short.filter((row) => row.modules_passed < 6).length, 1, 'one on a module grade');
  assert.ok(gradebook.rows.filter((r) => r.status !== 'withdrawn').every((row) => row.project_submitted), 'every active team submitted its project');
  for (const row of gradebook.rows.filter((r) => r.status !== 'withdrawn')) {
    assert.equal(row.module_grades.length, 6);
    assert.equal(row.module_attendance.length, 6);
    assert.ok(row.final_grade > 0 && row.final_grade <= 100);
  }
});

test('the gradebook as CSV has one row per enrolment', () => {
  const result = run(['gradebook', '--programme', CODE, '--format', 'csv', ...common]);
  assert.equal(result.code, 0);
  const lines = result.stdout.trim().split('\n');
  assert.equal(lines.length, 55);
  assert.match(lines[0], /^enrollment_id,given_names,family_names,status,team,module_1_grade,.*,final_grade,attendance,module_1_attendance,.*,modules_passed,project_submitted,meets_requirements$/);
  assert.equal(lines.filter((line) => line.endsWith(',true')).length, 49);
});

test('knowledge gain: pre against post with n and a Wilcoxon signed-rank test', () => {
  const result = run(['gain', '--programme', CODE, ...common]);
  assert.equal(result.code, 0);
  const gain = JSON.parse(result.stdout);
  assert.equal(gain.n, 52);
  assert.ok(gain.mean_post > gain.mean_pre);
  assert.ok(gain.share_improved > 0.85 && gain.share_improved < 1, 'most improve, not all');
  assert.equal(gain.wilcoxon_signed_rank.n, gain.participants.filter((p) => p.gain !== 0).length);
  assert.ok(gain.wilcoxon_signed_rank.p_value < 0.001);
  const first = gain.participants[0];
  assert.equal(first.gain, first.post - first.pre);
  assert.ok(Math.abs(first.normalised_gain - (first.post - first.pre) / (100 - first.pre)) < 1e-9);
  const unknown = run(['gain', '--programme', 'NOPE', ...common], undefined, { ...process.env, LANG: 'en_US.UTF-8' });
  assert.equal(unknown.code, 1);
  assert.match(unknown.stderr, /no programme with that code/);
});

test('grades import from a long-form CSV: preview, then all or nothing; bad rows named', async () => {
  const { writeFileSync } = await import('node:fs');
  const { fixtures, referenceData } = await import('./harness.mjs');
  // People with e-mails, from the participants' fixture (its "Kuna Yala" needs Panama's aliases).
  assert.equal(run(['reference', 'subdivisions', join(referenceData, 'subdivisions', 'PA.json'), ...common]).code, 0);
  assert.equal(run(['import', 'participants', join(fixtures, 'nominations_excel_es.csv'), '--programme', CODE, ...common]).code, 0);
  const good = join(dir, 'notas.csv');
  writeFileSync(good, 'Correo;Evaluación;Nota\r\nmj.abrego@example.org;M1-Q;8,5\r\njose.pena@example.org;m1-t;15\r\n');
  const preview = run(['import', 'grades', good, '--programme', CODE, '--dry-run', ...common]);
  assert.equal(preview.code, 0, preview.stderr);
  assert.deepEqual((({ created, committed }) => ({ created, committed }))(JSON.parse(preview.stdout)), { created: 2, committed: false });
  const committed = JSON.parse(run(['import', 'grades', good, '--programme', CODE, ...common]).stdout);
  assert.deepEqual([committed.created, committed.committed], [2, true]);
  const again = JSON.parse(run(['import', 'grades', good, '--programme', CODE, ...common]).stdout);
  assert.deepEqual([again.created, again.unchanged], [0, 2]);

  const bad = join(dir, 'notas-malas.csv');
  writeFileSync(bad, 'E-mail,Assessment,Score\nnadie@example.org,M1-Q,5\nmj.abrego@example.org,M9-Z,5\nmj.abrego@example.org,M2-Q,11\nmj.abrego@example.org,M2-Q,ocho\nana.castillo@example.org,M3-Q,7\nana.castillo@example.org,M3-Q,8\n');
  const refused = run(['import', 'grades', bad, '--programme', CODE, ...common], undefined, { ...process.env, LANG: 'en_US.UTF-8' });
  assert.equal(refused.code, 2);
  const summary = JSON.parse(refused.stdout);
  assert.deepEqual(summary.errors.map((error) => [error.row, error.field, error.code]), [
    [2, 'email', 'not_enrolled'], [3, 'assessment', 'unknown_assessment'], [4, 'score', 'above_maximum'], [5, 'score', 'not_a_number'],
    [7, 'assessment', 'duplicate_in_file'],
  ]);
  assert.match(summary.errors[2].message, /above the assessment's maximum/);
  const after = JSON.parse(run(['import', 'grades', good, '--programme', CODE, '--dry-run', ...common]).stdout);
  assert.equal(after.unchanged, 2, 'the refused file wrote nothing (Ana’s M3-Q is still missing)');
  const ana = JSON.parse(run(['gradebook', '--programme', CODE, ...common]).stdout).rows.find((row) => row.family_names === 'Castillo');
  assert.equal(ana.module_grades[2], 0);
});

test('diplomado rank: the SENAFRONT team of Darién first, raw and calibrated, with the jury’s agreement', () => {
  const orders = {};
  for (const flag of [[], ['--calibrated']]) {
    const result = run(['rank', '--programme', CODE, '--format', 'json', ...flag, ...common]);
    assert.equal(result.code, 0, result.stderr);
    const ranking = JSON.parse(result.stdout);
    assert.equal(ranking.programme, CODE);
    assert.equal(ranking.order, flag.length ? 'calibrated' : 'raw');
    assert.equal(ranking.projects[0].team, 'Darién — SENAFRONT');
    assert.equal(ranking.projects.length, 8);
    assert.equal(ranking.agreement.method, 'krippendorff_alpha_interval');
    assert.equal(ranking.best_project.proposed, ranking.projects[0].project_id);
    orders[ranking.order] = ranking.projects.map((project) => project.team);
  }
  assert.notDeepEqual(orders.raw, orders.calibrated, 'the flag changes the order');
  const unknown = run(['rank', '--programme', 'NO-SUCH', ...common]);
  assert.equal(unknown.code, 1);
  assert.match(unknown.stderr, /NO-SUCH/);
  assert.notEqual(run(['rank', '--programme', CODE, '--format', 'csv', ...common]).code, 0, 'only JSON');
});
