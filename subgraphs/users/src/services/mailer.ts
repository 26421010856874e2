import type { Logger } from '@scs/runtime/logger';
import { createTransport, type Transporter } from 'nodemailer';
import type { UsersConfig } from '../config.js';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/** Where mails go: SMTP where SMTP_HOST is set, else the log. */
export interface MailTransport {
  send(mail: Mail): Promise<void>;
}

/** Link tokens (verification, reset, invitation) in a mail's text: secrets, as good as a password for an hour or two. */
const TOKEN_IN_LINK = /([?&]token=)[^\s&]+/g;

export function withoutTokens(text: string): string {
  return text.replace(TOKEN_IN_LINK, '$1[redacted]');
}

/**
 * The local transport: writes each mail as one JSON log line (`mail` field), which is where a
 * developer, or a test, reads verification, reset and invitation links. With `redactTokens`
 * (production) the links' tokens are replaced, so the log never holds a usable one.
 */
export class LogMailTransport implements MailTransport {
  constructor(
    private readonly logger: Logger,
    private readonly redactTokens: boolean,
  ) {}

  async send(mail: Mail): Promise<void> {
    const logged = this.redactTokens ? { ...mail, text: withoutTokens(mail.text) } : mail;
    this.logger.info({ mail: logged }, `mail to ${mail.to}: ${mail.subject}`);
  }
}

/** Mails through an SMTP server (nodemailer): STARTTLS on 587 unless SMTP_SECURE (TLS from the start, 465). */
export class SmtpMailTransport implements MailTransport {
  private readonly transporter: Transporter;

  constructor(
    private readonly options: { host: string; port: number; secure: boolean; user?: string; password?: string; from: string; requireTls: boolean },
    private readonly logger: Logger,
  ) {
    this.transporter = createTransport({
      host: options.host,
      port: options.port,
      secure: options.secure,
      requireTLS: options.requireTls,
      auth: options.user ? { user: options.user, pass: options.password ?? '' } : undefined,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    });
  }

  async send(mail: Mail): Promise<void> {
    const info = (await this.transporter.sendMail({ from: this.options.from, to: mail.to, subject: mail.subject, text: mail.text })) as { messageId?: string };
    // Who and what, never the text: it holds the link's token.
    this.logger.info({ to: mail.to, subject: mail.subject, messageId: info.messageId }, 'mail sent');
  }

  close(): void {
    this.transporter.close();
  }
}

/** SMTP when SMTP_HOST is set; otherwise the log, with link tokens redacted in production. */
export function createMailTransport(config: UsersConfig, logger: Logger): MailTransport & { close?: () => void } {
  if (config.SMTP_HOST) {
    return new SmtpMailTransport(
      {
        host: config.SMTP_HOST,
        port: config.SMTP_PORT,
        secure: config.SMTP_SECURE,
        requireTls: config.SMTP_REQUIRE_TLS,
        user: config.SMTP_USER,
        password: config.SMTP_PASSWORD,
        from: config.SMTP_FROM,
      },
      logger,
    );
  }
  const production = config.NODE_ENV === 'production';
  if (production) logger.warn('SMTP_HOST is not set: mails are only logged, without their links’ tokens; set SMTP_* to send them');
  return new LogMailTransport(logger, production);
}
