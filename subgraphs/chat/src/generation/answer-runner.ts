import type { MikroORM } from '@mikro-orm/postgresql';
import type { AnalyticsHit, AnalyticsProducer } from '@scs/contracts/analytics-events';
import type { Logger } from '@scs/runtime/logger';
import type { Principal } from '@scs/contracts/identity';
import { AnswerCache, type CachedAnswer } from '../answering/answer-cache.js';
import { CitationFilter, confidenceOf, resolveCitations } from '../answering/citations.js';
import { selectContext, type SentenceRanker } from '../answering/context-builder.js';
import type { LanguageModel } from '../answering/llm.js';
import { extractiveAnswer } from '../answering/extractive-answer.js';
import { judgeGrounding } from '../answering/grounding.js';
import { OutputGuard } from '../answering/output-guard.js';
import { buildAnswerPrompt, DECLINE_PHRASE, isDecline, PROMPT_MARKERS, PROTECTED_PROMPT_TEXTS } from '../answering/prompt.js';
import type { RetrievalClient } from '../answering/retrieval-client.js';
import { standaloneQuestion } from '../answering/standalone-question.js';
import type { HistoryTurn, RetrievedImage } from '../answering/types.js';
import type { ChatConfig } from '../config.js';
import { ConversationRecord } from '../entities/conversation.entity.js';
import { MessageRecord, type AnswerFallbackValue, type MessageStatusValue, type StoredCitation, type StoredImage } from '../entities/message.entity.js';
import type { ChatEvents } from '../events/chat-events.js';
import { AnswerWriter } from './answer-writer.js';

/** One answer to generate: who asked (their identity goes to retrieval), where, and what. */
export interface GenerationJob {
  identity: Principal;
  correlationId: string;
  orgId: string;
  conversationId: string;
  userMessageId: string;
  assistantMessageId: string;
  question: string;
  askedAt: Date;
}

/** What the bot says when the knowledge does not answer the question (no model call). */
export const DONT_KNOW_ANSWER =
  "I'm sorry, I don't know the answer to that from our help pages. Would you like me to connect you with a person from our support team?";

/** What follows the model's own decline: the same offer of a person. */
export const HANDOFF_OFFER = ' Would you like me to connect you with a person from our support team?';

/** Why a generation was aborted: the asker (or an agent) stopped it, or this instance is shutting down. */
export type AbortReason = 'stopped' | 'shutdown';

export interface AnswerRunnerDeps {
  orm: MikroORM;
  events: ChatEvents;
  model: LanguageModel;
  retrieval: RetrievalClient;
  cache: AnswerCache;
  analytics: AnalyticsProducer;
  config: ChatConfig;
  logger: Logger;
}

interface Outcome {
  status: MessageStatusValue;
  citations: StoredCitation[];
  images: StoredImage[];
  confidence: number | null;
  handoffSuggested: boolean;
  fromCache: boolean;
  /** Set when the text is the extractive fallback (the LLM server down or too slow). */
  fallback: AnswerFallbackValue | null;
  /**
   * Who decided the question cannot be answered: retrieval (weak passages), the model (its decline
   * phrase), the output guard, or the grounding check (the answer spoke of what no document mentions).
   */
  declinedBy?: 'retrieval' | 'model' | 'guard' | 'grounding';
  /** What retrieval returned (for analytics). */
  hits: AnalyticsHit[];
}

/**
 * Generates one answer: standalone question → answer cache → retrieval → "don't know" below the
 * relevance floor, else a prompt of delimited documents → streamed tokens → citations and
 * confidence; the final record is stored before the final STATUS event is published.
 */
export class AnswerRunner {
  constructor(private readonly deps: AnswerRunnerDeps) {}

