import { createServer, type Server } from 'node:http';
import { ApolloServer, type ApolloServerOptions, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { GraphQLError } from 'graphql';
import { verifyIdentity } from './auth/identity.js';
import { IDENTITY_HEADER, type Identity } from '@scs/contracts/identity';
import { httpStatusFor, PUBLIC_ERROR_CODES, withoutSuggestions } from './auth/errors.js';
import type { GraphQLFormattedError } from 'graphql';
import { checkService, type DependencyCheck } from '@scs/runtime/health';
import type { Logger } from '@scs/runtime/logger';
import { CORRELATION_HEADER, correlationIdFrom, runWithRequestContext } from '@scs/runtime/request-context';
import { countRefusedRequest, graphqlMetricsPlugin } from './observability/graphql-metrics.js';
import { initMetrics, sendMetrics } from '@scs/runtime/observability/metrics';
import { nameServerSpan, shutdownTracing } from '@scs/runtime/observability/tracing';

export interface GraphQLServiceOptions<TContext extends BaseContext> {
  /** Service name, used in logs and in health reports. */
  name: string;
  host: string;
  port: number;
  logger: Logger;
  /** Everything ApolloServer needs except plugins, which are merged with the shared ones. */
  apollo: Omit<ApolloServerOptions<TContext>, 'plugins'> & { plugins?: ApolloServerPlugin<TContext>[] };
  /**
   * Establishes who is calling before any GraphQL runs; throwing refuses the request
   * (401, or the status a GraphQLError's `extensions.http` names). Subgraphs use
   * `gatewayIdentity(secret)`; the gateway authenticates tokens and API keys.
   */
  authenticate: (req: Request) => Promise<Identity>;
  /** Builds the per-request context; runs inside the request's correlation scope. */
  context: (args: { req: Request; correlationId: string; identity: Identity }) => Promise<TContext>;
  /** Dependencies that must answer for `/readyz` to say ready. */
  checks: DependencyCheck[];
  /** Adds plain HTTP routes beside /graphql (they do their own authorization). */
  routes?: (app: Express) => void;
  /** Called with the HTTP server before it listens, e.g. to attach a WebSocket server. */
  onHttpServer?: (server: Server) => void;
  /** Releases the service's own resources (database pools, Redis) after the HTTP server has drained. */
  onShutdown?: () => Promise<void>;
  /** Largest accepted request body. */
  bodyLimit?: string;
  /** Strip "Did you mean …?" hints from error messages (the public gateway outside development). */
  hideSuggestions?: boolean;
}

export interface RunningService<TContext extends BaseContext> {
  url: string;
  apollo: ApolloServer<TContext>;
  httpServer: Server;
  stop: () => Promise<void>;
}

const PUBLIC_CODES = new Set<string>(PUBLIC_ERROR_CODES);

/**
 * What clients see of an error: known codes keep their message (written for people); anything
 * else becomes a plain "internal error" with no detail. The full error is in the service log.
 */
export function maskInternalErrors(formatted: GraphQLFormattedError): GraphQLFormattedError {
  formatted = describeValidationErrors(formatted);
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && PUBLIC_CODES.has(code)) {
    // Internals stay inside: which subgraph answered, its URL and raw response, stacks.
    const { stacktrace: _s, exception: _e, response: _r, serviceName: _n, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  return {
    message: 'Internal server error.',
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

interface ValidationFailure {
  property: string;
  constraints?: Record<string, string>;
  children?: ValidationFailure[];
}

/**
 * type-graphql reports input validation as "Argument Validation Error" with class-validator's
 * details, which also echo the submitted object (passwords included). Clients get the rule
 * messages instead ("displayName must be 1 to 100 characters") and the first offending field.
 */
function describeValidationErrors(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const failures = formatted.extensions?.validationErrors as ValidationFailure[] | undefined;
  if (!Array.isArray(failures)) return formatted;
  const flat: { field: string; message: string }[] = [];
  const walk = (list: ValidationFailure[], prefix: string) => {
    for (const f of list) {
      const field = prefix ? `${prefix}.${f.property}` : f.property;
      for (const message of Object.values(f.constraints ?? {})) flat.push({ field, message });
      walk(f.children ?? [], field);
    }
  };
  walk(failures, '');
  const { validationErrors: _v, ...extensions } = formatted.extensions ?? {};
  return {
    ...formatted,
    message: flat.length ? flat.map((f) => f.message).join('; ') : 'The input is not valid.',
    extensions: { ...extensions, code: 'BAD_USER_INPUT', ...(flat[0] ? { field: flat[0].field } : {}) },
  };
}

export function hideSuggestionsIn(formatted: GraphQLFormattedError): GraphQLFormattedError {
  return { ...formatted, message: withoutSuggestions(formatted.message) };
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
 * One HTTP process serving GraphQL on `/graphql`, liveness on `/healthz`, readiness on `/readyz`
 * and Prometheus metrics on `/metrics` (operation latency, errors by code, Node.js), with a
 * correlation id on every request and a graceful stop on SIGTERM/SIGINT.
 * The gateway and every subgraph start through this, so they behave alike.
 */
export async function startGraphQLService<TContext extends BaseContext>(options: GraphQLServiceOptions<TContext>): Promise<RunningService<TContext>> {
  const { logger } = options;
  initMetrics(options.name);
  const app = express();
  app.disable('x-powered-by');
  const httpServer = createServer(app);
  options.onHttpServer?.(httpServer);

  const apollo = new ApolloServer<TContext>({
    ...options.apollo,
    includeStacktraceInErrorResponses: false,
    formatError: options.hideSuggestions ? (formatted) => hideSuggestionsIn(maskInternalErrors(formatted)) : maskInternalErrors,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // Traces are for Apollo's hosted reporting, which this product does not use.
      ApolloServerPluginInlineTraceDisabled(),
      errorLoggingPlugin<TContext>(logger),
      graphqlMetricsPlugin<TContext>(),
      ...(options.apollo.plugins ?? []),
    ],
  } as ApolloServerOptions<TContext>);
  await apollo.start();

  app.use((req, res, next) => {
    const correlationId = correlationIdFrom(req.headers[CORRELATION_HEADER]);
    res.setHeader(CORRELATION_HEADER, correlationId);
    // The HTTP server span (tracing on): named by route, and joined to the logs by the correlation id.
    nameServerSpan(req.method, req.path.startsWith('/media/') ? '/media/*' : req.path, { 'scs.correlation_id': correlationId });
    const started = performance.now();
    runWithRequestContext({ correlationId }, () => {
      res.on('finish', () => {
        if (req.path === '/healthz' || req.path === '/readyz' || req.path === '/metrics') return;
        logger.info(
          {
            correlationId,
            method: req.method,
            path: req.originalUrl.split('?')[0],
            status: res.statusCode,
            durationMs: Math.round(performance.now() - started),
          },
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
  // For the scraper inside the deployment; keep it off the public ingress (see infra/README.md).
  app.get('/metrics', (_req, res) => void sendMetrics(res));
  options.routes?.(app);
  app.use(
    '/graphql',
    express.json({ limit: options.bodyLimit ?? '64kb' }),
    async (req, res, next) => {
      try {
        res.locals.identity = await options.authenticate(req);
        next();
      } catch (error) {
        const known = error instanceof GraphQLError && typeof error.extensions.code === 'string';
        const http = known ? httpStatusFor(error.extensions) : undefined;
        const body = req.body as { operationName?: unknown } | undefined;
        countRefusedRequest(
          known ? String(error.extensions.code) : 'UNAUTHENTICATED',
          typeof body?.operationName === 'string' ? body.operationName : undefined,
        );
        for (const [name, value] of http?.headers ?? []) res.setHeader(name, value);
        res.status(http?.status ?? 401).json({
          errors: [
            known ? { message: error.message, extensions: error.extensions } : { message: 'Authentication failed.', extensions: { code: 'UNAUTHENTICATED' } },
          ],
        });
      }
    },
    expressMiddleware(apollo, {
      context: async ({ req, res }) =>
        options.context({ req, correlationId: String(res.getHeader(CORRELATION_HEADER)), identity: res.locals.identity as Identity }),
    }),
  );

  // Bodies that never reached GraphQL (too large, not JSON) get a GraphQL-shaped answer, not an HTML stack trace.
  app.use((error: { status?: number; type?: string }, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    const status = typeof error.status === 'number' && error.status >= 400 && error.status < 500 ? error.status : 500;
    if (status === 500) logger.error({ err: error }, 'request failed outside GraphQL');
    countRefusedRequest(status === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST');
    const message = status === 413 ? 'The request body is too large.' : status === 500 ? 'Internal server error.' : 'The request body is not valid JSON.';
    res.status(status).json({ errors: [{ message, extensions: { code: status === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST' } }] });
  });

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
      await shutdownTracing();
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

/**
 * For subgraphs: accept only requests carrying an identity the gateway signed, so nothing
 * reaches a subgraph around the gateway's authentication, limits and policy.
 */
export function gatewayIdentity(secret: string): (req: Request) => Promise<Identity> {
  return async (req) => {
    const token = req.headers[IDENTITY_HEADER];
    if (typeof token !== 'string' || token.length === 0) {
      throw new GraphQLError('This service only accepts requests through the gateway.', { extensions: { code: 'UNAUTHENTICATED' } });
    }
    try {
      return await verifyIdentity(token, secret);
    } catch {
      throw new GraphQLError('The request identity is invalid or expired; send requests through the gateway.', {
        extensions: { code: 'UNAUTHENTICATED' },
      });
    }
  };
}
