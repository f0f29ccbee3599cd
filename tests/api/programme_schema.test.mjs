// docs/schema/programme-file.schema.json describes the file `programme validate|import` read: the
// demo follows it, and a file the CLI refuses for its shape is refused by the schema as well.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { run, freshDatabase } from './harness.mjs';

const require = createRequire(new URL('../../web/package.json', import.meta.url));
const Ajv2020 = require('ajv/dist/2020').default;
const schema = JSON.parse(readFileSync(new URL('../../docs/schema/programme-file.schema.json', import.meta.url), 'utf8'));
const demo = JSON.parse(readFileSync(new URL('../../data/demo/ibm-hr-pa-2023.json', import.meta.url), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);

test('the demo programme follows the schema', () => {
  assert.ok(validate(demo), JSON.stringify(validate.errors, null, 1));
});

test('shapes the CLI refuses, the schema refuses too', () => {
  const dir = mkdtempSync(join(tmpdir(), 'diplomado-schema-'));
  try {
    const cases = [
      ['a wrong type', (data) => { data.programme.country = 7; }],
      ['a missing key', (data) => { delete data.participants[0].family_names; }],
      ['an unknown key', (data) => { data.programme.colour = 'azul'; }],
      ['an unknown status', (data) => { data.participants[0].status = 'expelled'; }],
    ];
    for (const [name, change] of cases) {
      const data = structuredClone(demo);
      change(data);
      assert.equal(validate(data), false, `schema: ${name}`);
      const file = join(dir, 'bad.json');
      writeFileSync(file, JSON.stringify(data));
      assert.equal(run(['programme', 'validate', file]).code, 1, `CLI: ${name}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('what `programme export` writes follows the schema, with and without the people', () => {
  const dir = mkdtempSync(join(tmpdir(), 'diplomado-schema-'));
  try {
    const common = ['--data', dir, ...freshDatabase()];
    assert.equal(run(['programme', 'import', new URL('../../data/demo/ibm-hr-pa-2023.json', import.meta.url).pathname, ...common]).code, 0);
    for (const extra of [[], ['--with-people']]) {
      const exported = run(['programme', 'export', ...common, '--code', 'IBM-HR-PA-2023', ...extra]);
      assert.equal(exported.code, 0, exported.stderr);
      assert.ok(validate(JSON.parse(exported.stdout)), `${extra.join(' ')}: ${JSON.stringify(validate.errors, null, 1)}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
