import { ConfigError } from './config.js';
import { createLogger } from './logger.js';

/**
 * Entry-point wrapper for every service process: a configuration problem or a failed start
 * is logged as one clear JSON line and the process exits non-zero, so the launcher reports it.
 */
export function runService(name: string, main: () => Promise<unknown>): void {
  loadDotEnv();
  main().catch((error: unknown) => {
    const logger = createLogger(name);
    if (error instanceof ConfigError) {
      logger.fatal({ problems: error.problems }, error.message);
      process.exit(78); // EX_CONFIG
    }
    logger.fatal({ err: error }, `${name} failed to start`);
    process.exit(1);
  });
}

/** A `.env` file in the working directory fills in variables the environment does not set. */
function loadDotEnv(): void {
  try {
    process.loadEnvFile('.env');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
