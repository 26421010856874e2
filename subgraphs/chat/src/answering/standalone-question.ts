import type { Logger } from '@scs/runtime/logger';
import type { LanguageModel } from './llm.js';
import { buildRewritePrompt, parseRewrite } from './prompt.js';
import type { HistoryTurn } from './types.js';

/** Turns of history the rewrite sees at most (the latest ones). */
const MAX_TURNS = 6;

/**
 * The question as it can be understood without the conversation: the customer's own words when
 * there is no history (no model call), else the model's rewrite of the follow-up, or again the
 * customer's words when the rewrite is unusable or the model fails.
 */
export async function standaloneQuestion(
  model: LanguageModel,
  history: readonly HistoryTurn[],
  question: string,
  options: { signal?: AbortSignal; logger: Logger; temperature?: number },
): Promise<{ question: string; rewritten: boolean }> {
  const turns = history.filter((t) => t.text.trim().length > 0).slice(-MAX_TURNS);
  if (!turns.some((t) => t.role === 'user')) return { question: question.trim(), rewritten: false };
  try {
    const output = await model.complete(buildRewritePrompt(turns, question), { maxTokens: 80, temperature: options.temperature ?? 0, signal: options.signal });
    const rewritten = parseRewrite(output, question);
    if (rewritten) return { question: rewritten, rewritten: true };
    options.logger.debug('standalone rewrite unusable; keeping the question as asked');
  } catch (error) {
    if (options.signal?.aborted) throw error;
    options.logger.warn({ err: error }, 'standalone rewrite failed; keeping the question as asked');
  }
  return { question: question.trim(), rewritten: false };
}
