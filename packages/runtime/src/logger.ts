import { pino, type Logger } from 'pino';
import { activeTraceIds } from './observability/tracing.js';
import { currentRequestContext } from './request-context.js';

export type { Logger };

/**
 * Structured JSON logs. The correlation id of the request being served is added to every
 * line, so one request can be followed across the gateway and the subgraphs.
 * Secrets are redacted by path wherever they may appear.
 */
export function createLogger(service: string, level: string = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    mixin() {
      const ctx = currentRequestContext();
      return ctx ? { correlationId: ctx.correlationId, ...activeTraceIds() } : activeTraceIds();
    },
    redact: {
      paths: ['password', '*.password', 'token', '*.token', 'authorization', '*.authorization', 'headers.authorization', 'headers.cookie'],
      censor: '[redacted]',
    },
  });
}
