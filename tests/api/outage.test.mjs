// Issue 16: the database goes away while the server runs. Requests get 503 problem+json, /readyz
// turns 503 while /healthz stays 200, and service comes back by itself when the database does.
// PostgreSQL only (run in the PostgreSQL pass): the test starts a PostgreSQL server of its own,
// stops it and starts it again, so the other tests' server is never disturbed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, signIn, get, programmeIdOf, freePort } from './harness.mjs';

const postgres = process.env.DIPLOMADO_API_DATABASE === 'postgres';
const CODE = 'IBM-HR-PA-2023';
let base;
let port;
let server;
const pgbin = () => {
  const versions = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(a) - Number(b));
  return join('/usr/lib/postgresql', versions.at(-1), 'bin');
};
// As root, PostgreSQL runs as the postgres user (it refuses root), as scripts/with-postgres does.
const asOwner = (command, args) =>
  process.getuid() === 0 ? execFileSync('runuser', ['-u', 'postgres', '--', command, ...args], { stdio: 'pipe' }) : execFileSync(command, args, { stdio: 'pipe' });
const pgCtl = (...args) => asOwner(join(pgbin(), 'pg_ctl'), ['-D', join(base, 'data'), ...args]);
const startDatabase = () => pgCtl('-l', join(base, 'server.log'), '-w', '-t', '30', '-o', `-p ${port} -k ${base} -c listen_addresses=127.0.0.1 -c fsync=off`, 'start');
const stopDatabase = () => pgCtl('-m', 'fast', '-w', 'stop');

before(async () => {
  if (!postgres) return;
  base = mkdtempSync(join(tmpdir(), 'diplomado-outage-'));
  chmodSync(base, 0o777);
  port = await freePort();
  asOwner(join(pgbin(), 'initdb'), ['-D', join(base, 'data'), '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  startDatabase();
  asOwner(join(pgbin(), 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', 'outage']);
  server = await startServer({
    users: [{ email: 'coordinacion@example.pa', role: 'coordinator', programme: CODE }],
    database: ['--database', `postgresql://postgres@127.0.0.1:${port}/outage`],
  });
});
after(async () => {
  await server?.stop();
  if (base) {
    try {
      stopDatabase();
    } catch {}
    rmSync(base, { recursive: true, force: true });
  }
});

test('while the database is away: 503 problem+json and /readyz false; afterwards service comes back', { skip: !postgres && 'PostgreSQL only' }, async () => {
  const coordinator = await signIn(server, 'coordinacion@example.pa');
  const id = await programmeIdOf(server, coordinator, CODE);
  const page = `/api/v1/programmes/${id}`;
  assert.equal((await get(server, page, coordinator)).status, 200);
  assert.equal((await get(server, '/readyz')).status, 200);

  stopDatabase();
  const away = await get(server, page, coordinator, { 'Accept-Language': 'en' });
  assert.equal(away.status, 503);
  assert.match(away.headers.get('content-type'), /application\/problem\+json/);
  const problem = await away.json();
  assert.equal(problem.code, 'error.database.unavailable');
  assert.match(problem.title, /database is not answering/);
  const readiness = await get(server, '/readyz');
  assert.equal(readiness.status, 503);
  assert.equal((await get(server, '/healthz')).status, 200, 'alive, though not ready');

  startDatabase();
  assert.equal((await get(server, '/readyz')).status, 200);
  const back = await get(server, page, coordinator);
  assert.equal(back.status, 200, 'the same session works again: it lives in the database');
  assert.equal((await back.json()).code, CODE);
});
