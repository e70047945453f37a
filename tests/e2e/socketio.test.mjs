// The real socket.io-client (npm) against tierdesk::socketio::SocketIoServer, in the
// tierdesk_socketio_echo test program (tests/e2e/socketio_echo.cpp), over each transport.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { after, before, describe, it } from 'node:test';
import { io } from 'socket.io-client';

import { startProgram } from './lib/program.mjs';

const auth = { token: 'secret' };
const transportsToTest = [
  { name: 'polling then upgrade (default)', options: {}, upgraded: true },
  { name: 'websocket only', options: { transports: ['websocket'] }, upgraded: false },
  { name: 'polling only', options: { transports: ['polling'] }, upgraded: false },
];

let server;
const clients = [];

function connect(options) {
  const socket = io(server.baseUrl, { reconnection: false, forceNew: true, timeout: 10000, ...options });
  clients.push(socket);
  return socket;
}

async function connected(socket) {
  const [result] = await Promise.race([once(socket, 'connect'), once(socket, 'connect_error').then(([e]) => { throw e; })]);
  return result;
}

// Emits with a callback and resolves with every argument the server acknowledged with.
function withAck(socket, event, ...args) {
  return new Promise((resolve, reject) => {
    socket.timeout(5000).emit(event, ...args, (error, ...replies) => (error ? reject(error) : resolve(replies)));
  });
}

// Resolves once the client runs on `name`, whether it got there before or after this call.
async function transportIs(socket, name) {
  const engine = socket.io.engine;
  while (engine.transport.name !== name)
    await once(engine, 'upgrade');
}

before(async () => {
  // Short heartbeats, so each test also lives through several ping/pong rounds.
  server = await startProgram('tests/e2e/tierdesk_socketio_echo', ['--ping-interval', '200', '--ping-timeout', '2000']);
});

after(async () => {
  for (const socket of clients)
    socket.disconnect();
  const code = await server.stop();
  assert.equal(code, 0, `the echo server exited with ${code}: ${server.output().stderr}`);
});

for (const { name, options, upgraded } of transportsToTest) {
  describe(`socket.io-client, ${name}`, { timeout: 20000 }, () => {
    it('connects, exchanges events with acks and survives heartbeats', async () => {
      const socket = connect({ ...options, auth });
      await connected(socket);
      assert.match(socket.id, /^[A-Za-z0-9_-]{20,}$/);
      if (upgraded)
        await transportIs(socket, 'websocket');
      else
        assert.equal(socket.io.engine.transport.name, options.transports[0]);

      const reply = await withAck(socket, 'echo', 'héllo', { n: 1, list: [1, 2] }, null);
      assert.deepEqual(reply, ['héllo', { n: 1, list: [1, 2] }, null]);

      // Without an ack the server answers with an event.
      const echoed = once(socket, 'echo');
      socket.emit('echo', 'plain');
      assert.deepEqual(await echoed, ['plain']);

      // Two server pings answered by the client (every 200 ms), then still talking.
      await once(socket.io.engine, 'ping');
      await once(socket.io.engine, 'ping');
      assert.deepEqual(await socket.timeout(5000).emitWithAck('echo', 2), 2);
      assert.equal(socket.connected, true);
    });

    it('joins a room and receives its broadcast', async () => {
      const alice = connect({ ...options, auth });
      const bob = connect({ ...options, auth });
      const outsider = connect({ ...options, auth });
      await Promise.all([connected(alice), connected(bob), connected(outsider)]);

      assert.deepEqual(await withAck(alice, 'join', 'room-1'), ['joined', 'room-1']);
      assert.deepEqual(await withAck(bob, 'join', 'room-1'), ['joined', 'room-1']);
      let outsiderHeard = false;
      outsider.on('shouted', () => { outsiderHeard = true; });

      const heardByAlice = once(alice, 'shouted');
      const heardByBob = once(bob, 'shouted');
      bob.emit('shout', 'room-1', 'hi all');
      const expected = { room: 'room-1', text: 'hi all', from: bob.id };
      assert.deepEqual(await heardByAlice, [expected]);
      assert.deepEqual(await heardByBob, [expected]);
      // An ack round trip after the broadcast: had the outsider been sent it, it would be here by now.
      await outsider.timeout(5000).emitWithAck('echo', 'sync');
      assert.equal(outsiderHeard, false);
    });

    it('sees a refused connect as connect_error', async () => {
      const socket = connect({ ...options, auth: { token: 'wrong' } });
      const [error] = await once(socket, 'connect_error');
      assert.equal(error.message, 'invalid token');
      assert.equal(socket.connected, false);
    });

    it('is told when the server disconnects it', async () => {
      const socket = connect({ ...options, auth });
      await connected(socket);
      const disconnected = once(socket, 'disconnect');
      socket.emit('bye');
      const [reason] = await disconnected;
      assert.equal(reason, 'io server disconnect');
    });
  });
}
