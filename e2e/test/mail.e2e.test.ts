import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphqlRequest, registerAdmin, startSubgraph, startSystem, type ServiceProcess } from '@scs/test-support';

interface Received {
  from: string;
  to: string[];
  /** The message as sent, quoted-printable soft breaks undone. */
  text: string;
}

/** A real SMTP server (smtp-server, nodemailer's own) on a free port, requiring a login. */
async function startSmtpServer(user: string, password: string) {
  const received: Received[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    // Loopback without TLS, so the test reads what arrives; the transport requires TLS by default (SMTP_REQUIRE_TLS).
    allowInsecureAuth: true,
    onAuth: (auth, _session, callback) =>
      auth.username === user && auth.password === password ? callback(null, { user }) : callback(new Error('Invalid username or password')),
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const text = Buffer.concat(chunks)
          .toString('utf8')
          .replace(/=\r?\n/g, '')
          .replace(/=3D/g, '=');
        received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), text });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { port, received, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const TOKEN = /token=([A-Za-z0-9_-]{16,})/;

describe('mail: SMTP in production, the log in development, never a token in a production log', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let system: Awaited<ReturnType<typeof startSystem>>;
  let gateway: ServiceProcess;

  beforeAll(async () => {
    smtp = await startSmtpServer('scs-mailer', 'smtp password for the test');
    system = await startSystem(1, {
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
      SMTP_USER: 'scs-mailer',
      SMTP_PASSWORD: 'smtp password for the test',
      SMTP_REQUIRE_TLS: 'false',
      SMTP_FROM: 'Support <support@example.com>',
    });
    gateway = system.gateways[0]!;
  });
  afterAll(async () => {
    await system?.stop();
    await smtp?.stop();
  });

  it('sends the verification mail through SMTP, logs no token, and its link works', async () => {
    const admin = await registerAdmin(gateway, 'Mail');
    await expect.poll(() => smtp.received.filter((m) => m.to.includes(admin.email)).length, { timeout: 10_000 }).toBe(1);
    const mail = smtp.received.find((m) => m.to.includes(admin.email))!;
    expect(mail.from).toBe('support@example.com');
    expect(mail.text).toMatch(/Subject: Confirm your email address/);
    const token = TOKEN.exec(mail.text)?.[1];
    expect(token).toBeDefined();
    expect(system.subgraphs.users.output()).not.toContain(token!);
    const verified = await graphqlRequest(gateway.baseUrl, 'mutation($t: String!) { verifyEmail(token: $t) }', { t: token });
    expect(verified.body).toEqual({ data: { verifyEmail: true } });
  });

  it('without SMTP in production, the mail is logged with its token redacted', async () => {
    const admin = await registerAdmin(gateway, 'Redacted');
    await system.subgraphs.users.stop();
    const production = await startSubgraph('users', { NODE_ENV: 'production' });
    try {
      const { body } = await graphqlRequest(gateway.baseUrl, 'mutation($e: String!) { requestPasswordReset(email: $e) }', { e: admin.email });
      expect(body).toEqual({ data: { requestPasswordReset: true } });
      await expect.poll(() => production.logLines().some((l) => (l.mail as { to?: string } | undefined)?.to === admin.email), { timeout: 5_000 }).toBe(true);
      const logged = production.logLines().find((l) => (l.mail as { to?: string } | undefined)?.to === admin.email)!.mail as { text: string };
      expect(logged.text).toContain('reset-password?token=[redacted]');
      expect(production.output()).not.toMatch(TOKEN);
    } finally {
      await production.stop();
    }
  });
});
