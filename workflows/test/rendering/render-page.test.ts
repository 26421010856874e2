import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBrowserPool, renderPage, type BrowserPool, type InterceptedRequest } from '../../src/rendering/index.js';
import { startFixtureSite, type FixtureSite } from '../fixture-site/site.js';
import { executablePath, html, loopbackPolicy, startServer, type TestServer } from './support.js';

describe('renderPage', { timeout: 60_000 }, () => {
  let pool: BrowserPool;
  let site: FixtureSite;
  let server: TestServer;
  let other: TestServer;

  beforeAll(async () => {
    pool = createBrowserPool({ executablePath, maxPages: 2, idleCloseMs: 30_000 });
    site = await startFixtureSite();
    other = await startServer((_req, res) => html(res, 'other origin'));
    server = await startServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      switch (path) {
        case '/hostile':
          return html(
            res,
            `<div id="out">pending</div>
             <img src="/pixel.png"><img src="${other.origin}/img.png">
             <iframe src="${other.origin}/frame"></iframe>
             <script>
               alert('hi'); confirm('sure?');
               const tries = {
                 same: fetch('/api/same').then((r) => r.text()),
                 other: fetch('${other.origin}/steal'),
                 private: fetch('http://10.0.0.1/internal'),
                 ws: Promise.resolve(typeof window.WebSocket),
                 // Bypassing the hardening script through a fresh about:blank frame's globals.
                 wsViaFrame: new Promise((resolve) => {
                   const f = document.createElement('iframe');
                   document.body.appendChild(f);
                   try {
                     const s = new f.contentWindow.WebSocket('ws://' + location.host + '/ws');
                     s.onerror = () => resolve('ws-error'); s.onopen = () => resolve('ws-open');
                   } catch (e) { resolve('ws-threw'); }
                 }),
               };
               Promise.allSettled(Object.values(tries)).then((results) => {
                 document.getElementById('out').textContent = results.map((r) => r.status + ':' + (r.value === undefined ? '' : String(r.value))).join(' | ');
               });
             </script>`,
          );
        case '/api/same':
          res.writeHead(200, { 'content-type': 'text/plain' });
          return res.end('same-origin-payload');
        case '/never':
          return; // never answers: a parser-blocking script that never arrives
        case '/slow-script':
          return html(res, '<p>start</p><script src="/never"></script><p>end</p>');
        case '/endless':
          return html(res, '<p>spin</p><script>while (true) {}</script>');
        case '/big':
          return html(res, `<p>${'x'.repeat(200_000)}</p>`);
        case '/to-other':
          res.writeHead(302, { location: `${other.origin}/landing` });
          return res.end();
        default:
          res.writeHead(404);
          return res.end();
      }
    });
  });

  afterAll(async () => {
    await pool?.close();
    await Promise.all([site?.stop(), server?.close(), other?.close()]);
  });

  it("renders the fixture site's JavaScript page: the phrases appear only after its script ran", async () => {
    const entry = site.manifest.pages.find((p) => p.requiresJavaScript)!;
    expect(entry).toBeDefined();
    const url = site.baseUrl + entry.path;
    const raw = await (await fetch(url)).text();
    const result = await renderPage(pool, url, { policy: loopbackPolicy(Number(new URL(site.baseUrl).port)) });
    expect(result.ok, JSON.stringify(result)).toBe(true);
    if (!result.ok) return;
    expect(result.finalUrl).toBe(url);
    for (const phrase of entry.containsText!) {
      expect(raw).not.toContain(phrase);
      expect(result.html).toContain(phrase);
    }
  });

  it('allows same-origin requests only; other origins, 10.0.0.1, websockets, images and frames are aborted', async () => {
    const log: InterceptedRequest[] = [];
    const result = await renderPage(pool, `${server.origin}/hostile`, {
      policy: loopbackPolicy(server.port, other.port),
      onRequest: (r) => log.push(r),
    });
    expect(result.ok, JSON.stringify(result)).toBe(true);
    if (!result.ok) return;
    // The script ran to the end (dialogs were dismissed) and saw only the same-origin answer.
    expect(result.html).toMatch(/fulfilled:same-origin-payload \| rejected: \| rejected: \| fulfilled:undefined \| fulfilled:ws-(threw|error)/);
    expect(server.hits.get('/api/same')).toBe(1);
    expect(server.hits.get('/pixel.png')).toBeUndefined();
    expect(server.upgrades).toBe(0);
    expect([...other.hits.keys()]).toEqual([]); // no request reached the other origin, though the policy allows it
    const refused = (url: string) => log.find((r) => r.url === url);
    expect(refused('http://10.0.0.1/internal')).toMatchObject({ allowed: false, reason: 'cross_origin' });
    expect(refused(`${other.origin}/steal`)).toMatchObject({ allowed: false, reason: 'cross_origin' });
    expect(refused(`${other.origin}/frame`)).toMatchObject({ allowed: false });
    expect(refused(`${server.origin}/pixel.png`)).toMatchObject({ allowed: false, reason: 'resource_type' });
    expect(refused(`${server.origin}/api/same`)).toMatchObject({ allowed: true });
  });

  it('refuses a private start URL and a redirect to another origin', async () => {
    const started = Date.now();
    const privateResult = await renderPage(pool, 'http://10.0.0.1/', { policy: loopbackPolicy(80) });
    expect(privateResult).toMatchObject({ ok: false, reason: 'render_blocked' });
    expect(!privateResult.ok && privateResult.detail).toMatch(/private_address/);
    expect(Date.now() - started).toBeLessThan(1_000);

    const redirected = await renderPage(pool, `${server.origin}/to-other`, { policy: loopbackPolicy(server.port, other.port) });
    expect(redirected).toMatchObject({ ok: false, reason: 'render_blocked' });
    expect(other.hits.get('/landing')).toBeUndefined();
  });

  it('never lets Chromium resolve or connect by itself: every request is fetched with pinned DNS and answered from the crawler', async () => {
    // `rebind.test` exists only for our resolver; Chromium's own DNS could not find it, so the page
    // and its script's fetch load only if the crawler fetched them for the browser.
    const policy = {
      ...loopbackPolicy(server.port),
      resolver: async (host: string) => (host === 'rebind.test' ? [{ address: '127.0.0.1', family: 4 }] : []),
    };
    const result = await renderPage(pool, `http://rebind.test:${server.port}/hostile`, { policy });
    if (!result.ok) throw new Error(`${result.reason}: ${result.detail}`);
    expect(result.html).toContain('fulfilled:same-origin-payload');

    // The document the crawler already has is served as it is, not downloaded again.
    const before = server.hits.get('/hostile') ?? 0;
    const served = await renderPage(pool, `${server.origin}/hostile`, {
      policy: loopbackPolicy(server.port),
      initialDocument: {
        body: Buffer.from('<p id="mark">from the crawler</p><script>document.getElementById("mark").textContent += " and its script"</script>'),
        contentType: 'text/html',
      },
    });
    if (!served.ok) throw new Error(`${served.reason}: ${served.detail}`);
    expect(served.html).toContain('from the crawler and its script');
    expect(server.hits.get('/hostile') ?? 0).toBe(before);
  });

  it('times out within the bound on a page that never finishes loading, and on an endless script', async () => {
    for (const path of ['/slow-script', '/endless']) {
      const started = Date.now();
      const result = await renderPage(pool, server.origin + path, { policy: loopbackPolicy(server.port), timeoutMs: 2_000 });
      expect(result, path).toMatchObject({ ok: false, reason: 'render_timeout' });
      expect(Date.now() - started, path).toBeLessThan(2_000 + 6_000); // + closing a wedged page
    }
    // The pool still renders afterwards.
    const after = await renderPage(pool, `${server.origin}/api/same`, { policy: loopbackPolicy(server.port) });
    expect(after).toMatchObject({ ok: true });
  });

  it('bounds the HTML size', async () => {
    const result = await renderPage(pool, `${server.origin}/big`, { policy: loopbackPolicy(server.port), maxBytes: 100_000 });
    expect(result).toMatchObject({ ok: false, reason: 'render_failed' });
    expect(!result.ok && result.detail).toMatch(/over 100000 bytes/);
  });
});
