import { analyticsStreamFields, type AnalyticsEvent } from '@scs/contracts/analytics-events';
import { describe, expect, it } from 'vitest';
import { parseEntry } from '../src/ingest/events.js';
import { bucketStarts } from '../src/queries/analytics-queries.js';
import { clusterQuestions, normaliseQuestion } from '../src/queries/clustering.js';
import { toCsv } from '../src/queries/csv.js';

const unit = (v: number[]) => {
  const n = Math.hypot(...v);
  return v.map((x) => x / n);
};

describe('clustering questions by meaning', () => {
  it('groups near vectors, keeps far ones apart, and weights identical texts', () => {
    const reset = [1, 0, 0];
    const clusters = clusterQuestions(
      [
        { text: 'How long is the reset link valid?', vector: unit([1, 0.1, 0]) },
        { text: 'How long is the reset link valid', vector: unit([1, 0.1, 0]) },
        { text: 'When does the reset link expire?', vector: unit([1, 0.25, 0]) },
        { text: 'Can I pay with bitcoin?', vector: unit([0, 0, 1]) },
        { text: 'How long is the RESET link valid?', vector: reset },
      ],
      0.9,
    );
    expect(clusters.map((c) => c.members.length)).toEqual([4, 1]);
    expect(clusters[0]!.members.sort()).toEqual([0, 1, 2, 4]);
    // Identical texts (case, spaces, final punctuation aside) are one wording, asked three times.
    expect(clusters[0]!.texts).toEqual(['How long is the reset link valid?', 'When does the reset link expire?']);
    expect(clusters[0]!.representative).toBe('How long is the reset link valid?');
    expect(clusters[1]).toMatchObject({ representative: 'Can I pay with bitcoin?', members: [3] });
  });

  it('picks the wording closest to the centre as representative', () => {
    const clusters = clusterQuestions(
      [
        { text: 'left', vector: unit([1, -0.3]) },
        { text: 'middle', vector: unit([1, 0]) },
        { text: 'right', vector: unit([1, 0.3]) },
      ],
      0.8,
    );
    expect(clusters).toHaveLength(1);
    expect(clusters[0]!.representative).toBe('middle');
  });

  it('groups questions without a vector by their text only', () => {
    const clusters = clusterQuestions(
      [
        { text: 'Where is my invoice?', vector: null },
        { text: 'where is my invoice', vector: null },
        { text: 'Where is my bill?', vector: null },
      ],
      0.1,
    );
    expect(clusters.map((c) => c.members.length)).toEqual([2, 1]);
    expect(normaliseQuestion('  Where   IS my invoice?!  ')).toBe('where is my invoice');
  });
});

describe('CSV', () => {
  it('quotes what needs quoting, ends lines with CRLF and defuses formulas', () => {
    const csv = toCsv(
      ['a', 'b', 'c', 'd'],
      [
        ['plain', 'with, comma', 'say "hi"\nthere', '=HYPERLINK("x")'],
        [1.5, true, null, new Date('2026-01-02T03:04:05.000Z')],
      ],
    );
    expect(csv).toBe('a,b,c,d\r\nplain,"with, comma","say ""hi""\nthere","\'=HYPERLINK(""x"")"\r\n1.5,true,,2026-01-02T03:04:05.000Z\r\n');
  });
});

describe('stream entries', () => {
  const event: AnalyticsEvent = {
    type: 'feedback',
    eventId: 'e-1',
    orgId: '9b2f7c1e-3f7c-4c1e-9a57-2d4c8f1b6a10',
    occurredAt: new Date('2026-03-01T10:00:00.000Z'),
    data: { conversationId: '1b2f7c1e-3f7c-4c1e-9a57-2d4c8f1b6a10', messageId: '2b2f7c1e-3f7c-4c1e-9a57-2d4c8f1b6a10', rating: 'up', hasComment: false },
  };

  it('round-trips what producers write', () => {
    expect(parseEntry('1-0', analyticsStreamFields(event))).toEqual({ ok: true, streamId: '1-0', event });
  });

  it('refuses malformed entries with a reason instead of failing the batch', () => {
    const fields = analyticsStreamFields(event);
    const withData = (data: unknown) => fields.map((f, i) => (fields[i - 1] === 'data' ? JSON.stringify(data) : f));
    expect(parseEntry('1-0', null)).toMatchObject({ ok: false });
    expect(parseEntry('1-0', withData({ ...event.data, rating: 'meh' }))).toMatchObject({ ok: false, problem: expect.stringContaining('rating') });
    expect(parseEntry('1-0', withData({ ...event.data, messageId: "x'; drop table" }))).toMatchObject({ ok: false });
    expect(
      parseEntry(
        '1-0',
        fields.map((f) => (f === 'feedback' ? 'nonsense' : f)),
      ),
    ).toMatchObject({ ok: false, problem: expect.stringContaining('unknown event type') });
    expect(
      parseEntry(
        '1-0',
        fields.map((f) => (f === event.orgId ? 'not-a-uuid' : f)),
      ),
    ).toMatchObject({ ok: false });
  });
});

describe('volume buckets', () => {
  const at = (iso: string) => new Date(iso);
  it('cover the period in UTC hours, days and ISO weeks', () => {
    expect(bucketStarts({ from: at('2026-03-04T10:30:00Z'), to: at('2026-03-04T13:00:00Z') }, 'hour').map((d) => d.toISOString())).toEqual([
      '2026-03-04T10:00:00.000Z',
      '2026-03-04T11:00:00.000Z',
      '2026-03-04T12:00:00.000Z',
    ]);
    expect(bucketStarts({ from: at('2026-03-02T00:00:00Z'), to: at('2026-03-09T00:00:00Z') }, 'day')).toHaveLength(7);
    // 2026-03-04 is a Wednesday: its week starts on Monday 2026-03-02.
    expect(bucketStarts({ from: at('2026-03-04T10:00:00Z'), to: at('2026-03-17T00:00:00Z') }, 'week').map((d) => d.toISOString())).toEqual([
      '2026-03-02T00:00:00.000Z',
      '2026-03-09T00:00:00.000Z',
      '2026-03-16T00:00:00.000Z',
    ]);
  });
});
