import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMAGE_CONTENT_TYPES, safeFetch, type SafeFetchOptions, type UrlPolicy } from '../../src/fetching/index.js';
import { sleep, startServer, type TestServer } from './support.js';

const USER_AGENT = 'SCSBot/1.0 (+https://example.test/bot)';
const HUGE_BYTES = 64 * 1024 * 1024;

describe('safeFetch', () => {
  let server: TestServer;
  let policy: UrlPolicy;
  let options: SafeFetchOptions;
  /** What the /huge handler managed to write before the client went away. */
  const huge = { written: 0, finished: false, closed: Promise.resolve() };

  beforeAll(async () => {
    server = await startServer((req, res, self) => {
      const url = new URL(req.url ?? '/', self.origin);
      const redirect = (status: number, location: string) => {
        res.writeHead(status, { location });
        res.end();
      };
      switch (url.pathname) {
        case '/ok':
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
          res.end('<h1>hello</h1>');
          return;
        case '/ua':
          res.writeHead(200, { 'content-type': 'text/plain' });
          res.end(req.headers['user-agent']);
          return;
        case '/chain/1':
          return redirect(302, '/chain/2'); // relative
        case '/chain/2':
          return redirect(301, '3'); // relative to the directory
        case '/chain/3':
          return redirect(307, `${self.origin}/ok#fragment`); // absolute
        case '/to-private':
          return redirect(302, `http://10.0.0.1:${self.port}/secret`);
        case '/to-metadata':
          return redirect(302, 'http://169.254.169.254/latest/meta-data/');
        case '/to-ftp':
          return redirect(302, 'ftp://127.0.0.1/');
        case '/loop/a':
          return redirect(302, '/loop/b');
        case '/loop/b':
          return redirect(302, '/loop/a');
        case '/self':
          return redirect(308, '/self');
        case '/no-location':
          res.writeHead(302);
          res.end();
          return;
        case '/slow-headers':
          return; // never answers; the server's close ends it
        case '/slow-body': {
          res.writeHead(200, { 'content-type': 'text/html' });
          const timer = setInterval(() => res.write('.'), 50);
          res.on('close', () => clearInterval(timer));
          return;
        }
        case '/huge': {
          res.writeHead(200, { 'content-type': 'text/html' });
          const chunk = Buffer.alloc(64 * 1024, 'a');
          huge.written = 0;
          huge.finished = false;
          huge.closed = new Promise((resolve) => res.on('close', () => resolve()));
          const pump = () => {
            while (huge.written < HUGE_BYTES && !res.destroyed) {
              huge.written += chunk.length;
              if (!res.write(chunk)) return void res.once('drain', pump);
            }
            if (!res.destroyed) {
              huge.finished = true;
              res.end();
            }
          };
          pump();
          return;
        }
        case '/huge-declared':
          res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(HUGE_BYTES) });
          res.write('a'.repeat(1024));
          return; // the rest never comes; the client must not wait for it
        case '/gzip':
          res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
          res.end(gzipSync('<p>compressed</p>'));
          return;
        case '/gzip-bomb':
          res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
          res.end(gzipSync(Buffer.alloc(8 * 1024 * 1024))); // ~8 KiB on the wire, 8 MiB decoded
          return;
        case '/image':
          res.writeHead(200, { 'content-type': 'image/png' });
          res.end(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
          return;
        case '/json':
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end('{}');
          return;
        case '/server-error':
          res.writeHead(503, { 'content-type': 'text/html' });
          res.end('busy');
          return;
        default:
          res.writeHead(404, { 'content-type': 'text/html' });
          res.end('not found');
      }
    });
    policy = { allowPrivateHosts: ['127.0.0.1'], allowedPorts: [server.port] };
    options = { userAgent: USER_AGENT, policy, totalTimeoutMs: 5_000, headersTimeoutMs: 2_000 };
  });

  afterAll(async () => {
    await server?.close();
  });

  it('fetches a page and identifies itself with the configured User-Agent', async () => {
    const page = await safeFetch(`${server.origin}/ok`, options);
    expect(page).toMatchObject({ ok: true, status: 200, contentType: 'text/html', finalUrl: `${server.origin}/ok`, redirects: [], truncated: false });
    expect(page.ok && page.body.toString()).toBe('<h1>hello</h1>');
    expect(page.ok && page.headers['content-type']).toBe('text/html; charset=utf-8');

    const ua = await safeFetch(`${server.origin}/ua`, options);
    expect(ua.ok && ua.body.toString()).toBe(USER_AGENT);
  });

  it('follows a redirect chain, relative and absolute, and reports every hop', async () => {
    const result = await safeFetch(`${server.origin}/chain/1`, options);
    expect(result).toMatchObject({
      ok: true,
      status: 200,
      finalUrl: `${server.origin}/ok`,
      redirects: [`${server.origin}/chain/1`, `${server.origin}/chain/2`, `${server.origin}/chain/3`],
    });
  });

  it('refuses a redirect to a private address before connecting to it', async () => {
    const started = Date.now();
    const result = await safeFetch(`${server.origin}/to-private`, options);
    expect(result).toMatchObject({
      ok: false,
      reason: 'blocked_url',
      blockedBy: 'private_address',
      url: `http://10.0.0.1:${server.port}/secret`,
      redirects: [`${server.origin}/to-private`],
    });
    // No connection attempt: a connect to 10.0.0.1 would hang until the connect timeout.
    expect(Date.now() - started).toBeLessThan(1_000);

    expect(await safeFetch(`${server.origin}/to-metadata`, options)).toMatchObject({ ok: false, reason: 'blocked_url', blockedBy: 'metadata_address' });
    expect(await safeFetch(`${server.origin}/to-ftp`, options)).toMatchObject({ ok: false, reason: 'blocked_url', blockedBy: 'scheme' });
  });

  it('refuses the first URL when the policy refuses it', async () => {
    expect(await safeFetch(`${server.origin}/ok`, { ...options, policy: {} })).toMatchObject({ ok: false, reason: 'blocked_url', blockedBy: 'port' });
    expect(await safeFetch(`${server.origin}/ok`, { ...options, policy: { allowedPorts: [server.port] } })).toMatchObject({
      ok: false,
      reason: 'blocked_url',
      blockedBy: 'private_address',
    });
    expect(await safeFetch('not a url', options)).toMatchObject({ ok: false, reason: 'blocked_url', blockedBy: 'invalid_url' });
  });

  it('detects redirect loops', async () => {
    const loop = await safeFetch(`${server.origin}/loop/a`, options);
    expect(loop).toMatchObject({ ok: false, reason: 'redirect_loop', status: 302, redirects: [`${server.origin}/loop/a`, `${server.origin}/loop/b`] });
    expect(await safeFetch(`${server.origin}/self`, options)).toMatchObject({ ok: false, reason: 'redirect_loop', status: 308 });
  });

  it('gives up after maxRedirects', async () => {
    const result = await safeFetch(`${server.origin}/chain/1`, { ...options, maxRedirects: 2 });
    expect(result).toMatchObject({ ok: false, reason: 'too_many_redirects', redirects: [`${server.origin}/chain/1`, `${server.origin}/chain/2`] });
    expect(await safeFetch(`${server.origin}/chain/1`, { ...options, maxRedirects: 3 })).toMatchObject({ ok: true });
  });

  it('reports a redirect without Location as http_error', async () => {
    expect(await safeFetch(`${server.origin}/no-location`, options)).toMatchObject({ ok: false, reason: 'http_error', status: 302 });
  });

  it('times out a server that never answers (headers timeout) and one that never finishes (total timeout)', async () => {
    let started = Date.now();
    const headers = await safeFetch(`${server.origin}/slow-headers`, { ...options, headersTimeoutMs: 300 });
    expect(headers).toMatchObject({ ok: false, reason: 'timeout' });
    expect(Date.now() - started).toBeLessThan(2_000);

    started = Date.now();
    const total = await safeFetch(`${server.origin}/slow-body`, { ...options, totalTimeoutMs: 400 });
    expect(total).toMatchObject({ ok: false, reason: 'timeout', status: 200 });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('stops reading a body past maxBodyBytes and aborts the download', async () => {
    const result = await safeFetch(`${server.origin}/huge`, { ...options, maxBodyBytes: 1024 * 1024 });
    expect(result).toMatchObject({ ok: false, reason: 'too_large', status: 200 });
    await Promise.race([huge.closed, sleep(5_000)]);
    expect(huge.finished).toBe(false);
    // The server got far less than the 64 MiB out before the connection was closed on it.
    expect(huge.written).toBeLessThan(HUGE_BYTES / 4);
  });

  it('refuses a declared Content-Length past maxBodyBytes without waiting for the body', async () => {
    const started = Date.now();
    expect(await safeFetch(`${server.origin}/huge-declared`, { ...options, maxBodyBytes: 1024 * 1024 })).toMatchObject({ ok: false, reason: 'too_large' });
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('keeps the first maxBodyBytes when asked to truncate', async () => {
    const result = await safeFetch(`${server.origin}/huge`, { ...options, maxBodyBytes: 100_000, truncateBody: true });
    expect(result).toMatchObject({ ok: true, truncated: true });
    expect(result.ok && result.body.length).toBe(100_000);
  });

  it('decodes gzip bodies and bounds their decoded size', async () => {
    const page = await safeFetch(`${server.origin}/gzip`, options);
    expect(page.ok && page.body.toString()).toBe('<p>compressed</p>');
    expect(await safeFetch(`${server.origin}/gzip-bomb`, { ...options, maxBodyBytes: 1024 * 1024 })).toMatchObject({ ok: false, reason: 'too_large' });
  });

  it('refuses media types outside the allowlist', async () => {
    const image = await safeFetch(`${server.origin}/image`, options);
    expect(image).toMatchObject({ ok: false, reason: 'content_type', status: 200 });
    expect(image.ok || image.detail).toContain('image/png');
    expect(await safeFetch(`${server.origin}/json`, options)).toMatchObject({ ok: false, reason: 'content_type' });
    expect(await safeFetch(`${server.origin}/image`, { ...options, allowedContentTypes: IMAGE_CONTENT_TYPES })).toMatchObject({
      ok: true,
      contentType: 'image/png',
    });
  });

  it('reports 404 and 503 as http_error with the status', async () => {
    expect(await safeFetch(`${server.origin}/missing`, options)).toMatchObject({
      ok: false,
      reason: 'http_error',
      status: 404,
      url: `${server.origin}/missing`,
    });
    expect(await safeFetch(`${server.origin}/server-error`, options)).toMatchObject({ ok: false, reason: 'http_error', status: 503 });
  });

  it('reports a refused connection as network_error', async () => {
    const closed = await startServer(() => {});
    await closed.close();
    const result = await safeFetch(`${closed.origin}/`, { ...options, policy: { ...policy, allowedPorts: [closed.port] } });
    expect(result).toMatchObject({ ok: false, reason: 'network_error' });
    expect(result.ok || result.detail).toContain('ECONNREFUSED');
  });

  it('connects to the address the policy vetted, never to a second DNS answer', async () => {
    // The host exists only in this resolver: the connection can only use the address checkUrl vetted.
    let lookups = 0;
    const resolver = async () => {
      lookups++;
      // A rebinding DNS server would answer differently the second time; there must be no second time.
      return lookups === 1 ? [{ address: '127.0.0.1', family: 4 }] : [{ address: '10.0.0.1', family: 4 }];
    };
    const result = await safeFetch(`http://pinned.test:${server.port}/ok`, {
      ...options,
      policy: { ...policy, allowPrivateHosts: ['127.0.0.1'], resolver },
    });
    expect(result).toMatchObject({ ok: true, finalUrl: `http://pinned.test:${server.port}/ok` });
    expect(lookups).toBe(1);
  });

  it('asks the robots gate before every hop', async () => {
    const asked: string[] = [];
    const robots = { isAllowed: async (url: string) => (asked.push(url), !url.endsWith('/ok')) };
    const result = await safeFetch(`${server.origin}/chain/1`, { ...options, robots });
    expect(result).toMatchObject({ ok: false, reason: 'robots_disallowed', url: `${server.origin}/ok` });
    expect(asked).toHaveLength(4);
  });

  it('ends with network_error when the caller aborts', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    expect(await safeFetch(`${server.origin}/slow-headers`, { ...options, signal: controller.signal })).toMatchObject({
      ok: false,
      reason: 'network_error',
      detail: 'aborted',
    });
  });
});