  async run(job: GenerationJob, signal: AbortSignal): Promise<void> {
    const { config, events, logger } = this.deps;
    const em = this.deps.orm.em.fork();
    const log = logger.child({ correlationId: job.correlationId, messageId: job.assistantMessageId, conversationId: job.conversationId });
    const writer = new AnswerWriter(em, events, job.orgId, job.conversationId, job.assistantMessageId, config.CHAT_PERSIST_INTERVAL_MS);
    const outcome: Outcome = {
      status: 'complete',
      citations: [],
      images: [],
      confidence: null,
      handoffSuggested: false,
      fromCache: false,
      fallback: null,
      hits: [],
    };
    let standalone: string | null = null;
    try {
      const history = await this.history(em, job);
      signal.throwIfAborted();
      standalone = (await standaloneQuestion(this.deps.model, history, job.question, { signal, logger: log })).question;
      await em.nativeUpdate(MessageRecord, { id: job.assistantMessageId }, { standaloneQuestion: standalone });

      const cacheKey = await this.deps.cache.key(job.orgId, job.identity.role, standalone);
      const cached = await this.deps.cache.get(cacheKey);
      if (cached) {
        log.debug('answer from cache');
        Object.assign(outcome, { ...cached, fromCache: true, status: 'complete' });
        if (cached.images.length > 0)
          await events.publish(job.orgId, job.conversationId, { kind: 'IMAGES', messageId: job.assistantMessageId, images: cached.images });
        await writer.write(cached.text);
        signal.throwIfAborted();
      } else {
        await this.generate(job, standalone, writer, outcome, signal, log);
        // A fallback is not what the model would say: the next asker gets the model again.
        if (outcome.fallback === null) await this.deps.cache.set(cacheKey, cacheable(writer.text, outcome));
      }
    } catch (error) {
      if (signal.aborted) {
        outcome.status = (signal.reason as AbortReason) === 'stopped' ? 'stopped' : 'failed';
        log.info({ reason: signal.reason }, 'answer generation aborted');
      } else {
        outcome.status = 'failed';
        log.warn({ err: error }, 'answer generation failed');
      }
    }
    await this.finish(em, job, writer, outcome, log, standalone);
  }

