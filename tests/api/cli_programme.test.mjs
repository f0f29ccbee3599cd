// `diplomado programme validate|import|create|clone` (issue 12) as a coordinator at a console uses
// them: every problem named by its JSON path in the console's language, exit 1, nothing written.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, readFileSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run, freshDatabase } from './harness.mjs';

const demoFile = new URL('../../data/demo/ibm-hr-pa-2023.json', import.meta.url).pathname;
const english = { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
const spanish = { ...process.env, LANG: 'es_PA.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
let dir;
let common;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'diplomado-programme-'));
  common = ['--data', join(dir, 'data'), ...freshDatabase()];
});
after(() => rmSync(dir, { recursive: true, force: true }));

const file = (name, change) => {
  const data = JSON.parse(readFileSync(demoFile, 'utf8'));
  change(data);
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(data));
  return path;
};

test('the demo file validates, and validating writes nothing', () => {
  const result = run(['programme', 'validate', demoFile], undefined, spanish);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /El archivo del programa es válido: IBM-HR-PA-2023/);
  assert.match(result.stdout, /módulos: 6, participantes: 54, equipos: 8/);
});

test('a file with a wrong type, a missing key and an unknown key: each named by its JSON path', () => {
  const bad = file('bad-shape.json', (data) => {
    data.programme.country = 7;
    data.programme.colour = 'azul';
    delete data.participants[3].family_names;
  });
  const result = run(['programme', 'validate', bad], undefined, spanish);
  assert.equal(result.code, 1);
  assert.match(result.stderr, /El archivo del programa tiene errores; no se escribió nada\./);
  assert.match(result.stderr, /programme\.country: Debe ser un texto\./);
  assert.match(result.stderr, /programme\.colour: Este campo no existe aquí/);
  assert.match(result.stderr, /participants\[3\]\.family_names: Este campo es obligatorio\./);
  assert.doesNotMatch(result.stderr, /json\.exception|what\(\)/);
});

test('bad values are named in English too: zone, locale, dates, negative hours, a broken reference', () => {
  const bad = file('bad-values.json', (data) => {
    data.programme.time_zone = 'America/Atlantis';
    data.programme.locale = 'es-XX';
    data.programme.end_date = '2023-01-01';
    data.programme.modules[2].hours = -5;
    data.participants[0].institution = 'nowhere';
  });
  const result = run(['programme', 'validate', bad], undefined, english);
  assert.equal(result.code, 1);
  for (const line of [
    /programme\.time_zone: Unknown time zone/,
    /programme\.locale: Unknown locale/,
    /programme\.end_date: The end date is before the start date\. \[2023-01-01\]/,
    /programme\.modules\[2\]\.hours: Hours must be between 0 and 10,000\. \[-5\]/,
    /participants\[0\]\.institution: Unknown institution\. \[nowhere\]/,
  ]) assert.match(result.stderr, line);
  const imported = run(['programme', 'import', bad, ...common], undefined, english);
  assert.equal(imported.code, 1);
  assert.equal(run(['programme', 'validate', 'missing.json'], undefined, english).stderr.split('\n')[0], 'diplomado: The programme file could not be read.');
});

test('shape and rules in one answer: a wrong type beside a broken reference, each said once', () => {
  const bad = file('both-rounds.json', (data) => {
    data.programme.colour = 'azul';                 // the shape: an unknown key
    delete data.participants[3].family_names;       // the shape: a missing key
    data.participants[3].institution = 'nowhere';   // same entry: not judged again
    data.programme.modules[2].hours = -5;           // a rule
    data.participants[0].institution = 'nowhere';   // how the parts fit
    data.ceremony.run_of_show[0].at = '25:99';      // the ceremony's own rules
  });
  const result = run(['programme', 'validate', bad], undefined, english);
  assert.equal(result.code, 1);
  for (const line of [
    /programme\.colour: /,
    /participants\[3\]\.family_names: /,
    /programme\.modules\[2\]\.hours: Hours must be between 0 and 10,000\. \[-5\]/,
    /participants\[0\]\.institution: Unknown institution\. \[nowhere\]/,
    /ceremony\.run_of_show\[0\]\.at: .*\[25:99\]/,
  ]) assert.match(result.stderr, line);
  assert.doesNotMatch(result.stderr, /participants\[3\]\.institution/, 'an entry whose shape is wrong is not judged again');
});

