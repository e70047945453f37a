// The console's single sign-on as a person does it: `tierdesk --server URL` in its own window on an
// X server of the test's own (Xvfb), typed into with xdotool (XTEST key events, the keyboard alone).
// The console hands the provider's address to the desktop's browser through xdg-open, here a
// stand-in first on PATH that passes it to headless Chromium (playwright-core); Chromium goes
// through the real provider (npm oidc-provider, lib/oidcProvider.mjs), back to Tierdesk's callback
// and on to the console's loopback listener. The console is then signed in: its WebSocket makes
// the new agent available on the desk.
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import WebSocket from 'ws';

import { makeSigningKey, startProvider } from './lib/oidcProvider.mjs';
import { buildPath, requestJson, runCli, startProgram } from './lib/program.mjs';

const tierdesk = buildPath('app/tierdesk');
const password = 'a long enough password';
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const missing = ['/usr/bin/Xvfb', '/usr/bin/xdotool', chromiumPath].filter((p) => !existsSync(p));
const skip = missing.length > 0
  && `${missing.join(', ')} not installed (scripts/install-deps.sh installs xvfb, xdotool and chromium)`;

let dataDir;
let server;
let idp;
let companyId;
let adminToken;
let xvfb;
let display;
let opener; // the stand-in browser's door: xdg-open posts each address here
const opened = []; // addresses the console asked the desktop to open
let openedWaiter = null;
let desk; // the console under test
let browser;

const cli = (args, input) => runCli(dataDir, args, input);
const api = (method, route, options) => requestJson(server, method, route, options);

const xdotool = (...args) => promisify(execFile)('xdotool', args, { env: { ...process.env, DISPLAY: display } });

// Xvfb picks a free display and writes its number to the descriptor -displayfd names.
async function startXvfb() {
  const child = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x800x24', '-nolisten', 'tcp'],
    { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
  let text = '';
  for await (const chunk of child.stdio[3]) {
    text += chunk;
    if (text.includes('\n'))
      break;
  }
  assert.match(text, /^\d+\n/, 'Xvfb named no display');
  return { child, display: `:${text.trim()}` };
}

function nextOpened() {
  return opened.length ? Promise.resolve(opened.shift()) : new Promise((resolve) => { openedWaiter = resolve; });
}

async function startOpener() {
  const door = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d) => { body += d; });
    req.on('end', () => {
      opened.push(new URLSearchParams(body).get('url'));
      res.end();
      if (openedWaiter) {
        const resolve = openedWaiter;
        openedWaiter = null;
        resolve(opened.shift());
      }
    });
  });
  door.listen(0, '127.0.0.1');
  await once(door, 'listening');
  return door;
}

// The desk's WebSocket of an admin's login token, subscribed to the company's events.
async function deskSocket(token) {
  const socket = new WebSocket(`${server.baseUrl.replace('http', 'ws')}/api/cs/ws?token=${token}`);
  const subscribed = new Promise((resolve) => {
    socket.on('message', function onMessage(data) {
      if (JSON.parse(data).type === 'subscribed') {
        socket.off('message', onMessage);
        resolve(socket);
      }
    });
  });
  await once(socket, 'open');
  socket.send(JSON.stringify({ type: 'subscribe', companyId }));
  return subscribed;
}

// The next agent.presence event on the socket of another agent than `except` with the given presence.
function presenceEvent(socket, presence, except) {
  return new Promise((resolve) => {
    socket.on('message', function onMessage(data) {
      const event = JSON.parse(data);
      if (event.type === 'agent.presence' && event.data.presence === presence && event.data.agentId !== except) {
        socket.off('message', onMessage);
        resolve(event.data);
      }
    });
  });
}

