import { accessTokenEnvSchema, baseEnvSchema, databaseEnvSchema, identityEnvSchema, port, redisEnvSchema } from '@scs/runtime/config';
import { z } from 'zod';

const seconds = (fallback: number) => z.coerce.number().int().min(1).default(fallback);

export const usersEnvSchema = baseEnvSchema
  .extend(databaseEnvSchema.shape)
  .extend(redisEnvSchema.shape)
  .extend(identityEnvSchema.shape)
  .extend(accessTokenEnvSchema.shape)
  .extend({
    USERS_HOST: z.string().default('127.0.0.1'),
    USERS_PORT: port(4001),
    /** Lifetime of access tokens; short, because they are checked without a database round trip. */
    ACCESS_TOKEN_TTL_SECONDS: seconds(900),
    REFRESH_TOKEN_TTL_SECONDS: seconds(30 * 24 * 3600),
    /**
     * Failed sign-ins for one email from one client address before that address must wait (the window, in seconds):
     * an attacker's guesses never lock the owner out from their own address.
     */
    LOCKOUT_THRESHOLD: z.coerce.number().int().min(1).default(5),
    LOCKOUT_SECONDS: seconds(15 * 60),
    /**
     * Failed sign-ins for one email from all addresses together before the account is locked for the window; its
     * owner is mailed a password-reset link, which unlocks it at once.
     */
    LOCKOUT_ACCOUNT_CEILING: z.coerce.number().int().min(1).default(50),
    LOCKOUT_ACCOUNT_WINDOW_SECONDS: seconds(3600),
    /** Sign-in, registration and reset attempts allowed per client IP per window. */
    AUTH_RATE_LIMIT_POINTS: z.coerce.number().int().min(1).default(30),
    AUTH_RATE_LIMIT_WINDOW_SECONDS: seconds(60),
    /**
     * Outgoing mail. With SMTP_HOST set, mails go through that SMTP server (nodemailer); without it they are log
     * lines, for development (in production the links' tokens are redacted from the log).
     */
    SMTP_HOST: z.string().min(1).optional(),
    SMTP_PORT: port(587),
    /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
    SMTP_SECURE: z
      .enum(['true', 'false'])
      .default('false')
      .transform((v) => v === 'true'),
    /** Refuse to send unless the connection is encrypted (STARTTLS); on by default outside local test servers. */
    SMTP_REQUIRE_TLS: z
      .enum(['true', 'false'])
      .default('true')
      .transform((v) => v === 'true'),
    SMTP_USER: z.string().min(1).optional(),
    SMTP_PASSWORD: z.string().min(1).optional(),
    SMTP_FROM: z.string().min(3).default('Smart Customer Support <no-reply@localhost>'),
    /** Where links in mails point (verification, reset, invitations). */
    PUBLIC_APP_URL: z.url().default('http://127.0.0.1:5173'),
  });

export type UsersConfig = z.infer<typeof usersEnvSchema>;
