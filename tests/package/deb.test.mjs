// Issue 16 scope 3: the .deb. Built with cpack from the build tree, unpacked into a fresh
// directory tree (no system is changed), and run from there: the binary finds its demo and its
// web bundle from its own place, reads its settings from the configuration file, and serves.
// apt checks (simulating) that the package installs on this Debian 12 with its dependencies.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const build = join(root, 'build');
let work;
let deb;
let tree;

before(() => {
  work = mkdtempSync(join(tmpdir(), 'diplomado-deb-'));
  execFileSync('cpack', ['-G', 'DEB', '-B', work], { cwd: build, stdio: 'pipe' });
  deb = join(work, readdirSync(work).find((name) => name.endsWith('.deb')));
  tree = join(work, 'tree');
  execFileSync('dpkg-deb', ['-x', deb, tree]);
});
after(() => work && rmSync(work, { recursive: true, force: true }));

const freePort = () =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

test('the package lays out the FHS tree, depends on its runtime libraries and creates the service user', () => {
  for (const path of [
    'usr/bin/diplomado',
    'usr/share/diplomado/data/demo/ibm-hr-pa-2023.json',
    'usr/share/diplomado/data/reference/subdivisions/PA.json',
    'usr/share/diplomado/web/index.html',
    'usr/lib/systemd/system/diplomado.service',
    'etc/diplomado/diplomado.conf',
    'usr/share/doc/diplomado/deploy.md',
  ])
    assert.ok(existsSync(join(tree, path)), path);
  assert.equal(statSync(join(tree, 'etc/diplomado/diplomado.conf')).mode & 0o777, 0o640, 'the settings may hold a password');
  const field = (name) => execFileSync('dpkg-deb', ['-f', deb, name], { encoding: 'utf8' }).trim();
  const depends = field('Depends');
  for (const library of ['libsoci-core4.0', 'libsodium23', 'libpq5', 'libpango-1.0-0', 'adduser', 'iso-codes']) assert.match(depends, new RegExp(library));
  const control = join(work, 'control');
  execFileSync('dpkg-deb', ['-e', deb, control]);
  assert.match(execFileSync('cat', [join(control, 'postinst')], { encoding: 'utf8' }), /adduser --system --group .* diplomado/);
  assert.match(execFileSync('cat', [join(control, 'conffiles')], { encoding: 'utf8' }), /\/etc\/diplomado\/diplomado\.conf/);
  for (const script of ['postinst', 'prerm', 'postrm']) execFileSync('sh', ['-n', join(control, script)]);
  const unit = execFileSync('cat', [join(tree, 'usr/lib/systemd/system/diplomado.service')], { encoding: 'utf8' });
  assert.match(unit, /^User=diplomado$/m);
  assert.match(unit, /^ExecStart=\/usr\/bin\/diplomado serve$/m);
});

test('apt would install it on this Debian 12, pulling what it depends on', { skip: !existsSync('/usr/bin/apt-get') && 'no apt-get' }, () => {
  const simulated = spawnSync('apt-get', ['-s', 'install', deb], { encoding: 'utf8' });
  assert.equal(simulated.status, 0, simulated.stderr);
  assert.match(simulated.stdout, /Inst diplomado /);
});

test('run from the unpacked tree: the demo and the web app are found beside the binary, the settings come from the configuration file', async () => {
  const binary = join(tree, 'usr/bin/diplomado');
  const data = join(work, 'var');
  const port = await freePort();
  const config = join(work, 'diplomado.conf');
  writeFileSync(config, `# as in /etc/diplomado\nDIPLOMADO_DATA=${data}\nDIPLOMADO_ADDRESS=127.0.0.1\nDIPLOMADO_PORT="${port}"\n`);
  const env = { ...process.env, DIPLOMADO_CONFIG: config, LANG: 'en' };
  delete env.DIPLOMADO_DATA;
  execFileSync(binary, ['demo'], { env, stdio: 'pipe' });
  assert.ok(existsSync(join(data, 'diplomado.db')), 'demo wrote to the data directory the file names');

  const child = spawn(binary, ['serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    let ready = false;
    for (let tries = 0; tries < 100 && !ready; tries++) {
      ready = await fetch(`http://127.0.0.1:${port}/healthz`).then((answer) => answer.ok, () => false);
      if (!ready) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.ok(ready, 'serving on the port the file names');
    const page = await fetch(`http://127.0.0.1:${port}/`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<div id="app"|<script type="module"/, 'the web bundle beside the binary');
    assert.equal((await fetch(`http://127.0.0.1:${port}/readyz`)).status, 200);
    assert.equal((await fetch(`http://127.0.0.1:${port}/api/v1/programmes`)).status, 401);
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }

  // The command line wins over the file.
  const other = join(work, 'other');
  execFileSync(binary, ['demo', '--data', other], { env, stdio: 'pipe' });
  assert.ok(existsSync(join(other, 'diplomado.db')));

  // A line of another shape is refused, naming the file and the line.
  writeFileSync(config, `DIPLOMADO_DATA=${data}\nport 8080\n`);
  const refused = spawnSync(binary, ['demo'], { env, encoding: 'utf8' });
  assert.equal(refused.status, 1);
  assert.match(refused.stderr, /Each line of the configuration file is DIPLOMADO_NAME=value/);
  assert.match(refused.stderr, /diplomado\.conf \(row 2\)/);
});
