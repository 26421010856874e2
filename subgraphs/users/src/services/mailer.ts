import type { Logger } from '@scs/shared';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/** Where mails go. Production deployments plug in an SMTP or provider transport. */
export interface MailTransport {
  send(mail: Mail): Promise<void>;
}

/**
 * The local transport: writes each mail as one JSON log line (`mail` field), which is where a
 * developer, or a test, reads verification, reset and invitation links.
 */
export class LogMailTransport implements MailTransport {
  constructor(private readonly logger: Logger) {}

  async send(mail: Mail): Promise<void> {
    this.logger.info({ mail }, `mail to ${mail.to}: ${mail.subject}`);
  }
}
