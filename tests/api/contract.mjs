// Holds every answer of the API tests to docs/api/openapi.yaml (issue 10): the status must be one
// the operation lists, the content type one it lists for that status, and a JSON body must match
// its schema (Ajv, JSON Schema 2020-12 as OpenAPI 3.1 uses). An answer the spec does not describe
// fails the test that received it.
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
// The validator and the YAML reader are the web app's development packages (web/package.json).
const require = createRequire(join(root, 'web', 'package.json'));
const Ajv2020 = require('ajv/dist/2020').default;
const addFormats = require('ajv-formats').default;
const YAML = require('yaml');

const spec = YAML.parse(readFileSync(join(root, 'docs', 'api', 'openapi.yaml'), 'utf8'));
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(spec, 'openapi');

// Each path of the spec as a pattern over concrete paths: "{name}" stands for one segment.
const operations = Object.entries(spec.paths).map(([template, item]) => ({
  template,
  pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`),
  item,
}));

const pointer = (segments) => segments.map((segment) => String(segment).replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
const validators = new Map();
function validatorFor(path) {
  if (!validators.has(path)) validators.set(path, ajv.compile({ $ref: `openapi#/${pointer(path)}` }));
  return validators.get(path);
}

function resolve(node, where) {
  let location = where;
  while (node && node.$ref) {
    location = node.$ref.replace(/^#\//, '').split('/').map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
    node = location.reduce((value, key) => value?.[key], spec);
  }
  return { node, location };
}

export const checked = { answers: 0 };

// Throws an Error naming what the spec does not describe.
export function checkAnswer(method, url, status, contentType, bodyText) {
  const path = new URL(url).pathname;
  if (!path.startsWith('/api/') && path !== '/healthz') return;
  const matches = operations.filter((operation) => operation.pattern.test(path));
  // A literal segment wins over a parameter ("/projects/mine" over "/projects/{project_id}").
  matches.sort((a, b) => (a.template.match(/\{/g) ?? []).length - (b.template.match(/\{/g) ?? []).length);
  const lower = method.toLowerCase();
  const found = matches.find((operation) => operation.item[lower]) ?? matches.find((operation) => operation.item[lower === 'head' ? 'get' : lower]);
  if (!found) {
    // An unknown path or method must answer with a problem, as any error does.
    if ((status === 404 || status === 405) && contentType.startsWith('application/problem+json')) return check(['components', 'schemas', 'Problem'], status, bodyText, `${method} ${path}`);
    throw new Error(`contract: ${method} ${path} is not in docs/api/openapi.yaml (answered ${status})`);
  }
  const operationPath = ['paths', found.template, lower];
  const operation = found.item[lower];
  const declared = operation.responses?.[String(status)] ? String(status) : operation.responses?.default ? 'default' : null;
  if (!declared) throw new Error(`contract: ${method} ${found.template} answered ${status}, which the spec does not list (${Object.keys(operation.responses ?? {}).join(', ')})`);
  const { node: response, location } = resolve(operation.responses[declared], [...operationPath, 'responses', declared]);
  if (!response.content) {
    if (bodyText && bodyText.length > 0 && status !== 204) throw new Error(`contract: ${method} ${found.template} ${status} has a body the spec does not describe`);
    return;
  }
  const type = contentType.split(';')[0].trim();
  if (!response.content[type])
    throw new Error(`contract: ${method} ${found.template} ${status} answered ${type || 'no content type'}; the spec lists ${Object.keys(response.content).join(', ')}`);
  if (!type.includes('json') || method === 'HEAD') return;
  check([...location, 'content', type, 'schema'], status, bodyText, `${method} ${found.template} ${status}`);
}

function check(schemaPath, status, bodyText, where) {
  const validate = validatorFor(schemaPath);
  let body;
  try {
    body = JSON.parse(bodyText);
  } catch {
    throw new Error(`contract: ${where} is not JSON: ${bodyText.slice(0, 200)}`);
  }
  if (!validate(body)) throw new Error(`contract: ${where} does not match its schema: ${ajv.errorsText(validate.errors, { separator: '; ' })}`);
  if (typeof body.status === 'number' && body.type?.startsWith?.('urn:diplomado:problem:') && body.status !== status)
    throw new Error(`contract: ${where} carries "status": ${body.status}`);
  checked.answers++;
}

// fetch, with the answer checked against the contract before the caller sees it.
export async function checkedFetch(url, options = {}) {
  const response = await fetch(url, options);
  const text = await response.clone().text();
  checkAnswer(options.method ?? 'GET', url, response.status, response.headers.get('content-type') ?? '', text);
  return response;
}
