// `diplomado eligibility` and `diplomado graduate` on the demo programme, on SQLite and PostgreSQL:
// the demo graduates exactly 49, computed from its grades, attendance and projects.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { run, freshDatabase, binary } from './harness.mjs';

const CODE = 'IBM-HR-PA-2023';
let dir;
let common;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'diplomado-graduation-'));
  common = ['--data', join(dir, 'data'), ...freshDatabase()];
  assert.equal(run(['demo', ...common]).code, 0);
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('eligibility as JSON and CSV, with every reason written out in the console language', () => {
  const json = run(['eligibility', '--programme', CODE, ...common]);
  assert.equal(json.code, 0, json.stderr);
  const report = JSON.parse(json.stdout);
  assert.equal(report.counts.eligible, 49);
  const csv = run(['eligibility', '--programme', CODE, '--format', 'csv', ...common], undefined, { ...process.env, LANG: 'en_GB.UTF-8' });
  assert.equal(csv.code, 0, csv.stderr);
  const lines = csv.stdout.trim().split('\n');
  assert.equal(lines.length, 55);
  assert.match(lines[0], /,outcome,override,reasons$/);
  assert.ok(lines.some((line) => /Attendance 75 % — 80 % required/.test(line)), 'the reason is in English');
  const spanish = run(['eligibility', '--programme', CODE, '--format', 'csv', ...common], undefined, { ...process.env, LANG: 'es_PA.UTF-8' });
  assert.ok(spanish.stdout.includes('Asistencia 75 % — se requiere 80 %'));
});

test('--what-if shows who would change; a wrong term is named and nothing is printed', () => {
  const result = run(['eligibility', '--programme', CODE, '--what-if', 'attendance=75', '--what-if', 'final_grade=60', ...common]);
  assert.equal(result.code, 0, result.stderr);
  const report = JSON.parse(result.stdout);
  assert.equal(report.what_if.attendance_threshold, 75);
  assert.equal(report.what_if.minimum_final_grade, 60);
  assert.equal(report.counts.would_become_eligible, 2);
  const bad = run(['eligibility', '--programme', CODE, '--what-if', 'asistencia=75', ...common], undefined, { ...process.env, LANG: 'es_PA.UTF-8' });
  assert.equal(bad.code, 1);
  assert.equal(bad.stdout, '');
  assert.match(bad.stderr, /asistencia=75/);
  assert.match(bad.stderr, /Umbral desconocido/);
  const unknown = run(['eligibility', '--programme', 'NO-SUCH', ...common]);
  assert.equal(unknown.code, 1);
});

test('graduate --dry-run changes nothing; graduate moves exactly 49, once', () => {
  // run() keeps stderr only on failure; the summary line is read here from a finished process.
  const dry = spawnSync(binary, ['graduate', '--programme', CODE, '--dry-run', ...common], { encoding: 'utf8', env: { ...process.env, LANG: 'en_GB.UTF-8' } });
  assert.equal(dry.status, 0, dry.stderr);
  assert.equal(JSON.parse(dry.stdout).graduated, 49);
  assert.match(dry.stderr, /49 people would graduate .* Nothing was changed/);
  assert.equal(JSON.parse(run(['eligibility', '--programme', CODE, ...common]).stdout).counts.graduated, 0);

  const done = run(['graduate', '--programme', CODE, ...common]);
  assert.equal(done.code, 0, done.stderr);
  const result = JSON.parse(done.stdout);
  assert.equal(result.graduated, 49);
  assert.equal(result.graduates.length, 49);
  assert.ok(result.graduates.every((row) => row.meets_requirements), 'without overrides, the graduates are exactly the eligible');
  const after = JSON.parse(run(['eligibility', '--programme', CODE, ...common]).stdout);
  assert.equal(after.counts.graduated, 49);
  assert.equal(after.rows.filter((row) => row.status === 'withdrawn').length, 2, 'withdrawn enrolments stay withdrawn');
  assert.equal(JSON.parse(run(['graduate', '--programme', CODE, ...common]).stdout).graduated, 0);
});
