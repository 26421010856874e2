import { hasPermission } from '@scs/graphql-kit/auth/authorize';
import type { Identity } from '@scs/contracts/identity';
import type { ConversationRecord } from '../entities/conversation.entity.js';

/**
 * Who may see a conversation: staff with `conversation:read:any` see every one of their
 * organization; everyone else only the conversations they started.
 */
export function canRead(identity: Identity, conversation: ConversationRecord): boolean {
  if (identity.kind !== 'user' && identity.kind !== 'apiKey') return false;
  if (conversation.organizationId !== identity.orgId) return false;
  if (hasPermission(identity, 'conversation:read:any')) return true;
  return identity.kind === 'user' && conversation.customerId === identity.userId;
}

/** The customer who started it. */
export function isOwner(identity: Identity, conversation: ConversationRecord): boolean {
  return identity.kind === 'user' && conversation.organizationId === identity.orgId && conversation.customerId === identity.userId;
}

/** Steering a conversation (stop an answer, close it): its customer, or staff who may reply in it. */
export function canSteer(identity: Identity, conversation: ConversationRecord): boolean {
  return isOwner(identity, conversation) || (canRead(identity, conversation) && hasPermission(identity, 'conversation:reply'));
}

const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)\|([0-9a-f-]{36})$/;

export function encodeCursor(at: Date, id: string): string {
  return Buffer.from(`${at.toISOString()}|${id}`).toString('base64url');
}

export function decodeCursor(cursor: string): { at: Date; id: string } | null {
  const match = CURSOR.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return match ? { at: new Date(match[1]!), id: match[2]! } : null;
}
