// Table-driven from docs/api/openapi.yaml (issue 10): for every route that takes a JSON body, and
// every member its schema names, a body with that member of the wrong type gets 400 naming the
// member, never 500. Each route is called by a role it admits, so the body is what is judged.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { startServer, signIn, send, programmeIdOf } from './harness.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const YAML = createRequire(join(root, 'web', 'package.json'))('yaml');
const spec = YAML.parse(readFileSync(join(root, 'docs', 'api', 'openapi.yaml'), 'utf8'));

const CODE = 'IBM-HR-PA-2023';
const MEMBER = 'migdalia.vasquez@demo.diplomado.invalid';
let server;
let sessions;
let programmeId;

before(async () => {
  server = await startServer({
    users: [
      { email: 'sitio@example.pa', role: 'coordinator' },
      { email: 'jurado@example.pa', role: 'juror', programme: CODE },
      { email: MEMBER, role: 'participant', programme: CODE },
    ],
  });
  sessions = {
    coordinator: await signIn(server, 'sitio@example.pa'),
    juror: await signIn(server, 'jurado@example.pa'),
    member: await signIn(server, MEMBER),
  };
  programmeId = await programmeIdOf(server, sessions.coordinator, CODE);
});

after(() => server?.stop());

function resolve(node) {
  while (node?.$ref) node = node.$ref.slice(2).split('/').reduce((value, key) => value[key.replace(/~1/g, '/')], spec);
  return node;
}

// A value of another type than the schema asks for.
function wrongValue(schema) {
  const resolved = resolve(schema);
  if (resolved.oneOf) return true; // "a number or a text": a boolean is neither
  const types = [resolved.type].flat();
  if (types.includes('string')) return 12345;
  if (types.includes('boolean')) return 'sí';
  return 'x'; // integer, number, array, object
}

const who = (path, method) =>
  path.includes('/reviews/') ? 'juror' : (path.endsWith('/projects') || path.endsWith('/survey/responses')) && method === 'post' ? 'member' : 'coordinator';

test('every member of every JSON body, sent with the wrong type, is a 400 that names it', async () => {
  let cases = 0;
  let bodies = 0;
  const failures = [];
  for (const [template, item] of Object.entries(spec.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      const schema = resolve(resolve(operation.requestBody)?.content?.['application/json']?.schema);
      if (!schema) continue;
      bodies++;
      const members = Object.entries(schema.properties ?? {});
      // A body that is a map of texts (enrolling one person): one member stands for them all.
      if (members.length === 0 && schema.additionalProperties) members.push(['given_names', schema.additionalProperties]);
      const path = template.replace('{programme_id}', programmeId).replace('{country}', 'PA').replace('{language}', 'es').replace(/\{[a-z_]+\}/g, '1');
      for (const [name, memberSchema] of members) {
        const response = await send(server, method.toUpperCase(), path, sessions[who(template, method)], { [name]: wrongValue(memberSchema) }, { 'If-Match': '"1"' });
        const problem = await response.json();
        const named = (problem.errors ?? []).some((error) => error.field === name || error.field.startsWith(`${name}.`) || error.field.startsWith(`${name}[`));
        if (response.status !== 400 || !named) failures.push(`${method.toUpperCase()} ${template} ${name}: ${response.status} ${JSON.stringify(problem.errors)}`);
        cases++;
      }
    }
  }
  console.log(`# ${cases} members of ${bodies} JSON bodies sent with a wrong type`);
  assert.deepEqual(failures, []);
  assert.ok(cases > 60, `${cases} cases`);
});
