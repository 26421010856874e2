import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRedis, type Redis } from '@scs/runtime/redis';
import { stackEnv } from '@scs/test-support';

export interface TestServer {
  /** `http://127.0.0.1:PORT` */
  origin: string;
  port: number;
  /** Requests received, by path. */
  hits: Map<string, number>;
  /** Connections accepted. */
  connections: number;
  close(): Promise<void>;
}

type Handler = (req: IncomingMessage, res: ServerResponse, server: TestServer) => void;

/** An HTTP server on 127.0.0.1 and an ephemeral port; `close` ends every connection, held ones included. */
export async function startServer(handler: Handler): Promise<TestServer> {
  const server: Server = createServer();
  const state: TestServer = {
    origin: '',
    port: 0,
    hits: new Map(),
    connections: 0,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  server.on('connection', () => state.connections++);
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    state.hits.set(path, (state.hits.get(path) ?? 0) + 1);
    handler(req, res, state);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  state.port = (server.address() as AddressInfo).port;
  state.origin = `http://127.0.0.1:${state.port}`;
  return state;
}

/** A Redis connection to the stack's Redis, as the workers would have. */
export function testRedis(name: string): Redis {
  return createRedis(stackEnv().REDIS_URL!, `test:fetching:${name}`);
}

/** Deletes every key under a test's prefix. */
export async function deleteKeys(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  for (let i = 0; i < 1000; i++) {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
    if (keys.length) await redis.del(...keys);
    cursor = next;
    if (cursor === '0') return;
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
