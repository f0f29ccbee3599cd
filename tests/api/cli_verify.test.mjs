// `diplomado verify FILE.json` checks an eddsa-jcs-2022 credential offline (issue 13): the W3C
// vector verifies; a changed character, a truncated proof, the wrong key, an unknown cryptosuite
// and a file that is not JSON each fail with their own reason, and nothing crashes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run, fixtures } from './harness.mjs';

const vectors = join(fixtures, 'vectors', 'eddsa-jcs-2022');
const signed = JSON.parse(readFileSync(join(vectors, 'signedJCS.json'), 'utf8'));
const english = { ...process.env, LANG: 'en_GB.UTF-8' };
let dir;
before(() => { dir = mkdtempSync(join(tmpdir(), 'diplomado-verify-')); });
after(() => rmSync(dir, { recursive: true, force: true }));

const verify = (document, args = []) => {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, typeof document === 'string' ? document : JSON.stringify(document, null, 2));
  return run(['verify', file, ...args], undefined, english);
};

test('the W3C signed vector verifies, in either language', () => {
  const result = run(['verify', join(vectors, 'signedJCS.json')], undefined, english);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /^Valid credential/);
  const spanish = run(['verify', join(vectors, 'signedJCS.json')], undefined, { ...process.env, LANG: 'es_PA.UTF-8' });
  assert.match(spanish.stdout, /^Credencial válida/);
});

test('tampering fails with its reason and exit code 2', () => {
  const cases = [
    [{ ...signed, credentialSubject: { ...signed.credentialSubject, alumniOf: 'The School of Exampies' } }, /signature does not match/],
    [{ ...signed, proof: { ...signed.proof, proofValue: signed.proof.proofValue.slice(0, -4) } }, /truncated or malformed/],
    [{ ...signed, proof: { ...signed.proof, cryptosuite: 'ecdsa-jcs-2019' } }, /cryptosuite other than eddsa-jcs-2022/],
    [{ ...signed, proof: undefined }, /has no proof/],
    ['{"@context": [', /is not a JSON document/],
  ];
  for (const [document, reason] of cases) {
    const result = verify(document);
    assert.equal(result.code, 2, result.stdout);
    assert.match(result.stderr, reason);
    assert.doesNotMatch(result.stderr, /terminate|exception|Segmentation/);
  }
});

test('a method other than did:key needs the issuer key; the wrong key is refused', () => {
  const elsewhere = { ...signed, proof: { ...signed.proof, verificationMethod: 'did:web:diplomado.example#key-1' } };
  const unknown = verify(elsewhere);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /give it with --key/);
  // The vector's own key, named by another method: the proof options changed, so the signature
  // no longer matches either way; a key that is not Multikey is named.
  const key = JSON.parse(readFileSync(join(vectors, 'keyPair.json'), 'utf8')).publicKeyMultibase;
  assert.equal(verify(elsewhere, ['--key', key]).code, 2);
  const bad = verify(signed, ['--key', 'not-a-key']);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /not-a-key is not an Ed25519 public key/);
});

test('init makes the issuer key, readable by its owner only', () => {
  const data = join(dir, 'site');
  const made = run(['init', '--data', data, '--email', 'sitio@example.org', '--name', 'Sitio']);
  assert.equal(made.code, 0, made.stderr);
  const key = join(data, 'issuer-key');
  assert.equal(statSync(key).mode & 0o777, 0o600);
  assert.match(readFileSync(key, 'utf8'), /^z[1-9A-HJ-NP-Za-km-z]+\n$/, 'a Multikey secret');
  // A second init keeps the key: credentials already given out still verify.
  const before = readFileSync(key, 'utf8');
  run(['init', '--data', data, '--email', 'sitio@example.org', '--name', 'Sitio']);
  assert.equal(readFileSync(key, 'utf8'), before);
});
