/** One passage from the knowledge subgraph's `_retrieve` (already filtered by organization and the asker's role). */
export interface RetrievedHit {
  id: string;
  score: number;
  /** Cosine similarity of the passage to the query, 0..1. */
  relevance: number;
  sourceId: string;
  pageUrl: string;
  /** pageUrl with `#anchor` when the passage sits under a heading with one. */
  url: string;
  title: string | null;
  headingPath: string | null;
  anchor: string | null;
  text: string;
  highlights: string[];
}

export interface RetrievedImage {
  id: string;
  score: number;
  sourceId: string;
  imageUrl: string;
  pageUrl: string;
  alt: string | null;
  caption: string | null;
  thumbnailUrl: string | null;
}

export interface Retrieval {
  hits: RetrievedHit[];
  images: RetrievedImage[];
}

/** A message of an OpenAI-style chat request. */
export interface PromptMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** A previous turn of the conversation, for rewriting follow-up questions. */
export interface HistoryTurn {
  role: 'user' | 'assistant' | 'agent';
  text: string;
}
