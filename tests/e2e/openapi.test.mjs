// /api/openapi.json of `tierdesk serve --demo`: it passes `redocly lint` (npm @redocly/cli) with
// the repository's redocly.yaml (any error fails; warnings are printed), and real answers of
// every family — successes and errors — have a status the document lists for the operation and
// a body matching its schema.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, it } from 'node:test';

import { answerProblems } from './lib/openapi-check.mjs';
import { buildPath, startProgram } from './lib/program.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
let dataDir;
let server;
let doc;
let companyId;
let adminToken;

before(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'tierdesk-openapi-'));
  // The "Try:" line comes after the demo company and its admin token.
  server = await startProgram(buildPath('app/tierdesk'), ['--data-dir', dataDir, 'serve', '--port', '0', '--demo'],
    { urlPattern: /Try: curl .*'(https?:\/\/[^\s/']+)/ });
  const { stdout } = server.output();
  companyId = /Demo company: (\S+)/.exec(stdout)[1];
  adminToken = /Admin token \(24 h\): (\S+)/.exec(stdout)[1];
});

after(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

it('serves an OpenAPI document that redocly lints without errors', async () => {
  const res = await fetch(`${server.baseUrl}/api/openapi.json`);
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type'), /^application\/json/);
  doc = await res.json();
  assert.equal(doc.openapi, '3.0.3');
  const file = path.join(dataDir, 'openapi.json');
  writeFileSync(file, JSON.stringify(doc, null, 2));
  const redocly = path.join(here, 'node_modules', '.bin', 'redocly');
  const result = await new Promise((resolve) => {
    execFile(redocly, ['lint', '--config', path.join(root, 'redocly.yaml'), '--format', 'stylish', file],
      { env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' } },
      (error, stdout, stderr) => resolve({ code: error ? error.code : 0, out: stdout + stderr }));
  });
  console.log(result.out.split('\n').filter((l) => /warning|error|valid/i.test(l)).join('\n'));
  assert.equal(result.code, 0, `redocly lint found errors:\n${result.out}`);
});

it('describes the answers the server really gives', async () => {
  if (!doc) doc = await (await fetch(`${server.baseUrl}/api/openapi.json`)).json();
  const problems = [];
  const statuses = [];
  async function call(method, route, { body, headers = {} } = {}) {
    const res = await fetch(server.baseUrl + route, {
      method,
      headers: { ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    const json = text && /json/.test(res.headers.get('content-type') ?? '') ? JSON.parse(text) : undefined;
    problems.push(...answerProblems(doc, method, route.split('?')[0], res.status, json));
    statuses.push(`${method} ${route.split('?')[0]} ${res.status}`);
    return { status: res.status, body: json };
  }
  const admin = { Authorization: `Bearer ${adminToken}` };
  const q = `?companyId=${companyId}`;

  // The canonical CS API.
  await call('GET', '/api/cs/health');
  await call('GET', '/api/cs/auth/status');
  await call('GET', `/api/cs/sessions${q}`);
  const created = await call('POST', '/api/cs/sessions', { headers: admin,
    body: { companyId, customerId: 'cust_ben', channel: 'chat', initialMessage: 'Where is my order ORD-10001?' } });
  assert.equal(created.status, 201);
  const sid = created.body.id;
  await call('POST', `/api/cs/sessions/${sid}/messages`, { headers: admin, body: { message: 'Thanks, and what about delivery times?' } });
  await call('POST', `/api/cs/sessions/${sid}/messages`, { headers: admin, body: { message: '' } });
  await call('GET', `/api/cs/sessions/${sid}`, { headers: admin });
  await call('GET', `/api/cs/sessions/${sid}?messageLimit=0`, { headers: admin });
  await call('GET', `/api/cs/sessions${q}&limit=5`, { headers: admin });
  await call('POST', `/api/cs/sessions/${sid}/escalate`, { headers: admin, body: { reason: 'CUSTOMER_REQUEST', targetTier: 'HUMAN_AGENT' } });
  await call('GET', `/api/cs/queue${q}`, { headers: admin });
  await call('GET', `/api/cs/desk/overview${q}`, { headers: admin });
  await call('POST', `/api/cs/sessions/${sid}/resolve`, { headers: admin, body: { resolutionType: 'ISSUE_RESOLVED', summary: 'Answered' } });
  await call('GET', '/api/cs/sessions/sess_none', { headers: admin });
  await call('GET', `/api/cs/analytics${q}&startDate=2020-01-01&endDate=2030-01-01`, { headers: admin });
  await call('GET', `/api/cs/config${q}`, { headers: admin });
  await call('GET', `/api/cs/audit${q}&limit=20`, { headers: admin });
  await call('GET', `/api/cs/webhooks${q}`, { headers: admin });
  await call('GET', `/api/cs/kb${q}&limit=3`, { headers: admin });
  await call('GET', `/api/cs/canned-responses${q}`, { headers: admin });
  await call('GET', `/api/cs/agents${q}`, { headers: admin });
  await call('GET', `/api/cs/companies/${companyId}`, { headers: admin });
  await call('GET', '/api/cs/settings/smtp', { headers: admin });
  await call('GET', '/api/cs/tokens', { headers: admin });
  const apiKey = await call('POST', '/api/cs/tokens', { headers: admin, body: { kind: 'apikey', name: 'openapi e2e' } });
  const widget = await call('POST', '/api/cs/tokens', { headers: admin, body: { kind: 'widget', name: 'openapi e2e' } });
  await call('POST', '/api/cs/tokens', { headers: admin, body: { kind: 'nonsense' } });

  // The support agent API.
  const keyed = { 'X-API-Key': apiKey.body.key };
  await call('GET', '/health');
  await call('GET', '/api/status', { headers: keyed });
  await call('GET', '/api/status');
  await call('POST', '/api/session', { headers: keyed, body: { customer_id: 'cust_ben', session_id: 'oa_1' } });
  await call('POST', '/api/session', { headers: keyed, body: {} });
  const answer = await call('POST', '/api/query', { headers: keyed,
    body: { query: 'I want to talk to a person now', session_id: 'oa_1', customer_id: 'cust_ben' } });
  await call('GET', '/api/session/oa_1', { headers: keyed });
  await call('GET', '/api/metrics/session/oa_1', { headers: keyed });
  await call('GET', '/api/metrics?timeframe=day', { headers: keyed });
  await call('GET', '/api/test/metrics', { headers: keyed });
  await call('POST', '/api/test/query', { headers: keyed, body: { query: 'hello', session_id: 'x', customer_id: 'y' } });
  const ticket = await call('POST', '/api/test/escalation', { headers: keyed, body: { priority: 'high' } });
  await call('GET', `/api/escalation/${ticket.body.ticket_id}`, { headers: keyed });
  await call('PUT', `/api/escalation/${ticket.body.ticket_id}`, { headers: keyed, body: { customer_satisfaction: 5 } });
  await call('GET', '/api/escalation/TKT-none', { headers: keyed });
  if (!answer.body.escalated) await call('POST', '/api/escalation', { headers: keyed, body: { session_id: 'oa_1', reason: 'manual_request', priority: 'low' } });
  await call('DELETE', '/api/session/oa_1', { headers: keyed });

  // The chat API.
  await call('GET', '/api/v1/health');
  await call('OPTIONS', '/api/v1/chat/session');
  await call('POST', '/api/v1/chat/session', { body: { userId: 'visitor' } });
  const chat = await call('POST', '/api/v1/chat/session', { headers: { 'X-Widget-Key': widget.body.key }, body: { userId: 'visitor' } });
  const secret = { 'X-Visitor-Secret': chat.body.data.visitorSecret };
  const chatSession = chat.body.data.sessionId;
  await call('POST', '/api/v1/chat/message', { headers: secret, body: { sessionId: chatSession, message: 'Hello there' } });
  await call('POST', '/api/v1/chat/message', { headers: secret, body: { sessionId: chatSession } });
  await call('GET', `/api/v1/chat/history/${chatSession}?limit=10`, { headers: secret });
  await call('GET', '/api/v1/chat/history/sess_none', { headers: secret });

  assert.deepEqual(problems, [], `answers the document does not describe:\n${problems.join('\n')}\n\nall answers:\n${statuses.join('\n')}`);
});
