// /api/openapi.json of `tierdesk serve --demo`: it passes `redocly lint` (npm @redocly/cli) with
// the repository's redocly.yaml (any error fails; warnings are printed), and real answers of
// every family (seed 000's signed with npm aws4) — successes and errors — have a status the document lists for the operation and
// a body matching its schema.
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, it } from 'node:test';
import aws4 from 'aws4';

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

// Calls the server and notes where its answer and the document disagree
// (OPENAPI_E2E_VERBOSE=1 prints every call with its status).
function checker() {
  const problems = [];
  const statuses = [];
  async function call(method, route, { body, headers = {} } = {}) {
    if (!doc) doc = await (await fetch(`${server.baseUrl}/api/openapi.json`)).json();
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
  function verdict() {
    if (process.env.OPENAPI_E2E_VERBOSE) console.log(statuses.join("\n"));
    assert.deepEqual(problems, [], `answers the document does not describe:\n${problems.join('\n')}\n\nall answers:\n${statuses.join('\n')}`);
  }
  return { call, verdict };
}

it('describes the answers the server really gives', async () => {
  const { call, verdict } = checker();
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
  await call('GET', `/api/cs/analytics${q}&startDate=2020-01-01&endDate=2030-01-01&groupBy=week`, { headers: admin });
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

  verdict();
});

it('describes the answers of the CS API\'s writes', async () => {
  const { call, verdict } = checker();
  const admin = { Authorization: `Bearer ${adminToken}` };
  const q = `?companyId=${companyId}`;
  const [email, password] = /Agent login: (\S+) \/ (\S+)/.exec(server.output().stdout).slice(1);
  await call('POST', '/api/cs/auth/login', { body: { email, password: 'wrong password' } });
  const login = await call('POST', '/api/cs/auth/login', { body: { email, password } });
  const person = { Authorization: `Bearer ${login.body.token}` };
  await call('GET', '/api/cs/auth/me', { headers: person });
  await call('PUT', '/api/cs/agents/me/presence', { headers: person, body: { presence: 'available' } });
  await call('POST', '/api/cs/auth/setup', { body: { email: 'x@example.com', name: 'X', password: 'a long enough password' } });

  const agent = await call('POST', '/api/cs/agents', { headers: admin,
    body: { email: 'oa.agent@example.com', name: 'OA Agent', role: 'agent', queues: ['general'], password: 'a long enough password' } });
  await call('PATCH', `/api/cs/agents/${agent.body.agent.id}`, { headers: admin, body: { name: 'OA Agent 2' } });
  await call('POST', `/api/cs/agents/${agent.body.agent.id}/password`, { headers: admin, body: { password: 'another long password' } });
  await call('POST', '/api/cs/agents', { headers: admin, body: { email: 'oa.agent@example.com', name: 'Again', password: 'a long enough password' } });

  const s = await call('POST', '/api/cs/sessions', { headers: admin, body: { companyId, customerId: 'cust_ben', channel: 'email' } });
  const sid = s.body.id;
  await call('POST', `/api/cs/sessions/${sid}/escalate`, { headers: admin, body: { reason: 'CUSTOMER_REQUEST', targetTier: 'HUMAN_AGENT' } });
  await call('POST', `/api/cs/sessions/${sid}/agent-messages`, { headers: person, body: { content: 'Not mine yet' } });
  await call('POST', `/api/cs/sessions/${sid}/claim`, { headers: person });
  await call('GET', `/api/cs/desk/overview${q}`, { headers: admin });
  await call('GET', `/api/cs/queue${q}&assignee=me`, { headers: person });
  await call('POST', `/api/cs/sessions/${sid}/agent-messages`, { headers: person, body: { content: 'Hello {{nothing}}' } });
  await call('POST', `/api/cs/sessions/${sid}/agent-messages`, { headers: person, body: { content: 'Looking into it', internal: true } });
  await call('POST', `/api/cs/sessions/${sid}/actions`, { headers: person, body: { type: 'credit', amount: 5, reason: 'sorry' } });
  await call('POST', `/api/cs/sessions/${sid}/release`, { headers: person });
  await call('POST', `/api/cs/sessions/${sid}/assign`, { headers: admin, body: { agentId: agent.body.agent.id } });
  await call('POST', `/api/cs/sessions/${sid}/transfer`, { headers: admin, body: { targetTier: 'HUMAN_AGENT', queue: 'billing' } });
  await call('POST', `/api/cs/sessions/${sid}/escalate`, { headers: admin, body: { reason: 'NOPE', targetTier: 'HUMAN_AGENT' } });

  const hook = await call('POST', '/api/cs/webhooks', { headers: admin,
    body: { companyId, url: 'http://127.0.0.1:9/hook', events: ['session.created'], secret: 'a secret of sixteen+' } });
  if (hook.status === 201) {
    await call('GET', `/api/cs/webhooks/${hook.body.id}/deliveries`, { headers: admin });
    await call('DELETE', `/api/cs/webhooks/${hook.body.id}`, { headers: admin });
  }
  const article = await call('POST', '/api/cs/kb', { headers: admin,
    body: { companyId, title: 'OpenAPI test article', content: 'How to read the OpenAPI document.', category: 'TECHNICAL' } });
  await call('GET', `/api/cs/kb/${article.body.id}`, { headers: admin });
  await call('PUT', `/api/cs/kb/${article.body.id}`, { headers: admin, body: { title: 'OpenAPI test article, edited' } });
  await call('DELETE', `/api/cs/kb/${article.body.id}`, { headers: admin });
  const canned = await call('POST', `/api/cs/canned-responses${q}`, { headers: admin,
    body: { shortcut: 'oa-hello', title: 'Hello', content: 'Hello {{customer.name}}' } });
  await call('GET', `/api/cs/canned-responses/${canned.body.id}`, { headers: admin });
  await call('PUT', `/api/cs/canned-responses/${canned.body.id}`, { headers: admin, body: { shortcut: 'oa-hello', title: 'Hi', content: 'Hi' } });
  await call('POST', `/api/cs/canned-responses/${canned.body.id}/render`, { headers: admin, body: { sessionId: sid } });
  await call('DELETE', `/api/cs/canned-responses/${canned.body.id}`, { headers: admin });

  await call('PUT', '/api/cs/config', { headers: admin, body: { companyId, tiers: { aiRep: { capabilities: { maxCreditAmount: 15 } } } } });
  await call('POST', '/api/cs/config/simulate', { headers: admin,
    body: { companyId, period: { start: '2020-01-01', end: '2020-02-01' }, irateProtocol: { detectionThreshold: 0.5 } } });
  await call('PUT', '/api/cs/settings/smtp', { headers: admin, body: { port: 99999 } });
  await call('PATCH', `/api/cs/companies/${companyId}`, { headers: admin, body: { name: 'Renamed by the OpenAPI test' } });
  await call('POST', '/api/cs/companies', { headers: admin,
    body: { name: 'OA Second', admin: { email: 'oa.second@example.com', name: 'Second', password: 'a long enough password' } } });
  const token = await call('POST', '/api/cs/tokens', { headers: admin, body: { name: 'oa jwt', role: 'agent' } });
  await call('POST', '/api/cs/tokens', { headers: admin, body: { kind: 'sigv4', name: 'oa sigv4' } });
  await call('DELETE', `/api/cs/tokens/${token.body.id}`, { headers: admin });
  verdict();
});

// Seed 000's routes, signed by npm aws4 with a key from `tierdesk token create --kind sigv4`.
it('describes the answers of the platform services', async () => {
  const key = JSON.parse(execFileSync(buildPath('app/tierdesk'),
    ['--data-dir', dataDir, 'token', 'create', '--company', companyId, '--kind', 'sigv4'],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
  const host = new URL(server.baseUrl).host;
  const { call, verdict } = checker();
  const signedCall = (method, route, body) => {
    const opts = aws4.sign({ host, method, path: route, service: 'execute-api', region: key.region,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body) },
    { accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey });
    const headers = { ...opts.headers };
    delete headers.Host;
    delete headers['Content-Length'];
    return call(method, route, { body, headers });
  };

  assert.equal((await signedCall('GET', '/api/release-notes')).status, 200);
  const start = await signedCall('POST', '/chatbot/conversation',
    { user_id: 'cust_ben', initial_message: 'Where is my order ORD-10001?', channel: 'web' });
  assert.equal(start.status, 200);
  const conversation = start.body.conversation_id;
  await signedCall('POST', `/chatbot/conversation/${conversation}/message`, { message: 'and the tracking number?' });
  await signedCall('GET', `/chatbot/conversation?conversation_id=${conversation}`);
  await signedCall('POST', '/sentiment/analyze', { text: "I've been waiting for 3 days and no update.", conversation_id: conversation });
  await signedCall('POST', '/routing/inquiries', { conversation_id: conversation, user_id: 'cust_ben', source: 'chatbot',
    inquiry_text: 'I need to return a damaged product', sentiment_score: 0.35 });
  const found = await signedCall('GET', '/knowledge/search?query=return%20damaged%20product&limit=2');
  assert.equal(found.status, 200);
  await signedCall('GET', `/knowledge/articles/${found.body.results[0].id}`);
  await signedCall('GET', '/knowledge/articles/999999');
  await signedCall('GET', '/analytics/dashboard?metrics=conversations,sentiment');
  const report = await signedCall('POST', '/analytics/reports', { report_type: 'daily_summary', format: 'csv',
    time_period: { start: '2026-01-01T00:00:00Z', end: '2026-01-31T23:59:59Z' } });
  assert.equal(report.status, 202);
  await signedCall('GET', `/analytics/reports/${report.body.report_id}`);
  const escalation = await signedCall('POST', '/escalation/cases', { conversation_id: conversation, user_id: 'cust_ben',
    priority: 'high', issue_summary: 'Customer received a damaged product', source: 'chatbot' });
  assert.equal(escalation.status, 200);
  await signedCall('GET', `/escalation/cases/${escalation.body.escalation_id}`);
  await signedCall('GET', '/audit/logs?limit=5');
  assert.equal((await signedCall('POST', '/webhook/configure', { url: 'http://203.0.113.7/hook',
    events: ['conversation.created'], secret: 'your-webhook-secret' })).status, 201);
  await signedCall('POST', '/notifications/email/configure', { email: 'support@example.com',
    events: ['escalation.created'], format: 'html' });
  // Errors: bad bodies, and an unsigned request.
  assert.equal((await signedCall('POST', '/sentiment/analyze', { text: '' })).status, 400);
  assert.equal((await call('GET', '/api/release-notes')).status, 403);
  verdict();
});
