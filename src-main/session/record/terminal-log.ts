// What each terminal showed, as it showed it: output chunks on virtual and wall time (the
// asciicast of the terminal, the screen a restored session puts back), and the output of each
// command line for the event stream.

/** Bytes of output kept per terminal; a flood beyond it keeps its newest part. */
export const TRANSCRIPT_LIMIT = 8 << 20;
/** Output kept with one command in the event stream. */
export const COMMAND_OUTPUT_LIMIT = 64 << 10;

export interface Chunk {
  t: number;
  wall: number;
  data: string;
}

export interface TerminalRecord {
  id: string;
  pid: number;
  cols: number;
  rows: number;
  opened: { t: number; wall: number };
  closed: { t: number; wall: number; status: number } | null;
  resizes: Array<{ t: number; wall: number; cols: number; rows: number }>;
  /** Output bytes dropped from the front (a flood over TRANSCRIPT_LIMIT). */
  dropped: number;
  output: Chunk[];
}

export class TerminalLog {
  readonly record: TerminalRecord;
  private bytes = 0;
  private capture: string[] | null = null;
  private captured = 0;

  constructor(id: string, pid: number, cols: number, rows: number, at: { t: number; wall: number }) {
    this.record = { id, pid, cols, rows, opened: at, closed: null, resizes: [], dropped: 0, output: [] };
  }

  write(data: string, t: number, wall: number): void {
    const out = this.record.output;
    const last = out[out.length - 1];
    // Keystroke echoes arrive a byte at a time: one chunk per instant keeps the cast small.
    if (last && last.t === t && last.wall === wall) last.data += data;
    else out.push({ t, wall, data });
    this.bytes += data.length;
    while (this.bytes > TRANSCRIPT_LIMIT && out.length > 1) {
      const first = out.shift()!;
      this.bytes -= first.data.length;
      this.record.dropped += first.data.length;
    }
    if (this.capture && this.captured < COMMAND_OUTPUT_LIMIT) {
      this.capture.push(data);
      this.captured += data.length;
    }
  }

  /** The terminal's size now. */
  size(): { cols: number; rows: number } {
    const r = this.record;
    const last = r.resizes[r.resizes.length - 1];
    return last ? { cols: last.cols, rows: last.rows } : { cols: r.cols, rows: r.rows };
  }

  /** What a window needs to show this terminal again: at most `max` characters, from a line start. */
  screen(max = 1 << 20): string {
    const all = this.transcript();
    if (all.length <= max) return all;
    const cut = all.indexOf('\n', all.length - max);
    return cut < 0 ? all.slice(-max) : all.slice(cut + 1);
  }

  resize(cols: number, rows: number, t: number, wall: number): void {
    this.record.resizes.push({ t, wall, cols, rows });
  }

  /** Starts collecting what a command prints; the function returned gives it back as plain text. */
  begin(): () => string {
    const parts: string[] = [];
    this.capture = parts;
    this.captured = 0;
    return () => {
      if (this.capture === parts) this.capture = null;
      return plain(parts.join('')).slice(0, COMMAND_OUTPUT_LIMIT);
    };
  }

  /** Everything the terminal shows, from the start (or from where a flood cut it). */
  transcript(): string {
    return this.record.output.map((c) => c.data).join('');
  }
}

/** Terminal bytes as text: escape sequences dropped, CR LF as LF, a lone CR as a line restart. */
/* eslint-disable no-control-regex -- terminal escape sequences are made of control characters */
export function plain(s: string): string {
  return s
    .replace(/\x1b\[[0-9;?]*[ -/]*[@-~]/g, '')
    .replace(/\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)/g, '')
    .replace(/\x1b[@-Z\\-_]/g, '')
    .replace(/\r\n/g, '\n')
    .replace(/[^\n]*\r(?!\n)/g, '')
    .replace(/[\x00-\x08\x0b-\x1f\x7f]/g, '');
}
/* eslint-enable no-control-regex */
