import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { createTransport } from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
import { APP_CONFIG, AppConfig } from '../config/config';

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  /** BCP 47 tag sent as the Content-Language header. */
  language: string;
}

/** A failed send; `permanent` is true for a 5xx SMTP reply, which retrying will not fix. */
export class MailDeliveryError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = 'MailDeliveryError';
  }
}

/** Sends email over SMTP with nodemailer, or reports that no SMTP server is configured. */
@Injectable()
export class Mailer implements OnModuleDestroy {
  private readonly transport?: Mail;
  private readonly from?: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    if (config.mail) {
      this.transport = createTransport(config.mail.smtpUrl);
      this.from = config.mail.from;
    }
  }

  get configured(): boolean {
    return this.transport !== undefined;
  }

  /** Sends one email and returns the server's message id. Raises MailDeliveryError on failure. */
  async send(email: OutgoingEmail): Promise<string> {
    if (!this.transport) {
      throw new MailDeliveryError('SMTP is not configured: set SMTP_URL and MAIL_FROM.', false);
    }
    try {
      const info = (await this.transport.sendMail({
        from: this.from,
        to: email.to,
        subject: email.subject,
        text: email.text,
        headers: { 'Content-Language': email.language },
      })) as { messageId?: string };

      return info.messageId ?? '';
    } catch (error) {
      const responseCode = (error as { responseCode?: unknown }).responseCode;
      const message = error instanceof Error ? error.message : String(error);

      throw new MailDeliveryError(
        message,
        typeof responseCode === 'number' && responseCode >= 500 && responseCode < 600,
      );
    }
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}
