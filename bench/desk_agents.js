#!/usr/bin/env node
// The five agents of the team desk bench (TEAM=1 bench/desk.sh), in a process of their own so
// the console's process is only the console. Each agent works through the real API and a
// WebSocket as a person at a console would: takes an item (claims it, or, once
// desk.assignment is automatic, gets it), says it is viewing and typing, reads it, replies,
// adds a note, resolves it or sometimes transfers it; and every few seconds writes in the one
// conversation the measured console has open (the holder replies, the others add notes). New
// escalations arrive at a steady rate meanwhile.
//
// Every timed request is written to the log (JSON lines) with its send time on
// CLOCK_MONOTONIC (process.hrtime, as the driver's clock) and the key under which the driver
// records the change arriving in the console's models. Prints a JSON summary on stdout.
//   node desk_agents.js CONFIG.json   (written by bench/desk.sh)
'use strict';
const fs = require('fs');
const WebSocket = require('ws');

const cfg = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const now = () => Number(process.hrtime.bigint()) / 1e6;
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const jitter = (ms) => ms * (0.75 + Math.random() / 2);
const logFd = fs.openSync(cfg.log, 'w');
const started = now();
const endAt = started + cfg.durationS * 1000;
const over = () => now() >= endAt;
const summary = { requests: 0, errors: 0, errorsBy: {}, requestsBy: {}, wsErrors: 0 };
let automatic = false;

function count(what, status) {
  summary.requests++;
  summary.requestsBy[what] = (summary.requestsBy[what] || 0) + 1;
  if (status < 200 || status >= 300) {
    summary.errors++;
    const k = `${what} ${status}`;
    summary.errorsBy[k] = (summary.errorsBy[k] || 0) + 1;
  }
}

// One request; `key` (optional) is what the console should show once it is done.
async function call(token, method, path, body, what, key) {
  const t = now();
  let status = 0;
  let json = null;
  try {
    const res = await fetch(cfg.base + path, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    status = res.status;
    const text = await res.text();
    json = text ? JSON.parse(text) : null;
  } catch (e) {
    json = null;
  }
  count(what, status);
  if (key) fs.writeSync(logFd, `${JSON.stringify({ t, k: key, what, status, ms: now() - t })}\n`);
  return { status, json };
}

class Agent {
  constructor(index, a) {
    this.i = index;
    this.a = a;
    this.done = new Set();
    this.n = 0;
  }

  api(method, path, body, what, key) {
    return call(this.a.token, method, path, body, what, key);
  }

  // The company-wide subscription a console keeps, and the frames of who views what.
  async connect() {
    const url = `${cfg.base.replace(/^http/, 'ws')}/api/cs/ws?token=${encodeURIComponent(this.a.token)}`;
    this.ws = new WebSocket(url);
    this.ws.on('error', () => summary.wsErrors++);
    await new Promise((resolve, reject) => {
      this.ws.on('message', (data) => {
        const f = JSON.parse(data.toString());
        if (f.type === 'welcome') this.frame({ type: 'subscribe', companyId: cfg.company });
        else if (f.type === 'subscribed') resolve();
      });
      this.ws.once('close', reject);
    });
  }

  frame(f) {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(f));
  }

  // Typing for `ms`, said again every 2 s as a console does while keys are pressed.
  async type(sessionId, internal, ms) {
    for (let left = ms; left > 0 && !over(); left -= 2000) {
      this.frame({ type: 'typing', sessionId, internal });
      await pause(Math.min(left, 2000));
    }
  }

  // The next item: the top of one of my queues (one of the first five, as colleagues
  // take the same top), or with automatic assignment one given to me.
  async next() {
    const c = encodeURIComponent(cfg.company);
    if (automatic) {
      const r = await this.api('GET', `/api/cs/queue?companyId=${c}&assignee=me&limit=50`, undefined, 'queue');
      const mine = ((r.json && r.json.items) || []).filter(
        (it) => it.sessionId !== cfg.conversation && !this.done.has(it.sessionId));
      return mine.length ? { item: mine[0], held: true } : null;
    }
    const q = this.a.queues[this.n++ % this.a.queues.length];
    const r = await this.api('GET', `/api/cs/queue?companyId=${c}&assignee=none&queue=${q}&limit=20`, undefined, 'queue');
    const items = ((r.json && r.json.items) || []).filter((it) => it.sessionId !== cfg.conversation);
    return items.length ? { item: items[Math.floor(Math.random() * Math.min(5, items.length))], held: false } : null;
  }

  async workOne() {
    const next = await this.next();
    if (!next) return pause(cfg.thinkMs / 2);
    const s = next.item.sessionId;
    const path = `/api/cs/sessions/${s}`;
    if (!next.held) {
      const r = await this.api('POST', `${path}/claim`, {}, 'claim', `${s}|assignee=${this.a.id}`);
      if (r.status !== 200) return undefined; // a colleague was first
    }
    this.done.add(s);
    this.frame({ type: 'viewing', sessionId: s });
    await this.api('GET', path, undefined, 'read');
    await this.type(s, false, jitter(cfg.thinkMs));
    await this.api('POST', `${path}/agent-messages`,
      { content: `Thanks for waiting, I am looking into it now (${this.a.name}).` }, 'reply');
    await this.type(s, true, jitter(cfg.thinkMs / 2));
    await this.api('POST', `${path}/agent-messages`, { content: 'Checked the order history.', internal: true }, 'note');
    await pause(jitter(cfg.thinkMs / 2));
    const others = cfg.queues.filter((q) => q !== next.item.queue);
    if (Math.random() < cfg.transferShare && others.length) {
      const q = others[Math.floor(Math.random() * others.length)];
      await this.api('POST', `${path}/transfer`, { targetTier: 'HUMAN_AGENT', queue: q, notes: 'Theirs.' },
        'transfer', `${s}|queue=${q}`);
    } else {
      await this.api('POST', `${path}/resolve`, { resolutionType: 'ISSUE_RESOLVED', summary: 'Answered.' },
        'resolve', `${s}|removed`);
    }
    this.frame({ type: 'left', sessionId: s });
    return undefined;
  }

  async work() {
    while (!over()) await this.workOne();
  }

  // The shared conversation: the holder (agent 0) replies, the others add notes, each after
  // typing for a moment (its typing start is timed to the console's "is typing" line).
  async writeInConversation() {
    const x = cfg.conversation;
    const internal = this.i !== 0;
    this.frame({ type: 'viewing', sessionId: x });
    await pause((this.i * cfg.conversationEveryMs) / cfg.agents.length);
    for (let k = 1; !over(); ++k) {
      const t = now();
      this.frame({ type: 'typing', sessionId: x, internal });
      fs.writeSync(logFd, `${JSON.stringify({ t, k: `typing=${this.a.name}`, what: 'typing', status: 200 })}\n`);
      await pause(jitter(1500));
      const tag = `#b${this.i}-${k}`;
      await this.api('POST', `/api/cs/sessions/${x}/agent-messages`,
        { content: `${internal ? 'Note' : 'Reply'} from ${this.a.name} ${tag}`, internal },
        internal ? 'conversationNote' : 'conversationReply', `msg=${tag}`);
      await pause(jitter(cfg.conversationEveryMs - 1500));
    }
  }
}

