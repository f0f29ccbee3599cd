// `diplomado import participants`, `export participants` and `reference` as scripts use them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run, freshDatabase, fixtures, referenceData } from './harness.mjs';

const CODE = 'IBM-HR-PA-2023';
let dir;
let common;
const english = { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
const spanish = { ...process.env, LANG: 'es_PA.UTF-8', LC_ALL: '', LC_MESSAGES: '' };

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'diplomado-cli-'));
  common = ['--data', join(dir, 'data'), ...freshDatabase()];
  assert.equal(run(['demo', ...common]).code, 0);
  assert.equal(run(['reference', 'subdivisions', join(referenceData, 'subdivisions', 'PA.json'), ...common]).code, 0);
  assert.equal(run(['reference', 'institutions', join(referenceData, 'institutions', 'PA.json'), ...common]).code, 0);
});
after(() => rmSync(dir, { recursive: true, force: true }));

const importFile = (file, extra = [], env = spanish) =>
  run(['import', 'participants', file, '--programme', CODE, '--format', 'json', ...extra, ...common], undefined, env);

test('a file with errors: exit 2, every error in the JSON summary, nothing written', () => {
  const result = importFile(join(fixtures, 'nominations_errors.csv'), [], english);
  assert.equal(result.code, 2);
  const summary = JSON.parse(result.stdout);
  assert.equal(summary.committed, false);
  assert.equal(summary.created, 2, 'the clean rows are counted, not written');
  const first = summary.errors[0];
  assert.deepEqual([first.row, first.field, first.column, first.code, first.value], [2, 'institution', 'Institución', 'unknown_institution', 'Ministerio de Magia']);
  assert.match(first.message, /Unknown institution/);
  for (const key of ['created', 'updated', 'unchanged', 'errors']) assert.ok(key in summary, key);
  const again = JSON.parse(importFile(join(fixtures, 'nominations_errors.csv'), ['--dry-run']).stdout);
  assert.equal(again.created, 2, 'still nothing on file from the failed run');
});

test('the Spanish Excel CSV is committed, then the same file changes nothing', () => {
  const dry = importFile(join(fixtures, 'nominations_excel_es.csv'), ['--dry-run']);
  assert.equal(dry.code, 0);
  assert.deepEqual(JSON.parse(dry.stdout).created, 5);
  const committed = importFile(join(fixtures, 'nominations_excel_es.csv'));
  assert.equal(committed.code, 0);
  const summary = JSON.parse(committed.stdout);
  assert.deepEqual([summary.committed, summary.encoding, summary.separator, summary.created], [true, 'windows-1252', ';', 5]);
  const again = JSON.parse(importFile(join(fixtures, 'nominations_excel_es.csv')).stdout);
  assert.deepEqual([again.created, again.unchanged, again.enrolled], [0, 5, 0]);
  const text = run(['import', 'participants', join(fixtures, 'nominations_excel_es.csv'), '--programme', CODE, '--dry-run', ...common], undefined, spanish);
  assert.match(text.stdout, /Archivo: csv, windows-1252, separador ";"/);
  assert.match(text.stdout, /sin cambios: 5/);
});

test('--map points a field at a column by header text or number', () => {
  const file = join(dir, 'mapped.csv');
  writeFileSync(file, 'Nombre,Apellido,Entidad pública,Nivel,Correo personal\nLucía,Mendoza,SNM,Local,lucia.cli@example.org\n');
  const unmapped = importFile(file, ['--dry-run']);
  assert.equal(unmapped.code, 2);
  assert.deepEqual(JSON.parse(unmapped.stdout).errors.map((error) => error.field).sort(), ['email', 'institution']);
  const mapped = importFile(file, ['--map', 'email=Correo personal', '--map', 'institution=3']);
  assert.equal(mapped.code, 0);
  assert.equal(JSON.parse(mapped.stdout).created, 1);
  const wrong = importFile(file, ['--map', 'shoe_size=2'], english);
  assert.equal(wrong.code, 1);
  assert.match(wrong.stderr, /Unknown field in the column mapping/);
});

