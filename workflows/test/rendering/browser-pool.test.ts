import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBrowserPool, renderPage, type BrowserPool } from '../../src/rendering/index.js';
import { executablePath, html, loopbackPolicy, startServer, type TestServer } from './support.js';

describe('createBrowserPool', { timeout: 60_000 }, () => {
  let server: TestServer;
  let pool: BrowserPool;
  let inFlight = 0;
  let peakInFlight = 0;

  beforeAll(async () => {
    server = await startServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      if (path === '/slow-data') {
        // The page's script waits for this; it is held long enough for renders to overlap.
        inFlight++;
        peakInFlight = Math.max(peakInFlight, inFlight);
        setTimeout(() => {
          inFlight--;
          res.writeHead(200, { 'content-type': 'text/plain' });
          res.end('late data');
        }, 700);
        return;
      }
      html(
        res,
        `<div id="out"></div><script>fetch('/slow-data').then((r) => r.text()).then((t) => { document.getElementById('out').textContent = t; });</script>`,
      );
    });
    pool = createBrowserPool({ executablePath, maxPages: 2, idleCloseMs: 30_000 });
  });

  afterAll(async () => {
    await pool?.close();
    await server?.close();
  });

  const render = () => renderPage(pool, `${server.origin}/page`, { policy: loopbackPolicy(server.port) });

  it('keeps at most maxPages pages open under 4 concurrent renders, in one browser', async () => {
    const results = await Promise.all([render(), render(), render(), render()]);
    for (const result of results) {
      expect(result.ok, JSON.stringify(result)).toBe(true);
      expect(result.ok && result.html).toContain('late data');
    }
    expect(pool.stats()).toMatchObject({ peak: 2, active: 0, waiting: 0, launches: 1 });
    expect(peakInFlight).toBe(2);
  });

  it('relaunches the browser after it was killed', async () => {
    const pid = pool.stats().pid;
    expect(pid).toBeTypeOf('number');
    process.kill(pid!, 'SIGKILL');
    for (let i = 0; i < 50 && pool.stats().pid !== undefined; i++) await sleep(100);
    expect(pool.stats().pid).toBeUndefined();
    const result = await render();
    expect(result.ok, JSON.stringify(result)).toBe(true);
    expect(pool.stats().launches).toBe(2);
    expect(pool.stats().pid).not.toBe(pid);
  });

  it('closes the browser when idle, and refuses work after close()', async () => {
    const idle = createBrowserPool({ executablePath, idleCloseMs: 200 });
    try {
      expect((await renderPage(idle, `${server.origin}/page`, { policy: loopbackPolicy(server.port) })).ok).toBe(true);
      const pid = idle.stats().pid!;
      expect(pid).toBeTypeOf('number');
      for (let i = 0; i < 50 && idle.stats().pid !== undefined; i++) await sleep(100);
      expect(idle.stats().pid).toBeUndefined();
      expect(() => process.kill(pid, 0)).toThrow(); // the process is gone
    } finally {
      await idle.close();
    }
    expect(await renderPage(idle, `${server.origin}/page`, { policy: loopbackPolicy(server.port) })).toMatchObject({ ok: false, reason: 'render_failed' });
  });
});
