// `diplomado gradebook` and `diplomado gain` on the demo programme, on SQLite and PostgreSQL.
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
  assert.deepEqual(gradebook.policy, { module_pass_mark: 70, missing_grade: 'counts_as_zero', rounding_decimals: 1, attendance_threshold: 80, excused_absence: 'left_out' });
  const short = gradebook.rows.filter((row) => row.status !== 'withdrawn' && !row.meets_requirements);
  assert.equal(short.length, 3);
  assert.equal(short.filter((row) => row.attendance < 80).length, 2, 'two fall short on attendance');
  assert.equal(short.filter((row) => row.modules_passed < 6).length, 1, 'one on a module grade');
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
  assert.match(lines[0], /^enrollment_id,given_names,family_names,status,team,module_1_grade,.*,final_grade,attendance,module_1_attendance,.*,modules_passed,meets_requirements$/);
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
