import nodemailer from 'nodemailer';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** An HTML part beside the text, e.g. one that carries an open-tracking pixel. */
  html?: string;
  /** A stable Message-ID lets a receiving server drop a message sent twice. */
  messageId?: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/**
 * Mail over SMTP, e.g. `smtp://user:password@smtp.example.ru:587`; without a URL there is no mailer
 * and features that mail (reminders) keep to the browser.
 */
export function createMailer(smtpUrl: string | null, from: string): Mailer | null {
  if (!smtpUrl) return null;
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(message) {
      await transport.sendMail({
        from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        ...(message.html && { html: message.html }),
        ...(message.messageId && { messageId: message.messageId }),
      });
    },
    close: () => transport.close(),
  };
}
