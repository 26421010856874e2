/**
 * Screens a model's streamed output before anyone sees it, so that whatever a page (or a
 * customer) talked the model into, it cannot show its instructions or the prompt's markup:
 *
 * - `protectedTexts` (the system prompt, the fixed instructions around the documents): output that
 *   reproduces `minRun` or more characters of one of them verbatim (case and spacing aside) is a
 *   leak: the guard stops, and nothing of the leaking run is released;
 * - `stopMarkers` (`<document`, `</question`, …): output that starts the prompt's own markup ends
 *   the answer there (a small model continuing the prompt instead of answering).
 *
 * Text is released as soon as it can no longer become part of either, so at most `minRun - 1`
 * characters are held back at any time, and released text joined is always a prefix of the output.
 */
export class OutputGuard {
  private readonly protectedTexts: string[];
  private released = '';
  private pending = '';
  stopped: 'leak' | 'marker' | null = null;

  constructor(
    protectedTexts: readonly string[],
    private readonly stopMarkers: readonly string[],
    private readonly minRun = 32,
  ) {
    this.protectedTexts = protectedTexts.map(normalise).filter((t) => t.length > 0);
  }

  /** Feeds the next chunk; returns the text that is now safe to show (possibly empty). */
  push(chunk: string): string {
    if (this.stopped) return '';
    this.pending += chunk;
    // Markup: cut at the marker, release what came before it.
    const lowerPending = this.pending.toLowerCase();
    for (const marker of this.stopMarkers) {
      const at = lowerPending.indexOf(marker.toLowerCase());
      if (at >= 0) {
        this.pending = this.pending.slice(0, at);
        this.stopped = 'marker';
        return this.releaseSafe(true);
      }
    }
    return this.releaseSafe(false);
  }

  /** The end of the output: releases what was held back unless it leaks. */
  flush(): string {
    if (this.stopped === 'leak') return '';
    return this.releaseSafe(true);
  }

  private releaseSafe(final: boolean): string {
    const text = this.released + this.pending;
    const normalised = normalise(text);
    // A leak: a long enough run of protected text anywhere in what was produced.
    const window = normalised.slice(-Math.max(this.minRun * 4, this.pending.length * 2 + this.minRun));
    for (let start = 0; start + this.minRun <= window.length; start++) {
      const run = window.slice(start, start + this.minRun);
      if (this.protectedTexts.some((p) => p.includes(run))) {
        this.stopped = 'leak';
        // Release nothing of the run: keep only pending text before it (approximately, by held-back length).
        this.pending = '';
        return '';
      }
    }
    // Hold back the longest tail that could still grow into a protected run or a marker.
    let hold = 0;
    if (!final) {
      // Measured after normalising (runs of spaces count once), so look back far enough in the raw text.
      for (let k = Math.min(text.length, (this.minRun - 1) * 4); k > 0; k--) {
        const suffix = text.slice(-k);
        const n = normalise(suffix);
        if (n.length >= this.minRun) continue;
        if (
          (n.trim().length > 0 && this.protectedTexts.some((p) => p.includes(n))) ||
          this.stopMarkers.some((m) => m.toLowerCase().startsWith(suffix.toLowerCase()))
        ) {
          hold = k;
          break;
        }
      }
      hold = Math.min(hold, this.pending.length);
    }
    const out = this.pending.slice(0, this.pending.length - hold);
    this.pending = this.pending.slice(this.pending.length - hold);
    this.released += out;
    return out;
  }
}

function normalise(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ');
}
