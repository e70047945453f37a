// Single sign-on with OpenID Connect against a real provider: npm oidc-provider, started here on
// loopback (lib/oidcProvider.mjs), and `tierdesk serve`. Each sign-in is followed step by step
// with fetch and redirect: 'manual', carrying the provider's cookies: Tierdesk's /start, the
// provider's authorize endpoint, its interaction (the login_hint's account signs in), back to
// Tierdesk's /callback, which answers with the login token in the redirect's query.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { makeSigningKey, startProvider } from './lib/oidcProvider.mjs';
import { buildPath, requestJson, runCli, startProgram } from './lib/program.mjs';

const tierdesk = buildPath('app/tierdesk');
const password = 'a long enough password';
const consoleRedirect = 'http://127.0.0.1:53682/callback'; // where the console would listen
let dataDir;
let server;
let idp; // the company's provider
let companyId;
let adminToken; // an admin API token of the company
let otherCompany; // the company whose provider rotates its key

const cli = (args, input) => runCli(dataDir, args, input);
const api = (method, route, options) => requestJson(server, method, route, options);

function client() {
  return { clientId: 'tierdesk-e2e', clientSecret: 'e2e client secret', redirectUri: `${server.baseUrl}/api/cs/auth/oidc/callback` };
}

function settings(provider, change = {}) {
  return {
    issuer: provider.issuer, clientId: client().clientId, clientSecret: client().clientSecret,
    allowedDomains: ['example.com'], roleClaim: 'groups',
    roleMap: { 'support-leads': 'supervisor', 'it-admins': 'admin' }, defaultRole: 'agent',
    createAgents: true, passwordLogin: true, ...change,
  };
}

const accounts = [
  { sub: 'alice-sub', email: 'alice@example.com', email_verified: true, name: 'Alice Example', groups: ['staff'] },
  { sub: 'carol-sub', email: 'carol@example.com', email_verified: true, name: 'Carol Lead', groups: ['staff', 'support-leads'] },
  { sub: 'dave-sub', email: 'dave@example.com', email_verified: false, name: 'Dave Unverified', groups: [] },
  { sub: 'mallory-sub', email: 'mallory@elsewhere.test', email_verified: true, name: 'Mallory', groups: ['it-admins'] },
  // As Microsoft Entra ID signs in a work account: no email_verified, its xms_edov instead.
  { sub: 'frank-sub', email: 'frank@example.com', xms_edov: true, name: 'Frank Entra', groups: [] },
  { sub: 'gina-sub', email: 'gina@example.com', xms_edov: false, name: 'Gina Entra', groups: [] },
];

// The cookies a browser would keep for the provider (one host; paths are not told apart here).
function keep(jar, res) {
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const at = pair.indexOf('=');
    jar.set(pair.slice(0, at).trim(), pair.slice(at + 1));
  }
}

// Follows a sign-in from Tierdesk's /start to its /callback; returns the callback's answer:
// { status, location, answer (the redirect's query, URLSearchParams), callbackUrl }.
// alterCallback(url): changes the provider's answer on its way back (an attacker's mix-up).
async function signIn(email, { provider = idp, company = companyId, redirect = consoleRedirect, alterCallback } = {}) {
  const query = new URLSearchParams({ companyId: company, redirect, loginHint: email, device: 'e2e' });
  let res = await fetch(`${server.baseUrl}/api/cs/auth/oidc/start?${query}`, { redirect: 'manual' });
  assert.equal(res.status, 302, await res.text());
  let url = res.headers.get('location');
  const authorize = new URL(url);
  assert.equal(authorize.searchParams.get('code_challenge_method'), 'S256');
  assert.equal(authorize.searchParams.get('login_hint'), email);
  const jar = new Map();
  for (let hops = 0; url.startsWith(`${provider.issuer}/`); hops++) {
    assert.ok(hops < 10, 'the provider keeps redirecting');
    res = await fetch(url, { redirect: 'manual', headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } });
    assert.ok([302, 303].includes(res.status), `${url}: ${res.status} ${await res.text()}`);
    keep(jar, res);
    url = new URL(res.headers.get('location'), url).href;
  }
  assert.ok(url.startsWith(`${server.baseUrl}/api/cs/auth/oidc/callback?`), url);
  if (alterCallback)
    url = alterCallback(new URL(url)).href;
  res = await fetch(url, { redirect: 'manual' });
  const location = res.headers.get('location');
  const body = location ? null : await res.json();
  const answer = location ? new URL(location).searchParams : null;
  return { status: res.status, location, answer, body, callbackUrl: url };
}

