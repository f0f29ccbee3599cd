// Issue 16 scope 6: `diplomado demo --scale N` makes N programmes of realistic size from the demo
// file, the same for the same seed; loading them again changes nothing; they serve like any other.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run, freshDatabase } from './harness.mjs';

test('demo --scale makes programmes of 30 to 200 people, deterministic and idempotent', () => {
  const data = mkdtempSync(join(tmpdir(), 'diplomado-scale-'));
  try {
    const common = ['--data', data, ...freshDatabase()];
    const env = { ...process.env, LANG: 'en' };
    const first = run(['demo', ...common, '--scale', '5', '--seed', '9'], undefined, env);
    assert.equal(first.code, 0, first.stderr);
    const made = /^5 scale programmes \(5 new\): (\d+) participants, (\d+) grades/.exec(first.stdout);
    assert.ok(made, first.stdout);
    const people = Number(made[1]);
    assert.ok(people >= 5 * 30 && people <= 5 * 200, `${people} participants`);
    const again = run(['demo', ...common, '--scale', '5', '--seed', '9'], undefined, env);
    assert.equal(again.code, 0);
    assert.match(again.stdout, new RegExp(`^5 scale programmes \\(0 new\\): ${people} participants, ${made[2]} grades`), 'the same seed, the same data; nothing loaded twice');

    // The gradebook of one of them, read back: a row per participant, grades in every row.
    const book = run(['gradebook', ...common, '--programme', 'IBM-HR-PA-2023-S9-0003'], undefined, env);
    assert.equal(book.code, 0, book.stderr);
    const rows = JSON.parse(book.stdout).rows;
    assert.ok(rows.length >= 30 && rows.length <= 200, `${rows.length} rows`);
    const active = rows.filter((row) => row.status !== 'withdrawn');
    assert.ok(active.length > 0 && active.every((row) => typeof row.final_grade === 'number' && row.project_submitted === true), 'every active participant graded, every team’s project submitted');

    const refused = run(['demo', ...common, '--seed', '9'], undefined, env);
    assert.equal(refused.code, 1, '--seed needs --scale');
  } finally {
    rmSync(data, { recursive: true, force: true });
  }
});
