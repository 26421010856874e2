import { Redis } from 'ioredis';
import { stackEnv } from './stack-env.js';

/**
 * Waits until `count` Redis connections listen on `channel`: a gateway has then really
 * subscribed, so an event published afterwards cannot be missed.
 */
export async function waitForChannelSubscribers(channel: string, count: number, timeoutMs = 10_000): Promise<void> {
  const redis = new Redis(stackEnv().REDIS_URL!);
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const [, subscribers] = (await redis.pubsub('NUMSUB', channel)) as [string, number];
      if (Number(subscribers) >= count) return;
      if (Date.now() > deadline) throw new Error(`${channel} has ${subscribers} subscribers, expected ${count}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    redis.disconnect();
  }
}
