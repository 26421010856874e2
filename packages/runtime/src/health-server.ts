import { createServer, type Server } from 'node:http';
import { checkService, type DependencyCheck } from './health.js';
import type { Logger } from './logger.js';
import { initMetrics, sendMetrics } from './observability/metrics.js';

/**
 * Liveness (`/healthz`), readiness (`/readyz`: every dependency answers) and Prometheus metrics
 * (`/metrics`) for processes that serve no GraphQL, such as Temporal workers, so they are started,
 * watched and scraped like the others.
 */
export async function startHealthServer(options: { name: string; host: string; port: number; checks: DependencyCheck[]; logger: Logger }): Promise<Server> {
  initMetrics(options.name);
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/healthz') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ service: options.name, status: 'ok' }));
    } else if (path === '/readyz') {
      void checkService(options.name, options.checks).then((status) => {
        res.writeHead(status.ready ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify(status));
      });
    } else if (path === '/metrics') {
      void sendMetrics(res);
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  options.logger.info({ url: `http://${options.host}:${options.port}/readyz` }, `${options.name} health endpoint listening`);
  return server;
}
