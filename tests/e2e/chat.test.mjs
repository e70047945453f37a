// Seed 003's chat API against `tierdesk serve`, with the real npm socket.io-client: a widget
// key (made with the command line) starts a session over HTTP; the visitor joins it over
// Socket.IO, talks to the AI, asks for a person (escalation-needed), and the agent's reply,
// sent through the agent desk (/api/cs claim + agent-messages), arrives as message-received.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { io } from 'socket.io-client';

import { buildPath, startProgram } from './lib/program.mjs';

const tierdesk = buildPath('app/tierdesk');
let dataDir;
let server;
let companyId;
let widgetKey;
let agentToken;
const sockets = [];

function cli(...args) {
  return execFileSync(tierdesk, ['--data-dir', dataDir, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
}

async function http(method, route, { body, headers = {} } = {}) {
  const res = await fetch(server.baseUrl + route, {
    method,
    headers: { 'Content-Type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

function connect(options = {}) {
  const socket = io(server.baseUrl, { reconnection: false, forceNew: true, timeout: 10000, ...options });
  sockets.push(socket);
  return socket;
}

async function connected(socket) {
  await Promise.race([once(socket, 'connect'), once(socket, 'connect_error').then(([e]) => { throw e; })]);
}

// The next `event` whose payload passes `match`, however many others come first.
function next(socket, event, match = () => true) {
  return new Promise((resolve) => {
    const listener = (payload) => {
      if (match(payload)) {
        socket.off(event, listener);
        resolve(payload);
      }
    };
    socket.on(event, listener);
  });
}

function withAck(socket, event, payload) {
  return new Promise((resolve, reject) => {
    socket.timeout(10000).emit(event, payload, (error, reply) => (error ? reject(error) : resolve(reply)));
  });
}

async function newSession(userId) {
  const r = await http('POST', '/api/v1/chat/session', { body: { userId, metadata: {} }, headers: { 'X-Widget-Key': widgetKey } });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  assert.equal(r.body.success, true);
  return r.body.data;
}

before(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'tierdesk-chat-e2e-'));
  companyId = cli('company', 'create', '--name', 'Chat E2E');
  server = await startProgram(tierdesk, ['--data-dir', dataDir, 'serve', '--port', '0', '--no-rate-limit']);
  // Keys made beside the running server count at once.
  widgetKey = cli('token', 'create', '--company', companyId, '--kind', 'widget');
  agentToken = cli('token', 'create', '--company', companyId, '--role', 'agent');
});

after(async () => {
  for (const socket of sockets)
    socket.disconnect();
  if (server) {
    const code = await server.stop();
    assert.equal(code, 0, `tierdesk serve exited with ${code}: ${server.output().stderr}`);
  }
  rmSync(dataDir, { recursive: true, force: true });
});

describe('chat API (seed 003) with socket.io-client', { timeout: 60000 }, () => {
  it('answers /api/v1/health', async () => {
    const r = await http('GET', '/api/v1/health');
    assert.equal(r.status, 200);
    assert.equal(r.body.status, 'healthy');
  });

  for (const [name, options] of [['polling then upgrade (default)', {}], ['websocket only', { transports: ['websocket'] }],
    ['polling only', { transports: ['polling'] }]]) {
    it(`talks to the AI, escalates, and gets the agent's reply (${name})`, async () => {
      const session = await newSession(`visitor-${name}`);
      const socket = connect({ ...options, auth: { visitorSecret: session.visitorSecret } });
      await connected(socket);

      // join-chat with the secret from the CONNECT's auth.
      const joined = next(socket, 'chat-joined');
      const joinAck = await withAck(socket, 'join-chat', { sessionId: session.sessionId, userId: 'visitor' });
      assert.equal(joinAck.success, true, JSON.stringify(joinAck));
      assert.equal((await joined).sessionId, session.sessionId);
      assert.deepEqual(joinAck.data.messages, []);

      // send-message -> the AI's reply as message-received.
      let reply = next(socket, 'message-received');
      const sent = await withAck(socket, 'send-message', { sessionId: session.sessionId, message: 'Hello, I need help with my order', userId: 'visitor' });
      assert.equal(sent.success, true, JSON.stringify(sent));
      let received = await reply;
      assert.equal(received.sessionId, session.sessionId);
      assert.equal(received.role, 'assistant');
      assert.ok(received.content.length > 0);
      assert.equal(received.content, sent.data.response);

      // Asking for a person escalates to the human tier.
      const escalated = next(socket, 'escalation-needed');
      reply = next(socket, 'message-received');
      await withAck(socket, 'send-message', { sessionId: session.sessionId, message: 'I want to speak to a human agent' });
      const escalation = await escalated;
      assert.equal(escalation.sessionId, session.sessionId);
      assert.equal(escalation.toTier, 'HUMAN_AGENT');
      assert.equal(escalation.reason, 'CUSTOMER_REQUEST');
      assert.equal((await reply).role, 'assistant'); // the hand-over message

      // An agent claims it on the desk and answers; the visitor gets it live.
      const agent = { Authorization: `Bearer ${agentToken}` };
      const claim = await http('POST', `/api/cs/sessions/${session.sessionId}/claim`, { headers: agent });
      assert.equal(claim.status, 200, JSON.stringify(claim.body));
      const fromAgent = next(socket, 'message-received', (m) => m.role === 'agent');
      const answer = await http('POST', `/api/cs/sessions/${session.sessionId}/agent-messages`,
        { headers: agent, body: { content: `Hello, a person here (${name}).` } });
      assert.equal(answer.status, 201, JSON.stringify(answer.body));
      received = await fromAgent;
      assert.equal(received.content, `Hello, a person here (${name}).`);
      assert.equal(received.sender, 'human_agent');

      // The history over HTTP has it too.
      const history = await http('GET', `/api/v1/chat/history/${session.sessionId}`, { headers: { 'X-Visitor-Secret': session.visitorSecret } });
      assert.equal(history.status, 200);
      assert.deepEqual(history.body.data.messages.map((m) => m.role), ['user', 'assistant', 'user', 'assistant', 'agent']);
      socket.disconnect();
    });
  }

  it('sends a session\'s events only to the clients that joined it', async () => {
    const a = await newSession('a');
    const b = await newSession('b');
    const socketA = connect({ auth: { visitorSecret: a.visitorSecret } });
    const socketB = connect({ auth: { visitorSecret: b.visitorSecret } });
    await Promise.all([connected(socketA), connected(socketB)]);
    await withAck(socketA, 'join-chat', { sessionId: a.sessionId });
    await withAck(socketB, 'join-chat', { sessionId: b.sessionId });
    const seenByB = [];
    socketB.on('message-received', (m) => seenByB.push(m.sessionId));
    socketB.on('escalation-needed', (m) => seenByB.push(m.sessionId));
    // A's conversation escalates and gets its replies first; then B's reply arrives, after them.
    const replyA = next(socketA, 'message-received');
    await withAck(socketA, 'send-message', { sessionId: a.sessionId, message: 'I want to speak to a human agent' });
    await replyA;
    const replyB = next(socketB, 'message-received');
    await withAck(socketB, 'send-message', { sessionId: b.sessionId, message: 'Hello' });
    await replyB;
    assert.deepEqual(seenByB, [b.sessionId]);
    // B cannot send into A's session.
    const refused = await withAck(socketB, 'send-message', { sessionId: a.sessionId, message: 'hi' });
    assert.equal(refused.success, false);
    socketA.disconnect();
    socketB.disconnect();
  });

  it('refuses join-chat without the session\'s secret and send-message before joining', async () => {
    const mine = await newSession('a');
    const theirs = await newSession('b');
    const socket = connect();
    await connected(socket);
    const error = next(socket, 'error');
    const refused = await withAck(socket, 'join-chat', { sessionId: mine.sessionId, visitorSecret: theirs.visitorSecret });
    assert.equal(refused.success, false);
    assert.equal((await error).message, 'Session not found');
    const notJoined = await withAck(socket, 'send-message', { sessionId: mine.sessionId, message: 'hi' });
    assert.equal(notJoined.success, false);
    // The secret in the event itself works.
    const sent = await http('POST', '/api/v1/chat/message', { body: { sessionId: mine.sessionId, message: 'Where is my parcel?' },
      headers: { 'X-Visitor-Secret': mine.visitorSecret } });
    assert.equal(sent.status, 200);
    const ok = await withAck(socket, 'join-chat', { sessionId: mine.sessionId, visitorSecret: mine.visitorSecret });
    assert.equal(ok.success, true);
    // chat-joined carries the conversation so far.
    assert.deepEqual(ok.data.messages.map((m) => m.content), ['Where is my parcel?', sent.body.data.response]);
    socket.disconnect();
  });
});
