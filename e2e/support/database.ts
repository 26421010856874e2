import { Pool } from 'pg';
import { stackEnv } from './stack-env.js';

let pool: Pool | undefined;

/** Reads the test database directly, for assertions on what services stored. */
export async function queryDatabase<Row extends Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<Row[]> {
  pool ??= new Pool({ connectionString: stackEnv().DATABASE_URL, max: 2, allowExitOnIdle: true });
  return (await pool.query<Row>(sql, params)).rows;
}
