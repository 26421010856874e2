import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { readReplay } from '@scs/contracts/replayable-topics';
import type { Logger } from '@scs/runtime/logger';
import type { Redis } from '@scs/runtime/redis';
import type { RedisPubSub } from 'graphql-redis-subscriptions';
import { MessageRecord, type MessageStatusValue } from '../entities/message.entity.js';
import { ChatEvents } from '../events/chat-events.js';
import type { AbortReason, AnswerRunner, GenerationJob } from './answer-runner.js';

/** Redis channel on which any instance asks the one running a generation to stop it. */
export const STOP_CHANNEL = 'scs:chat:generation:stop';

export function leaseKey(messageId: string): string {
  return `scs:chat:generation:lease:${messageId}`;
}

export interface GenerationManagerOptions {
  orm: MikroORM;
  redis: Redis;
  pubsub: RedisPubSub;
  events: ChatEvents;
  runner: AnswerRunner;
  logger: Logger;
  leaseMs: number;
  sweepIntervalMs: number;
}

/**
 * Runs answers in the background of this chat process, and keeps them recoverable across
 * instances:
 * - each running answer holds a lease in Redis (renewed while it runs), taken before its record is
 *   stored, so a `generating` message without a lease has no one working on it;
 * - every instance sweeps now and then: such orphans (their instance died) are finished as FAILED,
 *   with the text their DELTA events carried, and announced; the conditional update makes the
 *   sweep safe to run everywhere at once;
 * - `stop` aborts a local generation at once, or asks all instances over Redis pub/sub (the one
 *   holding it aborts), or, when no one holds it, finishes it as STOPPED itself.
 */
export class GenerationManager {
  readonly instanceId = randomUUID();
  private readonly active = new Map<string, { controller: AbortController; done: Promise<void> }>();
  private renewTimer: NodeJS.Timeout | undefined;
  private sweepTimer: NodeJS.Timeout | undefined;
  private stopSubscription: Promise<number> | undefined;
  private sweeping = false;

  constructor(private readonly options: GenerationManagerOptions) {}

  async start(): Promise<void> {
    this.stopSubscription = this.options.pubsub.subscribe(STOP_CHANNEL, (message: { messageId?: string }) => {
      if (typeof message?.messageId === 'string') this.abortLocal(message.messageId, 'stopped');
    });
    await this.stopSubscription;
    this.renewTimer = setInterval(() => void this.renewLeases(), Math.max(500, Math.floor(this.options.leaseMs / 3)));
    this.sweepTimer = setInterval(() => void this.sweep(), this.options.sweepIntervalMs);
    this.renewTimer.unref();
    this.sweepTimer.unref();
    void this.sweep();
  }

  /** Takes the lease for a generation about to be stored; call before the record is written. */
  async acquire(messageId: string): Promise<void> {
    await this.options.redis.set(leaseKey(messageId), this.instanceId, 'PX', this.options.leaseMs);
  }

  /** Starts a generation in the background; it ends by itself (complete, stopped, failed). */
  launch(job: GenerationJob): void {
    const controller = new AbortController();
    const done = this.options.runner
      .run(job, controller.signal)
      .catch((error: unknown) => this.options.logger.error({ err: error, messageId: job.assistantMessageId }, 'generation crashed'))
      .finally(async () => {
        this.active.delete(job.assistantMessageId);
        await this.options.redis.del(leaseKey(job.assistantMessageId)).catch(() => undefined);
      });
    this.active.set(job.assistantMessageId, { controller, done });
  }

  /** Asks for a generation to stop, wherever it runs. */
  async stop(message: MessageRecord): Promise<void> {
    if (this.abortLocal(message.id, 'stopped')) return;
    const holder = await this.options.redis.get(leaseKey(message.id));
    if (holder) {
      await this.options.pubsub.publish(STOP_CHANNEL, { messageId: message.id });
      return;
    }
    // No one works on it (its instance died): finish it here.
    await this.finishOrphan(message, 'stopped');
  }

  private abortLocal(messageId: string, reason: AbortReason): boolean {
    const running = this.active.get(messageId);
    if (!running) return false;
    running.controller.abort(reason);
    return true;
  }

  private async renewLeases(): Promise<void> {
    if (this.active.size === 0) return;
    const pipeline = this.options.redis.pipeline();
    for (const messageId of this.active.keys()) pipeline.set(leaseKey(messageId), this.instanceId, 'PX', this.options.leaseMs);
    await pipeline.exec().catch((error: unknown) => this.options.logger.warn({ err: error }, 'could not renew generation leases'));
  }

  /** Finishes orphaned generations (no lease) as failed. */
  async sweep(): Promise<number> {
    if (this.sweeping) return 0;
    this.sweeping = true;
    let finished = 0;
    try {
      const em = this.options.orm.em.fork();
      const candidates = await em.find(
        MessageRecord,
        { status: 'generating', createdAt: { $lt: new Date(Date.now() - this.options.leaseMs) } },
        { limit: 100, orderBy: { createdAt: 'asc' } },
      );
      for (const message of candidates) {
        if (this.active.has(message.id)) continue;
        if ((await this.options.redis.exists(leaseKey(message.id))) === 1) continue;
        if (await this.finishOrphan(message, 'failed')) finished++;
      }
      if (finished > 0) this.options.logger.warn({ finished }, 'finished orphaned answers as failed');
    } catch (error) {
      this.options.logger.warn({ err: error }, 'generation sweep failed');
    } finally {
      this.sweeping = false;
    }
    return finished;
  }

  /** Stores an orphan's final state, with the text its DELTA events carried; true when this call finished it. */
  private async finishOrphan(message: MessageRecord, status: MessageStatusValue): Promise<boolean> {
    if (!message.organizationId) return false;
    const topic = ChatEvents.streamTopic(message.organizationId, message.conversationId);
    let text = message.text;
    let deltaSeq = message.lastSeq;
    let readTo = message.lastSeq ?? 0;
    for (;;) {
      const batch = await readReplay(this.options.redis, topic, readTo, 500);
      for (const event of batch) {
        if (event.kind === 'DELTA' && event.messageId === message.id && typeof event.text === 'string') {
          text += event.text;
          deltaSeq = event.seq;
        }
        readTo = event.seq;
      }
      if (batch.length < 500) break;
    }
    const em = this.options.orm.em.fork();
    const updated = await em.nativeUpdate(MessageRecord, { id: message.id, status: 'generating' }, { status, text, lastSeq: deltaSeq, updatedAt: new Date() });
    if (updated === 0) return false;
    await this.options.events.publish(message.organizationId, message.conversationId, { kind: 'STATUS', messageId: message.id, status });
    return true;
  }

  /** Stops the timers and aborts this instance's generations (they end as failed). */
  async close(): Promise<void> {
    clearInterval(this.renewTimer);
    clearInterval(this.sweepTimer);
    for (const id of this.active.keys()) this.abortLocal(id, 'shutdown');
    await Promise.race([Promise.all([...this.active.values()].map((a) => a.done)), new Promise((r) => setTimeout(r, 5000))]);
    if (this.stopSubscription) this.options.pubsub.unsubscribe(await this.stopSubscription);
  }
}
