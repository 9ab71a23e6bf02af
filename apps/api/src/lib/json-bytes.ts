// JSON written as UTF-8 bytes into one reused buffer and copied out once: a body assembled from
// many small pieces makes no string per piece, no rope of them to flatten, and no second pass to
// encode it. A body is written in one synchronous stretch (start, pieces, done), so one buffer
// serves every request.

const utf8 = new TextEncoder();

/** How many distinct raw pieces keep their bytes (keys, punctuation, times, amounts: a small set). */
const MAX_PIECES = 4096;

export class JsonBytes {
  // grows to the largest body written, and keeps that size
  #buf = new Uint8Array(16 * 1024);
  #at = 0;
  // the bytes of pieces already written once: copying them beats converting a character at a time
  #pieces = new Map<string, Uint8Array>();

  /** Begins a body, dropping whatever the last one left. */
  start(): this {
    this.#at = 0;
    return this;
  }

  #room(n: number): void {
    if (this.#at + n <= this.#buf.length) return;
    const bigger = new Uint8Array(Math.max(2 * this.#buf.length, this.#at + n));
    bigger.set(this.#buf.subarray(0, this.#at));
    this.#buf = bigger;
  }

  /**
   * Text that is already JSON and ASCII only, from a small set of pieces (punctuation, keys, times,
   * amounts): each is encoded once.
   */
  raw(s: string): this {
    if (s.length <= 4) {
      this.#room(s.length);
      for (let i = 0; i < s.length; i++) this.#buf[this.#at++] = s.charCodeAt(i);
      return this;
    }
    let bytes = this.#pieces.get(s);
    if (bytes === undefined) {
      if (this.#pieces.size >= MAX_PIECES) this.#pieces.clear();
      this.#pieces.set(s, (bytes = utf8.encode(s)));
    }
    this.#room(bytes.length);
    this.#buf.set(bytes, this.#at);
    this.#at += bytes.length;
    return this;
  }

  /** Text that is already JSON, of any characters, encoded as it is (not kept as a piece). */
  json(s: string): this {
    this.#room(3 * s.length);
    this.#at += utf8.encodeInto(s, this.#buf.subarray(this.#at)).written;
    return this;
  }

  /** Bytes that are already JSON in UTF-8 (a cached body, or part of one). */
  bytes(b: Uint8Array): this {
    this.#room(b.length);
    this.#buf.set(b, this.#at);
    this.#at += b.length;
    return this;
  }

  /** Any text, as a JSON string. */
  text(s: string): this {
    const json = JSON.stringify(s);
    // at most three bytes of UTF-8 per UTF-16 unit
    this.#room(3 * json.length);
    this.#at += utf8.encodeInto(json, this.#buf.subarray(this.#at)).written;
    return this;
  }

  /** A whole number, digit by digit. */
  int(n: number): this {
    if (!Number.isSafeInteger(n) || n < 0) {
      const s = JSON.stringify(n);
      this.#room(s.length);
      for (let i = 0; i < s.length; i++) this.#buf[this.#at++] = s.charCodeAt(i);
      return this;
    }
    let digits = 1;
    for (let m = n; m >= 10; m = Math.floor(m / 10)) digits++;
    this.#room(digits);
    this.#at += digits;
    let at = this.#at;
    let m = n;
    do {
      this.#buf[--at] = 48 + (m % 10);
      m = Math.floor(m / 10);
    } while (m > 0);
    return this;
  }

  bool(b: boolean): this {
    return this.raw(b ? "true" : "false");
  }

  /** The body written since start, in a buffer of its own. */
  done(): Uint8Array<ArrayBuffer> {
    return this.#buf.slice(0, this.#at);
  }
}
