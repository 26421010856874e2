import { describe, expect, it } from 'vitest';
import { SlotPool } from '../src/slot-pool.js';
import { StopFilter } from '../src/stop-filter.js';

function run(stops: string[], chunks: string[]): { released: string[]; text: string; stopped: boolean } {
  const filter = new StopFilter(stops);
  const released = chunks.map((c) => filter.push(c));
  released.push(filter.flush());
  return { released, text: released.join(''), stopped: filter.stopped };
}

describe('StopFilter', () => {
  it('passes text through when there are no stops', () => {
    expect(run([], ['a', 'b'])).toEqual({ released: ['a', 'b', ''], text: 'ab', stopped: false });
  });

  it('cuts before a stop that spans chunks and releases nothing after it', () => {
    const result = run([', 4'], ['1', ',', ' 2', ',', ' ', '4', ', 5']);
    expect(result.text).toBe('1, 2');
    expect(result.stopped).toBe(true);
    // ", " was held back until " 4" decided it; ", 2" was released as soon as it could not be a stop.
    expect(result.released).toEqual(['1', '', ', 2', '', '', '', '', '']);
  });

  it('releases held-back text that did not become a stop when generation ends', () => {
    expect(run(['END'], ['the E', 'N'])).toEqual({ released: ['the ', '', 'EN'], text: 'the EN', stopped: false });
  });

  it('cuts at the earliest of several stops, also inside one chunk', () => {
    expect(run(['c', 'ab'], ['xxabc']).text).toBe('xx');
    expect(run(['b', 'zzz'], ['aaa', 'zzb']).text).toBe('aaazz');
  });
});

describe('SlotPool', () => {
  it('grants up to size at once, queues in order, refuses beyond the queue and times out waiters', async () => {
    const pool = new SlotPool(1, 1, 50);
    const release = await pool.acquire();
    const waiting = pool.acquire();
    await expect(pool.acquire()).rejects.toMatchObject({ status: 429 });
    release();
    const second = await waiting;
    expect(pool.active).toBe(1);
    await expect(pool.acquire()).rejects.toMatchObject({ status: 503 });
    second();
    second(); // releasing twice is harmless
    expect(pool.active).toBe(0);
  });

  it('drops a waiter whose client went away', async () => {
    const pool = new SlotPool(1, 4, 10_000);
    const release = await pool.acquire();
    const controller = new AbortController();
    const waiting = pool.acquire(controller.signal);
    expect(pool.queued).toBe(1);
    controller.abort(new Error('gone'));
    await expect(waiting).rejects.toThrow('gone');
    expect(pool.queued).toBe(0);
    release();
    expect(pool.active).toBe(0);
  });
});
