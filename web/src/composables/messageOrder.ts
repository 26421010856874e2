/** What ordering needs to know about a message. */
export interface ListedMessage {
  id: string;
  /** ISO 8601 timestamp. */
  createdAt: string;
}

/** Oldest first; messages with the same timestamp in id order, so the order is stable. */
export function compareMessages(a: ListedMessage, b: ListedMessage): number {
  const byTime = Date.parse(a.createdAt) - Date.parse(b.createdAt);
  if (byTime) return byTime; // NaN (unparsable timestamp) falls through to the id order too
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
