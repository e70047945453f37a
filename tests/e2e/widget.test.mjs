// The chat on a company's own site in a real browser: headless Debian Chromium driven by
// playwright-core. A shop page served on another origin than Tierdesk pastes the web channel's
// snippet; the launcher opens the panel (an iframe of /chat/widget); a message gets the AI's
// answer; a reload keeps the conversation; Tierdesk('identify') with a valid hash gets an answer
// about that customer's own order and lists their earlier conversation; a wrong hash is refused and
// nothing is stored; a page on an origin the channel does not allow gets no launcher and the
// browser refuses to frame the panel; the keyboard alone opens, uses and closes it.
// TIERDESK_WIDGET_SCREENSHOTS=DIR saves widget-desktop.png and widget-phone.png (390 px) there.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import WebSocket from 'ws';
import { after, before, describe, it } from 'node:test';

import { buildPath, startProgram } from './lib/program.mjs';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const noChromium = !existsSync(chromiumPath)
  && `${chromiumPath} is not installed (Debian package chromium; scripts/install-deps.sh installs it)`;
if (noChromium)
  console.log(`# widget tests skipped: ${noChromium}`);

const tierdesk = buildPath('app/tierdesk');
let dataDir;
let server;
let shop;
let shopPort;
let companyId;
let adminToken;
let widgetKey;
let identitySecret;
let browser;