async function me(token) {
  return api('GET', '/api/cs/auth/me', { token });
}

async function auditEntries(action) {
  const audit = await api('GET', `/api/cs/audit?companyId=${companyId}&limit=200`, { token: adminToken });
  assert.equal(audit.status, 200, JSON.stringify(audit.body));
  return audit.body.entries.filter((e) => e.action === action);
}

function assertRefused(r, reason) {
  assert.equal(r.status, 302, JSON.stringify(r.body));
  assert.ok(r.location.startsWith(`${consoleRedirect}?`), r.location);
  assert.equal(r.answer.get('token'), null);
  assert.match(r.answer.get('error'), /^CS_0\d\d$/);
  assert.match(r.answer.get('message'), reason);
}

before(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'tierdesk-oidc-e2e-'));
  companyId = cli(['company', 'create', '--name', 'SSO E2E']);
  cli(['agent', 'create', '--company', companyId, '--email', 'alice@example.com', '--name', 'Alice', '--role', 'agent',
    '--password-stdin'], password);
  cli(['agent', 'create', '--company', companyId, '--email', 'root@example.com', '--name', 'Root', '--role', 'admin',
    '--password-stdin'], password);
  adminToken = cli(['token', 'create', '--company', companyId, '--role', 'admin']);
  otherCompany = cli(['company', 'create', '--name', 'SSO Rotation']);
  server = await startProgram(tierdesk, ['--data-dir', dataDir, 'serve', '--port', '0', '--no-rate-limit']);
  idp = await startProvider({ client: client(), accounts, keys: [await makeSigningKey('RS256'), await makeSigningKey('ES256')] });
  const put = await api('PUT', `/api/cs/auth/oidc?companyId=${companyId}`, { body: settings(idp), token: adminToken });
  assert.equal(put.status, 200, JSON.stringify(put.body));
});

after(async () => {
  await idp?.stop();
  if (server) {
    const code = await server.stop();
    assert.equal(code, 0, `tierdesk serve exited with ${code}: ${server.output().stderr}`);
  }
  rmSync(dataDir, { recursive: true, force: true });
});

