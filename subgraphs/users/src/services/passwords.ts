import argon2 from 'argon2';
import { badUserInput } from '@scs/graphql-kit/auth/errors';

// OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane.
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Verified against when an email is unknown, so a wrong email costs as long as a wrong password. */
let dummyHash: Promise<string> | undefined;

export function checkPasswordPolicy(password: string, field = 'password'): void {
  if (password.length < 10) throw badUserInput('Passwords need at least 10 characters.', field);
  if (password.length > 256) throw badUserInput('Passwords can have at most 256 characters.', field);
}

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, OPTIONS);
}

export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  if (!hash) {
    await argon2.verify(await (dummyHash ??= argon2.hash('not-a-real-password', OPTIONS)), password);
    return false;
  }
  return argon2.verify(hash, password);
}
