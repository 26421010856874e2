import { describe, expect, it } from 'vitest';
import { compareMessages } from '../src/composables/messageOrder';

const msg = (id: string, createdAt: string) => ({ id, createdAt });
const ids = (messages: { id: string; createdAt: string }[]) => [...messages].sort(compareMessages).map((m) => m.id);

describe('compareMessages', () => {
  it('orders by createdAt, oldest first, whatever the arrival order', () => {
    expect(ids([msg('b', '2025-01-01T10:00:02Z'), msg('c', '2025-01-01T10:00:03Z'), msg('a', '2025-01-01T10:00:01Z')])).toEqual(['a', 'b', 'c']);
  });

  it('compares instants, not strings (offsets and fractions)', () => {
    expect(ids([msg('late', '2025-01-01T10:00:00.500Z'), msg('early', '2025-01-01T11:00:00+01:00')])).toEqual(['early', 'late']);
  });

  it('breaks timestamp ties by id, so the order is stable', () => {
    const t = '2025-01-01T10:00:00Z';
    expect(ids([msg('b', t), msg('a', t), msg('c', t)])).toEqual(['a', 'b', 'c']);
    expect(compareMessages(msg('x', 'garbage'), msg('y', 'garbage'))).toBeLessThan(0);
  });
});
