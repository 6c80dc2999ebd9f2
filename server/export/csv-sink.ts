/**
 * A CSV file written row by row: cells are quoted only when they must be
 * (comma, quote, line break), null is an empty cell, numbers are written with
 * `.` as decimal mark. Text is collected in a small buffer and flushed to the
 * file descriptor every 64 KiB, so memory stays flat however many rows pass
 * through; the SHA-256 and the row count are kept on the way.
 */
import { createHash, type Hash } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';

type Cell = string | number | null;
const FLUSH_AT = 64 * 1024;

export function csvCell(cell: Cell): string {
  if (cell === null) return '';
  const text = typeof cell === 'number' ? String(cell) : cell;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export interface WrittenFile {
  name: string;
  rows: number;
  bytes: number;
  sha256: string;
}

export class FileSink {
  private readonly fd: number;
  private readonly hash: Hash = createHash('sha256');
  private buffer = '';
  private bytes = 0;
  rows = 0;

  constructor(private readonly path: string, readonly name: string) {
    this.fd = openSync(path, 'wx', 0o600);
  }

  /** Appends raw text (for non-CSV files). */
  text(text: string): void {
    this.buffer += text;
    if (this.buffer.length >= FLUSH_AT) this.flush();
  }

  header(columns: readonly string[]): void {
    this.text(`${columns.map(csvCell).join(',')}\n`);
  }

  row(cells: readonly Cell[]): void {
    this.rows += 1;
    this.text(`${cells.map(csvCell).join(',')}\n`);
  }

  private flush(): void {
    if (this.buffer === '') return;
    const chunk = Buffer.from(this.buffer, 'utf8');
    this.buffer = '';
    this.hash.update(chunk);
    this.bytes += chunk.length;
    let offset = 0;
    while (offset < chunk.length) offset += writeSync(this.fd, chunk, offset);
  }

  close(): WrittenFile {
    this.flush();
    closeSync(this.fd);
    return { name: this.name, rows: this.rows, bytes: this.bytes, sha256: this.hash.digest('hex') };
  }
}