async function api(method, route, body) {
  const res = await fetch(server.baseUrl + route, {
    method,
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${adminToken}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json().catch(() => ({})) };
}

const userHash = (id) => createHmac('sha256', identitySecret).update(id).digest('hex');

// The shop's pages: the snippet, and the queue stub a page pastes above it so that its calls made
// before widget.js loads are kept.
function shopPage(extra = '') {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Trail Shop</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><h1>Trail Shop</h1><p>Boots, jackets and tents.</p><a href="/cart" id="cart">Cart</a>
<script>window.Tierdesk=window.Tierdesk||function(){(Tierdesk.q=Tierdesk.q||[]).push(arguments)};${extra}</script>
<script src="${server.baseUrl}/widget.js" data-key="${widgetKey}" async></script>
</body></html>`;
}

function startShop() {
  return new Promise((resolve) => {
    shop = http.createServer((req, res) => {
      const url = new URL(req.url, 'http://shop');
      let body;
      if (url.pathname === '/framed')
        body = `<!doctype html><iframe id="panel" src="${server.baseUrl}/chat/widget?key=${widgetKey}"></iframe>`;
      else if (url.pathname === '/signed-in')
        body = shopPage(`Tierdesk('identify', ${JSON.stringify({ id: url.searchParams.get('id'),
          name: url.searchParams.get('name'), userHash: url.searchParams.get('hash') })});`);
      else
        body = shopPage();
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(body);
    });
    shop.listen(0, '127.0.0.1', () => resolve(shop.address().port));
  });
}

// The widget's look once it satisfies `ready`: read again on each change the desk reports (an
// agent's socket opening or closing is taken on the server's event loop, after the client's).
async function waitForLook(ready) {
  for (;;) {
    const look = (await fetch(`${server.baseUrl}/api/v1/chat/widget?key=${widgetKey}`).then((r) => r.json())).data;
    if (ready(look))
      return look;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

async function newPage(viewport = { width: 1280, height: 800 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  return { context, page, problems };
}

// The panel's frame once the launcher opened it.
async function openPanel(page) {
  await page.locator('[data-tierdesk] .launcher').click();
  const frame = page.frameLocator('[data-tierdesk] iframe');
  await frame.locator('#message').waitFor();
  return frame;
}

async function ask(frame, text) {
  const before = await frame.locator('.msg[data-sender="ai_rep"], .msg[data-sender="ai_manager"]').count();
  await frame.locator('#message').fill(text);
  await frame.locator('#message').press('Enter');
  const reply = frame.locator('.msg[data-sender="ai_rep"], .msg[data-sender="ai_manager"]').nth(before);
  await reply.waitFor();
  return reply.locator('.msg__text').textContent();
}

describe('the chat on a company site (widget.js, /chat/widget) in headless Chromium', { skip: noChromium, timeout: 180000 }, () => {
  before(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'tierdesk-widget-e2e-'));
    server = await startProgram(tierdesk, ['--data-dir', dataDir, 'serve', '--port', '0', '--demo', '--no-rate-limit']);
    // The demo's lines follow the address: read until its agent's, the last of them.
    while (!/Agent login: \S+ \/ \S+\n/.test(server.output().stdout))
      await once(server.child.stdout, 'data');
    companyId = /Demo company: (\S+)/.exec(server.output().stdout)?.[1];
    adminToken = /Admin token \(24 h\): (\S+)/.exec(server.output().stdout)?.[1];
    assert.ok(companyId && adminToken, server.output().stdout);
    shopPort = await startShop();
    const put = await api('PUT', `/api/cs/channels/web?companyId=${companyId}`, {
      allowedOrigins: [`http://127.0.0.1:${shopPort}`], title: 'Northwind help', color: '#0a7d4f',
      greeting: 'Hi! Ask us anything about your gear.', identity: 'optional', attachments: { enabled: true, maxMB: 5 },
      offline: { collectEmail: true },
    });
    assert.equal(put.status, 200, JSON.stringify(put.body));
    widgetKey = /data-key="([^"]+)"/.exec(put.body.snippet)?.[1];
    assert.ok(widgetKey, put.body.snippet);
    const secret = await api('POST', `/api/cs/channels/web/identity-secret?companyId=${companyId}`, {});
    assert.equal(secret.status, 201);
    identitySecret = secret.body.secret;
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update',
        '--disable-sync', '--no-first-run'],
    });
  });

  after(async () => {
    await browser?.close();
    shop?.close();
    if (server) {
      const code = await server.stop();
      assert.equal(code, 0, `tierdesk serve exited with ${code}: ${server.output().stderr}`);
    }
    if (dataDir)
      rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves widget.js small, and the panel framed only by the allowed origins', async () => {
    const script = await fetch(`${server.baseUrl}/widget.js`);
    assert.equal(script.status, 200);
    assert.equal(script.headers.get('content-type'), 'text/javascript; charset=utf-8');
    const gzipped = gzipSync(Buffer.from(await script.arrayBuffer())).length;
    console.log(`# widget.js: ${gzipped} bytes gzipped`);
    assert.ok(gzipped < 30 * 1024, `${gzipped} bytes gzipped`);
    const panel = await fetch(`${server.baseUrl}/chat/widget?key=${widgetKey}`);
    assert.equal(panel.status, 200);
    assert.match(panel.headers.get('content-security-policy'),
      new RegExp(`frame-ancestors 'self' http://127\\.0\\.0\\.1:${shopPort}$`));
    assert.equal((await fetch(`${server.baseUrl}/chat/widget?key=tdw_nonsense`)).status, 401);
    // The look only for the allowed origins.
    const allowed = await fetch(`${server.baseUrl}/api/v1/chat/widget?key=${widgetKey}`,
      { headers: { Origin: `http://127.0.0.1:${shopPort}` } });
    assert.equal(allowed.status, 200);
    assert.equal((await allowed.json()).data.title, 'Northwind help');
    const other = await fetch(`${server.baseUrl}/api/v1/chat/widget?key=${widgetKey}`,
      { headers: { Origin: `http://localhost:${shopPort}` } });
    assert.equal(other.status, 403);
  });

  it('answers a visitor on the shop, keeps the conversation over a reload, counts unread replies', async () => {
    const { context, page, problems } = await newPage();
    await page.goto(`http://127.0.0.1:${shopPort}/`);
    const launcher = page.locator('[data-tierdesk] .launcher');
    await launcher.waitFor();
    assert.equal(await launcher.getAttribute('aria-expanded'), 'false');
    const frame = await openPanel(page);
    assert.equal(await launcher.getAttribute('aria-expanded'), 'true');
    const paint = await frame.locator('body').evaluate(() => {
      const p = performance.getEntriesByName('first-contentful-paint')[0] || performance.getEntriesByType('paint')[0];
      return p ? p.startTime : -1;
    });
    console.log(`# panel first contentful paint: ${Math.round(paint)} ms after its navigation began`);
    assert.equal(await frame.locator('#chat-title').textContent(), 'Northwind help');
    assert.match(await frame.locator('.msg[data-sender="ai_rep"] .msg__text').first().textContent(), /Ask us anything/);
    const reply = await ask(frame, 'how long do refunds take?');
    assert.match(reply, /business days/, reply);
    if (process.env.TIERDESK_WIDGET_SCREENSHOTS)
      await page.screenshot({ path: path.join(process.env.TIERDESK_WIDGET_SCREENSHOTS, 'widget-desktop.png') });

    // A reload keeps it: the same messages, in the same order.
    await page.reload();
    const again = await openPanel(page);
    await again.locator('.msg[data-sender="customer"]', { hasText: 'how long do refunds take?' }).waitFor();
    await again.locator('.msg[data-sender="ai_rep"]', { hasText: 'business days' }).waitFor();

    // The demo's agent is at the desk (signed in, its WebSocket open): asked for, a person is near.
    const [, email, password] = /Agent login: (\S+) \/ (\S+)/.exec(server.output().stdout);
    const login = await fetch(`${server.baseUrl}/api/cs/auth/login`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password }),
    }).then((r) => r.json());
    const deskSocket = new WebSocket(`${server.baseUrl.replace('http', 'ws')}/api/cs/ws?token=${login.token}`);
    await once(deskSocket, 'open');
    await waitForLook((look) => look.peopleAvailable === true);
    // Closed, a person's reply is counted on the launcher.
    await again.locator('#message').fill('can i talk to a person please');
    await again.locator('#message').press('Enter');
    await again.locator('.notice', { hasText: 'connected to a person' }).waitFor();
    const session = {
      id: await again.locator('body').evaluate(() => JSON.parse(
        localStorage.getItem(Object.keys(localStorage).find((k) => k.startsWith('tierdesk-widget:')))).sessionId),
    };
    await again.locator('#close').click();
    await page.locator('[data-tierdesk] .box').waitFor({ state: 'hidden' });
    // The agent takes the conversation and answers.
    const desk = async (route, body) => fetch(server.baseUrl + route, {
      method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${login.token}` },
      body: JSON.stringify(body),
    });
    assert.equal((await desk(`/api/cs/sessions/${session.id}/claim`, {})).status, 200);
    const sent = await desk(`/api/cs/sessions/${session.id}/agent-messages`,
      { content: 'A person here: your refund is on its way.' });
    assert.equal(sent.status, 201);
    await page.locator('[data-tierdesk] .badge', { hasText: '1' }).waitFor();
    assert.match(await launcher.getAttribute('aria-label'), /1 new/);
    deskSocket.close();
    await once(deskSocket, 'close');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('sends a picture from the panel and shows it; a page named .png is refused', async () => {
    const { context, page, problems } = await newPage();
    await page.goto(`http://127.0.0.1:${shopPort}/`);
    const frame = await openPanel(page);
    await frame.locator('#attach').waitFor();
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c'
      + '49444154789c63f8dfc0000004010180c52a185d0000000049454e44ae426082', 'hex');
    await frame.locator('#attach-file').setInputFiles({ name: 'broken-zip.png', mimeType: 'image/png', buffer: png });
    const image = frame.locator('.msg[data-sender="customer"] img.msg__image');
    await image.waitFor();
    await frame.locator('.msg[data-sender="customer"] img.msg__image[src^="blob:"]').waitFor();
    assert.equal(await image.evaluate((img) => img.complete && img.naturalWidth), 1);
    assert.equal(await image.getAttribute('alt'), 'broken-zip.png');
    await frame.locator('#attach-file').setInputFiles({ name: 'invoice.png', mimeType: 'image/png',
      buffer: Buffer.from('<!doctype html><script>alert(1)</script>') });
    await frame.locator('#error', { hasText: 'Only images' }).waitFor();
    assert.equal(await frame.locator('.msg[data-sender="customer"]').count(), 1);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('is used with the keyboard alone', async () => {
    const { context, page } = await newPage();
    await page.goto(`http://127.0.0.1:${shopPort}/`);
    await page.locator('[data-tierdesk] .launcher').waitFor();
    // Tab past the page's own link to the launcher; Enter opens it and puts the focus in the box.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.hasAttribute('data-tierdesk')), true);
    await page.keyboard.press('Enter');
    const frame = page.frameLocator('[data-tierdesk] iframe');
    await frame.locator('#message').waitFor();
    await frame.locator('#message:focus').waitFor();
    await page.keyboard.type('do you ship to canada?');
    await page.keyboard.press('Enter');
    await frame.locator('.msg[data-sender="ai_rep"]').nth(1).waitFor();
    // Escape closes it and gives the focus back to the launcher.
    await page.keyboard.press('Escape');
    await page.locator('[data-tierdesk] .box[hidden]').waitFor({ state: 'attached' });
    assert.equal(await page.evaluate(() => document.querySelector('[data-tierdesk]').shadowRoot.activeElement?.className),
      'launcher right');
    await context.close();
  });

  it('knows a signed-in customer: their own order and their earlier conversation', async () => {
    // An earlier conversation of Alice's, in another browser.
    const earlier = await fetch(`${server.baseUrl}/api/v1/chat/session`, {
      method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Widget-Key': widgetKey },
      body: JSON.stringify({ identity: { id: 'cust_alice', userHash: userHash('cust_alice') } }),
    }).then((r) => r.json());
    assert.equal(earlier.data.identified, true);
    await fetch(`${server.baseUrl}/api/v1/chat/message`, {
      method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Visitor-Secret': earlier.data.visitorSecret },
      body: JSON.stringify({ sessionId: earlier.data.sessionId, message: 'do you have gift cards?' }),
    });

    const { context, page, problems } = await newPage();
    await page.goto(`http://127.0.0.1:${shopPort}/signed-in?id=cust_alice&name=Alice&hash=${userHash('cust_alice')}`);
    const frame = await openPanel(page);
    await frame.locator('#earlier:not([hidden])').waitFor();
    await frame.locator('#earlier-list button[aria-current="false"]').waitFor();
    const reply = await ask(frame, 'where is my order?');
    assert.match(reply, /ORD-1000[123]/, reply);
    await frame.locator('#earlier-list button[aria-current="false"]').click();
    await frame.locator('.msg[data-sender="customer"]', { hasText: 'do you have gift cards?' }).waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('refuses a wrong hash and stores nothing', async () => {
    const before = (await api('GET', `/api/cs/sessions?companyId=${companyId}&limit=1`)).body.total;
    const { context, page } = await newPage();
    await page.goto(`http://127.0.0.1:${shopPort}/signed-in?id=shop-mallory&hash=${'0'.repeat(64)}`);
    const frame = await openPanel(page);
    await frame.locator('#error', { hasText: 'could not confirm who you are' }).waitFor();
    assert.equal((await api('GET', `/api/cs/sessions?companyId=${companyId}&limit=1`)).body.total, before);
    assert.equal((await api('GET', `/api/cs/customers/shop-mallory?companyId=${companyId}`)).status, 404);
    await context.close();
  });

  it('shows nothing on a site the channel does not allow', async () => {
    const { context, page } = await newPage();
    const refused = [];
    page.on('console', (m) => { if (/frame-ancestors|Refused to frame/i.test(m.text())) refused.push(m.text()); });
    await page.goto(`http://localhost:${shopPort}/`);
    await page.waitForLoadState('networkidle');
    assert.equal(await page.locator('[data-tierdesk]').count(), 0, 'no launcher');
    // A page that frames the panel itself: the browser refuses it.
    await page.goto(`http://localhost:${shopPort}/framed`);
    await page.waitForLoadState('networkidle');
    const frame = page.frame({ url: /\/chat\/widget/ });
    const panelShown = frame ? await frame.locator('#messages').count().catch(() => 0) : 0;
    assert.equal(panelShown, 0, 'the panel is not shown in a frame of another origin');
    assert.ok(refused.length > 0, 'the browser says it refused the frame');
    await context.close();
  });

  it('lets a page of the site use the chat API and Socket.IO long-polling itself', async () => {
    const { context, page } = await newPage();
    await page.goto(`http://127.0.0.1:${shopPort}/`);
    await page.addScriptTag({ url: `${server.baseUrl}/chat/vendor/socket.io.min.js` });
    const joined = await page.evaluate(async ({ base, key }) => {
      const started = await fetch(`${base}/api/v1/chat/session`, {
        method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Widget-Key': key }, body: '{}',
      }).then((r) => r.json());
      const { sessionId, visitorSecret } = started.data;
      // Polling only: every request is a cross-origin XHR the browser lets the page read or not.
      const socket = io(base, { path: '/socket.io', transports: ['polling'], auth: { visitorSecret } });
      const data = await new Promise((resolve, reject) => {
        socket.on('connect_error', (e) => reject(new Error(e.message)));
        socket.on('chat-joined', resolve);
        socket.emit('join-chat', { sessionId, visitorSecret });
      });
      const reply = await new Promise((resolve) => {
        socket.on('message-received', (m) => { if (m.sender !== 'customer') resolve(m.content); });
        socket.emit('send-message', { sessionId, message: 'do you ship to canada?' });
      });
      socket.close();
      return { sessionId: data.sessionId, transport: socket.io.engine?.transport?.name ?? 'polling', reply };
    }, { base: server.baseUrl, key: widgetKey });
    assert.ok(joined.sessionId);
    assert.equal(joined.transport, 'polling');
    assert.ok(joined.reply.length > 0);
    await context.close();
  });

  it('tells a visitor who asks for a person when the team is back, and that they need not wait', async () => {
    // Closed all of today (a holiday), open every day from midnight UTC: back tomorrow.
    const allDay = [['00:00', '24:00']];
    const weekly = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, allDay]));
    const today = new Date().toISOString().slice(0, 10);
    const put = await api('PUT', '/api/cs/config', {
      companyId, desk: { businessHours: { timeZone: 'UTC', weekly, holidays: [today] } },
    });
    assert.equal(put.status, 200, JSON.stringify(put.body));
    const look = await fetch(`${server.baseUrl}/api/v1/chat/widget?key=${widgetKey}`).then((r) => r.json());
    assert.equal(look.data.hours.open, false);
    const tomorrow = new Date(`${today}T00:00:00Z`);
    tomorrow.setUTCDate(tomorrow.getUTCDate() + 1);
    assert.equal(new Date(look.data.hours.nextOpening).getTime(), tomorrow.getTime());

    const { context, page } = await newPage();
    await page.goto(`http://127.0.0.1:${shopPort}/`);
    const frame = await openPanel(page);
    await frame.locator('#message').fill('can i talk to a person please');
    await frame.locator('#message').press('Enter');
    // The AI's reply says when a person answers; the panel that the visitor need not wait for it.
    await frame.locator('.msg[data-sender="ai_rep"], .msg[data-sender="ai_manager"]', { hasText: 'a person will answer from' })
      .waitFor();
    await frame.locator('.notice', { hasText: 'Our team is away now. You can close this page' }).waitFor();
    assert.equal(await frame.locator('.notice', { hasText: 'Stay here' }).count(), 0);
    // An anonymous visitor leaves an address for the person's reply (kept with the session).
    await frame.locator('#contact-email').waitFor();
    assert.equal(await frame.locator('#contact-email').evaluate((e) => e === document.activeElement), true);
    await frame.locator('#contact-email').fill('not an address');
    await frame.locator('#contact-email').press('Enter');
    await frame.locator('#error', { hasText: 'e-mail address' }).waitFor();
    await frame.locator('#contact-email').fill('walt@example.org');
    await frame.locator('#contact-send').click();
    await frame.locator('.notice', { hasText: 'we will also write to walt@example.org' }).waitFor();
    assert.equal(await frame.locator('#contact').isHidden(), true);
    const sessionId = await frame.locator('body').evaluate(() => JSON.parse(
      localStorage.getItem(Object.keys(localStorage).find((k) => k.startsWith('tierdesk-widget:')))).sessionId);
    const stored = await api('GET', `/api/cs/sessions/${sessionId}`);
    assert.equal(stored.body.metadata.email, 'walt@example.org');
    await context.close();
    const reopened = await api('PUT', '/api/cs/config', { companyId, desk: { businessHours: null } });
    assert.equal(reopened.status, 200, JSON.stringify(reopened.body));
  });

  it('tells a visitor who asks for a person that everyone is busy when nobody is at the desk', async () => {
    await waitForLook((look) => look.peopleAvailable === false);
    const { context, page } = await newPage();
    await page.goto(`http://127.0.0.1:${shopPort}/`);
    const frame = await openPanel(page);
    await frame.locator('#message').fill('i want to speak to a human');
    await frame.locator('#message').press('Enter');
    await frame.locator('.notice', { hasText: 'Everyone on our team is busy' }).waitFor();
    assert.equal(await frame.locator('.notice', { hasText: 'Stay here' }).count(), 0);
    await context.close();
  });

  it('fills a phone screen', async () => {
    const { context, page } = await newPage({ width: 390, height: 844 });
    await page.goto(`http://127.0.0.1:${shopPort}/`);
    const frame = await openPanel(page);
    const box = await page.locator('[data-tierdesk] .box').boundingBox();
    assert.deepEqual([box.x, box.y, box.width, box.height], [0, 0, 390, 844]);
    await ask(frame, 'what payment methods do you accept?');
    if (process.env.TIERDESK_WIDGET_SCREENSHOTS)
      await page.screenshot({ path: path.join(process.env.TIERDESK_WIDGET_SCREENSHOTS, 'widget-phone.png') });
    await context.close();
  });
});
