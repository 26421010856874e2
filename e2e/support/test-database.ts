import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { REPO_ROOT, TEST_DATABASE_URL_VARIABLE } from './stack-env.js';

/**
 * A PostgreSQL database of the test run's own (vitest global setup), created in the stack's server and dropped at
 * the end: concurrent runs on one machine (and the stack of `npm run up`) never see each other's rows, so one
 * run's chat cannot sweep another run's answers as orphans. Its name carries the creating process id, so
 * databases left by an aborted run are dropped by the next one.
 */
export { TEST_DATABASE_URL_VARIABLE };

const PREFIX = 'scs_test_run_';

function stackTestDatabaseUrl(): string {
  const output = execFileSync('bash', [`${REPO_ROOT}infra/bin/stack`, 'env'], { encoding: 'utf8' });
  const url = /^TEST_DATABASE_URL=(.+)$/m.exec(output)?.[1]?.trim();
  if (!url) throw new Error('`infra/bin/stack env` printed no TEST_DATABASE_URL');
  return url;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function withAdmin<T>(baseUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: baseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function startTestDatabase(): Promise<{ url: string; stop: () => Promise<void> }> {
  const baseUrl = stackTestDatabaseUrl();
  const name = `${PREFIX}${process.pid}_${randomBytes(4).toString('hex')}`;
  await withAdmin(baseUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [`${PREFIX}%`]);
    for (const { datname } of rows) {
      const pid = Number(/^scs_test_run_(\d+)_/.exec(datname)?.[1]);
      if (pid && !alive(pid)) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
    await client.query(`CREATE DATABASE "${name}"`);
  });
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    stop: () => withAdmin(baseUrl, async (client) => void (await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`))),
  };
}
