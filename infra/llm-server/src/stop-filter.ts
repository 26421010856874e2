/**
 * Applies OpenAI `stop` sequences to streamed text: nothing at or after the first occurrence of a
 * stop sequence is ever released, and text that could still turn out to be the start of one is
 * held back until the next chunk decides it. The engine stops generating on the same sequences;
 * this filter is what guarantees that no streamed byte runs past them.
 */
export class StopFilter {
  private pending = '';
  private done = false;
  readonly maxStopLength: number;

  constructor(private readonly stops: readonly string[]) {
    this.maxStopLength = Math.max(0, ...stops.map((s) => s.length));
  }

  /** True once a stop sequence was seen: everything after it is dropped. */
  get stopped(): boolean {
    return this.done;
  }

  /** Adds generated text; returns the part that can be released now. */
  push(text: string): string {
    if (this.done) return '';
    if (this.stops.length === 0) return text;
    this.pending += text;
    let first = -1;
    for (const stop of this.stops) {
      const at = this.pending.indexOf(stop);
      if (at !== -1 && (first === -1 || at < first)) first = at;
    }
    if (first !== -1) {
      const released = this.pending.slice(0, first);
      this.pending = '';
      this.done = true;
      return released;
    }
    const hold = this.heldSuffixLength();
    const released = this.pending.slice(0, this.pending.length - hold);
    this.pending = this.pending.slice(this.pending.length - hold);
    return released;
  }

  /** Generation ended without completing a stop sequence: releases what was held back. */
  flush(): string {
    if (this.done) return '';
    const rest = this.pending;
    this.pending = '';
    return rest;
  }

  /** Length of the longest suffix of the pending text that is a proper prefix of a stop sequence. */
  private heldSuffixLength(): number {
    const text = this.pending;
    for (let length = Math.min(text.length, this.maxStopLength - 1); length > 0; length--) {
      const suffix = text.slice(text.length - length);
      if (this.stops.some((stop) => stop.startsWith(suffix))) return length;
    }
    return 0;
  }
}
