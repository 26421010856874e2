import { readReplay } from '@scs/contracts/replayable-topics';
import type { Logger } from '@scs/runtime/logger';
import type { Redis } from '@scs/runtime/redis';
import type { RedisPubSub } from 'graphql-redis-subscriptions';

type Event = Record<string, unknown>;

const seqOf = (event: Event): number | undefined => (typeof event.seq === 'number' ? event.seq : undefined);

/**
 * The events of one topic as an async iterator; for a replayable topic (see `publishReplayable`
 * in @scs/contracts) resumed after `afterSeq`, without gaps or duplicates:
 *
 * 1. subscribe to the pub/sub channel first, buffering what arrives;
 * 2. read the topic's Redis stream from `afterSeq + 1` on and deliver it;
 * 3. deliver the buffered events whose seq is above the last one replayed, then live events likewise.
 *
 * An event is appended to the stream and published in one Lua script, so every event is either in
 * the stream when it is read, or arrives on the channel after the subscription took effect (or both,
 * then the seq check drops the second copy). Without `afterSeq` only live events are delivered;
 * seqs are still checked, so nothing is ever delivered twice or out of order.
 */
export class TopicIterator implements AsyncIterableIterator<Event> {
  private readonly queue: Event[] = [];
  private readonly buffered: Event[] = [];
  private waiting: ((result: IteratorResult<Event>) => void) | undefined;
  private failure: unknown;
  private lastSeq = Number.NEGATIVE_INFINITY;
  private replaying = true;
  private done = false;
  private subscriptionId: number | undefined;
  private readonly started: Promise<void>;

  constructor(
    private readonly pubsub: RedisPubSub,
    private readonly redis: Redis,
    private readonly topic: string,
    private readonly afterSeq: number | undefined,
    private readonly logger: Logger,
  ) {
    this.started = this.start().catch((error: unknown) => {
      this.failure = error;
      this.wake();
    });
  }

  private async start(): Promise<void> {
    const id = await this.pubsub.subscribe(this.topic, (event: Event) => this.onLive(event));
    if (this.done) {
      this.pubsub.unsubscribe(id);
      return;
    }
    this.subscriptionId = id;
    if (this.afterSeq !== undefined) {
      this.lastSeq = this.afterSeq;
      for (;;) {
        const batch = await readReplay(this.redis, this.topic, this.lastSeq, 500);
        for (const event of batch) this.accept(event);
        if (batch.length < 500 || this.done) break;
      }
      this.logger.debug({ topic: this.topic, afterSeq: this.afterSeq, replayedTo: this.lastSeq }, 'subscription replayed');
    }
    this.replaying = false;
    for (const event of this.buffered.splice(0)) this.accept(event);
  }

  private onLive(event: Event): void {
    if (this.done) return;
    if (this.replaying) this.buffered.push(event);
    else this.accept(event);
  }

  /** Delivers an event unless its seq was delivered already. */
  private accept(event: Event): void {
    const seq = seqOf(event);
    if (seq !== undefined) {
      if (seq <= this.lastSeq) return;
      this.lastSeq = seq;
    }
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = undefined;
      resolve({ value: event, done: false });
    } else {
      this.queue.push(event);
    }
  }

  private wake(): void {
    if (!this.waiting) return;
    const resolve = this.waiting;
    this.waiting = undefined;
    resolve({ value: undefined, done: true });
  }

  async next(): Promise<IteratorResult<Event>> {
    if (this.queue.length > 0) return { value: this.queue.shift()!, done: false };
    if (this.failure) {
      const failure = this.failure;
      this.failure = undefined;
      await this.return();
      throw failure;
    }
    if (this.done) return { value: undefined, done: true };
    const result = await new Promise<IteratorResult<Event>>((resolve) => (this.waiting = resolve));
    if (result.done && this.failure) return this.next();
    return result;
  }

  async return(): Promise<IteratorResult<Event>> {
    if (!this.done) {
      this.done = true;
      if (this.subscriptionId !== undefined) this.pubsub.unsubscribe(this.subscriptionId);
      this.queue.length = 0;
      this.buffered.length = 0;
      this.wake();
    }
    return { value: undefined, done: true };
  }

  async throw(error?: unknown): Promise<IteratorResult<Event>> {
    await this.return();
    throw error;
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<Event> {
    return this;
  }

  /** Resolves once the channel subscription (and any replay) is set up. */
  ready(): Promise<void> {
    return this.started;
  }
}
