import { CORRELATION_HEADER } from '@scs/runtime/request-context';
import { IDENTITY_HEADER, type Identity } from '@scs/contracts/identity';
import { signIdentity } from '@scs/graphql-kit/auth/identity';
import type { Retrieval } from './types.js';

const RETRIEVE = `query ChatRetrieve($input: SearchInput!) {
  _retrieve(input: $input) {
    hits { id score relevance sourceId pageUrl url title headingPath anchor text highlights }
    images { id score sourceId imageUrl pageUrl alt caption thumbnailUrl }
  }
}`;

const RANK_SENTENCES = `query ChatRankSentences($query: String!, $sentences: [String!]!) { _rankSentences(query: $query, sentences: $sentences) }`;

export class RetrievalError extends Error {
  override name = 'RetrievalError';
}

interface RequestOptions {
  correlationId?: string;
  signal?: AbortSignal;
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

  async retrieve(identity: Identity, query: string, limit: number, options: RequestOptions = {}): Promise<Retrieval> {
    const data = await this.request<{ _retrieve?: Retrieval }>(identity, RETRIEVE, { input: { query, limit, includeImages: true } }, options);
    if (!data._retrieve) throw new RetrievalError('retrieval failed: no data');
    return data._retrieve;
  }

  /** The cosine similarity of each sentence to the query, from the knowledge subgraph's sentence model. */
  async rankSentences(identity: Identity, query: string, sentences: string[], options: RequestOptions = {}): Promise<number[]> {
    if (sentences.length === 0) return [];
    const data = await this.request<{ _rankSentences?: number[] }>(identity, RANK_SENTENCES, { query, sentences }, options);
    if (data._rankSentences?.length !== sentences.length) throw new RetrievalError('sentence ranking failed: wrong number of scores');
    return data._rankSentences;
  }

  private async request<T>(identity: Identity, query: string, variables: Record<string, unknown>, options: RequestOptions): Promise<T> {
    const signals = [AbortSignal.timeout(this.timeoutMs), ...(options.signal ? [options.signal] : [])];
    const response = await fetch(this.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [IDENTITY_HEADER]: await signIdentity(identity, this.signingSecret),
        ...(options.correlationId ? { [CORRELATION_HEADER]: options.correlationId } : {}),
      },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.any(signals),
    });
    const body = (await response.json().catch(() => null)) as { data?: T; errors?: { message: string }[] } | null;
    if (!response.ok || !body?.data || body.errors?.length) {
      throw new RetrievalError(`knowledge request failed (HTTP ${response.status}): ${body?.errors?.map((e) => e.message).join('; ') ?? 'no data'}`);
    }
    return body.data;
  }
}
