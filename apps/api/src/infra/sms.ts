// Where OTP codes go. The console sender is the development stand-in for a real SMS provider:
// anything with `send(phone, text)` can replace it.
export interface SmsSender {
  send(phone: string, text: string): Promise<void>;
}

export class ConsoleSmsSender implements SmsSender {
  constructor(private readonly write: (line: string) => void = (line) => process.stdout.write(`${line}\n`)) {}

  send(phone: string, text: string): Promise<void> {
    this.write(`[sms] to ${phone}: ${text}`);
    return Promise.resolve();
  }
}

/** Keeps messages in memory; tests read the codes from here. */
export class MemorySmsSender implements SmsSender {
  readonly sent: { phone: string; text: string }[] = [];

  send(phone: string, text: string): Promise<void> {
    this.sent.push({ phone, text });
    return Promise.resolve();
  }

  lastCode(phone: string): string | undefined {
    const m = [...this.sent].reverse().find((s) => s.phone === phone);
    return m?.text.match(/\b(\d{6})\b/)?.[1];
  }
}
