import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface GraphQLResponse<T = Record<string, any>> {
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** POSTs one operation to a GraphQL endpoint over HTTP. */
export async function graphqlRequest<T = Record<string, any>>(
  baseUrl: string,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: GraphQLResponse<T>; headers: Headers }> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as GraphQLResponse<T>, headers: response.headers };
}

/** A graphql-ws client; `connectionParams` carries credentials (`{ authorization: 'Bearer …' }` or `{ apiKey }`). */
export function wsClient(baseUrl: string, connectionParams?: Record<string, unknown>, onClosed?: (event: { code: number; reason: string }) => void): Client {
  const client = createClient({
    url: `${baseUrl.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: false,
    connectionParams,
  });
  if (onClosed) client.on('closed', (event) => onClosed(event as { code: number; reason: string }));
  return client;
}

/** Subscribes and collects results; `next()` returns them in order, waiting (with a timeout) for one not yet read. */
export function collect<T = Record<string, any>>(client: Client, query: string, variables?: Record<string, unknown>) {
  const received: GraphQLResponse<T>[] = [];
  const waiters: (() => void)[] = [];
  let failure: unknown;
  let acknowledged = false;
  let cursor = 0;
  const unsubscribe = client.subscribe<T>(
    { query, variables },
    {
      next: (value) => {
        received.push(value as GraphQLResponse<T>);
        waiters.splice(0).forEach((w) => w());
      },
      error: (error) => {
        failure = error;
        waiters.splice(0).forEach((w) => w());
      },
      complete: () => undefined,
    },
  );
  client.on('connected', () => (acknowledged = true));
  return {
    received,
    unsubscribe,
    get acknowledged() {
      return acknowledged;
    },
    async next(timeoutMs = 10_000): Promise<GraphQLResponse<T>> {
      const index = cursor++;
      const deadline = Date.now() + timeoutMs;
      while (received.length <= index) {
        if (failure) throw failure instanceof Error ? failure : new Error(JSON.stringify(failure));
        if (Date.now() > deadline) throw new Error(`no subscription event within ${timeoutMs} ms`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 100);
        });
      }
      return received[index]!;
    },
  };
}
