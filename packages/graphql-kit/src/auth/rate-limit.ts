import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { rateLimited } from './errors.js';

export interface RateLimit {
  /** Distinguishes this limit's counters in Redis. */
  name: string;
  points: number;
  durationSeconds: number;
}

/**
 * A fixed-window limit counted in Redis, so every instance of every service shares it.
 * `consume` throws a RATE_LIMITED GraphQL error carrying `retryAfter` when the key is over its budget.
 */
export class SharedRateLimiter {
  private readonly limiter: RateLimiterRedis;

  constructor(
    redis: Redis,
    readonly limit: RateLimit,
  ) {
    this.limiter = new RateLimiterRedis({
      storeClient: redis,
      // The budget is part of the key: a changed limit starts from fresh counters instead of misreading old ones.
      keyPrefix: `scs:ratelimit:${limit.name}:${limit.points}per${limit.durationSeconds}s`,
      points: limit.points,
      duration: limit.durationSeconds,
    });
  }

  async consume(key: string, points = 1): Promise<void> {
    try {
      await this.limiter.consume(key, points);
    } catch (error) {
      if (error instanceof RateLimiterRes) throw rateLimited(error.msBeforeNext / 1000);
      throw error;
    }
  }

  /** Seconds until the key may be consumed again when its budget is spent now; null while it has points left. */
  async retryAfter(key: string): Promise<number | null> {
    const state = await this.limiter.get(key);
    if (!state || state.consumedPoints < this.limit.points) return null;
    return Math.max(1, Math.ceil(state.msBeforeNext / 1000));
  }

  /** Forgets a key's counter, e.g. after a successful sign-in. */
  async reset(key: string): Promise<void> {
    await this.limiter.delete(key);
  }
}
