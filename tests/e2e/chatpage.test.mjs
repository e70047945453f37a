// The web chat page (/chat) in a real browser: headless Debian Chromium driven by playwright-core
// against `tierdesk serve`. A visitor opens /chat?key=<widget key>, starts a chat by keyboard, talks
// to the AI Rep, asks for a person (the escalation notice), and a person's reply sent through the
// agent desk (/api/cs claim + agent-messages) appears in the page, live and labelled with their name.
// Once a person resolves the conversation the page asks for 1 to 5 stars and a comment, sent once.
// TIERDESK_CHAT_SCREENSHOT=FILE also saves a screenshot of that conversation (docs/screenshots/chat-page.png).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { buildPath, startProgram } from './lib/program.mjs';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const noChromium = !existsSync(chromiumPath)
  && `${chromiumPath} is not installed (Debian package chromium; scripts/install-deps.sh installs it)`;
if (noChromium)
  console.log(`# chat page tests skipped: ${noChromium}`);

const tierdesk = buildPath('app/tierdesk');
const person = { name: 'Dana Reyes', email: 'dana.reyes@example.test', password: 'a-long-test-password-1' };
let dataDir;
let server;
let widgetKey;
let agentToken;
let adminToken;
let companyId;
let browser;

function cli(args, input) {
  return execFileSync(tierdesk, ['--data-dir', dataDir, ...args],
    { encoding: 'utf8', input, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'ignore'] }).trim();
}

