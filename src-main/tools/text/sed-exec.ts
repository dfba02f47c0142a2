// Running a parsed sed program over a stream of lines: cycles, ranges, hold space, the append
// queue, and GNU's output of a last line that had no newline.
import type { Addr, Cmd, ReplPart } from './sed-parse';
import { SedError } from './sed-parse';

export interface Line {
  text: string;
  eol: boolean;
}

/** Where lines come from: one file (sed -i, -s) or all inputs as one stream. */
export interface LineInput {
  next(): Promise<Line | null>;
  /** Whether the line last returned by next() is the last one. */
  isLast(): Promise<boolean>;
  fileName(): string;
}

export interface SedHooks {
  write(s: string): void;
  /** w FILE and s///w FILE. */
  writeFile(name: string, s: string): void;
  /** r FILE: the file's text, or null if it cannot be read (silently, as GNU). */
  readFile(name: string): Promise<string | null>;
  /** Called on each jump: may stop a killed process, lets the host run (`:a;ba` never ends). */
  busy(): Promise<void>;
}

export interface SedResult {
  /** q/Q ran: stop reading any input; its exit code. */
  quit: number | null;
}

function escapeL(s: string, width: number): string {
  const named: Record<string, string> = { '\\': '\\\\', '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v' };
  const pieces = [...s].map((c) => {
    if (named[c]) return named[c];
    const n = c.charCodeAt(0);
    return n < 0x20 || n >= 0x7f ? '\\' + (n & 0xff).toString(8).padStart(3, '0') : c;
  });
  let out = '';
  let col = 0;
  for (const p of pieces) {
    if (width > 1 && col + p.length > width - 1) {
      out += '\\\n';
      col = 0;
    }
    out += p;
    col += p.length;
  }
  return out + '$\n';
}

const globals = new WeakMap<RegExp, RegExp>();
function globalOf(re: RegExp): RegExp {
  let g = globals.get(re);
  if (!g) globals.set(re, (g = new RegExp(re.source, re.flags + 'g')));
  return g;
}

function expand(parts: readonly ReplPart[], m: RegExpExecArray): string {
  let out = '';
  let mode: 'U' | 'L' | null = null;
  let one: 'u' | 'l' | null = null;
  for (const p of parts) {
    let s: string;
    if (typeof p === 'string') s = p;
    else if ('group' in p) s = m[p.group] ?? '';
    else {
      if (p.caseOp === 'u' || p.caseOp === 'l') one = p.caseOp;
      else {
        mode = p.caseOp === 'E' ? null : p.caseOp;
        one = null;
      }
      continue;
    }
    if (mode === 'U') s = s.toUpperCase();
    if (mode === 'L') s = s.toLowerCase();
    if (one && s !== '') {
      s = (one === 'u' ? s[0]!.toUpperCase() : s[0]!.toLowerCase()) + s.slice(1);
      one = null;
    }
    out += s;
  }
  return out;
}

export class SedMachine {
  private hold = '';
  private lastRe: RegExp | null = null;
  private missingNewline = false;
  lineNo = 0;

  constructor(
    private readonly cmds: Cmd[],
    private readonly quiet: boolean,
    private readonly io: SedHooks,
  ) {
    for (const c of cmds) if (c.zero) c.active = true;
  }

  private emit(text: string, eol = true): void {
    this.io.write((this.missingNewline ? '\n' : '') + text + (eol ? '\n' : ''));
    this.missingNewline = !eol;
  }

  private re(r: RegExp | null): RegExp {
    const use = r ?? this.lastRe;
    if (!use) throw new SedError('no previous regular expression');
    this.lastRe = use;
    return use;
  }

  private async match(a: Addr, ps: string, input: LineInput): Promise<boolean> {
    switch (a.kind) {
      case 'line': return this.lineNo === a.n;
      case 'last': return input.isLast();
      case 're': {
        const re = this.re(a.re);
        re.lastIndex = 0;
        return re.test(ps);
      }
      case 'step': return a.step <= 0 ? this.lineNo === a.first : this.lineNo >= a.first && (this.lineNo - a.first) % a.step === 0;
      default: return false;
    }
  }

  private async selected(c: Cmd, ps: string, input: LineInput): Promise<boolean> {
    if (!c.a1) return true;
    if (!c.a2) return this.match(c.a1, ps, input);
    const a2 = c.a2;
    if (c.active) {
      if (a2.kind === 'line') {
        if (this.lineNo >= a2.n) c.active = false;
        return this.lineNo <= a2.n;
      }
      if (a2.kind === 'plus') {
        if (this.lineNo >= c.endLine!) c.active = false;
        return true;
      }
      if (a2.kind === 'mult') {
        if (a2.n <= 0 || this.lineNo % a2.n === 0) c.active = false;
        return true;
      }
      if (await this.match(a2, ps, input)) c.active = false;
      return true;
    }
    if (!(await this.match(c.a1, ps, input))) return false;
    if (a2.kind === 'line') c.active = a2.n > this.lineNo;
    else if (a2.kind === 'plus') {
      c.endLine = this.lineNo + a2.n;
      c.active = a2.n > 0;
    } else if (a2.kind === 'mult') c.active = a2.n > 0 && this.lineNo % a2.n !== 0;
    else c.active = !(a2.kind === 'last' && (await input.isLast()));
    return true;
  }

