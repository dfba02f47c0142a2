// awk's state: variables (global and function-local), arrays, the record and its fields, and
// compiled regexes; what the rest of the interpreter reads and writes.
import { StrNum, toNum, toStr, UNINIT, type Val } from './awk-value';
import { splitFields } from './awk-records';
import { translate } from './regex';
import type { Opened } from './io';

export class AwkArray extends Map<string, Val> {}
export type Cell = Val | AwkArray;

export class AwkFatal extends Error {}

export interface AwkHost {
  write(s: string): void;
  output(op: '>' | '>>' | '|', name: string, s: string): Promise<void>;
  close(name: string): Promise<number>;
  flush(): Promise<void>;
  /** Writes buffered output once there is much of it. */
  maybeFlush(): Promise<void>;
  /** Called on each round of a loop: may stop a killed process, lets the host run. */
  busy(): Promise<void>;
  open(name: string): Promise<Opened>;
  /** The captured stdout of a command (cmd | getline), or null if it cannot run. */
  capture(cmd: string): Promise<string | null>;
  system(cmd: string): Promise<number>;
  warn(msg: string): Promise<void>;
  nowSeconds(): number;
}

export class AwkState {
  readonly globals = new Map<string, Cell>();
  protected frames: Map<string, Cell>[] = [];
  protected record = '';
  private fields: string[] | null = [];
  private readonly regexes = new Map<string, RegExp>();

  constructor(readonly host: AwkHost) {
    const init: Record<string, Val> = { FS: ' ', OFS: ' ', ORS: '\n', RS: '\n', NR: 0, NF: 0, FNR: 0, SUBSEP: '\x1c', CONVFMT: '%.6g', OFMT: '%.6g', RSTART: 0, RLENGTH: -1, FILENAME: '' };
    for (const [k, v] of Object.entries(init)) this.globals.set(k, v);
  }

  // ---- variables -------------------------------------------------------------------------

  protected scope(name: string): Map<string, Cell> {
    const f = this.frames[this.frames.length - 1];
    return f && f.has(name) ? f : this.globals;
  }

  cell(name: string): Cell | undefined {
    return this.scope(name).get(name);
  }

  get(name: string): Val {
    if (name === 'NF') return this.nf();
    const c = this.scope(name).get(name);
    if (c instanceof AwkArray) throw new AwkFatal(`attempt to use array \`${name}' in a scalar context`);
    return c ?? UNINIT;
  }

  set(name: string, v: Val): void {
    if (name === 'NF') return this.setNF(Math.trunc(toNum(v)));
    const s = this.scope(name);
    if (s.get(name) instanceof AwkArray) throw new AwkFatal(`attempt to use array \`${name}' in a scalar context`);
    s.set(name, v);
  }

  array(name: string): AwkArray {
    const s = this.scope(name);
    const c = s.get(name);
    if (c instanceof AwkArray) return c;
    if (c !== undefined && c !== UNINIT) throw new AwkFatal(`attempt to use scalar \`${name}' as an array`);
    const a = new AwkArray();
    s.set(name, a);
    return a;
  }

  str(v: Val): string {
    return toStr(v, toStr(this.globals.get('CONVFMT') as Val));
  }

  subscript(subs: Val[]): string {
    return subs.length === 1 ? this.str(subs[0]!) : subs.map((s) => this.str(s)).join(this.str(this.get('SUBSEP')));
  }

  regex(src: string): RegExp {
    let re = this.regexes.get(src);
    if (!re) {
      try {
        re = new RegExp(translate(src, { extended: true, awk: true }).source, 's');
      } catch (e) {
        throw new AwkFatal(`invalid regexp /${src}/: ${e instanceof Error ? e.message : String(e)}`);
      }
      this.regexes.set(src, re);
    }
    return re;
  }

  // ---- fields ------------------------------------------------------------------------------

  setRecord(s: string): void {
    this.record = s;
    this.fields = null;
  }

  private split(): string[] {
    if (!this.fields) {
      const fs = this.str(this.get('FS'));
      this.fields = splitFields(this.record, fs, (src) => this.regex(src), this.str(this.get('RS')) === '');
    }
    return this.fields;
  }

  private nf(): number {
    return this.split().length;
  }

  private rebuild(): void {
    this.record = this.split().join(this.str(this.get('OFS')));
  }

  private setNF(n: number): void {
    const f = this.split();
    if (n < f.length) f.length = Math.max(n, 0);
    while (f.length < n) f.push('');
    this.rebuild();
  }

  field(i: number): Val {
    if (i < 0) throw new AwkFatal(`attempt to access field ${i}`);
    if (i === 0) return new StrNum(this.record);
    const f = this.split()[i - 1];
    return f === undefined ? UNINIT : new StrNum(f);
  }

  setField(i: number, v: Val): void {
    if (i < 0) throw new AwkFatal(`attempt to access field ${i}`);
    if (i === 0) return this.setRecord(this.str(v));
    const f = this.split();
    while (f.length < i) f.push('');
    f[i - 1] = this.str(v);
    this.rebuild();
  }
}
