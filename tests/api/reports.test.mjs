// Issue 14 over HTTP: the donor report's indicators, computed from the data, with small-cell
// suppression for the observer (the donor) and for exports marked for sharing; on SQLite and
// PostgreSQL. The CLI's `report indicators` is tested at the end.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, signIn, get, send, programmeIdOf, run } from './harness.mjs';

const CODE = 'IBM-HR-PA-2023';
let server;
let programmeId;
let coordinator;
let observer;

before(async () => {
  server = await startServer({
    users: [
      { email: 'sitio@example.org', role: 'coordinator' },
      { email: 'coordinacion@example.pa', role: 'coordinator', programme: CODE },
      { email: 'docente@example.pa', role: 'instructor', programme: CODE },
      { email: 'donante@example.ca', role: 'observer', programme: CODE },
    ],
  });
  coordinator = await signIn(server, 'coordinacion@example.pa');
  observer = await signIn(server, 'donante@example.ca');
  programmeId = await programmeIdOf(server, coordinator, CODE);
});
after(() => server?.stop());

const base = () => `/api/v1/programmes/${programmeId}`;
const indicators = async (session, query = '') => {
  const response = await get(server, `${base()}/indicators${query}`, session);
  assert.equal(response.status, 200, await response.clone().text());
  return response.json();
};
// Every count a reader sees, with where it is.
function* counts(report) {
  for (const [name, count] of Object.entries(report.headline)) yield [`headline.${name}`, count];
  const tables = [...report.breakdowns, ...report.cross_tabs, ...(report.knowledge_gain ? [report.knowledge_gain.distribution] : []),
    ...report.satisfaction.questions.map((question) => question.answers)];
  for (const table of tables) {
    for (const [r, row] of table.cells.entries()) for (const [c, cell] of row.entries()) yield [`${table.key}[${r}][${c}]`, cell];
    for (const cell of [...(table.row_totals ?? []), ...(table.column_totals ?? []), ...(table.grand_total ? [table.grand_total] : [])]) yield [`${table.key} total`, cell];
  }
}

test('the coordinator reads every indicator, computed from the data', async () => {
  const report = await indicators(coordinator);
  assert.equal(report.audience, 'programme');
  assert.equal(report.small_cell_threshold, null);
  assert.equal(report.has_data, true);
  assert.deepEqual(report.headline.enrolled, { count: 54 });
  assert.deepEqual(report.headline.withdrawn, { count: 2 });
  const bySex = report.breakdowns.find((table) => table.key === 'by_sex');
  assert.equal(bySex.column_totals[0].count, 54, 'the breakdown adds up to the enrolments');
  const byInstitution = report.breakdowns.find((table) => table.key === 'by_institution');
  const senafront = byInstitution.rows.findIndex((row) => row.label.es.includes('SENAFRONT'));
  assert.equal(byInstitution.cells[senafront][0].count, 11, 'the demo enrols eleven from SENAFRONT');
  assert.equal(report.cross_tabs.length, 6);
  assert.ok(report.attendance.mean > 80 && report.attendance.mean < 100);
  assert.equal(report.attendance.modules.length, 6);
  assert.equal(report.knowledge_gain.n, 52, 'every active enrolment has a pre- and a post-test');
  assert.ok(report.knowledge_gain.mean_gain > 0);
  assert.deepEqual(report.sdgs.map((goal) => goal.number), [10, 16, 17]);
  assert.equal(report.sdgs[0].name.es, 'Reducción de las desigualdades');
  assert.ok(report.gcm.objectives.length > 0);
  assert.equal(report.gcm.projects.length, 8);
  for (const [o, objective] of report.gcm.objectives.entries())
    assert.equal(objective.projects, report.gcm.projects.filter((project) => project.aligned[o]).length, `objective ${objective.number}`);
});

test('the donor sees aggregates only: small counts hidden, no names, no individual grades', async () => {
  const response = await get(server, `${base()}/indicators`, observer);
  assert.equal(response.status, 200);
  const text = await response.clone().text();
  const report = JSON.parse(text);
  assert.equal(report.audience, 'shared', 'the observer gets the shared version without asking');
  assert.equal(report.small_cell_threshold, 5);
  let hidden = 0;
  for (const [where, count] of counts(report)) {
    if ('suppressed' in count) { hidden += 1; assert.ok(!('count' in count), where); continue; }
    assert.ok(count.count === 0 || count.count >= 5, `${where} shows ${count.count}`);
  }
  assert.ok(hidden > 0, 'the demo has small cells (two withdrawals, small institutions)');
  for (const personal of ['Vásquez', 'Paladín', '@demo.diplomado.invalid', 'given_names', 'enrollment_id', '"score"'])
    assert.ok(!text.includes(personal), `no ${personal} in what the donor reads`);
  // Asking for the internal version changes nothing for an observer.
  assert.equal((await indicators(observer, '?shared=false')).audience, 'shared');
  // The observer's knowledge-gain page has no per-person rows either.
  const gain = await (await get(server, `${base()}/knowledge_gain`, observer)).json();
  assert.deepEqual(gain.participants, []);
});

