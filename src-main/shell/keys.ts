// Splits raw terminal input (what xterm.js onData delivers) into key events for the line editor.

export type KeyName =
  | 'enter' | 'backspace' | 'delete' | 'tab' | 'escape'
  | 'up' | 'down' | 'left' | 'right' | 'home' | 'end'
  | 'word-left' | 'word-right' | 'kill-word-forward' | 'kill-word-back'
  | 'paste-start' | 'paste-end' | 'ignored';

export type KeyEvent =
  | { kind: 'text'; text: string }
  | { kind: 'ctrl'; letter: string }   // Ctrl-A … Ctrl-Z, Ctrl-\ as '\\', Ctrl-_ as '_'
  | { kind: 'key'; name: KeyName };

const CSI_TILDE: Record<string, KeyName> = {
  '1': 'home', '7': 'home', '4': 'end', '8': 'end', '3': 'delete',
  '200': 'paste-start', '201': 'paste-end',
};

const CSI_FINAL: Record<string, KeyName> = { A: 'up', B: 'down', C: 'right', D: 'left', H: 'home', F: 'end' };

/**
 * Stateful because xterm may, rarely, deliver an escape sequence split over two onData calls;
 * an incomplete CSI/SS3 tail is held back until the rest arrives.
 */
export class KeyDecoder {
  private pending = '';

  decode(data: string): KeyEvent[] {
    const s = this.pending + data;
    this.pending = '';
    const out: KeyEvent[] = [];
    let text = '';
    const flush = (): void => {
      if (text) out.push({ kind: 'text', text });
      text = '';
    };
    let i = 0;
    while (i < s.length) {
      const c = s.charCodeAt(i);
      if (c === 0x1b) {
        const seq = readEscape(s, i);
        if (seq === null) {
          flush();
          this.pending = s.slice(i);
          return out;
        }
        flush();
        out.push(seq.event);
        i = seq.end;
        continue;
      }
      if (c === 0x0d || c === 0x0a) {
        flush();
        out.push({ kind: 'key', name: 'enter' });
        // A pasted CRLF is one line end, not two.
        i += c === 0x0d && s.charCodeAt(i + 1) === 0x0a ? 2 : 1;
        continue;
      }
      if (c === 0x7f || c === 0x08) {
        flush();
        out.push({ kind: 'key', name: 'backspace' });
      } else if (c === 0x09) {
        flush();
        out.push({ kind: 'key', name: 'tab' });
      } else if (c < 0x20) {
        flush();
        out.push({ kind: 'ctrl', letter: String.fromCharCode(c + 0x40).toLowerCase() });
      } else {
        text += s[i];
      }
      i++;
    }
    flush();
    return out;
  }
}

function readEscape(s: string, i: number): { event: KeyEvent; end: number } | null {
  const next = s[i + 1];
  // A lone ESC at the end of a chunk is the Escape key: xterm sends sequences whole.
  if (next === undefined) return { event: { kind: 'key', name: 'escape' }, end: i + 1 };
  if (next === '[') {
    let j = i + 2;
    while (j < s.length && /[0-9;?]/.test(s[j]!)) j++;
    if (j >= s.length) return null;
    const params = s.slice(i + 2, j);
    const final = s[j]!;
    return { event: { kind: 'key', name: csiName(params, final) }, end: j + 1 };
  }
  if (next === 'O') {
    const final = s[i + 2];
    if (final === undefined) return null;
    return { event: { kind: 'key', name: CSI_FINAL[final] ?? 'ignored' }, end: i + 3 };
  }
  // Meta (Alt) combinations readline users rely on.
  const meta: Record<string, KeyName> = {
    b: 'word-left', f: 'word-right', d: 'kill-word-forward', '\x7f': 'kill-word-back', '\b': 'kill-word-back',
  };
  const name = meta[next];
  if (name) return { event: { kind: 'key', name }, end: i + 2 };
  return { event: { kind: 'key', name: 'escape' }, end: i + 1 };
}

function csiName(params: string, final: string): KeyName {
  if (final === '~') return CSI_TILDE[params.split(';')[0] ?? ''] ?? 'ignored';
  const base = CSI_FINAL[final];
  if (!base) return 'ignored';
  // Ctrl/Alt + arrow (modifier 5 or 3) move by words, as in bash's default inputrc.
  const mod = params.split(';')[1];
  if ((mod === '5' || mod === '3') && (base === 'left' || base === 'right')) {
    return base === 'left' ? 'word-left' : 'word-right';
  }
  return base;
}
