// Starts a program of the build tree and waits for the base URL it prints on stdout
// ("... serving http://127.0.0.1:PORT ..."), so every e2e test gets a server on a free port.
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

// The build tree under test: TIERDESK_BUILD_DIR (set by tests/e2e/run.sh), else ./build.
export const buildDir = process.env.TIERDESK_BUILD_DIR ?? path.resolve(here, '../../../build');

export function buildPath(...parts) {
  return path.join(buildDir, ...parts);
}

// program: a path (relative ones are taken in the build tree). Resolves to
// { baseUrl, port, child, output(), stop() } once a URL matching urlPattern appears on stdout;
// rejects when the program exits first or prints none within timeoutMs.
export async function startProgram(program, args = [], options = {}) {
  const { urlPattern = /(https?:\/\/[^\s/]+)/, env = {}, timeoutMs = 20000 } = options;
  const file = path.isAbsolute(program) ? program : buildPath(program);
  const child = spawn(file, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const output = () => ({ stdout, stderr });

  const baseUrl = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${file} printed no URL within ${timeoutMs} ms\n${stdout}${stderr}`));
    }, timeoutMs);
    child.stdout.on('data', (d) => {
      stdout += d;
      const m = urlPattern.exec(stdout);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.on('error', (e) => { clearTimeout(timer); reject(e); });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${file} ended (${code ?? signal}) before printing a URL\n${stdout}${stderr}`));
    });
  });

  // SIGTERM, then the exit code (null when a signal ended it).
  async function stop() {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    }
    return child.exitCode;
  }
  return { baseUrl, port: Number(new URL(baseUrl).port), child, output, stop };
}

// `tierdesk --data-dir DATA ARGS...`'s standard output, trimmed; `input` goes to its standard input.
export function runCli(dataDir, args, input) {
  return execFileSync(buildPath('app/tierdesk'), ['--data-dir', dataDir, ...args],
    { encoding: 'utf8', input, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'ignore'] }).trim();
}

// A JSON request to a server of startProgram (with a bearer `token` when given): { status, body }.
export async function requestJson(server, method, route, { body, token } = {}) {
  const res = await fetch(server.baseUrl + route, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}
