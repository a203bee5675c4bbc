import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@ta/config';
import nodemailer, { type Transporter } from 'nodemailer';

export interface OutgoingMail {
  /** A stable Message-ID: a copy sent again (see OutboxService.deliver) is recognisably the same message. */
  messageId: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** Sends mail over SMTP_URL. Business code writes to the outbox; only the outbox delivery job calls send(). */
@Injectable()
export class MailService implements OnApplicationShutdown {
  private readonly transport: Transporter;

  constructor(private readonly config: AppConfig) {
    this.transport = nodemailer.createTransport(config.SMTP_URL);
  }

  async send(mail: OutgoingMail): Promise<string> {
    const info = await this.transport.sendMail({ from: this.config.MAIL_FROM, ...mail });
    return String(info.messageId);
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}
