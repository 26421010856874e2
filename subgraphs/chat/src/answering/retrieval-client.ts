import { CORRELATION_HEADER, IDENTITY_HEADER, signIdentity, type Identity } from '@scs/shared';
import type { Retrieval } from './types.js';

const RETRIEVE = `query ChatRetrieve($input: SearchInput!) {
  _retrieve(input: $input) {
    hits { id score relevance sourceId pageUrl url title headingPath anchor text highlights }
    images { id score sourceId imageUrl pageUrl alt caption thumbnailUrl }
  }
}`;

export class RetrievalError extends Error {
  override name = 'RetrievalError';
}

/**
 * Retrieval through the knowledge subgraph's internal `_retrieve` field, called directly (not
 * through the gateway) with the asker's own identity, signed like the gateway signs it: the
 * knowledge subgraph then filters passages by the asker's organization and role itself.
 */
export class RetrievalClient {
  constructor(
    private readonly url: string,
    private readonly signingSecret: string,
    private readonly timeoutMs = 20_000,
  ) {}

  async retrieve(identity: Identity, query: string, limit: number, options: { correlationId?: string; signal?: AbortSignal } = {}): Promise<Retrieval> {
    const signals = [AbortSignal.timeout(this.timeoutMs), ...(options.signal ? [options.signal] : [])];
    const response = await fetch(this.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [IDENTITY_HEADER]: await signIdentity(identity, this.signingSecret),
        ...(options.correlationId ? { [CORRELATION_HEADER]: options.correlationId } : {}),
      },
      body: JSON.stringify({ query: RETRIEVE, variables: { input: { query, limit, includeImages: true } } }),
      signal: AbortSignal.any(signals),
    });
    const body = (await response.json().catch(() => null)) as { data?: { _retrieve?: Retrieval }; errors?: { message: string }[] } | null;
    if (!response.ok || !body?.data?._retrieve) {
      throw new RetrievalError(`retrieval failed (HTTP ${response.status}): ${body?.errors?.map((e) => e.message).join('; ') ?? 'no data'}`);
    }
    return body.data._retrieve;
  }
}