test('what is not a table, or names no programme, fails with one clear line', () => {
  const pdf = importFile(join(fixtures, 'renamed.pdf.csv'), [], english);
  assert.equal(pdf.code, 1);
  assert.match(pdf.stderr, /neither a CSV nor an XLSX/);
  const empty = importFile(join(fixtures, 'only_header.csv'), [], spanish);
  assert.equal(empty.code, 1);
  assert.match(empty.stderr, /solo tiene la fila de encabezado/);
  const unknown = run(['import', 'participants', join(fixtures, 'nominations_excel_es.csv'), '--programme', 'NOPE', ...common], undefined, english);
  assert.equal(unknown.code, 1);
  assert.match(unknown.stderr, /no programme with that code/);
});

test('export writes CSV and XLSX; the XLSX imports back', () => {
  const csv = run(['export', 'participants', '--programme', CODE, ...common], undefined, english);
  assert.equal(csv.code, 0);
  assert.match(csv.stdout, /^Given names,Family names,Sex,Gender identity,E-mail,/);
  const xlsx = join(dir, 'participants.xlsx');
  assert.equal(run(['export', 'participants', '--programme', CODE, '--format', 'xlsx', '-o', xlsx, ...common]).code, 0);
  assert.deepEqual([...readFileSync(xlsx).subarray(0, 2)], [0x50, 0x4b]);
  const back = JSON.parse(importFile(xlsx, ['--dry-run']).stdout);
  assert.equal(back.format, 'xlsx');
  // The people imported above have e-mails and come back unchanged; the demo's have none.
  assert.ok(back.unchanged >= 6);
  assert.ok(back.errors.every((error) => error.field === 'email' && error.code === 'required'));
});

test('another country’s subdivisions load from a file; a bad list names its entries', () => {
  const good = join(dir, 'CR.json');
  writeFileSync(good, JSON.stringify({ country: 'CR', subdivisions: [{ code: 'CR-L', name: 'Limón', kind: 'province', aliases: ['Limon'] }] }));
  const loaded = run(['reference', 'subdivisions', good, ...common], undefined, english);
  assert.equal(loaded.code, 0);
  assert.match(loaded.stdout, /Subdivisions loaded for CR: 1/);
  const bad = join(dir, 'bad.json');
  writeFileSync(bad, JSON.stringify({ country: 'CR', subdivisions: [{ code: 'PA-1', name: 'x', kind: 'province' }] }));
  const refused = run(['reference', 'subdivisions', bad, ...common], undefined, english);
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, /code \(row 1\): The code must be ISO 3166-2/);
});

test('a ZIP bomb disguised as XLSX and a 20 MB file are refused before they cost memory', () => {
  // 300 MiB of sheet XML that deflates to well under a megabyte.
  const bomb = join(dir, 'bomba.xlsx');
  execFileSync('python3', ['-c', `
import zipfile, sys
with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('xl/workbook.xml', '<workbook><sheets><sheet name="A" sheetId="1" r:id="rId1" xmlns:r="r"/></sheets></workbook>')
    z.writestr('xl/_rels/workbook.xml.rels', '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>')
    with z.open('xl/worksheets/sheet1.xml', 'w') as sheet:
        sheet.write(b'<worksheet><sheetData>')
        row = b'<row><c t="inlineStr"><is><t>' + b'x' * 4000 + b'</t></is></c></row>'
        for _ in range(300 * 1024 * 1024 // len(row)): sheet.write(row)
        sheet.write(b'</sheetData></worksheet>')
`, bomb]);
  assert.ok(readFileSync(bomb).length < 2 * 1024 * 1024);
  const refused = importFile(bomb, [], english);
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, /unpacks to an excessive size/);

  const big = join(dir, 'grande.csv');
  writeFileSync(big, Buffer.alloc(20 * 1024 * 1024, 'a'));
  const tooBig = importFile(big, [], english);
  assert.equal(tooBig.code, 1);
  assert.match(tooBig.stderr, /The file is too large; it was not read.\n  file: File size \[20 MiB\]\n  file: Largest allowed \[16 MiB\]/);
});
