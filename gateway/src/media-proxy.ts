import type { Logger } from '@scs/runtime/logger';
import type { Express } from 'express';

/** Response headers passed through from the knowledge service. */
const FORWARDED = ['content-type', 'content-length', 'cache-control', 'x-content-type-options', 'content-security-policy'];

/**
 * `/media/…` (thumbnails) on the public endpoint, forwarded to the knowledge subgraph, which checks
 * each URL's signature: browsers load images with plain GETs, without the API's credentials.
 */
export function mediaProxy(app: Express, deps: { knowledgeUrl: () => string | undefined; logger: Logger }): void {
  app.get('/media/*path', async (req, res) => {
    const target = deps.knowledgeUrl();
    if (!target) {
      res.status(503).type('text/plain').send('Not ready');
      return;
    }
    try {
      const upstream = await fetch(new URL(req.originalUrl, target), { signal: AbortSignal.timeout(10_000), redirect: 'error' });
      res.status(upstream.status);
      for (const name of FORWARDED) {
        const value = upstream.headers.get(name);
        if (value) res.setHeader(name, value);
      }
      res.send(Buffer.from(await upstream.arrayBuffer()));
    } catch (error) {
      deps.logger.warn({ err: error }, 'media request to knowledge failed');
      res.status(502).type('text/plain').send('Bad gateway');
    }
  });
}
