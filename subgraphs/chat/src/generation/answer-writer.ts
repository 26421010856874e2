import type { EntityManager } from '@mikro-orm/postgresql';
import type { ChatEvents } from '../events/chat-events.js';
import { MessageRecord } from '../entities/message.entity.js';

/**
 * The text of one answer as it is generated: every piece is published as a DELTA event (in order,
 * one at a time, so `seq` order is text order), appended to the text, and the text is written to
 * PostgreSQL with the seq of its last piece every `persistIntervalMs`, so a reader of the history
 * knows which DELTA events the stored text already holds.
 */
export class AnswerWriter {
  text = '';
  lastSeq: number | null = null;
  /** When the first piece was published (epoch ms), for time-to-first-token analytics. */
  firstDeltaAt: number | null = null;
  /** True once `revise` replaced the streamed text. */
  revised = false;
  private persistedAt = Date.now();

  constructor(
    private readonly em: EntityManager,
    private readonly events: ChatEvents,
    private readonly orgId: string,
    private readonly conversationId: string,
    private readonly messageId: string,
    private readonly persistIntervalMs: number,
  ) {}

  async delta(piece: string): Promise<void> {
    if (piece.length === 0) return;
    this.lastSeq = await this.events.publish(this.orgId, this.conversationId, { kind: 'DELTA', messageId: this.messageId, text: piece });
    this.firstDeltaAt ??= Date.now();
    this.text += piece;
    if (Date.now() - this.persistedAt >= this.persistIntervalMs) await this.persist();
  }

  /**
   * Replaces what streamed with another text (an answer withdrawn after it was checked). No DELTA:
   * the final STATUS event carries the whole new text, and the stored text is the new one.
   */
  async revise(text: string): Promise<void> {
    this.text = text;
    this.revised = true;
    await this.persist();
  }

  /** Streams a whole text in word-sized pieces (cached and fixed answers). */
  async write(text: string, pieceChars = 24): Promise<void> {
    for (const piece of splitIntoPieces(text, pieceChars)) await this.delta(piece);
  }

  async persist(): Promise<void> {
    this.persistedAt = Date.now();
    await this.em.nativeUpdate(MessageRecord, { id: this.messageId, status: 'generating' }, { text: this.text, lastSeq: this.lastSeq, updatedAt: new Date() });
  }
}

/** Splits text after spaces into pieces of about `size` characters; joined, they are the text. */
export function splitIntoPieces(text: string, size: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > size) {
    const space = rest.indexOf(' ', size);
    if (space < 0) break;
    pieces.push(rest.slice(0, space + 1));
    rest = rest.slice(space + 1);
  }
  if (rest.length > 0) pieces.push(rest);
  return pieces;
}