describe('single sign-on with OpenID Connect (oidc-provider)', { timeout: 120000 }, () => {
  it('keeps the client secret out of GET', async () => {
    const got = await api('GET', `/api/cs/auth/oidc?companyId=${companyId}`, { token: adminToken });
    assert.equal(got.status, 200);
    assert.equal(got.body.clientSecretSet, true);
    assert.equal(got.body.clientSecret, undefined);
    assert.ok(!JSON.stringify(got.body).includes(client().clientSecret));
    assert.deepEqual(got.body.allowedDomains, ['example.com']);
    // A change without the secret keeps it.
    const { clientSecret, ...rest } = settings(idp);
    assert.equal((await api('PUT', `/api/cs/auth/oidc?companyId=${companyId}`, { body: rest, token: adminToken })).status, 200);
  });

  it('refuses settings it cannot use, naming the field', async () => {
    const cases = [
      [{ issuer: 'http://idp.example.com' }, 'issuer'],
      [{ issuer: 'not a url' }, 'issuer'],
      [{ clientId: '' }, 'clientId'],
      [{ allowedDomains: [] }, 'allowedDomains'],
      [{ allowedDomains: ['not a domain'] }, 'allowedDomains'],
      [{ allowedDomains: 'example.com' }, 'allowedDomains'],
      [{ roleMap: { staff: 'owner' } }, 'roleMap'],
      [{ roleClaim: '', roleMap: { staff: 'agent' } }, 'roleClaim'],
      [{ defaultRole: 'root' }, 'defaultRole'],
      [{ createAgents: 'yes' }, 'createAgents'],
      [{ breakGlassAgentId: 'agt_nobody' }, 'breakGlassAgentId'],
    ];
    for (const [change, field] of cases) {
      const r = await api('PUT', `/api/cs/auth/oidc?companyId=${companyId}`, { body: settings(idp, change), token: adminToken });
      assert.equal(r.status, 400, JSON.stringify(change));
      assert.equal(r.body.error.code, 'CS_011');
      assert.equal(r.body.error.details.field, field, JSON.stringify(r.body));
    }
    // The first PUT of a company needs the secret; another company's settings are not found.
    const { clientSecret, ...noSecret } = settings(idp);
    const token = cli(['token', 'create', '--company', otherCompany, '--role', 'admin']);
    const first = await api('PUT', `/api/cs/auth/oidc?companyId=${otherCompany}`, { body: noSecret, token });
    assert.equal(first.status, 400);
    assert.equal(first.body.error.details.field, 'clientSecret');
    assert.equal((await api('GET', `/api/cs/auth/oidc?companyId=${otherCompany}`, { token: adminToken })).status, 404);
    assert.equal((await api('GET', `/api/cs/auth/oidc?companyId=${otherCompany}`, { token })).status, 404);
    const agentLogin = await api('POST', '/api/cs/auth/login', { body: { email: 'alice@example.com', password } });
    assert.equal((await api('GET', `/api/cs/auth/oidc?companyId=${companyId}`, { token: agentLogin.body.token })).status, 403);
  });

  it('signs in an existing agent, audited with the provider\'s subject', async () => {
    const r = await signIn('alice@example.com');
    assert.equal(r.status, 302, JSON.stringify(r.body));
    assert.ok(r.location.startsWith(`${consoleRedirect}?`), r.location);
    assert.equal(r.answer.get('error'), null, r.answer.get('message'));
    assert.ok(Date.parse(r.answer.get('expiresAt')) > Date.now());
    const who = await me(r.answer.get('token'));
    assert.equal(who.status, 200);
    assert.equal(who.body.agent.email, 'alice@example.com');
    assert.equal(who.body.agent.role, 'agent');
    // A login session of its own, signed in by oidc from the start's device.
    const sessions = await api('GET', '/api/cs/auth/sessions', { token: r.answer.get('token') });
    assert.equal(sessions.status, 200, JSON.stringify(sessions.body));
    const current = sessions.body.sessions.find((s) => s.current);
    assert.equal(current.id, r.answer.get('sessionId'));
    assert.equal(current.method, 'oidc');
    assert.equal(current.device, 'e2e');
    const logins = await auditEntries('auth.login');
    assert.ok(logins.some((e) => e.details?.method === 'oidc' && e.details?.subject === 'alice-sub'
      && e.details?.issuer === idp.issuer && e.details?.sessionId === current.id), JSON.stringify(logins));
  });

  it('creates an unknown person of an allowed domain with the role of a group claim', async () => {
    const r = await signIn('carol@example.com');
    assert.equal(r.answer.get('error'), null, r.answer.get('message'));
    const who = await me(r.answer.get('token'));
    assert.equal(who.body.agent.email, 'carol@example.com');
    assert.equal(who.body.agent.name, 'Carol Lead');
    assert.equal(who.body.agent.role, 'supervisor');
    const created = await auditEntries('agent.create');
    assert.ok(created.some((e) => e.actor === 'oidc:carol-sub' && e.details?.email === 'carol@example.com'));
  });

  it('gives an existing agent the role the groups map to at each sign-in', async () => {
    const before = await signIn('alice@example.com');
    const oldToken = before.answer.get('token');
    const roleMap = { staff: 'supervisor', 'support-leads': 'supervisor', 'it-admins': 'admin' };
    const put = await api('PUT', `/api/cs/auth/oidc?companyId=${companyId}`, { body: settings(idp, { roleMap }), token: adminToken });
    assert.equal(put.status, 200, JSON.stringify(put.body));
    const r = await signIn('alice@example.com');
    assert.equal((await me(r.answer.get('token'))).body.agent.role, 'supervisor');
    assert.equal((await me(oldToken)).status, 401); // the role changed: older tokens end
    assert.equal((await api('PUT', `/api/cs/auth/oidc?companyId=${companyId}`, { body: settings(idp), token: adminToken })).status, 200);
    assert.equal((await me((await signIn('alice@example.com')).answer.get('token'))).body.agent.role, 'agent');
  });

  it('refuses an e-mail domain that is not allowed', async () => {
    assertRefused(await signIn('mallory@elsewhere.test'), /domain is not allowed/);
    const refused = await auditEntries('auth.login_failed');
    assert.ok(refused.some((e) => e.details?.subject === 'mallory-sub' && e.details?.method === 'oidc'));
  });

  it('refuses an e-mail the provider has not verified', async () => {
    assertRefused(await signIn('dave@example.com'), /not verified/);
  });

  it('takes Entra ID\'s xms_edov when email_verified is absent', async () => {
    const frank = await signIn('frank@example.com');
    assert.equal(frank.answer.get('error'), null, frank.answer.get('message'));
    assert.equal((await me(frank.answer.get('token'))).body.agent.email, 'frank@example.com');
    assertRefused(await signIn('gina@example.com'), /not verified/);
  });

  it('refuses an ID token with another nonce', async () => {
    idp.tamper = (claims) => ({ claims: { ...claims, nonce: 'another sign-in' } });
    assertRefused(await signIn('alice@example.com'), /nonce/);
  });

  it('refuses an expired ID token', async () => {
    const now = Math.floor(Date.now() / 1000);
    idp.tamper = (claims) => ({ claims: { ...claims, iat: now - 7200, exp: now - 3600 } });
    assertRefused(await signIn('alice@example.com'), /expired/);
  });

  it('refuses an ID token for another client', async () => {
    idp.tamper = (claims) => ({ claims: { ...claims, aud: 'another-client' } });
    assertRefused(await signIn('alice@example.com'), /another client/);
  });

  it('refuses an ID token signed with a key the provider does not publish', async () => {
    const stranger = await makeSigningKey('RS256');
    idp.tamper = (claims) => ({ claims, key: stranger });
    assertRefused(await signIn('alice@example.com'), /unknown key/);
  });

  it('refuses an open redirect', async () => {
    for (const redirect of ['https://evil.example/callback', 'http://evil.example:8080/callback', 'http://127.0.0.1/no-port',
      'javascript:alert(1)']) {
      const query = new URLSearchParams({ companyId, redirect });
      const res = await fetch(`${server.baseUrl}/api/cs/auth/oidc/start?${query}`, { redirect: 'manual' });
      assert.equal(res.status, 400, redirect);
      assert.equal((await res.json()).error.details.field, 'redirect');
    }
    for (const redirect of ['http://[::1]:4000/cb', 'http://localhost:4000/cb']) {
      const query = new URLSearchParams({ companyId, redirect });
      const res = await fetch(`${server.baseUrl}/api/cs/auth/oidc/start?${query}`, { redirect: 'manual' });
      assert.equal(res.status, 302, redirect);
    }
  });

  it('refuses an answer that names another provider as its issuer (RFC 9207)', async () => {
    const named = await signIn('alice@example.com');
    assert.equal(new URL(named.callbackUrl).searchParams.get('iss'), idp.issuer); // the provider names itself
    assert.equal(named.answer.get('error'), null);
    const r = await signIn('alice@example.com', { alterCallback: (url) => {
      url.searchParams.set('iss', 'https://attacker.example.net');
      return url;
    } });
    assertRefused(r, /another identity provider/);
  });

  it('refuses a sign-in whose state was used already', async () => {
    const first = await signIn('alice@example.com');
    assert.equal(first.answer.get('error'), null);
    const again = await fetch(first.callbackUrl, { redirect: 'manual' });
    assert.equal(again.status, 400);
    const body = await again.json();
    assert.equal(body.error.code, 'CS_011');
    assert.match(body.error.message, /unknown, expired or finished/);
  });

  it('turns password login off, but for the break-glass admin', async () => {
    const agents = await api('GET', `/api/cs/agents?companyId=${companyId}`, { token: adminToken });
    const root = agents.body.agents.find((a) => a.email === 'root@example.com');
    const put = await api('PUT', `/api/cs/auth/oidc?companyId=${companyId}`,
      { body: settings(idp, { passwordLogin: false, breakGlassAgentId: root.id }), token: adminToken });
    assert.equal(put.status, 200, JSON.stringify(put.body));
    assert.equal(put.body.breakGlassAgentId, root.id);
    const alice = await api('POST', '/api/cs/auth/login', { body: { email: 'alice@example.com', password } });
    assert.equal(alice.status, 403, JSON.stringify(alice.body));
    assert.match(alice.body.error.message, /password login is off/);
    const rootLogin = await api('POST', '/api/cs/auth/login', { body: { email: 'root@example.com', password } });
    assert.equal(rootLogin.status, 200, JSON.stringify(rootLogin.body));
    // Single sign-on still lets Alice in.
    const r = await signIn('alice@example.com');
    assert.equal(r.answer.get('error'), null, r.answer.get('message'));
    const failed = await auditEntries('auth.login_failed');
    assert.ok(failed.some((e) => e.details?.reason === 'password login is off (single sign-on)'));
  });

  it('turns single sign-on off, and passwords work again', async () => {
    const off = await fetch(`${server.baseUrl}/api/cs/auth/oidc?companyId=${companyId}`,
      { method: 'DELETE', headers: { Authorization: `Bearer ${adminToken}` } });
    assert.equal(off.status, 204);
    const again = await api('DELETE', `/api/cs/auth/oidc?companyId=${companyId}`, { token: adminToken });
    assert.equal(again.status, 404);
    const alice = await api('POST', '/api/cs/auth/login', { body: { email: 'alice@example.com', password } });
    assert.equal(alice.status, 200, JSON.stringify(alice.body));
    const query = new URLSearchParams({ companyId, redirect: consoleRedirect });
    const start = await fetch(`${server.baseUrl}/api/cs/auth/oidc/start?${query}`, { redirect: 'manual' });
    assert.equal(start.status, 404);
    assert.equal((await auditEntries('auth.oidc.delete')).length, 1);
  });
});

