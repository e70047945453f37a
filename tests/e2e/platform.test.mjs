// Seed 000's platform services against `tierdesk serve`, signed by real AWS SigV4 signers:
// the npm aws4 package (as Node clients sign for API Gateway) and botocore's SigV4Auth
// (tests/auth/sigv4_sign.py). The access key is made with `tierdesk token create --kind sigv4`.
// Refusals: a wrong secret, a body changed after signing, a date 6 minutes off.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import aws4 from 'aws4';

import { buildPath, startProgram } from './lib/program.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const tierdesk = buildPath('app/tierdesk');
let dataDir;
let server;
let key; // { accessKeyId, secretAccessKey, region }

function cli(...args) {
  return execFileSync(tierdesk, ['--data-dir', dataDir, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
}

// Sends exactly these headers and body (node:http keeps Host and Content-Length as signed).
function send({ method, path: target, headers, body }) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: server.port, method, path: target, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { text += d; });
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: text ? JSON.parse(text) : null }));
    });
    req.on('error', reject);
    if (body !== undefined)
      req.write(body);
    req.end();
  });
}

// aws4 signs (service execute-api, the key's region); `sentBody` replaces the body after signing.
function signed(method, target, { json, credentials = key, amzDate, sentBody } = {}) {
  const body = json === undefined ? undefined : JSON.stringify(json);
  const headers = json === undefined ? {} : { 'Content-Type': 'application/json' };
  if (amzDate)
    headers['X-Amz-Date'] = amzDate;
  const opts = aws4.sign({ host: `127.0.0.1:${server.port}`, method, path: target, service: 'execute-api',
    region: key.region, headers, body }, { accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey });
  return send({ method, path: target, headers: opts.headers, body: sentBody ?? body });
}

function amzDateOffBy(seconds) {
  return new Date(Date.now() + seconds * 1000).toISOString().replace(/[:-]|\.\d{3}/g, '');
}

function assertGatewayError(r, status, type) {
  assert.equal(r.status, status, JSON.stringify(r.body));
  assert.deepEqual(Object.keys(r.body), ['message']);
  assert.ok(r.body.message.length > 0);
  assert.equal(r.headers['x-amzn-errortype'], type);
}

before(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'tierdesk-platform-e2e-'));
  // The demo company: its knowledge base is its own (a new company's starts empty).
  const companyId = JSON.parse(cli('demo', 'seed')).companyId;
  server = await startProgram(tierdesk, ['--data-dir', dataDir, 'serve', '--port', '0', '--no-rate-limit']);
  key = JSON.parse(cli('token', 'create', '--company', companyId, '--kind', 'sigv4', '--region', 'eu-west-1'));
  assert.equal(key.region, 'eu-west-1');
});

after(async () => {
  if (server) {
    const code = await server.stop();
    assert.equal(code, 0, `tierdesk serve exited with ${code}: ${server.output().stderr}`);
  }
  rmSync(dataDir, { recursive: true, force: true });
});

describe('platform services (seed 000) with aws4', { timeout: 60000 }, () => {
  it('serves the release notes', async () => {
    const r = await signed('GET', '/api/release-notes');
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.ok(r.body.releases.some((rel) => rel.version === r.body.current_version));
  });

  it('starts a conversation and answers a message', async () => {
    const start = await signed('POST', '/chatbot/conversation',
      { json: { user_id: 'user123', initial_message: 'I need help with my order', channel: 'web', metadata: { browser: 'Chrome' } } });
    assert.equal(start.status, 200, JSON.stringify(start.body));
    assert.ok(start.body.conversation_id);
    assert.ok(start.body.response.length > 0);
    assert.ok(start.body.suggested_actions.every((a) => a.type === 'text' && a.text.length > 0));
    const reply = await signed('POST', `/chatbot/conversation/${start.body.conversation_id}/message`,
      { json: { message: 'My order number is ORD-9876', attachments: [] } });
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
    assert.deepEqual(Object.keys(reply.body).sort(), ['response', 'suggested_actions']);
  });

  it('analyzes sentiment', async () => {
    const r = await signed('POST', '/sentiment/analyze',
      { json: { text: "I've been waiting for 3 days and still haven't received any update on my order. This is frustrating." } });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.sentiment, 'negative');
    assert.ok(r.body.sentiment_score >= 0 && r.body.sentiment_score < 0.5);
    assert.ok(r.body.dominant_emotions.includes('frustration'));
  });

  it('searches the knowledge base with a query string', async () => {
    const r = await signed('GET', '/knowledge/search?query=return%20damaged%20product&limit=2');
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.limit, 2);
    assert.equal(r.body.page, 1);
    assert.ok(r.body.results.length > 0 && r.body.results.length <= 2);
    const article = await signed('GET', `/knowledge/articles/${r.body.results[0].id}`);
    assert.equal(article.status, 200, JSON.stringify(article.body));
    assert.equal(article.body.metadata.views, r.body.results[0].metadata.views + 1);
  });

  it('refuses a wrong secret', async () => {
    const r = await signed('GET', '/api/release-notes', { credentials: { ...key, secretAccessKey: `${key.secretAccessKey}x` } });
    assertGatewayError(r, 403, 'InvalidSignatureException');
  });

  it('refuses a body changed after signing', async () => {
    const r = await signed('POST', '/sentiment/analyze', { json: { text: 'I am happy' }, sentBody: JSON.stringify({ text: 'I am angry' }) });
    assertGatewayError(r, 403, 'InvalidSignatureException');
  });

  it('refuses a date 6 minutes off and takes one 4 minutes off', async () => {
    for (const offset of [-360, 360]) {
      const r = await signed('GET', '/api/release-notes', { amzDate: amzDateOffBy(offset) });
      assertGatewayError(r, 403, 'InvalidSignatureException');
      assert.match(r.body.message, /^Signature expired/);
    }
    const ok = await signed('GET', '/api/release-notes', { amzDate: amzDateOffBy(-240) });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
  });

  it('refuses an unsigned request', async () => {
    const r = await send({ method: 'GET', path: '/api/release-notes', headers: {} });
    assertGatewayError(r, 403, 'MissingAuthenticationTokenException');
  });
});

describe('platform services (seed 000) with botocore', { timeout: 60000 }, () => {
  // Signed by tests/auth/sigv4_sign.py (botocore's SigV4Auth); skipped without python3-botocore.
  function botocoreSign(spec) {
    const p = spawnSync('python3', [path.resolve(here, '../auth/sigv4_sign.py')], { input: JSON.stringify([spec]), encoding: 'utf8' });
    if (p.error || p.status === 3)
      return null;
    assert.equal(p.status, 0, p.stderr);
    return JSON.parse(p.stdout)[0];
  }

  it('routes an inquiry signed by botocore', async (t) => {
    const body = JSON.stringify({ user_id: 'user123', source: 'chatbot', inquiry_text: 'I need to return a damaged product', sentiment_score: 0.35 });
    const request = botocoreSign({ accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey, region: key.region,
      service: 'execute-api', method: 'POST', url: `${server.baseUrl}/routing/inquiries`, headers: { 'Content-Type': 'application/json' }, body });
    if (!request)
      return t.skip('python3-botocore is not installed');
    const r = await send({ method: request.method, path: request.path, headers: Object.fromEntries(request.headers), body: request.body });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.ok(r.body.routing_id.startsWith('route-'));
    assert.ok(r.body.destination.length > 0);
    assert.equal(r.body.priority, 'medium');
    assert.ok(Number.isInteger(r.body.estimated_response_time));
  });
});
