import { ANALYTICS_EVENT_TYPES, type AnalyticsEvent, type AnalyticsEventType } from '@scs/contracts/analytics-events';
import { z } from 'zod';

/**
 * Stream entries as the analytics subgraph accepts them. Producers are our own services, but an
 * entry is validated before it reaches SQL all the same: one malformed entry must not block every
 * batch after it (it is dropped, with a warning), and sizes are capped.
 */
const uuid = z.uuid();
// PostgreSQL text and jsonb cannot hold NUL characters: they are dropped rather than failing the batch.
// eslint-disable-next-line no-control-regex -- the NUL character is what is removed
const text = (max: number) => z.string().transform((v) => v.replace(/\u0000/g, '').slice(0, max));
// eslint-disable-next-line no-control-regex -- a failure reason must not hold NUL (see `text`)
const NO_NUL = /^[^\u0000]*$/;
const failureReason = z.string().max(200).regex(NO_NUL);
const count = z.number().int().min(0).max(2_000_000_000);
const relevance = z.number().finite().min(-1).max(1);

const hit = z.object({ url: text(2000), pageUrl: text(2000), sourceId: uuid, title: text(500).nullable().default(null), relevance });

const schemas = {
  question: z.object({
    conversationId: uuid,
    userMessageId: uuid,
    messageId: uuid,
    askerRole: text(40),
    question: text(4000),
    standaloneQuestion: text(4000),
    status: z.enum(['complete', 'stopped', 'failed']),
    answered: z.boolean(),
    handoffSuggested: z.boolean(),
    confidence: relevance.nullable(),
    fromCache: z.boolean(),
    hits: z.array(hit).max(100),
    citations: z.array(z.object({ pageUrl: text(2000), sourceId: uuid })).max(100),
    timeToFirstTokenMs: count.nullable(),
    totalMs: count,
    answerChars: count,
  }),
  feedback: z.object({ conversationId: uuid, messageId: uuid, rating: z.enum(['up', 'down']), hasComment: z.boolean() }),
  handoff: z.object({ conversationId: uuid, requestedByRole: text(40).nullable() }),
  crawl_run: z.object({
    sourceId: uuid,
    runId: text(200),
    status: text(40),
    startedAt: z.iso.datetime({ offset: true }),
    durationMs: z.number().int().min(0),
    discovered: count,
    fetched: count,
    indexed: count,
    skipped: count,
    failed: count,
    imagesIndexed: count,
    imagesFailed: count,
    failedByReason: z.record(failureReason, count),
  }),
  api_usage: z.object({ apiKeyId: uuid, role: text(40), requests: count, rateLimited: count }),
} satisfies Record<AnalyticsEventType, z.ZodType>;

export type ParsedEntry = { ok: true; streamId: string; event: AnalyticsEvent } | { ok: false; streamId: string; problem: string };

/** One stream entry (`[id, [field, value, …]]`; fields null when the entry was trimmed away) → an event, or why not. */
export function parseEntry(streamId: string, fields: string[] | null): ParsedEntry {
  if (!fields) return { ok: false, streamId, problem: 'entry no longer in the stream' };
  const map = new Map<string, string>();
  for (let i = 0; i + 1 < fields.length; i += 2) map.set(fields[i]!, fields[i + 1]!);
  const type = map.get('type') as AnalyticsEventType | undefined;
  if (!type || !ANALYTICS_EVENT_TYPES.includes(type)) return { ok: false, streamId, problem: `unknown event type ${JSON.stringify(type)}` };
  const eventId = map.get('id') ?? '';
  if (eventId.length === 0 || eventId.length > 200) return { ok: false, streamId, problem: 'missing or oversized event id' };
  const orgId = map.get('org') ?? '';
  if (!uuid.safeParse(orgId).success) return { ok: false, streamId, problem: 'organization id is no UUID' };
  const occurredAt = new Date(map.get('at') ?? '');
  if (Number.isNaN(occurredAt.getTime())) return { ok: false, streamId, problem: 'occurred-at is no date' };
  let json: unknown;
  try {
    json = JSON.parse(map.get('data') ?? '');
  } catch {
    return { ok: false, streamId, problem: 'data is not JSON' };
  }
  const data = schemas[type].safeParse(json);
  if (!data.success)
    return { ok: false, streamId, problem: `invalid ${type} data: ${data.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}` };
  return { ok: true, streamId, event: { type, eventId, orgId, occurredAt, data: data.data } as AnalyticsEvent };
}