describe('the provider rotates its signing key', { timeout: 120000 }, () => {
  let rotating;
  after(async () => { await rotating?.stop(); });

  it('signs in after a restart with a new key first in its JWKS', async () => {
    const people = [{ sub: 'erin-sub', email: 'erin@example.org', email_verified: true, name: 'Erin', groups: [] }];
    const oldKey = await makeSigningKey('RS256');
    rotating = await startProvider({ client: client(), accounts: people, keys: [oldKey] });
    const token = cli(['token', 'create', '--company', otherCompany, '--role', 'admin']);
    const put = await api('PUT', `/api/cs/auth/oidc?companyId=${otherCompany}`,
      { body: settings(rotating, { allowedDomains: ['example.org'] }), token });
    assert.equal(put.status, 200, JSON.stringify(put.body));
    const before = await signIn('erin@example.org', { provider: rotating, company: otherCompany });
    assert.equal(before.answer.get('error'), null, before.answer.get('message'));
    assert.equal(rotating.lastKid, oldKey.kid);

    const port = rotating.port;
    await rotating.stop();
    const newKey = await makeSigningKey('RS256');
    rotating = await startProvider({ port, client: client(), accounts: people, keys: [newKey, oldKey] });
    const afterRotation = await signIn('erin@example.org', { provider: rotating, company: otherCompany });
    assert.equal(rotating.lastKid, newKey.kid); // Tierdesk had not seen this key: it fetched the JWKS again
    assert.equal(afterRotation.answer.get('error'), null, afterRotation.answer.get('message'));
    assert.equal((await me(afterRotation.answer.get('token'))).body.agent.email, 'erin@example.org');
  });
});
