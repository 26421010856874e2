import { badUserInput } from '@scs/graphql-kit/auth/errors';

export { isUuid, requireUuid } from '@scs/graphql-kit/validation';

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function pageSize(first: number, max = 100): number {
  if (!Number.isInteger(first) || first < 1 || first > max) throw badUserInput(`first must be between 1 and ${max}.`, 'first');
  return first;
}