  private async generate(job: GenerationJob, question: string, writer: AnswerWriter, outcome: Outcome, signal: AbortSignal, log: Logger): Promise<void> {
    const { config, events } = this.deps;
    const retrieval = await this.deps.retrieval.retrieve(job.identity, question, config.CHAT_RETRIEVAL_LIMIT, { correlationId: job.correlationId, signal });
    signal.throwIfAborted();
    const top = retrieval.hits.reduce((best, hit) => Math.max(best, hit.relevance), 0);
    outcome.hits = retrieval.hits.map(({ url, pageUrl, sourceId, title, relevance }) => ({ url, pageUrl, sourceId, title, relevance }));
    log.debug({ hits: retrieval.hits.map((h) => ({ url: h.url, relevance: h.relevance })), top }, 'retrieved');
    if (top < config.CHAT_RELEVANCE_FLOOR) {
      Object.assign(outcome, { confidence: round(top), handoffSuggested: true, declinedBy: 'retrieval' });
      await writer.write(DONT_KNOW_ANSWER);
      return;
    }
    const rank: SentenceRanker = (query, sentences) =>
      this.deps.retrieval.rankSentences(job.identity, query, sentences, { correlationId: job.correlationId, signal });
    const context = await selectContext(retrieval.hits, question, rank, {
      minRelevance: config.CHAT_CONTEXT_MIN_RELEVANCE,
      maxDocuments: config.CHAT_CONTEXT_MAX_DOCUMENTS,
      charBudget: config.CHAT_CONTEXT_TOKEN_BUDGET * 4,
      sentenceMargin: config.CHAT_SENTENCE_MARGIN,
    });
    signal.throwIfAborted();
    const { documents } = context;
    if (context.withheld.length > 0)
      log.warn({ pages: context.withheld.map((h) => h.url) }, 'passages with instructions to the assistant were left out of the prompt');
    if (documents.length === 0) {
      Object.assign(outcome, { confidence: round(top), handoffSuggested: true, declinedBy: 'retrieval' });
      await writer.write(DONT_KNOW_ANSWER);
      return;
    }
    outcome.images = imagesFor(retrieval.images, new Set(documents.map((d) => d.hit.pageUrl)));
    if (outcome.images.length > 0)
      await events.publish(job.orgId, job.conversationId, { kind: 'IMAGES', messageId: job.assistantMessageId, images: outcome.images });

    const prompt = buildAnswerPrompt(question, documents);
    log.debug({ prompt, ranking: context.ranking }, 'answer prompt built');
    // Nothing reaches the customer before the guards have seen it: citations of documents that were
    // not given are dropped; no instructions, no prompt markup and nothing of a withheld passage.
    const citationFilter = new CitationFilter(documents.length);
    const guard = new OutputGuard([...PROTECTED_PROMPT_TEXTS, ...context.withheldTexts], PROMPT_MARKERS);
    const generation = new AbortController();
    const stopModel = AbortSignal.any([signal, generation.signal]);
    let produced = false;
    const firstTokenTimer = setTimeout(() => generation.abort('timeout'), config.CHAT_LLM_FIRST_TOKEN_TIMEOUT_MS);
    let failure: unknown = null;
    const startedAt = performance.now();
    let firstTokenMs: number | null = null;
    try {
      for await (const piece of this.deps.model.stream(prompt, {
        maxTokens: config.CHAT_MAX_ANSWER_TOKENS,
        temperature: config.CHAT_TEMPERATURE,
        signal: stopModel,
      })) {
        if (!produced) {
          produced = true;
          firstTokenMs = performance.now() - startedAt;
          clearTimeout(firstTokenTimer);
        }
        await writer.delta(guard.push(citationFilter.push(piece)));
        if (guard.stopped) {
          generation.abort('guard');
          break;
        }
        // A decline is complete once its phrase is: the rest would only be the model talking on.
        if (writer.text.length >= DECLINE_PHRASE.length && isDecline(writer.text)) {
          generation.abort('declined');
          break;
        }
      }
    } catch (error) {
      if (signal.aborted) throw error;
      if (!generation.signal.aborted) failure = error;
    } finally {
      clearTimeout(firstTokenTimer);
    }
    signal.throwIfAborted();
    if (!guard.stopped) await writer.delta(guard.push(citationFilter.flush()));
    await writer.delta(guard.flush());
    if (guard.stopped === 'leak') log.warn('the model reproduced its instructions or a withheld passage; that part of its output was withheld');
    log.debug({ firstTokenMs, ranking: context.ranking, documents: documents.length, droppedCitations: citationFilter.dropped }, 'model answered');

    if (writer.text.trim().length === 0) {
      if (!produced && (failure !== null || generation.signal.reason === 'timeout')) {
        // The LLM server is down, failing or too slow: quote the best passage, and say so.
        outcome.fallback = failure !== null ? 'llm_unavailable' : 'llm_timeout';
        log.warn({ err: failure, fallback: outcome.fallback }, 'no answer from the language model; answering with a quoted passage');
        await writer.write(extractiveAnswer(documents));
        outcome.citations = resolveCitations(writer.text, documents);
        outcome.confidence = confidenceOf(outcome.citations, top);
        return;
      }
      // The model wrote nothing usable (or only what the guard withheld): no answer is better than a wrong one.
      Object.assign(outcome, { confidence: round(top), handoffSuggested: true, declinedBy: 'guard' });
      await writer.write(DONT_KNOW_ANSWER);
      return;
    }
    if (failure !== null) log.warn({ err: failure }, 'the language model failed mid-answer; keeping what it wrote');
    if (isDecline(writer.text)) {
      Object.assign(outcome, { confidence: round(Math.min(top, 0.3)), handoffSuggested: true, declinedBy: 'model' });
      await writer.write(HANDOFF_OFFER);
      return;
    }
    const grounding = judgeGrounding(question, writer.text, documents);
    if (grounding.ungrounded) {
      // Streamed already: the final STATUS event carries the decline that replaces it.
      log.info({ unsupported: grounding.unsupported, supportedFacts: grounding.supportedFacts }, 'answer withdrawn: it speaks of what no document mentions');
      Object.assign(outcome, { confidence: round(Math.min(top, 0.3)), handoffSuggested: true, declinedBy: 'grounding' });
      await writer.revise(DONT_KNOW_ANSWER);
      return;
    }
    outcome.citations = resolveCitations(writer.text, documents);
    outcome.confidence = confidenceOf(outcome.citations, top);
  }

  /** Earlier turns of the conversation that are complete, oldest first. */
  private async history(em: ReturnType<MikroORM['em']['fork']>, job: GenerationJob): Promise<HistoryTurn[]> {
    const rows = await em.find(
      MessageRecord,
      {
        conversationId: job.conversationId,
        organizationId: job.orgId,
        createdAt: { $lt: job.askedAt },
        status: 'complete',
        role: { $in: ['user', 'assistant', 'agent'] },
      },
      { orderBy: { createdAt: 'desc', id: 'desc' }, limit: 6, fields: ['role', 'text'] },
    );
    return rows.reverse().map((r) => ({ role: r.role as HistoryTurn['role'], text: r.text }));
  }