test('only the coordinator and the donor read the report; a bad flag is named', async () => {
  const instructor = await signIn(server, 'docente@example.pa');
  assert.equal((await get(server, `${base()}/indicators`, instructor)).status, 403);
  assert.equal((await get(server, `${base()}/indicators/export?format=xlsx`, instructor)).status, 403);
  assert.equal((await get(server, `${base()}/indicators`)).status, 401);
  const bad = await get(server, `${base()}/indicators?shared=maybe`, coordinator, { 'Accept-Language': 'es' });
  assert.equal(bad.status, 400);
  const problem = await bad.json();
  assert.equal(problem.errors[0].field, 'shared');
  assert.equal(problem.errors[0].value, 'maybe');
  const format = await get(server, `${base()}/indicators/export?format=pdf`, coordinator);
  assert.equal(format.status, 400);
  assert.equal((await format.json()).errors[0].field, 'format');
});

test('exports: an XLSX workbook and a long CSV, hidden counts written as <5 and x when shared', async () => {
  const xlsx = await get(server, `${base()}/indicators/export?format=xlsx&lang=en`, coordinator);
  assert.equal(xlsx.status, 200);
  assert.match(xlsx.headers.get('content-type'), /spreadsheetml/);
  assert.match(xlsx.headers.get('content-disposition'), /indicators-IBM-HR-PA-2023\.xlsx/);
  assert.deepEqual([...new Uint8Array(await xlsx.arrayBuffer()).subarray(0, 2)], [0x50, 0x4b]);

  const internal = await (await get(server, `${base()}/indicators/export?format=csv&lang=en`, coordinator)).text();
  assert.ok(internal.startsWith('Table,Row,Column,Value\r\n'));
  assert.ok(internal.includes('Participants by sex and status,Total,Enrolled,54\r\n'));
  assert.ok(!internal.includes('<5'));
  const shared = await (await get(server, `${base()}/indicators/export?format=csv&lang=es&shared=true`, coordinator)).text();
  assert.ok(shared.includes(';<5\r\n'));
  assert.ok(shared.includes(';x\r\n'), 'a complementary cell');
  for (const line of shared.split('\r\n').slice(1, -1)) {
    const value = line.split(';').at(-1);
    assert.ok(value === '<5' || value === 'x' || value === '0' || Number(value) >= 5, line);
  }
  const donor = await (await get(server, `${base()}/indicators/export?format=csv&lang=en`, observer)).text();
  assert.ok(donor.includes(',<5\r\n'), 'the observer\'s export is the shared one');
});

test('after graduation the report counts the graduates; a programme with no data says so', async () => {
  assert.equal((await send(server, 'POST', `${base()}/graduation`, coordinator, { dry_run: false })).status, 200);
  const report = await indicators(coordinator);
  assert.deepEqual(report.headline.graduated, { count: 49 });
  assert.deepEqual(report.headline.completed, { count: 49 });

  const site = await signIn(server, 'sitio@example.org');
  const clone = await send(server, 'POST', `${base()}/clones`, site, { code: 'VACIO-1', start_date: '2024-05-13' });
  assert.equal(clone.status, 201, await clone.clone().text());
  const emptyId = await programmeIdOf(server, site, 'VACIO-1');
  const empty = await (await get(server, `/api/v1/programmes/${emptyId}/indicators`, site)).json();
  assert.equal(empty.has_data, false);
  assert.equal(empty.knowledge_gain, null, 'no gain rather than a gain of zero');
  assert.equal(empty.attendance.mean, null);
});

test('diplomado report indicators writes JSON, CSV and XLSX; an XLSX needs a file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'diplomado-report-'));
  const common = ['--data', dir];
  assert.equal(run(['demo', ...common]).code, 0);
  const json = run(['report', 'indicators', '--programme', CODE, '--format', 'json', ...common]);
  assert.equal(json.code, 0, json.stderr);
  assert.equal(JSON.parse(json.stdout).headline.enrolled.count, 54);
  const shared = run(['report', 'indicators', '--programme', CODE, '--format', 'csv', '--shared', '--small-cell-threshold', '10', ...common], '', { ...process.env, LANG: 'en_GB.UTF-8' });
  assert.equal(shared.code, 0, shared.stderr);
  assert.ok(shared.stdout.includes(',<10\r\n'), 'the threshold given is the one applied');
  const xlsxFile = join(dir, 'indicadores.xlsx');
  assert.equal(run(['report', 'indicators', '--programme', CODE, '--format', 'xlsx', '-o', xlsxFile, ...common]).code, 0);
  assert.deepEqual([...readFileSync(xlsxFile).subarray(0, 2)], [0x50, 0x4b]);
  const noFile = run(['report', 'indicators', '--programme', CODE, '--format', 'xlsx', ...common], '', { ...process.env, LANG: 'es_PA.UTF-8' });
  assert.equal(noFile.code, 1);
  assert.match(noFile.stderr, /-o ARCHIVO\.xlsx/);
  const unknown = run(['report', 'indicators', '--programme', 'NO-EXISTE', ...common]);
  assert.equal(unknown.code, 1);
});
