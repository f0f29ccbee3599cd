// Every visible string of the web app exists in Spanish and in English.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const web = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'web', 'src');
const load = (language) => JSON.parse(readFileSync(join(web, 'i18n', `${language}.json`), 'utf8'));
const flatten = (object, prefix = '') =>
  Object.entries(object).flatMap(([key, value]) => (typeof value === 'object' ? flatten(value, `${prefix}${key}.`) : [[`${prefix}${key}`, value]]));

test('es and en have the same keys, each with a non-empty text', () => {
  const es = new Map(flatten(load('es')));
  const en = new Map(flatten(load('en')));
  assert.deepEqual([...es.keys()].sort(), [...en.keys()].sort());
  for (const [key, text] of [...es, ...en]) assert.ok(String(text).trim().length > 0, key);
});

test('every key the pages use is in the catalogue', () => {
  const keys = new Set(flatten(load('es')).map(([key]) => key));
  const sources = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.tsx?$/.test(name)) sources.push(readFileSync(path, 'utf8'));
    }
  };
  walk(web);
  const used = new Set();
  for (const source of sources) {
    for (const match of source.matchAll(/\bt\('([a-z_.]+)'/g)) used.add(match[1]);
    // Keys built from data: t(`programme.status.${...}`) must have every value of the enum.
    for (const match of source.matchAll(/\bt\(`([a-z_.]+)\.\$\{/g)) used.add(`${match[1]}.*`);
  }
  assert.ok(used.size > 20);
  for (const key of used) {
    if (key.endsWith('.*')) assert.ok([...keys].some((k) => k.startsWith(key.slice(0, -1))), key);
    // i18next plurals: t('x', { count }) reads x_one / x_other.
    else assert.ok(keys.has(key) || (keys.has(`${key}_one`) && keys.has(`${key}_other`)), key);
  }
  for (const status of ['enrolled', 'withdrawn', 'completed', 'graduated']) assert.ok(keys.has(`programme.status.${status}`), status);
  for (const level of ['national', 'local']) assert.ok(keys.has(`programme.level.${level}`), level);
  // Final projects: every GCM objective, project status, team constraint and criterion.
  for (let objective = 1; objective <= 23; objective++) assert.ok(keys.has(`gcm.${objective}`), `gcm.${objective}`);
  for (const status of ['submitted', 'reopened']) assert.ok(keys.has(`project.status.${status}`), status);
  for (const constraint of ['size', 'institutions', 'single_woman', 'level_mix'])
    assert.ok(keys.has(`teams.constraint.${constraint}`) && keys.has(`teams.impossible.${constraint}`), constraint);
  for (const part of ['region', 'institutions', 'gender', 'level', 'size']) assert.ok(keys.has(`teams.part.${part}`), part);
  for (const field of ['title', 'problem', 'objectives', 'target_population', 'human_rights', 'expected_results'])
    assert.ok(keys.has(`project.${field}`), field);
});

// Every action the server writes to the audit trail has a name in both languages: the viewer
// shows names, not codes. The actions are read from the server's sources, so a new one without a
// name fails here.
test('every audit action the server writes, and what it is about, is named in Spanish and English', () => {
  const server = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'server');
  const actions = new Set();
  const entities = new Set();
  for (const folder of ['services', 'app', 'cli']) {
    for (const name of readdirSync(join(server, folder))) {
      if (!name.endsWith('.cpp') || name.endsWith('_test.cpp')) continue;
      const source = readFileSync(join(server, folder, name), 'utf8');
      // audit().append({actor, "action", ...}) and the lifecycle's own helper calls.
      for (const match of source.matchAll(/append\(\{[^,]*,\s*"([a-z_]+\.[a-z_]+)"/g)) actions.add(match[1]);
      for (const match of source.matchAll(/"((?:user|grant)\.[a-z_]+)"/g)) actions.add(match[1]);
      for (const match of source.matchAll(/append\(\{[^,]*,\s*"[a-z_]+\.[a-z_]+",\s*"([a-z_]+)"/g)) entities.add(match[1]);
    }
  }
  assert.ok(actions.size > 50, `${actions.size} actions found`);
  for (const language of ['es', 'en']) {
    const names = load(language).audit.actions;
    for (const action of actions) assert.ok(names[action.replaceAll('.', '__')], `${language}: ${action}`);
    for (const entity of entities) assert.ok(load(language).audit.entities[entity], `${language}: ${entity}`);
  }
  assert.ok(entities.size > 10, `${entities.size} entities found`);
});

// The audit viewer names each detail's field too ("motivo: — → Traslado…", not "reason: …"): every
// key the server's use cases write with json_object has a name in both languages.
test('every field an audit event\'s details hold is named in Spanish and English', () => {
  const services = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'server', 'services');
  const keys = new Set();
  for (const name of readdirSync(services)) {
    if (!name.endsWith('.cpp') || name.endsWith('_test.cpp')) continue;
    const source = readFileSync(join(services, name), 'utf8');
    for (const call of source.matchAll(/json_object\(/g)) {
      // The call's arguments, then every other one from the first: the names.
      let depth = 0, end = call.index + 'json_object'.length;
      for (; end < source.length; end++) {
        if ('([{'.includes(source[end])) depth++;
        if (')]}'.includes(source[end]) && --depth === 0) break;
      }
      const parts = [];
      let current = '', nested = 0;
      for (const character of source.slice(call.index + 'json_object('.length, end)) {
        if ('([{'.includes(character)) nested++;
        if (')]}'.includes(character)) nested--;
        if (character === ',' && nested === 0) { parts.push(current.trim()); current = ''; } else current += character;
      }
      parts.push(current.trim());
      parts.forEach((part, index) => { const key = /^"([a-z_]+)"$/.exec(part); if (index % 2 === 0 && key) keys.add(key[1]); });
    }
  }
  assert.ok(keys.size > 60, `${keys.size} keys found`);
  for (const language of ['es', 'en']) {
    const names = load(language).audit.fields;
    for (const key of keys) assert.ok(names[key], `${language}: ${key}`);
  }
});
