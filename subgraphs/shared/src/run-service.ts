import { ConfigError } from './config.js';
import { createLogger } from './logger.js';

/**
 * Entry-point wrapper for every service process: a configuration problem or a failed start
 * is logged as one clear JSON line and the process exits non-zero, so the launcher reports it.
 */
export function runService(name: string, main: () => Promise<unknown>): void {
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
