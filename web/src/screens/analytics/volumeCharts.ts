import type { AnalyticsVolumeQuery } from '../../gql/graphql';
import { formatCount, formatPercent, plural } from './analyticsFormat';
import type { ChartSeries } from './chartTypes';

export type VolumeBucket = AnalyticsVolumeQuery['questionVolume'][number];

/** Answered / questions of each bucket in percent (one decimal); null without questions. */
export function answerRateSeries(buckets: readonly VolumeBucket[]): ChartSeries {
  return {
    label: 'Answer rate',
    data: buckets.map((b) => (b.questions > 0 ? Math.round((b.answered / b.questions) * 1000) / 10 : null)),
    colour: 'accent',
    format: (value) => (value == null ? 'No questions' : formatPercent(value / 100)),
  };
}

/** What the volume chart shows, in a sentence (its canvas' label). */
export function volumeSummary(buckets: readonly VolumeBucket[], labels: readonly string[], per: string, rangeText: string): string {
  const sum = (key: 'questions' | 'answered' | 'unanswered' | 'handoffs') => buckets.reduce((total, b) => total + b[key], 0);
  const questions = sum('questions');
  const answered = sum('answered');
  const unanswered = sum('unanswered');
  const failed = Math.max(0, questions - answered - unanswered);
  let text = `Questions ${per}, ${rangeText}: ${plural(questions, 'question')} in all, ${formatCount(answered)} answered, ${formatCount(unanswered)} unanswered, ${formatCount(failed)} failed, ${plural(sum('handoffs'), 'hand-off')}.`;
  let busiest = -1;
  buckets.forEach((b, i) => {
    if (b.questions > 0 && (busiest < 0 || b.questions > buckets[busiest]!.questions)) busiest = i;
  });
  if (busiest >= 0) text += ` Busiest: ${labels[busiest]} with ${plural(buckets[busiest]!.questions, 'question')}.`;
  return text;
}

/** What the answer rate chart shows, in a sentence. */
export function answerRateSummary(buckets: readonly VolumeBucket[], labels: readonly string[], per: string): string {
  const questions = buckets.reduce((total, b) => total + b.questions, 0);
  if (questions === 0) return `Answer rate ${per}: no questions in this period.`;
  const answered = buckets.reduce((total, b) => total + b.answered, 0);
  let low = -1;
  let high = -1;
  const rate = (i: number) => buckets[i]!.answered / buckets[i]!.questions;
  buckets.forEach((b, i) => {
    if (b.questions === 0) return;
    if (low < 0 || rate(i) < rate(low)) low = i;
    if (high < 0 || rate(i) > rate(high)) high = i;
  });
  let text = `Answer rate ${per}: ${formatPercent(answered / questions)} over the period`;
  if (low >= 0 && high >= 0 && low !== high)
    text += `, lowest ${formatPercent(rate(low))} (${labels[low]}), highest ${formatPercent(rate(high))} (${labels[high]})`;
  return `${text}.`;
}
