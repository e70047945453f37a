// The web call in a real browser: headless Debian Chromium, its microphone a WAV file that Flite
// spoke (`tierdesk voice say`, Chromium's --use-file-for-fake-audio-capture), opens /chat?key=,
// presses Call and asks for a person. The page shows the caller's words and the AI's, then that a
// person is next; the audio the page received is written out and must be heard back
// (`tierdesk voice hear`) as the AI's words. docs/chat-api.md, "Calls".
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { buildPath, startProgram } from './lib/program.mjs';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const noChromium = !existsSync(chromiumPath)
  && `${chromiumPath} is not installed (Debian package chromium; scripts/install-deps.sh installs it)`;

const tierdesk = buildPath('app/tierdesk');
let dataDir;
let server;
let widgetKey;
let browser;

function cli(args) {
  return execFileSync(tierdesk, ['--data-dir', dataDir, ...args],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
}

describe('the web call from the chat page in headless Chromium', { skip: noChromium, timeout: 120000 }, () => {
  before(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'tierdesk-webcall-e2e-'));
    const companyId = cli(['company', 'create', '--name', 'Web Call E2E']);
    server = await startProgram(tierdesk, ['--data-dir', dataDir, 'serve', '--port', '0', '--no-rate-limit']);
    widgetKey = cli(['token', 'create', '--company', companyId, '--kind', 'widget']);
    // The caller's microphone: the words, then quiet (Chromium plays the file in a loop).
    const microphone = path.join(dataDir, 'caller.wav');
    cli(['voice', 'say', 'i want to talk to a person', '--voice', 'rms', '--pad-ms', '8000', '--out', microphone]);
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update',
        '--disable-sync', '--no-first-run', '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream',
        `--use-file-for-fake-audio-capture=${microphone}`, '--autoplay-policy=no-user-gesture-required'],
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

  it('calls, is heard, is answered aloud and is put through to a person', async () => {
    const context = await browser.newContext({ viewport: { width: 720, height: 900 } });
    await context.grantPermissions(['microphone'], { origin: server.baseUrl });
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    // What the page receives over the call's WebSocket, kept to be heard back afterwards.
    await page.addInitScript(() => {
      window.callAudio = [];
      const Native = window.WebSocket;
      window.WebSocket = class extends Native {
        constructor(...args) {
          super(...args);
          this.addEventListener('message', (e) => {
            if (typeof e.data !== 'string')
              window.callAudio.push(Array.from(new Uint8Array(e.data)));
          });
        }
      };
    });
    await page.goto(`${server.baseUrl}/chat?key=${encodeURIComponent(widgetKey)}`);
    await page.getByRole('button', { name: 'Call' }).click();
    const transcript = page.locator('#call-transcript');
    await transcript.locator('li', { hasText: 'AI Rep: Hello' }).waitFor({ timeout: 30000 });
    await transcript.locator('li', { hasText: /^You: .*person/ }).waitFor({ timeout: 60000 });
    await page.locator('#call-state', { hasText: 'Waiting for a person' }).waitFor({ timeout: 30000 });
    // The AI's answer arrives as audio at the pace it is spoken: wait for a few seconds of it.
    await page.waitForFunction(() => window.callAudio.reduce((n, c) => n + c.length, 0) > 3 * 32000,
      null, { timeout: 30000 });
    const bytes = await page.evaluate(() => window.callAudio.flat());
    const heardFile = path.join(dataDir, 'heard.raw');
    writeFileSync(heardFile, Buffer.from(bytes));
    const heard = cli(['voice', 'hear', heardFile]);
    console.log(`# the page's audio, heard back: ${heard}`);
    assert.match(heard, /help|person|conversation/, `the page's audio was heard as: ${heard}`);
    await page.getByRole('button', { name: 'Hang up' }).click();
    await page.locator('#call-state', { hasText: 'Call ended' }).waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });
});
