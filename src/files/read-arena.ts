// Files read into one reusable buffer, for a run that analyzes them a few dozen at a time and lets go of their
// bytes (src/project/lua-file-units.ts). Each fs.readFileSync allocates a buffer of its own outside the JS
// heap, freed only by a later garbage collection; between the files the run keeps (their line starts), the
// allocator's heap fragments and grows (8 copies of Kong: 20 MB more at the peak than one buffer reused).
import fs from 'node:fs';

const INITIAL_BYTES = 1 << 20;

export class ReadArena {
  private buffer = Buffer.allocUnsafe(INITIAL_BYTES);
  private used = 0;

  /** A file's bytes (at most `size`, its size when last stat'ed, as fs.readFileSync reads a regular file), as a
   *  view into the arena: valid until `reset`, so whatever keeps them longer must copy them. */
  read(where: string | Buffer, size: number): Buffer {
    this.reserve(size);
    const start = this.used;
    const fd = fs.openSync(where, 'r');
    let length = 0;
    try {
      while (length < size) {
        const got = fs.readSync(fd, this.buffer, start + length, size - length, null);
        if (got === 0) break;
        length += got;
      }
    } finally {
      fs.closeSync(fd);
    }
    this.used += length;
    return this.buffer.subarray(start, start + length);
  }

  /** `view`, the last read, is dead: its space is used again. */
  giveBack(view: Buffer): void {
    if (view.buffer === this.buffer.buffer && view.byteOffset + view.length === this.buffer.byteOffset + this.used) this.used = view.byteOffset - this.buffer.byteOffset;
  }

  /** Every view handed out is dead: the space is used again. */
  reset(): void {
    this.used = 0;
  }

  private reserve(size: number): void {
    if (this.used + size <= this.buffer.length) return;
    // A new buffer: views into the old one stay valid (they keep it alive until they die).
    this.buffer = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, size));
    this.used = 0;
  }
}
