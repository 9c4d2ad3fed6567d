import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Injectable, Logger } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { AppConfig } from '../config/app-config.js';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** A stable id lets a mail program recognise the same message should it ever arrive twice. */
  messageId?: string;
  /** RFC 8058 one-click unsubscribe: mail programs show their own "unsubscribe" button for it. */
  unsubscribeUrl?: string;
  /** Extra headers, e.g. the kind of notification, which mail programs can sort by. */
  headers?: Record<string, string>;
}

/**
 * Sends mail through the SMTP server of `SMTP_URL`. Without one (a developer's machine), each message is
 * written to `MAIL_DIR` as an `.eml` file any mail program opens, so links in it can be followed.
 */
@Injectable()
export class Mailer {
  private readonly logger = new Logger(Mailer.name);
  private readonly transport: Transporter;

  constructor(private readonly config: AppConfig) {
    this.transport = config.SMTP_URL
      ? createTransport(config.SMTP_URL)
      : createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  }

  async send(message: MailMessage): Promise<void> {
    const { unsubscribeUrl, headers, ...content } = message;
    const sent = await this.transport.sendMail({
      from: this.config.MAIL_FROM,
      ...content,
      headers: {
        ...headers,
        ...(unsubscribeUrl ? { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } : {}),
      },
      ...(unsubscribeUrl ? { list: { unsubscribe: { url: unsubscribeUrl } } } : {}),
    });
    if (this.config.SMTP_URL) return;
    await mkdir(this.config.MAIL_DIR, { recursive: true });
    const file = join(this.config.MAIL_DIR, `${Date.now()}-${sent.messageId.replace(/[^\w.-]/g, '')}.eml`);
    await writeFile(file, sent.message as Buffer);
    // The path only: the log must not carry the address or the link.
    this.logger.log(`No SMTP_URL: mail written to ${file}`);
  }
}
