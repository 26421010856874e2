import type { EntityManager } from '@mikro-orm/postgresql';
import { AuditEntryRecord } from './audit-entry.entity.js';
import type { Identity } from '@scs/contracts/identity';

export interface AuditEvent {
  action: string;
  outcome?: 'success' | 'failure' | 'denied';
  organizationId?: string | null;
  targetType?: string;
  targetId?: string;
  detail?: Record<string, unknown>;
}

/**
 * Adds an audit entry to the unit of work, so it is written in the same transaction as the change
 * it describes (or, for failures, flushed on its own by the caller).
 */
export function audit(em: EntityManager, identity: Identity, event: AuditEvent): AuditEntryRecord {
  const actor =
    identity.kind === 'user'
      ? { actorType: 'user' as const, actorId: identity.userId }
      : identity.kind === 'apiKey'
        ? { actorType: 'apiKey' as const, actorId: identity.apiKeyId }
        : { actorType: 'anonymous' as const, actorId: null };
  const organizationId =
    event.organizationId !== undefined ? event.organizationId : identity.kind === 'user' || identity.kind === 'apiKey' ? identity.orgId : null;
  return em.create(AuditEntryRecord, {
    ...actor,
    organizationId,
    action: event.action,
    outcome: event.outcome ?? 'success',
    targetType: event.targetType ?? null,
    targetId: event.targetId ?? null,
    ip: identity.ip,
    detail: event.detail ?? {},
  });
}
