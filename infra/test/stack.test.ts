import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stackEnv } from '@scs/test-support';

const STACK = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../bin/stack');

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
  output: string;
}

/** Runs `stack ARGS` the way a new user would: under `umask 077`. */
function stack(args: string[], env: Record<string, string | undefined>, timeoutMs = 300_000): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', 'umask 077 && exec "$0" "$@"', STACK, ...args], { env: { ...env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let output = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d;
      output += d;
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d;
      output += d;
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`stack ${args.join(' ')} timed out:\n${output}`));
    }, timeoutMs);
    child.on('error', reject);
    // 'close' waits for stdout/stderr to close: a daemon holding them would hang here
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, output });
    });
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
    sock.once('connect', () => {
      sock.destroy();
      resolve(true);
    });
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

/** `stack status` rows as { service: { state, pid } }. */
async function statusOf(env: Record<string, string | undefined>, ...services: string[]) {
  const res = await stack(['status', ...services], env);
  const rows: Record<string, { state: string; pid: number }> = {};
  for (const line of res.stdout.split('\n').slice(1)) {
    const [name, state, pid] = line.trim().split(/\s+/);
    if (name && state) rows[name] = { state, pid: Number(pid) || 0 };
  }
  return { code: res.code, rows, output: res.output };
}

const DATA_SERVICES = ['postgres', 'redis', 'opensearch', 'temporal'];

