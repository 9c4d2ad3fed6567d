import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A real SMTP server on a free port, keeping what it was given; it can refuse the next few messages. */
export class TestSmtpServer {
  readonly received: ParsedMail[] = [];
  refuseNext = 0;
  /** How long it takes to answer each message, as a slow server would. */
  answerAfterMs = 0;
  /** Messages it has begun to receive (including ones it refuses or has not answered yet). */
  begun = 0;
  private readonly server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData: (stream, _session, done) => {
      this.begun += 1;
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (this.refuseNext > 0) {
          this.refuseNext -= 1;
          return done(Object.assign(new Error('Try again later'), { responseCode: 451 }));
        }
        setTimeout(() => {
          void simpleParser(Buffer.concat(chunks)).then((mail) => {
            this.received.push(mail);
            done();
          });
        }, this.answerAfterMs);
      });
    },
  });

  /** Its address, once started. */
  url = '';

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `smtp://127.0.0.1:${(this.server.server.address() as AddressInfo).port}`;
    return this.url;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  /** The messages of one kind of notification that reached `address`. */
  to(address: string, kind: string): ParsedMail[] {
    return this.received.filter(
      (mail) =>
        mail.headers.get('x-talent-bank-notification') === kind &&
        [mail.to ?? []].flat().some((to) => to.value.some((box) => box.address === address)),
    );
  }

  /** Waits until `count` such messages arrived (and a moment more, to catch any extra one). */
  async waitFor(address: string, kind: string, count = 1, timeoutMs = 20_000): Promise<ParsedMail[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.to(address, kind).length < count) {
      if (Date.now() > deadline)
        throw new Error(`${this.to(address, kind).length} of ${count} ${kind} mails to ${address}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    return this.to(address, kind);
  }
}
