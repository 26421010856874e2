import { describe, expect, it } from 'vitest';
import { effectScope } from 'vue';
import { compareMessages, mergeMessages, useMessageList } from '../src/composables/useMessageList';

interface Msg {
  id: string;
  createdAt: string;
  text: string;
}
const msg = (id: string, createdAt: string, text = id): Msg => ({ id, createdAt, text });

describe('mergeMessages', () => {
  it('orders by createdAt, oldest first, whatever the arrival order', () => {
    const merged = mergeMessages(
      [msg('b', '2025-01-01T10:00:02Z')],
      [msg('c', '2025-01-01T10:00:03Z'), msg('a', '2025-01-01T10:00:01Z')],
    );
    expect(merged.map((m) => m.id)).toEqual(['a', 'b', 'c']);
  });

  it('compares instants, not strings (offsets and fractions)', () => {
    const merged = mergeMessages([], [msg('late', '2025-01-01T10:00:00.500Z'), msg('early', '2025-01-01T11:00:00+01:00')]);
    expect(merged.map((m) => m.id)).toEqual(['early', 'late']);
  });

  it('keeps one copy per id, the incoming one replacing the old', () => {
    const merged = mergeMessages([msg('a', '2025-01-01T10:00:00Z', 'old')], [msg('a', '2025-01-01T10:00:00Z', 'new')]);
    expect(merged).toEqual([msg('a', '2025-01-01T10:00:00Z', 'new')]);
  });

  it('breaks timestamp ties by id, so the order is stable', () => {
    const t = '2025-01-01T10:00:00Z';
    expect(mergeMessages([], [msg('b', t), msg('a', t), msg('c', t)]).map((m) => m.id)).toEqual(['a', 'b', 'c']);
    expect(compareMessages(msg('x', 'garbage'), msg('y', 'garbage'))).toBeLessThan(0);
  });

  it('does not modify its inputs', () => {
    const current = [msg('b', '2025-01-01T10:00:02Z')];
    const incoming = [msg('a', '2025-01-01T10:00:01Z')];
    mergeMessages(current, incoming);
    expect(current.map((m) => m.id)).toEqual(['b']);
    expect(incoming.map((m) => m.id)).toEqual(['a']);
  });
});

describe('useMessageList', () => {
  it('merges history, live and posted messages without duplicates', () => {
    const scope = effectScope();
    const list = scope.run(() => useMessageList<Msg>())!;

    list.add([msg('m1', '2025-01-01T10:00:01Z'), msg('m2', '2025-01-01T10:00:02Z')]); // history
    list.add(msg('m3', '2025-01-01T10:00:03Z')); // posted here: mutation result
    list.add(msg('m3', '2025-01-01T10:00:03Z')); // …and the same message again from the subscription
    list.add(msg('m2', '2025-01-01T10:00:02Z')); // a refetch overlapping what we have
    list.add([]);
    expect(list.messages.value.map((m) => m.id)).toEqual(['m1', 'm2', 'm3']);

    list.clear();
    expect(list.messages.value).toEqual([]);
    scope.stop();
  });
});
