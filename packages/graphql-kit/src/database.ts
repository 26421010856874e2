import { MikroORM, type EntityClass, type MigrationObject, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import pg from 'pg';
import type { Logger } from '@scs/runtime/logger';

export interface DatabaseOptions {
  /** postgres:// URL of the server. */
  url: string;
  /** PostgreSQL schema the service owns; nothing else writes to it. */
  schema: string;
  entities: EntityClass<unknown>[];
  /** Migrations in the order they must run. Listed explicitly so the compiled service needs no file globbing. */
  migrations: MigrationObject[];
  logger: Logger;
  /** Connection pool size per instance; services are stateless and scale out, so keep it modest. */
  poolSize?: number;
}

/**
 * Opens the service's MikroORM instance and brings its schema up to date.
 * Several instances (and services sharing migrations, like the audit trail) may start at once: one
 * PostgreSQL advisory lock for all migrations lets one migrate while the others wait, then they find
 * nothing pending.
 */
export async function openDatabase(options: DatabaseOptions): Promise<MikroORM> {
  const config: Options = {
    clientUrl: options.url,
    schema: options.schema,
    entities: options.entities,
    extensions: [Migrator],
    pool: { min: 0, max: options.poolSize ?? 10 },
    migrations: {
      tableName: `${options.schema}.mikro_orm_migrations`,
      migrationsList: options.migrations,
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      silent: true,
    },
    debug: false,
    allowGlobalContext: false,
  };
  const orm = await MikroORM.init(config);
  try {
    await withAdvisoryLock(options.url, 'scs:migrations', async () => {
      const applied = await orm.migrator.up();
      if (applied.length > 0) {
        options.logger.info({ schema: options.schema, migrations: applied.map((m) => m.name) }, 'migrations applied');
      }
    });
  } catch (error) {
    await orm.close(true);
    throw error;
  }
  return orm;
}

async function withAdvisoryLock(url: string, key: string, fn: () => Promise<void>): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock(hashtext($1))', [key]);
    await fn();
  } finally {
    // Closing the session releases the lock even if the unlock query fails.
    await client.query('select pg_advisory_unlock(hashtext($1))', [key]).catch(() => undefined);
    await client.end();
  }
}

/** Dependency probe for health checks: one round trip to the server. */
export function databaseCheck(orm: MikroORM) {
  return {
    name: 'postgresql',
    check: async () => {
      const rows = await orm.em.getConnection().execute<{ version: string }[]>("select current_setting('server_version') as version");
      return `PostgreSQL ${rows[0]?.version ?? 'unknown'}`;
    },
  };
}
