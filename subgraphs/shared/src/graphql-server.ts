import { createServer, type Server } from 'node:http';
import { ApolloServer, type ApolloServerOptions, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Request } from 'express';
import { checkService, type DependencyCheck } from './health.js';
import type { Logger } from './logger.js';
import { CORRELATION_HEADER, correlationIdFrom, runWithRequestContext } from './request-context.js';

export interface GraphQLServiceOptions<TContext extends BaseContext> {
  /** Service name, used in logs and in health reports. */
  name: string;
  host: string;
  port: number;
  logger: Logger;
  /** Everything ApolloServer needs except plugins, which are merged with the shared ones. */
  apollo: Omit<ApolloServerOptions<TContext>, 'plugins'> & { plugins?: ApolloServerPlugin<TContext>[] };
  /** Builds the per-request context; runs inside the request's correlation scope. */
  context: (args: { req: Request; correlationId: string }) => Promise<TContext>;
  /** Dependencies that must answer for `/readyz` to say ready. */
  checks: DependencyCheck[];
  /** Called with the HTTP server before it listens, e.g. to attach a WebSocket server. */
  onHttpServer?: (server: Server) => void;
  /** Releases the service's own resources (database pools, Redis) after the HTTP server has drained. */
  onShutdown?: () => Promise<void>;
  /** Largest accepted request body. */
  bodyLimit?: string;
}

export interface RunningService<TContext extends BaseContext> {
  url: string;
  apollo: ApolloServer<TContext>;
  httpServer: Server;
  stop: () => Promise<void>;
}

/** Logs every GraphQL error server-side with its stack; clients only see the formatted error. */
function errorLoggingPlugin<TContext extends BaseContext>(logger: Logger): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, operationName }) {
          for (const error of errors) {
            logger.warn({ operationName, err: error.originalError ?? error, path: error.path }, 'graphql error');
          }
        },
      };
    },
  };
}

/**
 * One HTTP process serving GraphQL on `/graphql`, liveness on `/healthz` and readiness on
 * `/readyz`, with a correlation id on every request and a graceful stop on SIGTERM/SIGINT.
 * The gateway and every subgraph start through this, so they behave alike.
 */
export async function startGraphQLService<TContext extends BaseContext>(
  options: GraphQLServiceOptions<TContext>,
): Promise<RunningService<TContext>> {
  const { logger } = options;
  const app = express();
  app.disable('x-powered-by');
  const httpServer = createServer(app);
  options.onHttpServer?.(httpServer);

  const apollo = new ApolloServer<TContext>({
    ...options.apollo,
    includeStacktraceInErrorResponses: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // Traces are for Apollo's hosted reporting, which this product does not use.
      ApolloServerPluginInlineTraceDisabled(),
      errorLoggingPlugin<TContext>(logger),
      ...(options.apollo.plugins ?? []),
    ],
  } as ApolloServerOptions<TContext>);
  await apollo.start();

  app.use((req, res, next) => {
    const correlationId = correlationIdFrom(req.headers[CORRELATION_HEADER]);
    res.setHeader(CORRELATION_HEADER, correlationId);
    const started = performance.now();
    runWithRequestContext({ correlationId }, () => {
      res.on('finish', () => {
        if (req.path === '/healthz' || req.path === '/readyz') return;
        logger.info(
          { correlationId, method: req.method, path: req.originalUrl.split('?')[0], status: res.statusCode, durationMs: Math.round(performance.now() - started) },
          'request',
        );
      });
      next();
    });
  });
  app.get('/healthz', (_req, res) => {
    res.json({ service: options.name, status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const status = await checkService(options.name, options.checks);
    res.status(status.ready ? 200 : 503).json(status);
  });
  app.use(
    '/graphql',
    express.json({ limit: options.bodyLimit ?? '256kb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => options.context({ req, correlationId: String(req.res?.getHeader(CORRELATION_HEADER)) }),
    }),
  );

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, options.host, () => resolve());
  });
  const url = `http://${options.host}:${options.port}/graphql`;
  logger.info({ url }, `${options.name} listening`);

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      logger.info('shutting down');
      await apollo.stop();
      await options.onShutdown?.();
      logger.info('stopped');
    })());
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      void stop().then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
    });
  }
  return { url, apollo, httpServer, stop };
}
