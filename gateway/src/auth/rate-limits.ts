import { SharedRateLimiter } from '@scs/graphql-kit/auth/rate-limit';
import type { Identity } from '@scs/contracts/identity';
import type { Redis } from '@scs/runtime/redis';
import type { GatewayConfig } from '../config.js';

/**
 * Request budgets counted in Redis, so every gateway instance shares them: one per signed-in user
 * or API key, one per anonymous client IP, and one for the whole system.
 */
export class GatewayRateLimits {
  private readonly principal: SharedRateLimiter;
  private readonly anonymous: SharedRateLimiter;
  private readonly global: SharedRateLimiter;

  constructor(redis: Redis, config: GatewayConfig) {
    const durationSeconds = config.RATE_LIMIT_WINDOW_SECONDS;
    this.principal = new SharedRateLimiter(redis, { name: 'principal', points: config.RATE_LIMIT_PRINCIPAL_POINTS, durationSeconds });
    this.anonymous = new SharedRateLimiter(redis, { name: 'anonymous-ip', points: config.RATE_LIMIT_ANONYMOUS_POINTS, durationSeconds });
    this.global = new SharedRateLimiter(redis, { name: 'global', points: config.RATE_LIMIT_GLOBAL_POINTS, durationSeconds });
  }

  async consume(identity: Identity): Promise<void> {
    if (identity.kind === 'user') await this.principal.consume(`user:${identity.userId}`);
    else if (identity.kind === 'apiKey') await this.principal.consume(`apikey:${identity.apiKeyId}`);
    else await this.anonymous.consume(`ip:${identity.ip}`);
    await this.global.consume('all');
  }
}
