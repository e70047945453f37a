// /api/openapi.json of `tierdesk serve` passes `redocly lint` (npm @redocly/cli) with the
// repository's redocly.yaml: any error fails; warnings are printed.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, it } from 'node:test';

import { buildPath, startProgram } from './lib/program.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
let dataDir;
let server;

before(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'tierdesk-openapi-'));
  server = await startProgram(buildPath('app/tierdesk'), ['--data-dir', dataDir, 'serve', '--port', '0']);
});

after(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

it('serves an OpenAPI document that redocly lints without errors', async () => {
  const res = await fetch(`${server.baseUrl}/api/openapi.json`);
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type'), /^application\/json/);
  const doc = await res.json();
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
