// Every answer that send, get and signIn receive is held to docs/api/openapi.yaml (contract.mjs).
// Starts the real `diplomado` binary on a free port with a database of its own (a fresh SQLite
// file, or a fresh PostgreSQL database when DIPLOMADO_API_DATABASE=postgres), loads the demo
// programme and adds users with random passwords. Each test file gets its own server.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { createServer, connect } from 'node:net';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { checked, checkedFetch } from './contract.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const binary = process.env.DIPLOMADO_BINARY ?? join(root, 'build', 'diplomado');

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export function run(args, input, env = process.env) {
  try {
    const stdout = execFileSync(binary, args, { input, env, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
    return { code: 0, stdout, stderr: '' };
  } catch (error) {
    return { code: error.status ?? 1, stdout: error.stdout ?? '', stderr: error.stderr ?? '' };
  }
}

export function freshDatabase() {
  if (process.env.DIPLOMADO_API_DATABASE !== 'postgres') return [];
  const admin = process.env.DIPLOMADO_TEST_POSTGRES_ADMIN;
  if (!admin) throw new Error('DIPLOMADO_TEST_POSTGRES_ADMIN is not set (run through scripts/with-postgres)');
  const name = `api_${randomBytes(6).toString('hex')}`;
  execFileSync('psql', [admin, '-q', '-c', `CREATE DATABASE ${name}`]);
  return ['--database', admin.replace(/\/postgres$/, `/${name}`)];
}

export const fixtures = join(root, 'tests', 'fixtures');
export const referenceData = join(root, 'data', 'reference');

// reference: also load the shipped reference lists (Panama's subdivisions and institutions, with
// their aliases), as `diplomado init` does.
// database: the --database words to use instead of a fresh database of the run's kind.
// serve: words added to `diplomado serve` (an SMTP server, say).
export async function startServer({ users = [], reference = false, database: given, serve = [] } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'diplomado-api-'));
  const database = given ?? freshDatabase();
  const common = ['--data', dataDir, ...database];
  if (reference) {
    for (const [kind, file] of [['subdivisions', 'subdivisions/PA.json'], ['institutions', 'institutions/PA.json']]) {
      const loaded = run(['reference', kind, join(referenceData, file), ...common]);
      if (loaded.code !== 0) throw new Error(`reference ${kind} failed: ${loaded.stderr}`);
    }
  }
  const demo = run(['demo', ...common]);
  if (demo.code !== 0) throw new Error(`demo failed: ${demo.stderr}`);
  const accounts = {};
  for (const user of users) {
    const password = randomBytes(12).toString('base64url');
    const args = ['user', 'add', ...common, '--email', user.email, '--name', user.name ?? user.email, '--role', user.role, '--password-stdin'];
    if (user.programme) args.push('--programme', user.programme);
    const added = run(args, `${password}\n`);
    if (added.code !== 0) throw new Error(`user add failed: ${added.stderr}`);
    accounts[user.email] = password;
  }
  const { port, child, base, output } = await launch(common, serve);
  return {
    base,
    port,
    pid: child.pid,
    process: child,
    dataDir,
    common,
    accounts,
    output,
    async stop() {
      console.log(`# contract: ${checked.answers} answers matched docs/api/openapi.yaml`);
      child.kill('SIGTERM');
      await new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', resolve)));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

// A second server on the same data and database as `server` (after a change made with the CLI,
// such as a new issuer key), with its own port; `args` are added to `serve`'s.
export async function serveAgain(server, args = []) {
  const { port, child, base } = await launch(server.common, args);
  return {
    base,
    port,
    accounts: server.accounts,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', resolve)));
    },
  };
}

// Starts `diplomado serve` on a free port and waits until /healthz answers.
async function launch(common, args = []) {
  const port = await freePort();
  const child = spawn(binary, ['serve', ...common, '--port', String(port), '--threads', '2', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  child.stdout.on('data', (chunk) => (text += chunk));
  child.stderr.on('data', (chunk) => (text += chunk));
  const base = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {}
    if (attempt > 100 || child.exitCode !== null) throw new Error(`server did not start: ${text}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { port, child, base, output: () => text };
}

// The server's resident memory in MiB, as the kernel counts it.
export function residentMiB(server) {
  const status = readFileSync(`/proc/${server.pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)[1]) / 1024;
}

export async function signIn(server, email, password = server.accounts[email]) {
  const response = await checkedFetch(`${server.base}/api/v1/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': 'sign-in' },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 201) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers.get('set-cookie').split(';')[0];
  const { csrf_token: csrf } = await response.json();
  return { cookie, csrf };
}

// The id of the programme with this code, as the signed-in user sees the list.
export async function programmeIdOf(server, session, code) {
  const list = await (await get(server, '/api/v1/programmes', session)).json();
  return list.items.find((programme) => programme.code === code).id;
}

export function send(server, method, path, session, body, headers = {}) {
  const json = body !== undefined && !(body instanceof Uint8Array) && typeof body !== 'string';
  return checkedFetch(`${server.base}${path}`, {
    method,
    headers: {
      ...(session ? { Cookie: session.cookie, 'X-CSRF-Token': session.csrf } : {}),
      ...(json ? { 'Content-Type': 'application/json' } : {}),
      ...headers,
    },
    body: json ? JSON.stringify(body) : body,
  });
}

export function get(server, path, session, headers = {}) {
  return checkedFetch(`${server.base}${path}`, { headers: { ...(session ? { Cookie: session.cookie } : {}), ...headers } });
}

// Opens a connection, sends a request head and `sent` bytes of a body that claims `declared`
// bytes, and resolves with the status line's code as soon as an answer arrives (the rest of the
// body is never sent). The socket is left open for the caller to close.
export function partialRequest(server, { path, declared, sent, headers = {} }) {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, '127.0.0.1');
    let answer = '';
    socket.on('error', reject);
    socket.on('data', (chunk) => {
      answer += chunk.toString('latin1');
      const match = /^HTTP\/1\.1 (\d{3})/.exec(answer);
      if (match && answer.includes('\r\n\r\n')) resolve({ socket, status: Number(match[1]), answer });
    });
    socket.on('connect', () => {
      const all = { 'Content-Type': 'application/json', 'X-CSRF-Token': 'x', ...headers };
      const lines = [`POST ${path} HTTP/1.1`, 'Host: 127.0.0.1', `Content-Length: ${declared}`];
      for (const [name, value] of Object.entries(all)) lines.push(`${name}: ${value}`);
      socket.write(lines.join('\r\n') + '\r\n\r\n');
      socket.write(Buffer.alloc(sent, 0x5b));
    });
  });
}

// Sends `count` chunks of `size` bytes as a chunked body on a raw socket (no Content-Length, so
// only the bytes themselves can pass a limit) and gives the answer's text once its problem body
// has arrived.
export function sendChunked(server, { method = 'POST', path, headers = {}, size, count }) {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, '127.0.0.1');
    let text = '';
    socket.on('error', reject);
    socket.on('data', (chunk) => {
      text += chunk.toString('latin1');
      if (text.includes('\r\n\r\n') && text.includes('}')) {
        socket.destroy();
        resolve(text);
      }
    });
    socket.on('connect', () => {
      const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`).join('');
      socket.write(`${method} ${path} HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n${lines}\r\n`);
      const chunk = Buffer.alloc(size, 0x20);
      for (let index = 0; index < count; index++) socket.write(`${chunk.length.toString(16)}\r\n${chunk.toString('latin1')}\r\n`);
    });
  });
}

// The links the server has mailed so far, read from its development log (no --smtp-url).
export const mailLinks = (server) => [...server.output().matchAll(/"event":"mail","link":"([^"]+)"/g)].map((match) => match[1]);

// Chooses a password through the first link mailed after `countBefore` links (a juror's or an
// invited participant's), as its owner would; the password.
export async function passwordFromMail(server, countBefore, password = `${randomBytes(12).toString('base64url')}-Río7`) {
  let link;
  for (let waited = 0; !link && waited < 15000; waited += 100) {
    link = mailLinks(server)[countBefore];
    if (!link) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (!link) throw new Error('no mail link reached the log');
  const token = new URL(link).hash.slice(1);
  const response = await fetch(`${server.base}/api/v1/account_links/redeem`, {
    method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': 'link' }, body: JSON.stringify({ token, password }),
  });
  if (response.status !== 204) throw new Error(`redeem failed: ${response.status} ${await response.text()}`);
  return password;
}