test('a 20 MB file is refused before it is read, its size rounded up', () => {
  const big = join(dir, 'big.json');
  writeFileSync(big, '');
  truncateSync(big, 17_000_000);
  const result = run(['programme', 'validate', big], undefined, english);
  assert.equal(result.code, 1);
  assert.match(result.stderr, /File size \[17 MiB\]/, '16.2 MiB is shown as 17, never as 16');
  assert.match(result.stderr, /Largest allowed \[16 MiB\]/);
});

test('import, then the same code again is refused; create and clone make drafts', () => {
  const imported = run(['programme', 'import', demoFile, ...common], undefined, spanish);
  assert.equal(imported.code, 0, imported.stderr);
  assert.match(imported.stdout, /Programa importado: IBM-HR-PA-2023/);
  const again = run(['programme', 'import', demoFile, ...common], undefined, spanish);
  assert.equal(again.code, 1);
  assert.match(again.stderr, /Ya existe un programa con este código\. \[IBM-HR-PA-2023\]/);

  const created = run(['programme', 'create', ...common, '--code', 'GIF-CR-2025', '--title-es', 'Gestión de fronteras', '--title-en', 'Border management',
    '--country', 'CR', '--time-zone', 'America/Costa_Rica', '--start', '2025-03-03', '--end', '2025-06-30', '--sdgs', '10,16',
    '--module', 'Derechos humanos|Human rights|20', '--module', 'Estadística|Statistics|12|75', '--coordinator', 'marta@example.cr|Marta Solís'], undefined, spanish);
  assert.equal(created.code, 0, created.stderr);
  assert.match(created.stdout, /Programa creado: GIF-CR-2025 \(borrador\)/);
  assert.match(created.stdout, /marta@example\.cr {2}contraseña \(se muestra una sola vez\): \S{12,}/);

  const badModule = run(['programme', 'create', ...common, '--code', 'GIF-CR-2026', '--title-es', 'X', '--title-en', 'X', '--country', 'CR',
    '--time-zone', 'America/Costa_Rica', '--module', 'Solo un título', '--module', 'A|B|-2'], undefined, english);
  assert.equal(badModule.code, 1);
  assert.match(badModule.stderr, /--module\[0\]: Write the module as/);
  // Nothing was created: the refused code is still free.
  const refusedCode = run(['programme', 'clone', ...common, '--from', 'GIF-CR-2026', '--code', 'GIF-CR-2027', '--start', '2026-01-01'], undefined, english);
  assert.equal(refusedCode.code, 1);
  assert.match(refusedCode.stderr, /There is no programme with that code\. \[GIF-CR-2026\]/);
  assert.doesNotMatch(refusedCode.stdout, /New edition created/);

  const cloned = run(['programme', 'clone', ...common, '--from', 'IBM-HR-PA-2023', '--code', 'IBM-HR-PA-2024', '--start', '2024-05-13'], undefined, english);
  assert.equal(cloned.code, 0, cloned.stderr);
  assert.match(cloned.stdout, /New edition created: IBM-HR-PA-2024 \(2024-05-13 – 2024-10-09\)/);
  const clash = run(['programme', 'clone', ...common, '--from', 'IBM-HR-PA-2023', '--code', 'IBM-HR-PA-2024', '--start', '2025-05-12'], undefined, english);
  assert.equal(clash.code, 1);
  assert.match(clash.stderr, /A programme with this code already exists/);
});