  /** Runs the program over `input` until it ends or q/Q. */
  async run(input: LineInput): Promise<SedResult> {
    let ps = '';
    let eol = true;
    let keep = false;
    const appendQueue: string[] = [];
    const dumpAppends = () => {
      for (const a of appendQueue) {
        if (this.missingNewline) this.io.write('\n');
        this.missingNewline = false;
        this.io.write(a);
      }
      appendQueue.length = 0;
    };
    for (;;) {
      if (!keep) {
        const l = await input.next();
        if (!l) return { quit: null };
        this.lineNo++;
        ps = l.text;
        eol = l.eol;
      }
      keep = false;
      let autoprint = !this.quiet;
      let quit: number | null = null;
      let substituted = false;
      let pc = 0;
      cycle: while (pc < this.cmds.length) {
        const c = this.cmds[pc]!;
        if (c.name === '}' || c.name === ':') {
          pc++;
          continue;
        }
        if ((await this.selected(c, ps, input)) === c.neg) {
          pc = c.name === '{' ? c.target! : pc + 1;
          continue;
        }
        pc++;
        switch (c.name) {
          case '=': this.emit(String(this.lineNo)); break;
          // GNU: text that is empty (`a\` at the end of the script) prints nothing at all.
          case 'a': if (c.text) appendQueue.push(c.text + '\n'); break;
          case 'i': if (c.text) this.emit(c.text); break;
          case 'c':
            if ((!c.a2 || !c.active) && c.text) this.emit(c.text);
            autoprint = false;
            break cycle;
          case 'b': pc = c.target!; await this.io.busy(); break;
          case 't': if (substituted) { substituted = false; pc = c.target!; await this.io.busy(); } break;
          case 'T': if (!substituted) { pc = c.target!; await this.io.busy(); } else substituted = false; break;
          case 'd': autoprint = false; break cycle;
          case 'D': {
            const nl = ps.indexOf('\n');
            autoprint = false;
            if (nl >= 0) {
              ps = ps.slice(nl + 1);
              keep = true;
            }
            break cycle;
          }
          case 'g': ps = this.hold; break;
          case 'G': ps += '\n' + this.hold; break;
          case 'h': this.hold = ps; break;
          case 'H': this.hold += '\n' + ps; break;
          case 'x': [ps, this.hold] = [this.hold, ps]; break;
          case 'z': ps = ''; break;
          case 'l': this.io.write(escapeL(ps, c.code ?? 70)); break;
          case 'n': case 'N': {
            if (await input.isLast()) {
              // GNU: no next line ends the script, printing the pattern space.
              quit = -1;
              break cycle;
            }
            if (c.name === 'n' && !this.quiet) this.emit(ps, eol);
            dumpAppends();
            const l = (await input.next())!;
            this.lineNo++;
            ps = c.name === 'n' ? l.text : ps + '\n' + l.text;
            eol = l.eol;
            break;
          }
          case 'p': this.emit(ps, eol); break;
          case 'P': {
            const nl = ps.indexOf('\n');
            this.emit(nl < 0 ? ps : ps.slice(0, nl));
            break;
          }
          case 'q': quit = c.code ?? 0; break cycle;
          case 'Q': return { quit: c.code ?? 0 };
          case 'r': {
            const text = await this.io.readFile(c.file!);
            if (text) appendQueue.push(text.endsWith('\n') ? text : text + '\n');
            break;
          }
          case 'w': this.io.writeFile(c.file!, ps + '\n'); break;
          case 'F': this.emit(input.fileName()); break;
          case 'y': ps = [...ps].map((ch) => c.y!.get(ch) ?? ch).join(''); break;
          case 's': {
            const r = this.substitute(c, ps);
            if (r === null) break;
            ps = r;
            substituted = true;
            for (let k = 0; k < c.s!.print; k++) this.emit(ps, eol);
            if (c.s!.file !== undefined) this.io.writeFile(c.s!.file, ps + '\n');
            break;
          }
        }
      }
      if (autoprint) this.emit(ps, eol);
      dumpAppends();
      if (quit !== null) return { quit: quit < 0 ? null : quit };
    }
  }

  /** s///: the new pattern space, or null when nothing was replaced. */
  private substitute(c: Cmd, ps: string): string | null {
    const s = c.s!;
    const g = globalOf(this.re(s.re));
    let out = '';
    let pos = 0;
    let count = 0;
    let done = false;
    let prevEnd = -1;
    for (let from = 0; from <= ps.length; ) {
      g.lastIndex = from;
      const m = g.exec(ps);
      if (!m) break;
      const start = m.index;
      const end = start + m[0].length;
      // An empty match right after a match is not a new one (GNU, unlike JS's replace).
      if (m[0] === '' && start === prevEnd) {
        from = start + 1;
        continue;
      }
      count++;
      if (count >= s.nth) {
        out += ps.slice(pos, start) + expand(s.repl, m);
        pos = end;
        done = true;
        if (!s.global) break;
      }
      prevEnd = end;
      from = end > start ? end : start + 1;
    }
    return done ? out + ps.slice(pos) : null;
  }
}
