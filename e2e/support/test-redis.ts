import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { TEST_PORTS } from './test-ports.js';

/**
 * A Redis server of the test run's own (vitest global setup): tests never share keys, streams,
 * consumer groups or pub/sub channels with a running stack (`npm run up`) or another test run, by
 * construction. Redis pub/sub ignores database numbers, so a database of the stack's server would
 * not do. Real Redis (Debian's redis-server), password-protected like the stack's, no persistence.
 */
export const TEST_REDIS_URL_VARIABLE = 'SCS_TEST_REDIS_URL';

export const TEST_REDIS_PORT = TEST_PORTS.redis;

/** Fails when something already listens on the port (a process left from an aborted run, say). */
export async function assertPortFree(port: number, what: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const server = net.createServer();
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new Error(
          error.code === 'EADDRINUSE'
            ? `${what}: port ${port} is already in use by another process (one left from an aborted run?). ` +
                `Find it with: ss -ltnp 'sport = :${port}' — stop it, or set SCS_TEST_PORT_BASE to move the test ports.`
            : `${what}: cannot listen on port ${port}: ${error.message}`,
        ),
      ),
    );
    server.listen(port, '127.0.0.1', () => server.close(() => resolve()));
  });
}

export async function startTestRedis(): Promise<{ url: string; stop: () => Promise<void> }> {
  await assertPortFree(TEST_REDIS_PORT, 'test Redis');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'scs-test-redis-'));
  const password = randomBytes(24).toString('hex');
  const child: ChildProcess = spawn(
    'redis-server',
    [
      '--bind',
      '127.0.0.1',
      '--port',
      String(TEST_REDIS_PORT),
      '--dir',
      dir,
      '--save',
      '',
      '--appendonly',
      'no',
      '--requirepass',
      password,
      '--protected-mode',
      'yes',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const deadline = Date.now() + 10_000;
  while (!/Ready to accept connections/.test(output)) {
    if (child.exitCode !== null) throw new Error(`test Redis exited (${child.exitCode}):\n${output}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`test Redis did not start within 10 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  return {
    url: `redis://:${password}@127.0.0.1:${TEST_REDIS_PORT}`,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
