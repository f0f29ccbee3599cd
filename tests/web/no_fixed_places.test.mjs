// Issue 12: nothing about one country lives in the web app's code. Every time zone and locale a
// screen uses comes from the programme (its time_zone and locale) or from the reader's language;
// this fails if web/src names a fixed IANA zone or a fixed language-REGION locale outside comments.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const src = fileURLToPath(new URL('../../web/src', import.meta.url));
// Machine formats, never shown to anyone: time_zone.ts reads a zone's offset from 'en-US' parts
// and a wall-clock time from 'sv-SE', whose output is ISO-like in every zone.
const allowed = new Map([['components/time_zone.ts', new Set(['en-US', 'sv-SE'])]]);

function sources(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

const withoutComments = (code) => code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

test('web/src names no fixed time zone and no fixed locale', () => {
  const found = [];
  for (const file of sources(src)) {
    const name = relative(src, file);
    const code = withoutComments(readFileSync(file, 'utf8'));
    for (const match of code.matchAll(/\b(?:Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific|Etc)\/[A-Z][A-Za-z_]+/g))
      found.push(`${name}: time zone ${match[0]}`);
    for (const match of code.matchAll(/['"`]([a-z]{2,3}-[A-Z]{2})['"`]/g))
      if (!allowed.get(name)?.has(match[1])) found.push(`${name}: locale ${match[1]}`);
  }
  assert.deepEqual(found, []);
});

test('the check itself finds a fixed zone and a fixed locale', () => {
  const code = withoutComments("const zone = 'America/Panama'; // 'es-CR' in a comment is fine\nformat('es-PA');");
  assert.ok(/America\/Panama/.test(code));
  assert.deepEqual([...code.matchAll(/['"`]([a-z]{2,3}-[A-Z]{2})['"`]/g)].map((m) => m[1]), ['es-PA']);
});
