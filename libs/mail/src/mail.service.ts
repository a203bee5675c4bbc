import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@ta/config';
import nodemailer, { type Transporter } from 'nodemailer';

export interface OutgoingMail {
  /** A stable Message-ID: a copy sent again (see OutboxService.deliver) is recognisably the same message. */
  messageId: string;
  to: string | string[];
  subject: string;
  text: string;
  html: string;
  /** Shown as the sender's name beside MAIL_FROM's address: the center's short name. */
  fromName?: string;
  /** Where replies go: the center's reply-to address (see libs/settings). */
  replyTo?: string;
  /** Threading headers of a message written on a case (see libs/conversation). */
  inReplyTo?: string;
  references?: string[];
  attachments?: MailAttachment[];
}

export interface MailAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

/** Sends mail over SMTP_URL. Business code writes to the outbox; only the outbox delivery job calls send(). */
@Injectable()
export class MailService implements OnApplicationShutdown {
  private readonly transport: Transporter;

  constructor(private readonly config: AppConfig) {
    this.transport = nodemailer.createTransport(config.SMTP_URL);
  }

  async send({ fromName, replyTo, ...mail }: OutgoingMail): Promise<string> {
    const from = fromName ? { name: fromName, address: addressOf(this.config.MAIL_FROM) } : this.config.MAIL_FROM;
    const info = await this.transport.sendMail({ from, ...(replyTo ? { replyTo } : {}), ...mail });
    return String(info.messageId);
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}

/** The address in `Name <address>` (or the whole value when it is a bare address). */
const addressOf = (mailbox: string): string => /<([^>]+)>/.exec(mailbox)?.[1] ?? mailbox.trim();