  /** Stores the final state (unless someone else, the sweep, already finished the message) and announces it. */
  private async finish(
    em: ReturnType<MikroORM['em']['fork']>,
    job: GenerationJob,
    writer: AnswerWriter,
    outcome: Outcome,
    log: Logger,
    standalone: string | null,
  ): Promise<void> {
    const { events } = this.deps;
    try {
      const now = new Date();
      const updated = await em.nativeUpdate(
        MessageRecord,
        { id: job.assistantMessageId, status: 'generating' },
        {
          status: outcome.status,
          text: writer.text,
          lastSeq: writer.lastSeq,
          citations: outcome.status === 'complete' ? outcome.citations : [],
          images: outcome.status === 'complete' ? outcome.images : [],
          confidence: outcome.status === 'complete' ? outcome.confidence : null,
          handoffSuggested: outcome.status === 'complete' && outcome.handoffSuggested,
          fromCache: outcome.fromCache,
          fallback: outcome.status === 'complete' ? outcome.fallback : null,
          updatedAt: now,
        },
      );
      if (updated === 0) {
        log.warn('answer was finished elsewhere (swept as failed); its final state is left as is');
        return;
      }
      await em.nativeUpdate(ConversationRecord, { id: job.conversationId }, { updatedAt: now });
      if (outcome.status === 'complete' && outcome.citations.length > 0) {
        await events.publish(job.orgId, job.conversationId, { kind: 'CITATIONS', messageId: job.assistantMessageId, citations: outcome.citations });
      }
      await events.publish(job.orgId, job.conversationId, {
        kind: 'STATUS',
        messageId: job.assistantMessageId,
        status: outcome.status,
        confidence: outcome.status === 'complete' ? outcome.confidence : null,
        handoffSuggested: outcome.status === 'complete' && outcome.handoffSuggested,
        fallback: outcome.status === 'complete' ? outcome.fallback : null,
        text: writer.revised ? writer.text : null,
      });
      log.info(
        {
          status: outcome.status,
          fromCache: outcome.fromCache,
          citations: outcome.citations.length,
          confidence: outcome.confidence,
          declinedBy: outcome.declinedBy ?? null,
          fallback: outcome.fallback,
        },
        'answer finished',
      );
      this.recordQuestion(job, writer, outcome, standalone, now);
    } catch (error) {
      // Left `generating`: the sweep marks it failed once this instance's lease has expired.
      log.error({ err: error }, 'could not store the end of an answer');
    }
  }

  /** One `question` analytics event per answer (its id is the answer's, so it is stored once); fire and forget. */
  private recordQuestion(job: GenerationJob, writer: AnswerWriter, outcome: Outcome, standalone: string | null, finishedAt: Date): void {
    const complete = outcome.status === 'complete';
    this.deps.analytics.record(
      'question',
      job.orgId,
      {
        conversationId: job.conversationId,
        userMessageId: job.userMessageId,
        messageId: job.assistantMessageId,
        askerRole: job.identity.role,
        question: job.question,
        standaloneQuestion: standalone ?? job.question,
        status: outcome.status === 'generating' ? 'failed' : outcome.status,
        answered: complete && !outcome.handoffSuggested,
        handoffSuggested: complete && outcome.handoffSuggested,
        confidence: complete ? outcome.confidence : null,
        fromCache: outcome.fromCache,
        hits: outcome.hits,
        citations: complete ? outcome.citations.map((c) => ({ pageUrl: c.pageUrl, sourceId: c.sourceId })) : [],
        timeToFirstTokenMs: writer.firstDeltaAt === null ? null : Math.max(0, writer.firstDeltaAt - job.askedAt.getTime()),
        totalMs: Math.max(0, finishedAt.getTime() - job.askedAt.getTime()),
        answerChars: writer.text.length,
      },
      { eventId: job.assistantMessageId, occurredAt: job.askedAt },
    );
  }
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function cacheable(text: string, outcome: Outcome): CachedAnswer {
  return { text, citations: outcome.citations, images: outcome.images, confidence: outcome.confidence, handoffSuggested: outcome.handoffSuggested };
}

/** Pictures of the pages the answer draws on, best first, at most three. */
function imagesFor(images: readonly RetrievedImage[], pages: ReadonlySet<string>): StoredImage[] {
  return images
    .filter((image) => pages.has(image.pageUrl))
    .slice(0, 3)
    .map(({ id, imageUrl, pageUrl, alt, caption, thumbnailUrl }) => ({ id, imageUrl, pageUrl, alt, caption, thumbnailUrl }));
}
