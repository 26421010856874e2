import { badUserInput } from '@scs/shared';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

export function requireUuid(value: string, field: string): string {
  if (!isUuid(value)) throw badUserInput(`${field} must be a UUID.`, field);
  return value;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function pageSize(first: number, max = 100): number {
  if (!Number.isInteger(first) || first < 1 || first > max) throw badUserInput(`first must be between 1 and ${max}.`, 'first');
  return first;
}