describe('the stack from an empty state directory under umask 077 (own ports, beside the dev stack)', () => {
  let stateDir: string;
  let env: Record<string, string | undefined>;
  let redisPort: number;
  let usersPort: number;

  beforeAll(async () => {
    stateDir = mkdtempSync(path.join(os.tmpdir(), 'scs-stack-test-'));
    redisPort = await freePort();
    usersPort = await freePort();
    env = { ...process.env, SCS_STATE_DIR: stateDir, REDIS_PORT: String(redisPort), USERS_PORT: String(usersPort) };
    for (const k of ['PG_PORT', 'OPENSEARCH_PORT', 'OPENSEARCH_TRANSPORT_PORT', 'TEMPORAL_PORT', 'TEMPORAL_UI_PORT', 'TEMPORAL_HTTP_PORT']) {
      env[k] = String(await freePort());
    }
    // the cache (downloads, the OpenSearch build, the temporal binary) is shared with the dev stack
    delete env.NODE_ENV;
    delete env.SCS_DEV;
  });

  afterAll(async () => {
    if (stateDir) {
      await stack(['down'], env).catch(() => undefined);
      rmSync(stateDir, { recursive: true, force: true });
    }
  });

  it('up starts every data service healthy, with modes that the service user can use', async () => {
    const up = await stack(['up', ...DATA_SERVICES], env);
    expect(up.code, up.output).toBe(0);
    const status = await statusOf(env, ...DATA_SERVICES);
    expect(status.code, status.output).toBe(0);
    for (const svc of DATA_SERVICES) expect(status.rows[svc]?.state, status.output).toBe('healthy');
    // the state dir is reachable by the service user; the secrets are root's alone
    expect(statSync(stateDir).mode & 0o777).toBe(0o755);
    expect(statSync(path.join(stateDir, 'app-secrets.env')).mode & 0o777).toBe(0o600);
    expect(statSync(path.join(stateDir, 'redis', 'redis.conf')).mode & 0o777).toBe(0o600);
  }, 400_000);

  it('Redis asks for the password the app services get', async () => {
    const plain = await new Promise<string>((resolve, reject) => {
      const sock = net.connect({ host: '127.0.0.1', port: redisPort }, () => sock.write('PING\r\n'));
      sock.once('data', (d) => {
        sock.destroy();
        resolve(d.toString());
      });
      sock.once('error', reject);
    });
    expect(plain).toMatch(/^-NOAUTH/);
    const usersEnv = await stack(['service-env', 'users'], env);
    expect(usersEnv.code, usersEnv.output).toBe(0);
    // masked where it holds a secret; `stack env` prints the address only
    expect(usersEnv.stdout).not.toMatch(/REDIS_PASSWORD=[^*]/);
    const printed = await stack(['env'], env);
    expect(printed.stdout).toContain(`REDIS_URL=redis://127.0.0.1:${redisPort}\n`);
    expect(printed.stdout).not.toMatch(/SECRET|PASSWORD|redis:\/\/:/);
  }, 60_000);

  it('up again is a no-op: the same processes stay', async () => {
    const before = await statusOf(env, ...DATA_SERVICES);
    const again = await stack(['up', ...DATA_SERVICES], env);
    expect(again.code, again.output).toBe(0);
    for (const svc of DATA_SERVICES) expect(again.output).toMatch(new RegExp(`${svc}: already running and healthy`));
    const after = await statusOf(env, ...DATA_SERVICES);
    for (const svc of DATA_SERVICES) expect(after.rows[svc]?.pid).toBe(before.rows[svc]?.pid);
  }, 120_000);

  it('supervision: a data service and an app service killed with SIGKILL are back and healthy by themselves', async () => {
    const up = await stack(['up', 'users'], env);
    expect(up.code, up.output).toBe(0);
    const before = await statusOf(env, 'redis', 'users');
    const redisPid = before.rows.redis!.pid;
    const usersPid = before.rows.users!.pid;
    expect(pidAlive(redisPid) && pidAlive(usersPid), before.output).toBe(true);

    process.kill(redisPid, 'SIGKILL');
    process.kill(usersPid, 'SIGKILL');
    // The requirement: healthy again within 30 s without anyone acting.
    const deadline = Date.now() + 30_000;
    let now = before;
    while (Date.now() < deadline) {
      now = await statusOf(env, 'redis', 'users');
      const back = (svc: string, old: number) => now.rows[svc]?.state === 'healthy' && now.rows[svc]!.pid !== old;
      if (back('redis', redisPid) && back('users', usersPid)) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(now.rows.redis, now.output).toMatchObject({ state: 'healthy' });
    expect(now.rows.users, now.output).toMatchObject({ state: 'healthy' });
    expect(now.rows.redis!.pid).not.toBe(redisPid);
    expect(now.rows.users!.pid).not.toBe(usersPid);
    expect(await fetch(`http://127.0.0.1:${usersPort}/readyz`).then((r) => r.status)).toBe(200);
  }, 120_000);

  it('up leaves a running app alone while its build and settings are unchanged, and restarts it when they change', async () => {
    const first = await statusOf(env, 'users');
    const same = await stack(['up', 'users'], env);
    expect(same.code, same.output).toBe(0);
    expect(same.output).toMatch(/users: already running and healthy/);
    expect((await statusOf(env, 'users')).rows.users!.pid).toBe(first.rows.users!.pid);

    // a setting it is launched with changes (the build stamp works the same way: lib/service.sh)
    const changed = await stack(['up', 'users'], { ...env, LOG_LEVEL: 'debug' });
    expect(changed.code, changed.output).toBe(0);
    expect(changed.output).toMatch(/users: running code or settings older than the current build: restarting it/);
    const after = await statusOf(env, 'users');
    expect(after.rows.users, after.output).toMatchObject({ state: 'healthy' });
    expect(after.rows.users!.pid).not.toBe(first.rows.users!.pid);
  }, 120_000);

  it('up of a service whose port another process holds fails, naming the port and the holder', async () => {
    const down = await stack(['down', 'redis'], env);
    expect(down.code, down.output).toBe(0);
    expect(await canConnect(redisPort)).toBe(false);
    // the app services of this stack keep reconnecting to Redis: drop them, so close() returns
    const blocker = net.createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => blocker.listen(redisPort, '127.0.0.1', () => resolve()));
    try {
      const up = await stack(['up', 'redis'], env);
      expect(up.code).not.toBe(0);
      expect(up.output).toContain(`redis: port ${redisPort} is already in use`);
      expect(up.output).toMatch(new RegExp(`${process.pid} node`));
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
    const status = await statusOf(env, 'redis');
    expect(status.rows.redis?.state).toBe('stopped');
  }, 60_000);

  it('down of everything stops every service and supervisord, and frees the ports', async () => {
    const pids = Object.values((await statusOf(env, ...DATA_SERVICES, 'users')).rows)
      .map((r) => r.pid)
      .filter(Boolean);
    const supervisord = Number(readFileSync(path.join(stateDir, 'run', 'supervisord.pid'), 'utf8').trim());
    const down = await stack(['down'], env);
    expect(down.code, down.output).toBe(0);
    for (const pid of [...pids, supervisord]) expect(pidAlive(pid), `pid ${pid}`).toBe(false);
    for (const port of [env.PG_PORT, env.OPENSEARCH_PORT, env.TEMPORAL_PORT, String(usersPort)]) expect(await canConnect(Number(port))).toBe(false);
  }, 180_000);
});

describe('configuration precedence: environment, then .env, then the defaults', () => {
  let dir: string;
  let env: Record<string, string | undefined>;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'scs-dotenv-test-'));
    // mkdtemp makes it 0700: the state dir inside must be reachable by the service user
    chmodSync(dir, 0o755);
    writeFileSync(path.join(dir, '.env'), 'LLM_MODEL_PATH=/models/from-dotenv.gguf\nUSERS_PORT=4999 # a comment\n');
    env = { ...process.env, SCS_STATE_DIR: path.join(dir, 'state'), SCS_DOTENV: path.join(dir, '.env') };
    delete env.LLM_MODEL_PATH;
    delete env.USERS_PORT;
    delete env.NODE_ENV;
    delete env.SCS_DEV;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const serviceEnv = async (svc: string, extra: Record<string, string> = {}) => {
    const res = await stack(['service-env', svc], { ...env, ...extra });
    expect(res.code, res.output).toBe(0);
    return Object.fromEntries(
      res.stdout
        .trim()
        .split('\n')
        .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
    );
  };

  it('a .env line wins over the stack default', async () => {
    const vars = await serviceEnv('llm-server');
    expect(vars.LLM_MODEL_PATH).toBe('/models/from-dotenv.gguf');
    expect((await serviceEnv('users')).USERS_PORT).toBe('4999');
  });

  it('the environment wins over .env', async () => {
    const vars = await serviceEnv('llm-server', { LLM_MODEL_PATH: '/models/from-env.gguf' });
    expect(vars.LLM_MODEL_PATH).toBe('/models/from-env.gguf');
  });

  it('without either, the default', async () => {
    const vars = await serviceEnv('llm-server', { SCS_DOTENV: path.join(dir, 'missing.env') });
    expect(vars.LLM_MODEL_PATH).toMatch(/\/models\/llm\/[^/]+\.gguf$/);
  });

  it('what `npm run up` starts runs production defaults; development only when asked', async () => {
    expect((await serviceEnv('gateway')).NODE_ENV).toBe('production');
    expect((await serviceEnv('gateway', { SCS_DEV: '1' })).NODE_ENV).toBe('development');
  });
});

// The stack `npm test` started: the test run's own environment names it (SCS_STATE_DIR and the ports, if set).
describe('the stack npm test runs against', () => {
  it('status reports postgres, redis, opensearch and temporal healthy', async () => {
    const env: Record<string, string | undefined> = { ...process.env };
    const res = await statusOf(env, ...DATA_SERVICES);
    expect(res.code, res.output).toBe(0);
    for (const svc of DATA_SERVICES) expect(res.rows[svc]?.state, res.output).toBe('healthy');
  }, 60_000);

  it('the tests never use its Redis: they have a server of their own', async () => {
    const env: Record<string, string | undefined> = { ...process.env };
    const printed = await stack(['env'], env);
    const stackRedis = new URL(/^REDIS_URL=(.*)$/m.exec(printed.stdout)![1]!);
    const testRedis = new URL(stackEnv().REDIS_URL!);
    expect(testRedis.port).not.toBe(stackRedis.port);
  }, 60_000);
});
