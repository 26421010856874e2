import type { Redis } from 'ioredis';
import type { SubscriptionEvent } from './subscription-topics.js';

/**
 * Replayable subscription topics: a subscription field with an `afterSeq: Int` argument (see
 * `REPLAY_ARGUMENT`) is replayable. Its events carry a `seq` that increases by one per event of the
 * topic, and are appended to a capped Redis stream beside the pub/sub channel, so a client that
 * reconnects with `afterSeq: <last seq it saw>` first gets what it missed from the stream and then
 * the live events, with nothing missing or doubled (the gateway merges both, see
 * gateway/src/subscriptions/replay.ts). The topic itself is computed without the replay argument.
 *
 * `publishReplayable` numbers, appends and publishes in one Lua script, so the stream, the seq and
 * the channel agree even with several publishers on one topic (a chat instance generating an
 * answer while another stores an agent's reply).
 */
export const REPLAY_ARGUMENT = 'afterSeq';

/** The Redis stream holding a replayable topic's recent events (entry id `<seq>-0`, field `e` = the event JSON). */
export function replayStreamKey(topic: string): string {
  return `stream:${topic}`;
}

/** The counter behind a replayable topic's `seq`. */
export function replaySeqKey(topic: string): string {
  return `seq:${topic}`;
}

/** The topic's arguments without the replay argument. */
export function withoutReplayArgument(args: Record<string, unknown>): Record<string, unknown> {
  const { [REPLAY_ARGUMENT]: _afterSeq, ...rest } = args;
  return rest;
}

export interface ReplayOptions {
  /** Approximate number of events kept per topic (older ones are trimmed; clients re-read them from the owning service). */
  maxLength?: number;
  /** The stream and its counter expire this long after the topic's last event. */
  ttlSeconds?: number;
}

// KEYS: seq counter, stream, channel. ARGV: event JSON (an object without seq), max length, ttl seconds.
// The event is published as `{"seq":N,...}` exactly as it is stored.
const PUBLISH_SCRIPT = `
local seq = redis.call('INCR', KEYS[1])
local payload = '{"seq":' .. seq .. ',' .. string.sub(ARGV[1], 2)
redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[2], seq .. '-0', 'e', payload)
redis.call('EXPIRE', KEYS[1], ARGV[3])
redis.call('EXPIRE', KEYS[2], ARGV[3])
redis.call('PUBLISH', KEYS[3], payload)
return seq
`;

type WithReplay = Redis & {
  scsPublishReplayable?: (seqKey: string, streamKey: string, channel: string, payload: string, maxLength: number, ttl: number) => Promise<number>;
};

/** Publishes one event on a replayable topic; returns the event's `seq`. */
export async function publishReplayable(redis: Redis, topic: string, event: SubscriptionEvent, options: ReplayOptions = {}): Promise<number> {
  const client = redis as WithReplay;
  if (!client.scsPublishReplayable) client.defineCommand('scsPublishReplayable', { numberOfKeys: 3, lua: PUBLISH_SCRIPT });
  const { seq: _ignored, ...rest } = event as SubscriptionEvent & { seq?: unknown };
  const json = JSON.stringify(rest);
  const seq = await client.scsPublishReplayable!(
    replaySeqKey(topic),
    replayStreamKey(topic),
    topic,
    json,
    options.maxLength ?? 5000,
    options.ttlSeconds ?? 7 * 24 * 3600,
  );
  return Number(seq);
}

/** The topic's latest `seq` (0 when nothing was published yet or it expired). */
export async function currentSeq(redis: Redis, topic: string): Promise<number> {
  const value = await redis.get(replaySeqKey(topic));
  return value === null ? 0 : Number(value);
}

/** Stored events of a topic with `seq` > `afterSeq`, oldest first, at most `count`. */
export async function readReplay(redis: Redis, topic: string, afterSeq: number, count = 500): Promise<(SubscriptionEvent & { seq: number })[]> {
  const entries = await redis.xrange(replayStreamKey(topic), `${Math.max(0, Math.floor(afterSeq)) + 1}-0`, '+', 'COUNT', count);
  const events: (SubscriptionEvent & { seq: number })[] = [];
  for (const [, fields] of entries) {
    const index = fields.indexOf('e');
    if (index < 0 || index + 1 >= fields.length) continue;
    events.push(JSON.parse(fields[index + 1]!) as SubscriptionEvent & { seq: number });
  }
  return events;
}