test('export, import elsewhere, export again: the same file; without --with-people only the setup', () => {
  const first = ['--data', join(dir, 'export-1'), ...freshDatabase()];
  assert.equal(run(['programme', 'import', demoFile, ...first], undefined, english).code, 0);
  const whole = join(dir, 'whole.json');
  const exported = run(['programme', 'export', ...first, '--code', 'IBM-HR-PA-2023', '--with-people', '--output', whole], undefined, english);
  assert.equal(exported.code, 0, exported.stderr);
  const written = JSON.parse(readFileSync(whole, 'utf8'));
  assert.equal(written.programme.code, 'IBM-HR-PA-2023');
  assert.equal(written.programme.modules.length, 6);
  assert.equal(written.participants.length, 54);
  assert.equal(written.teams.length, 8);
  const demo = JSON.parse(readFileSync(demoFile, 'utf8'));
  assert.equal(written.grades.length, demo.grades.length, 'every grade');
  assert.equal(written.reviews.length, demo.reviews.length, 'every submitted review');
  assert.equal(written.jurors.length, demo.jurors.length);
  assert.deepEqual(written.assessments.map((a) => a.code).sort(), demo.assessments.map((a) => a.code).sort());
  // Exact scores: a grade of the demo is found with its score, by person and assessment.
  const byKey = new Map(demo.participants.map((p) => [p.key, `${p.given_names} ${p.family_names}`]));
  const exportedName = new Map(written.participants.map((p) => [p.key, `${p.given_names} ${p.family_names}`]));
  const scores = (grades, names) => new Set(grades.map((g) => `${names.get(g.participant)}|${g.assessment}|${g.score}`));
  assert.deepEqual(scores(written.grades, exportedName), scores(demo.grades, byKey));

  // Into another database, then out again: byte for byte the same file.
  const second = ['--data', join(dir, 'export-2'), ...freshDatabase()];
  const imported = run(['programme', 'import', whole, ...second], undefined, english);
  assert.equal(imported.code, 0, imported.stderr);
  const again = run(['programme', 'export', ...second, '--code', 'IBM-HR-PA-2023', '--with-people'], undefined, english);
  assert.equal(again.code, 0, again.stderr);
  assert.equal(again.stdout, readFileSync(whole, 'utf8'));

  // A mark missing for someone active, and a withdrawn person's mark from before, survive too.
  const marked = file('marks.json', (data) => {
    data.attendance[0].unrecorded = ['p21'];
    data.attendance[0].late = [];
    data.attendance[0].present = ['p53'];
  });
  const third = ['--data', join(dir, 'export-3'), ...freshDatabase()];
  assert.equal(run(['programme', 'import', marked, ...third], undefined, english).code, 0);
  const marks = JSON.parse(run(['programme', 'export', ...third, '--code', 'IBM-HR-PA-2023', '--with-people'], undefined, english).stdout);
  const nameOf = (key, list) => { const p = list.find((person) => person.key === key); return `${p.given_names} ${p.family_names}`; };
  const demoPeople = JSON.parse(readFileSync(marked, 'utf8')).participants;
  const firstSession = marks.attendance.find((entry) => entry.session === marks.sessions[0].key);
  assert.deepEqual(firstSession.unrecorded.map((key) => nameOf(key, marks.participants)), [nameOf('p21', demoPeople)]);
  assert.deepEqual(firstSession.present.map((key) => nameOf(key, marks.participants)), [nameOf('p53', demoPeople)]);
  assert.equal(firstSession.late, undefined);

  // The setup alone: no person in it, and it opens a new course elsewhere.
  const setup = run(['programme', 'export', ...first, '--code', 'IBM-HR-PA-2023'], undefined, english);
  assert.equal(setup.code, 0, setup.stderr);
  const course = JSON.parse(setup.stdout);
  assert.deepEqual([course.participants, course.teams, course.grades, course.jurors, course.reviews, course.ceremony.guests], [[], [], [], [], [], []]);
  assert.equal(course.sessions.length, demo.sessions.length);
  assert.equal(course.rubric.length, demo.rubric.length);
  assert.doesNotMatch(setup.stdout, /@/, 'no e-mail address in the setup');
  course.programme.code = 'IBM-HR-PA-2024';
  const setupFile = join(dir, 'setup.json');
  writeFileSync(setupFile, JSON.stringify(course));
  assert.equal(run(['programme', 'validate', setupFile], undefined, english).code, 0);
  assert.equal(run(['programme', 'import', setupFile, ...first], undefined, english).code, 0);

  const unknown = run(['programme', 'export', ...first, '--code', 'NO-SUCH'], undefined, english);
  assert.equal(unknown.code, 1);
  assert.match(unknown.stderr, /There is no programme with that code\. \[NO-SUCH\]/);
  const unwritable = run(['programme', 'export', ...first, '--code', 'IBM-HR-PA-2023', '--output', join(dir, 'no-such-dir', 'x.json')], undefined, english);
  assert.equal(unwritable.code, 1);
  assert.doesNotMatch(unwritable.stderr, /what\(\)|exception/);
});

test('a missing option is said in the console\'s language with exit 1 (not CLI11\'s 106)', () => {
  const spanishRun = run(['programme', 'clone', ...common, '--code', 'X2', '--start', '2024-01-01'], undefined, spanish);
  assert.equal(spanishRun.code, 1);
  assert.equal(spanishRun.stderr, 'diplomado: Falta una opción obligatoria: --from\nUse --help para ver las opciones.\n');
  const englishRun = run(['export', 'participants', ...common], undefined, english);
  assert.equal(englishRun.code, 1);
  assert.match(englishRun.stderr, /^diplomado: A required option is missing: --programme/);
  const unknown = run(['programme', 'validate', demoFile, '--colour', 'blue'], undefined, english);
  assert.equal(unknown.code, 1);
  assert.match(unknown.stderr, /These arguments were not expected: .*--colour/);
  assert.equal(run(['--help'], undefined, english).code, 0);
});
