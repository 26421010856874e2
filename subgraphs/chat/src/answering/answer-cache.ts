import { createHash } from 'node:crypto';
import { knowledgeVersion } from '@scs/contracts/knowledge-version';
import type { Redis } from '@scs/runtime/redis';
import type { StoredCitation, StoredImage } from '../entities/message.entity.js';

/** What an answer leaves for the next identical question. */
export interface CachedAnswer {
  text: string;
  citations: StoredCitation[];
  images: StoredImage[];
  confidence: number | null;
  handoffSuggested: boolean;
}

/** Lower case, single spaces, no trailing punctuation: "How do I reset my password?" = "how do i reset my password". */
export function normaliseQuestion(question: string): string {
  return question
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s?!.。？！]+$/u, '');
}

/**
 * Answers to identical standalone questions, per organization and role, in Redis. The key holds
 * the organization's knowledge version (bumped when a crawl completes, see @scs/contracts
 * `bumpKnowledgeVersion`), so a re-crawl makes every older answer unreachable at once; they expire
 * by TTL. The role is part of the key because retrieval depends on it (sources limited to some
 * roles): a customer must never get an answer built from an agent-only source.
 */
export class AnswerCache {
  constructor(
    private readonly redis: Redis,
    private readonly ttlSeconds: number,
  ) {}

  async key(orgId: string, role: string, standaloneQuestion: string): Promise<string> {
    const version = await knowledgeVersion(this.redis, orgId);
    const hash = createHash('sha256').update(normaliseQuestion(standaloneQuestion)).digest('hex');
    return `chat:answer-cache:${orgId}:v${version}:${role}:${hash}`;
  }

  async get(key: string): Promise<CachedAnswer | null> {
    if (this.ttlSeconds === 0) return null;
    const value = await this.redis.get(key);
    if (value === null) return null;
    try {
      return JSON.parse(value) as CachedAnswer;
    } catch {
      return null;
    }
  }

  async set(key: string, answer: CachedAnswer): Promise<void> {
    if (this.ttlSeconds === 0) return;
    await this.redis.set(key, JSON.stringify(answer), 'EX', this.ttlSeconds);
  }
}
