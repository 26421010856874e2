import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, readFileSync, existsSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const STACK = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../bin/stack');

// Variables that point the stack somewhere; removed for the default-stack test.
const STACK_VARS = [
  'SCS_STATE_DIR', 'SCS_CACHE_DIR', 'PG_PORT', 'REDIS_PORT', 'OPENSEARCH_PORT',
  'OPENSEARCH_TRANSPORT_PORT', 'TEMPORAL_PORT', 'TEMPORAL_UI_PORT', 'TEMPORAL_HTTP_PORT',
];

interface Result { code: number | null; stdout: string; stderr: string; output: string }

function stack(args: string[], env: Record<string, string | undefined>, timeoutMs = 120_000): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(STACK, args, { env: { ...env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let output = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d; output += d; });
    child.stderr.on('data', (d: Buffer) => { stderr += d; output += d; });
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`stack ${args.join(' ')} timed out:\n${output}`)); }, timeoutMs);
    child.on('error', reject);
    // 'close' waits for stdout/stderr to close: a daemon holding them would hang here
    child.on('close', (code) => { clearTimeout(timer); resolve({ code, stdout, stderr, output }); });
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = net.connect({ host: '127.0.0.1', port });
    sock.once('connect', () => { sock.destroy(); resolve(true); });
    sock.once('error', () => resolve(false));
  });
}

/** alive = exists and is not a zombie */
function pidAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0];
    return state !== 'Z' && state !== 'X';
  } catch {
    return false;
  }
}

describe('infra/bin/stack (isolated state dir and ports, redis)', () => {
  let stateDir: string;
  let env: Record<string, string | undefined>;
  let redisPort: number;
  const pidFile = () => path.join(stateDir, 'run', 'redis.pid');
  const readPid = () => Number(readFileSync(pidFile(), 'utf8').trim().split(/\s+/)[0]);

  beforeAll(async () => {
    stateDir = mkdtempSync(path.join(os.tmpdir(), 'scs-stack-test-'));
    redisPort = await freePort();
    env = { ...process.env, SCS_STATE_DIR: stateDir, REDIS_PORT: String(redisPort) };
    // keep every other service of this instance off the dev stack's ports
    env.PG_PORT = String(await freePort());
    env.OPENSEARCH_PORT = String(await freePort());
    env.OPENSEARCH_TRANSPORT_PORT = String(await freePort());
    env.TEMPORAL_PORT = String(await freePort());
    env.TEMPORAL_UI_PORT = String(await freePort());
    env.TEMPORAL_HTTP_PORT = String(await freePort());
  });

  afterAll(async () => {
    if (stateDir) {
      await stack(['down', 'redis'], env).catch(() => undefined);
      rmSync(stateDir, { recursive: true, force: true });
    }
  });

  it('up twice: both succeed, the second one is a no-op (same pid)', async () => {
    const first = await stack(['up', 'redis'], env);
    expect(first.code, first.output).toBe(0);
    const pid1 = readPid();
    expect(pidAlive(pid1)).toBe(true);
    expect(await canConnect(redisPort)).toBe(true);

    const second = await stack(['up', 'redis'], env);
    expect(second.code, second.output).toBe(0);
    expect(second.output).toMatch(/redis: already running/);
    expect(readPid()).toBe(pid1);

    const status = await stack(['status', 'redis'], env);
    expect(status.code, status.output).toBe(0);
    expect(status.stdout).toMatch(/^redis\s+healthy\s+\d+/m);
  }, 60_000);

  it('down stops the process and frees the port', async () => {
    const pid = readPid();
    const down = await stack(['down', 'redis'], env);
    expect(down.code, down.output).toBe(0);
    expect(pidAlive(pid)).toBe(false);
    expect(existsSync(pidFile())).toBe(false);
    expect(await canConnect(redisPort)).toBe(false);

    const status = await stack(['status', 'redis'], env);
    expect(status.code).not.toBe(0);
    expect(status.stdout).toMatch(/^redis\s+stopped/m);

    // a second down is harmless
    const again = await stack(['down', 'redis'], env);
    expect(again.code, again.output).toBe(0);
  }, 60_000);

  it('a stale pidfile is cleaned up', async () => {
    const up = await stack(['up', 'redis'], env);
    expect(up.code, up.output).toBe(0);
    const pid = readPid();
    // kill it behind the stack's back: the pidfile is now stale
    process.kill(-pid, 'SIGKILL');
    for (let i = 0; i < 50 && pidAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
    const status = await stack(['status', 'redis'], env);
    expect(status.code).not.toBe(0);
    expect(status.stdout).toMatch(/^redis\s+stale-pidfile/m);
    const up2 = await stack(['up', 'redis'], env);
    expect(up2.code, up2.output).toBe(0);
    expect(readPid()).not.toBe(pid);
    const down = await stack(['down', 'redis'], env);
    expect(down.code, down.output).toBe(0);
  }, 60_000);

  it('up fails with the service name and its log when the port is taken', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(redisPort, '127.0.0.1', () => resolve()));
    try {
      const up = await stack(['up', 'redis'], env);
      expect(up.code).not.toBe(0);
      expect(up.output).toMatch(/redis/);
      // the output carries lines of redis' own log
      const log = readFileSync(path.join(stateDir, 'logs', 'redis.log'), 'utf8');
      const bindError = log.split('\n').reverse().find((l) => /Address already in use|Failed listening/.test(l));
      expect(bindError, log).toBeTruthy();
      expect(up.output).toContain(bindError);
      // nothing of ours is left behind
      expect(existsSync(pidFile())).toBe(false);
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
  }, 60_000);
});

describe('default dev stack', () => {
  it('status reports postgres, redis, opensearch and temporal healthy', async () => {
    const env: Record<string, string | undefined> = { ...process.env };
    for (const k of STACK_VARS) delete env[k];
    const res = await stack(['status', 'postgres', 'redis', 'opensearch', 'temporal'], env);
    expect(res.code, res.output).toBe(0);
    for (const svc of ['postgres', 'redis', 'opensearch', 'temporal']) {
      expect(res.stdout).toMatch(new RegExp(`^${svc}\\s+healthy\\s+\\d+`, 'm'));
    }
  }, 60_000);
});
