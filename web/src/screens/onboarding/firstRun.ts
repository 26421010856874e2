import type { ApolloClient } from '@apollo/client/core';
import type { CrawlStatus } from '../../gql/graphql';
import { SourcesQuery } from '../../graphql/documents/source.documents';
import { crawlActive } from '../../composables/useCrawlProgress';
import type { SessionStore } from '../../session/sessionStore';

export type FirstRunStep = 'loading' | 'address' | 'start' | 'crawling' | 'ask' | 'retry';

/**
 * Where the first run stands, from what is known: no source yet → enter the address; a source
 * never crawled → start its crawl; a crawl running or paused → watch it; a completed crawl that
 * indexed something (or whose counts are unknown) → ask; one that failed, was cancelled or
 * indexed nothing → try again. `live` (the subscription's latest event) is newer than the latest
 * run read, except when the run read has ended since: an ended run stays ended.
 */
export function firstRunStep(known: {
  loaded: boolean;
  source: { id: string } | null;
  run: { runId: string; status: CrawlStatus; progress?: { indexed: number } | null } | null;
  live: { runId: string; status: CrawlStatus; indexed: number } | null;
}): FirstRunStep {
  if (!known.loaded) return 'loading';
  if (!known.source) return 'address';
  const { run, live } = known;
  const runEnded = run && live && run.runId === live.runId && !crawlActive(run.status);
  // The counts of whichever says how the run stands.
  const decided = runEnded
    ? { status: run.status, indexed: run.progress?.indexed ?? live.indexed }
    : (live ?? (run && { status: run.status, indexed: run.progress?.indexed ?? null }));
  if (!decided) return 'start';
  const { status, indexed } = decided;
  if (crawlActive(status)) return 'crawling';
  return status === 'COMPLETED' && (indexed === null || indexed > 0) ? 'ask' : 'retry';
}

/**
 * Whether to open the first-run screen instead of the status screen: the user may add a source and
 * crawl it, and the organization has no source yet. Any failure to ask says no (the status screen
 * opens, as before).
 */
export async function firstRunNeeded(
  client: Pick<ApolloClient<unknown>, 'query'>,
  session: Pick<SessionStore, 'can' | 'state' | 'loadViewer'>,
): Promise<boolean> {
  if (session.state.status !== 'signed-in') return false;
  if (!session.state.viewer) await session.loadViewer();
  if (!session.can('source:write') || !session.can('crawl:run')) return false;
  try {
    const { data } = await client.query({ query: SourcesQuery, variables: { first: 1 }, fetchPolicy: 'network-only' });
    return data.sources.length === 0;
  } catch {
    return false;
  }
}
