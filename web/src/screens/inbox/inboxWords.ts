import type { ConversationStatus } from '../../gql/graphql';

/** The inbox's filter tabs, in order; the key is what `?filter=` holds in the URL. */
export const INBOX_FILTERS = [
  { key: 'waiting', label: 'Waiting for a person', status: 'WAITING_FOR_AGENT' },
  { key: 'with-agent', label: 'With an agent', status: 'WITH_AGENT' },
  { key: 'open', label: 'Open', status: 'OPEN' },
  { key: 'closed', label: 'Closed', status: 'CLOSED' },
  { key: 'all', label: 'All', status: null },
] as const satisfies readonly { key: string; label: string; status: ConversationStatus | null }[];

export type InboxFilter = (typeof INBOX_FILTERS)[number]['key'];

/** The tab shown when the URL names none: the people waiting for one. */
export const DEFAULT_FILTER: InboxFilter = 'waiting';

/** The filter a `?filter=` query value names; anything else is the default. */
export function parseFilter(value: unknown): InboxFilter {
  const raw = Array.isArray(value) ? value[0] : value;
  return INBOX_FILTERS.find((f) => f.key === raw)?.key ?? DEFAULT_FILTER;
}

/** The status a filter asks `conversations(status:)` for; null for all of them. */
export function statusOf(filter: InboxFilter): ConversationStatus | null {
  return INBOX_FILTERS.find((f) => f.key === filter)?.status ?? null;
}

export const statusWords: Record<ConversationStatus, string> = {
  OPEN: 'Open',
  WAITING_FOR_AGENT: 'Waiting for a person',
  WITH_AGENT: 'With an agent',
  CLOSED: 'Closed',
};

/** What each filter's list says when it is empty. */
export const emptyWords: Record<InboxFilter, string> = {
  waiting: 'Nobody is waiting for a person right now. New hand-offs appear here as they come in.',
  'with-agent': 'No conversation is with an agent right now.',
  open: 'No open conversations with the assistant.',
  closed: 'No closed conversations yet.',
  all: 'No conversations yet.',
};