async function api(method, route, { body, headers = {} } = {}) {
  const res = await fetch(server.baseUrl + route, {
    method,
    headers: { 'Content-Type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

describe('the web chat page (/chat) in headless Chromium', { skip: noChromium, timeout: 120000 }, () => {
  before(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'tierdesk-chatpage-e2e-'));
    companyId = cli(['company', 'create', '--name', 'Chat Page E2E']);
    cli(['agent', 'create', '--company', companyId, '--email', person.email, '--name', person.name, '--role', 'agent',
      '--password-stdin'], person.password);
    server = await startProgram(tierdesk, ['--data-dir', dataDir, 'serve', '--port', '0', '--no-rate-limit']);
    widgetKey = cli(['token', 'create', '--company', companyId, '--kind', 'widget']);
    const login = await api('POST', '/api/cs/auth/login', { body: { email: person.email, password: person.password } });
    assert.equal(login.status, 200, JSON.stringify(login.body));
    agentToken = login.body.token;
    adminToken = cli(['token', 'create', '--company', companyId, '--role', 'admin']);
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: chromiumPath,
      // The machine's network is closed: no background connections, no QUIC, no component updates.
      args: ['--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update',
        '--disable-sync', '--no-first-run'],
    });
  });

  after(async () => {
    await browser?.close();
    if (server) {
      const code = await server.stop();
      assert.equal(code, 0, `tierdesk serve exited with ${code}: ${server.output().stderr}`);
    }
    if (dataDir)
      rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves the page with its content types, a strict policy and revalidation', async () => {
    const page = await fetch(`${server.baseUrl}/chat`);
    assert.equal(page.status, 200);
    assert.equal(page.headers.get('content-type'), 'text/html; charset=utf-8');
    const csp = page.headers.get('content-security-policy');
    assert.match(csp, /script-src 'self';/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    const html = await page.text();
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'no inline script');
    for (const [asset, type] of [['/chat/chat.js', 'text/javascript; charset=utf-8'],
      ['/chat/chat.css', 'text/css; charset=utf-8'], ['/chat/vendor/socket.io.min.js', 'text/javascript; charset=utf-8']]) {
      const res = await fetch(server.baseUrl + asset);
      assert.equal(res.status, 200, asset);
      assert.equal(res.headers.get('content-type'), type, asset);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff', asset);
      assert.equal(res.headers.get('cache-control'), 'no-cache', asset);
      const again = await fetch(server.baseUrl + asset, { headers: { 'If-None-Match': res.headers.get('etag') } });
      assert.equal(again.status, 304, asset);
    }
    assert.equal((await fetch(`${server.baseUrl}/chat/missing.js`)).status, 404);
  });

  it('holds a conversation that escalates to a person whose reply arrives live', async () => {
    const context = await browser.newContext({ viewport: { width: 720, height: 900 } });
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' && !/favicon/.test(m.location().url ?? ''))
        problems.push(`console: ${m.text()}`);
    });
    await page.goto(`${server.baseUrl}/chat?key=${encodeURIComponent(widgetKey)}`);

    // Labelled controls; the key from the address leaves only the name to fill in.
    const messages = page.locator('#messages');
    assert.equal(await messages.getAttribute('aria-live'), 'polite');
    assert.equal(await messages.getAttribute('role'), 'log');
    assert.equal(await page.getByLabel('Widget key').isHidden(), true);
    assert.equal(await page.getByLabel('Your message').isHidden(), true, 'no message box before the chat starts');
    const name = page.getByLabel('Your name (optional)');
    assert.equal(await name.evaluate((e) => e === document.activeElement), true, 'focus starts on the name');

    // Keyboard only: type a name, Enter starts the chat, focus moves to the message box.
    await page.keyboard.type('Ada');
    await page.keyboard.press('Enter');
    const box = page.getByLabel('Your message');
    await box.waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'message');
    await page.locator('#tier', { hasText: 'Answering: AI Rep' }).waitFor();

    // Shift+Enter is a new line and sends nothing; the typing indicator shows while a reply is due.
    await page.keyboard.type('Hello,');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('I need help with my order');
    assert.equal(await box.inputValue(), 'Hello,\nI need help with my order');
    assert.equal(await page.locator('.msg').count(), 0);
    await page.evaluate(() => {
      window.typingSeen = '';
      const typing = document.getElementById('typing');
      new MutationObserver(() => { if (!typing.hidden) window.typingSeen = typing.textContent; })
        .observe(typing, { attributes: true, childList: true, characterData: true, subtree: true });
    });
    await page.keyboard.press('Enter');
    const aiReply = page.locator('.msg[data-sender="ai_rep"]').first();
    await aiReply.waitFor();
    assert.equal(await aiReply.locator('.msg__who').textContent(), 'AI Rep');
    assert.equal(await page.locator('.msg[data-sender="customer"] .msg__text').first().textContent(),
      'Hello,\nI need help with my order');
    assert.equal(await page.evaluate(() => window.typingSeen), 'AI Rep is typing…');
    await page.locator('#typing').waitFor({ state: 'hidden' });

    // Asking for a person: the escalation notice, and the page says a person answers now.
    await page.evaluate(() => { window.notReloaded = true; });
    await box.fill('I want to speak to a human agent');
    await box.press('Enter');
    const notice = page.locator('.notice');
    await notice.waitFor();
    assert.match(await notice.textContent(), /connected to a person \(you asked for a person\)/);
    await page.locator('#tier', { hasText: 'Answering: a person' }).waitFor();

    // The person claims the session on the agent desk and answers; the page shows it without a reload.
    const sessionId = await page.evaluate(() => JSON.parse(sessionStorage.getItem(Object.keys(sessionStorage)[0])).sessionId);
    const desk = { Authorization: `Bearer ${agentToken}` };
    const claim = await api('POST', `/api/cs/sessions/${sessionId}/claim`, { headers: desk });
    assert.equal(claim.status, 200, JSON.stringify(claim.body));
    const answer = await api('POST', `/api/cs/sessions/${sessionId}/agent-messages`,
      { headers: desk, body: { content: 'Hi Ada, Dana here. I have your order open and will sort it out with you.' } });
    assert.equal(answer.status, 201, JSON.stringify(answer.body));
    const fromPerson = page.locator('.msg--agent');
    await fromPerson.waitFor();
    assert.equal(await fromPerson.getAttribute('data-sender'), 'human_agent');
    assert.equal(await fromPerson.locator('.msg__who').textContent(), 'Dana Reyes (a person)');
    assert.match(await fromPerson.locator('.msg__text').textContent(), /Dana here/);
    assert.equal(await page.evaluate(() => window.notReloaded), true, 'the reply came without a reload');
    await page.locator('#tier', { hasText: 'Answering: Dana Reyes (a person)' }).waitFor();

    if (process.env.TIERDESK_CHAT_SCREENSHOT)
      await page.screenshot({ path: process.env.TIERDESK_CHAT_SCREENSHOT });

    // 320 px wide: nothing runs off the side.
    await page.setViewportSize({ width: 320, height: 640 });
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 320), 'fits 320 px');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('asks for a rating once a person resolves the conversation, and sends it once', async () => {
    const context = await browser.newContext({ viewport: { width: 720, height: 900 } });
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    await page.goto(`${server.baseUrl}/chat?key=${encodeURIComponent(widgetKey)}`);
    await page.getByLabel('Your name (optional)').fill('Bea');
    await page.keyboard.press('Enter');
    const box = page.getByLabel('Your message');
    await box.waitFor();
    // Joined (the page sends nothing before): on a slow server the box shows first.
    await page.locator('#tier', { hasText: 'Answering: AI Rep' }).waitFor();
    await box.fill('I want to speak to a human agent');
    await box.press('Enter');
    await page.locator('#tier', { hasText: 'Answering: a person' }).waitFor();
    assert.equal(await page.locator('#rating').isHidden(), true, 'no rating while the conversation goes on');

    // A person claims and resolves it on the desk: the page asks how it went, without a reload.
    const sessionId = await page.evaluate(() => JSON.parse(sessionStorage.getItem(Object.keys(sessionStorage)[0])).sessionId);
    const desk = { Authorization: `Bearer ${agentToken}` };
    assert.equal((await api('POST', `/api/cs/sessions/${sessionId}/claim`, { headers: desk })).status, 200);
    const resolved = await api('POST', `/api/cs/sessions/${sessionId}/resolve`,
      { headers: desk, body: { resolutionType: 'ISSUE_RESOLVED', summary: 'Sorted out' } });
    assert.equal(resolved.status, 200, JSON.stringify(resolved.body));
    const form = page.locator('#rating');
    await form.waitFor();
    assert.equal(await page.getByLabel('Your message').isHidden(), true, 'nothing more to send');

    // Four stars and a comment, by keyboard and labels; the page thanks the visitor.
    await page.getByLabel('4 stars').check();
    await page.getByLabel('A comment (optional)').fill('Dana was quick.');
    await page.getByRole('button', { name: 'Send rating' }).click();
    await page.locator('#rating-thanks', { hasText: 'Thank you for your rating: 4 of 5.' }).waitFor();
    assert.equal(await form.isHidden(), true);

    // Stored once, as the session's rating: the canonical API shows it, a second rating is refused.
    const session = await api('GET', `/api/cs/sessions/${sessionId}`, { headers: desk });
    assert.equal(session.body.satisfaction.rating, 4);
    assert.equal(session.body.satisfaction.comment, 'Dana was quick.');
    assert.equal(session.body.satisfaction.agent.name, person.name);
    const secret = await page.evaluate(() => JSON.parse(sessionStorage.getItem(Object.keys(sessionStorage)[0])).visitorSecret);
    const again = await api('POST', '/api/v1/chat/rating',
      { headers: { 'X-Visitor-Secret': secret }, body: { sessionId, rating: 1 } });
    assert.equal(again.status, 409, JSON.stringify(again.body));

    // A reload shows the thanks, not the form again.
    await page.reload();
    await page.locator('#rating-thanks', { hasText: '4 of 5' }).waitFor();
    assert.equal(await form.isHidden(), true);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('asks for no rating when the company switched the chat survey off (ratings.chat)', async () => {
    const admin = { Authorization: `Bearer ${adminToken}` };
    const off = await api('PUT', '/api/cs/config', { headers: admin, body: { companyId, ratings: { chat: false } } });
    assert.equal(off.status, 200, JSON.stringify(off.body));
    const context = await browser.newContext({ viewport: { width: 720, height: 900 } });
    const page = await context.newPage();
    try {
      await page.goto(`${server.baseUrl}/chat?key=${encodeURIComponent(widgetKey)}`);
      await page.getByLabel('Your name (optional)').fill('Cy');
      await page.keyboard.press('Enter');
      await page.locator('#tier', { hasText: 'Answering: AI Rep' }).waitFor();
      const sessionId = await page.evaluate(() => JSON.parse(sessionStorage.getItem(Object.keys(sessionStorage)[0])).sessionId);
      const resolved = await api('POST', `/api/cs/sessions/${sessionId}/resolve`,
        { headers: admin, body: { resolutionType: 'ISSUE_RESOLVED', summary: 'Nothing to do' } });
      assert.equal(resolved.status, 200, JSON.stringify(resolved.body));
      await page.locator('.notice', { hasText: 'This conversation is resolved.' }).waitFor();
      assert.equal(await page.getByLabel('Your message').isHidden(), true, 'nothing more to send');
      assert.equal(await page.locator('#rating').isHidden(), true, 'no stars');
      assert.doesNotMatch(await page.locator('.notice').last().textContent(), /Tell us how it went/);
    } finally {
      await context.close();
      await api('PUT', '/api/cs/config', { headers: admin, body: { companyId, ratings: { chat: true } } });
    }
  });
});
