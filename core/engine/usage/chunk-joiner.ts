// Feeds a stream of byte chunks to a record parser so that every record reaches it whole, however the chunks
// cut the file: the parser consumes the complete records of what it is given and the joiner carries the rest
// into the next call. A UTF-8 byte order mark at the start of the stream is dropped.

/** Parses the complete records of bytes[start, end) and returns the offset after the last one it consumed. */
export interface RecordParser {
  /** With `final`, the input ends at `end` and everything must be consumed. */
  parse(bytes: Uint8Array, start: number, end: number, final: boolean): number;
}

const LINE_FEED = 0x0a;
/** Below this, a partial record is simply parsed again on the next chunk. */
const RESCAN_FREE_BYTES = 1 << 16;

export class ChunkJoiner {
  bytesRead = 0;
  /** True when the stream starts with a UTF-16 byte order mark; such a stream is not given to the parser. */
  utf16 = false;
  private carry = new Uint8Array(1024);
  private carryLength = 0;
  private started = false;
  private finished = false;
  /**
   * Do not parse the carry again before it reaches this length. A record longer than RESCAN_FREE_BYTES is
   * parsed again only each time the carry doubles, so a huge record costs linear, not quadratic, time.
   */
  private retryAtLength = 0;

  constructor(private readonly parser: RecordParser) {}

  push(chunk: Uint8Array): void {
    if (this.finished) throw new Error('invariant: push after finish');
    this.bytesRead += chunk.length;
    if (this.utf16 || chunk.length === 0) return;
    let position = 0;
    if (!this.started) {
      // The byte order mark may itself be cut across chunks: hold bytes until three have arrived.
      if (this.carryLength + chunk.length < 3) {
        this.append(chunk, 0, chunk.length);
        return;
      }
      this.started = true;
      if (this.carryLength === 0) {
        position = this.byteOrderMarkLength(chunk);
      } else {
        position = 3 - this.carryLength;
        this.append(chunk, 0, position);
        this.dropCarried(this.byteOrderMarkLength(this.carry));
      }
      if (this.utf16) return;
    }
    // Complete the carried record from the front of the chunk, one line at a time, without copying the chunk.
    while (this.carryLength > 0 && position < chunk.length) {
      const lineFeed = chunk.indexOf(LINE_FEED, position);
      const take = lineFeed < 0 ? chunk.length : lineFeed + 1;
      this.append(chunk, position, take);
      position = take;
      if (lineFeed < 0) return;
      this.parseCarry(false);
    }
    if (position === chunk.length) return;
    const consumed = this.parser.parse(chunk, position, chunk.length, false);
    this.append(chunk, consumed, chunk.length);
    this.noteLeftover();
  }

  finish(): void {
    if (this.finished) throw new Error('invariant: finish called twice');
    this.finished = true;
    if (!this.started) {
      this.started = true;
      this.dropCarried(this.byteOrderMarkLength(this.carry.subarray(0, this.carryLength)));
    }
    if (this.utf16) return;
    this.retryAtLength = 0;
    this.parseCarry(true);
  }

  /** 3 for a UTF-8 byte order mark at the start of `bytes`, else 0; notes a UTF-16 one in `utf16`. */
  private byteOrderMarkLength(bytes: Uint8Array): number {
    if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
      this.utf16 = true;
      return 0;
    }
    return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  }

  private dropCarried(count: number): void {
    this.carry.copyWithin(0, count, this.carryLength);
    this.carryLength -= count;
  }

  private parseCarry(final: boolean): void {
    if (!final && this.carryLength < this.retryAtLength) return;
    const consumed = this.parser.parse(this.carry, 0, this.carryLength, final);
    if (final && consumed !== this.carryLength) throw new Error('invariant: the parser left input at the end');
    this.dropCarried(consumed);
    this.noteLeftover();
  }

  private noteLeftover(): void {
    this.retryAtLength = this.carryLength >= RESCAN_FREE_BYTES ? this.carryLength * 2 : 0;
  }

  private append(bytes: Uint8Array, start: number, end: number): void {
    const needed = this.carryLength + (end - start);
    if (needed > this.carry.length) {
      const grown = new Uint8Array(Math.max(needed, this.carry.length * 2));
      grown.set(this.carry.subarray(0, this.carryLength));
      this.carry = grown;
    }
    this.carry.set(bytes.subarray(start, end), this.carryLength);
    this.carryLength = needed;
  }
}