async function escalations() {
  const gap = 1000 / cfg.rate;
  const inFlight = [];
  for (let n = 1; !over(); ++n) {
    const tick = now();
    const customer = `team-${cfg.tag}-${n}`;
    // Not awaited: the rate holds whatever the server's answer takes.
    inFlight.push(call(cfg.adminToken, 'POST', '/api/cs/sessions', {
      companyId: cfg.company, customerId: customer, channel: 'chat',
      initialMessage: 'I need to talk to a person about my order, please',
    }, 'newEscalation', `cust=${customer}`));
    await pause(Math.max(0, gap - (now() - tick)));
  }
  await Promise.all(inFlight);
}

// Part of the run with automatic assignment: the admin switches desk.assignment.
async function switchToAutomatic() {
  if (!(cfg.automaticFrom > 0 && cfg.automaticFrom < 1)) return;
  await pause(cfg.durationS * 1000 * cfg.automaticFrom);
  const r = await call(cfg.adminToken, 'PUT', '/api/cs/config',
    { companyId: cfg.company, desk: { assignment: 'automatic' } }, 'config');
  automatic = r.status === 200;
  summary.automaticAtS = Math.round((now() - started) / 100) / 10;
}

async function main() {
  const agents = cfg.agents.map((a, i) => new Agent(i, a));
  await Promise.all(agents.map((a) => a.connect()));
  await agents[0].api('POST', `/api/cs/sessions/${cfg.conversation}/claim`, {}, 'claim');
  summary.startedAt = started;
  await Promise.all([
    ...agents.map((a) => a.work()),
    ...agents.map((a) => a.writeInConversation()),
    escalations(),
    switchToAutomatic(),
  ]);
  summary.seconds = Math.round(now() - started) / 1000;
  agents.forEach((a) => a.ws.close());
  fs.closeSync(logFd);
  process.stdout.write(`${JSON.stringify(summary)}\n`);
}

main().catch((e) => {
  process.stderr.write(`desk_agents: ${e.stack || e}\n`);
  process.exit(1);
});
