import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startService, TEST_PORTS } from '@scs/test-support';
import { baseEnvSchema, ConfigError, databaseEnvSchema, loadConfig, port } from '@scs/runtime/config';

const schema = baseEnvSchema.extend(databaseEnvSchema.shape).extend({ USERS_PORT: port(4001) });

describe('typed configuration', () => {
  it('applies defaults and coerces values', () => {
    const config = loadConfig(schema, { DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/db', USERS_PORT: '4123' });
    expect(config).toEqual({ NODE_ENV: 'production', LOG_LEVEL: 'info', DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/db', USERS_PORT: 4123 });
  });

  it('names every missing or malformed variable without echoing values', () => {
    let error: unknown;
    try {
      loadConfig(schema, { USERS_PORT: 'eighty', LOG_LEVEL: 'loud', SECRET: 'hunter2' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toEqual(
      expect.arrayContaining(['DATABASE_URL is required but not set', expect.stringMatching(/^USERS_PORT: /), expect.stringMatching(/^LOG_LEVEL: /)]),
    );
    expect((error as ConfigError).message).not.toContain('eighty');
  });

  it('stops a service at start-up with a message naming the bad variable', async () => {
    const service = await startService({
      name: 'users',
      entry: 'subgraphs/users/dist/main.js',
      port: TEST_PORTS.users,
      env: { DATABASE_URL: 'mysql://nope', USERS_PORT: String(TEST_PORTS.users) },
      waitForHealth: false,
    });
    const code = await service.exited;
    expect(code).toBe(78);
    const fatal = service.logLines().find((line) => line.level === 'fatal');
    expect(fatal).toMatchObject({ service: 'users', msg: expect.stringContaining('DATABASE_URL') });
  });

  it('refuses an unknown log level value type', () => {
    expect(() => loadConfig(z.object({ LOG_LEVEL: baseEnvSchema.shape.LOG_LEVEL }), { LOG_LEVEL: 'verbose' })).toThrow(ConfigError);
  });
});