describe('the console signs in through the browser (single sign-on under Xvfb)', { skip }, () => {
  const home = () => path.join(dataDir, 'home');

  before(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'tierdesk-console-sso-e2e-'));
    companyId = cli(['company', 'create', '--name', 'Console SSO']);
    cli(['agent', 'create', '--company', companyId, '--email', 'root@example.com', '--name', 'Root', '--role', 'admin',
      '--password-stdin'], password);
    adminToken = cli(['token', 'create', '--company', companyId, '--role', 'admin']);
    server = await startProgram(tierdesk, ['--data-dir', dataDir, 'serve', '--port', '0', '--no-rate-limit']);
    const client = { clientId: 'tierdesk-console', clientSecret: 'console client secret',
      redirectUri: `${server.baseUrl}/api/cs/auth/oidc/callback` };
    idp = await startProvider({ client, accounts: [{ sub: 'sue-sub', email: 'sue@example.com', email_verified: true,
      name: 'Sue Single', groups: ['staff'] }], keys: [await makeSigningKey('RS256')] });
    const put = await api('PUT', `/api/cs/auth/oidc?companyId=${companyId}`, { token: adminToken, body: {
      issuer: idp.issuer, clientId: client.clientId, clientSecret: client.clientSecret, allowedDomains: ['example.com'],
      defaultRole: 'agent', createAgents: true, passwordLogin: true } });
    assert.equal(put.status, 200, JSON.stringify(put.body));

    opener = await startOpener();
    const bin = path.join(dataDir, 'bin');
    mkdirSync(bin);
    mkdirSync(home(), { mode: 0o700 });
    writeFileSync(path.join(bin, 'xdg-open'),
      `#!/bin/sh\nexec curl -s -o /dev/null --data-urlencode "url=$1" http://127.0.0.1:${opener.address().port}/\n`,
      { mode: 0o755 });
    ({ child: xvfb, display } = await startXvfb());
    desk = spawn(tierdesk, ['--server', server.baseUrl], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, DISPLAY: display, QT_QPA_PLATFORM: 'xcb', PATH: `${bin}:${process.env.PATH}`,
        HOME: home(), XDG_CONFIG_HOME: path.join(home(), '.config'), XDG_DATA_HOME: path.join(home(), '.local'),
        XDG_RUNTIME_DIR: home(), DBUS_SESSION_BUS_ADDRESS: 'disabled:' },
    });
    let stderr = '';
    desk.stderr.on('data', (d) => { stderr += d; });
    desk.stderrText = () => stderr;

    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: chromiumPath,
      args: ['--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
  });

  after(async () => {
    await browser?.close();
    if (desk && desk.exitCode === null) {
      const ended = once(desk, 'exit');
      desk.kill('SIGTERM');
      await ended;
    }
    xvfb?.kill('SIGTERM');
    opener?.close();
    await idp?.stop();
    if (server) {
      const code = await server.stop();
      assert.equal(code, 0, `tierdesk serve exited with ${code}: ${server.output().stderr}`);
    }
    if (dataDir)
      rmSync(dataDir, { recursive: true, force: true });
  });

  it('types into the login window, signs in at the provider in the browser, and is on the desk', { timeout: 120000 }, async () => {
    const root = await api('POST', '/api/cs/auth/login', { body: { email: 'root@example.com', password } });
    assert.equal(root.status, 200, JSON.stringify(root.body));
    const socket = await deskSocket(root.body.token);
    const available = presenceEvent(socket, 'available', root.body.agent.id);

    // The login window, as a person meets it: e-mail, then Tab to "Sign in with single sign-on".
    const { stdout: found } = await xdotool('search', '--sync', '--onlyvisible', '--name', '^Log in to Tierdesk$');
    const window = found.trim().split('\n')[0];
    await xdotool('windowfocus', '--sync', window);
    await xdotool('type', '--delay', '5', 'sue@example.com');
    await xdotool('key', 'Tab', 'Tab', 'space');
    await xdotool('type', '--delay', '5', companyId); // the company field has the focus
    await xdotool('key', 'Return');

    const start = new URL(await nextOpened());
    assert.equal(`${start.origin}${start.pathname}`, `${server.baseUrl}/api/cs/auth/oidc/start`);
    assert.equal(start.searchParams.get('companyId'), companyId);
    assert.equal(start.searchParams.get('loginHint'), 'sue@example.com'); // carried over from the first page
    assert.equal(start.searchParams.get('device'), os.hostname());
    const redirect = new URL(start.searchParams.get('redirect'));
    assert.equal(redirect.hostname, '127.0.0.1');
    assert.match(redirect.searchParams.get('state'), /^[0-9a-f]{16,}$/);

    // The browser: Tierdesk's start, the provider's authorize and sign-in, Tierdesk's callback, the console.
    const page = await browser.newPage();
    const visited = [];
    page.on('request', (r) => { if (r.isNavigationRequest()) visited.push(new URL(r.url()).origin); });
    await page.goto(start.href);
    assert.equal(await page.locator('h1').textContent(), 'Signed in to Tierdesk');
    assert.equal(new URL(page.url()).origin, redirect.origin);
    assert.deepEqual([...new Set(visited)], [server.baseUrl, idp.issuer, redirect.origin]);

    // The console opened its desk WebSocket with the token: the new agent is available.
    const presence = await available;
    socket.close();
    const agents = await api('GET', `/api/cs/agents?companyId=${companyId}`, { token: adminToken });
    const sue = agents.body.agents.find((a) => a.email === 'sue@example.com');
    assert.ok(sue, JSON.stringify(agents.body));
    assert.equal(presence.agentId, sue.id);
    assert.equal(sue.name, 'Sue Single');
    const sessions = await api('GET', `/api/cs/agents/${sue.id}/sessions`, { token: adminToken });
    assert.equal(sessions.status, 200, JSON.stringify(sessions.body));
    assert.deepEqual(sessions.body.sessions.map((s) => [s.method, s.device]), [['oidc', os.hostname()]]);
    // The login window is gone.
    await assert.rejects(xdotool('search', '--onlyvisible', '--name', '^Log in to Tierdesk$'));
    assert.equal(desk.exitCode, null, desk.stderrText());
  });
});
