import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { UrlPolicy } from '../../src/fetching/index.js';

export interface TestServer {
  origin: string;
  port: number;
  /** Requests received, by path. */
  hits: Map<string, number>;
  /** WebSocket upgrade attempts received. */
  upgrades: number;
  close(): Promise<void>;
}

/** A plain HTTP server on 127.0.0.1 and an ephemeral port, counting requests per path. */
export async function startServer(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<TestServer> {
  const server = createServer();
  const state: TestServer = {
    origin: '',
    port: 0,
    hits: new Map(),
    upgrades: 0,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  server.on('request', (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    state.hits.set(path, (state.hits.get(path) ?? 0) + 1);
    handler(req, res);
  });
  server.on('upgrade', (_req, socket) => {
    state.upgrades++;
    socket.destroy();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  state.port = (server.address() as AddressInfo).port;
  state.origin = `http://127.0.0.1:${state.port}`;
  return state;
}

export const html = (res: ServerResponse, body: string): void => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(`<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`);
};

/** Loopback only, on the given ports. */
export const loopbackPolicy = (...ports: number[]): UrlPolicy => ({ allowPrivateHosts: ['127.0.0.1'], allowedPorts: ports });

export const executablePath = process.env.PUPPETEER_EXECUTABLE_PATH ?? '/usr/bin/chromium';
