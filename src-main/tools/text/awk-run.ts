// awk's input and main loop: ARGV files and var=value operands, RS records, getline from files
// and commands, BEGIN / rules / END with next, nextfile and exit.
import type { Expr, Program } from './awk-ast';
import { StrNum, toBool, toNum, type Val } from './awk-value';
import { RecordReader } from './awk-records';
import { unescape } from './awk-lex';
import { strerror } from '../../host';
import { AwkFatal, type AwkHost } from './awk-state';
import { Awk, Exit, Next, NextFile } from './awk-interp';

export class AwkProgram extends Awk {
  private reader: RecordReader | null = null;
  private argIndex = 1;
  private usedFile = false;
  private readonly getlineFiles = new Map<string, RecordReader>();

  constructor(prog: Program, host: AwkHost) {
    super(prog, host);
  }

  private rsRegex = (): RegExp => this.regex(this.str(this.get('RS')));

  /** The next record of the main input (ARGV files, var=value operands, or stdin). */
  async nextMain(): Promise<string | null> {
    for (;;) {
      if (!this.reader && !(await this.openNext())) return null;
      const r = await this.reader!.next(this.str(this.get('RS')), this.rsRegex);
      if (r !== null) return r;
      this.reader = null;
    }
  }

  skipFile(): void {
    this.reader = null;
  }

  private async openNext(): Promise<boolean> {
    const argv = this.array('ARGV');
    const argc = Math.trunc(toNum(this.get('ARGC')));
    while (this.argIndex < argc) {
      const arg = argv.get(String(this.argIndex++));
      const name = arg === undefined ? '' : this.str(arg);
      if (name === '') continue;
      const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(name);
      if (m) {
        assignOperand(this, m[1]!, m[2]!);
        continue;
      }
      return this.openFile(name);
    }
    if (this.usedFile) return false;
    return this.openFile('-');
  }

  private async openFile(name: string): Promise<boolean> {
    this.usedFile = true;
    const o = await this.host.open(name);
    if (!o.ok && o.errno === 'EISDIR') {
      await this.host.warn(`command line argument \`${name}' is a directory: skipped`);
      return this.openNext();
    }
    if (!o.ok) throw new AwkFatal(`cannot open file \`${name}' for reading: ${strerror(o.errno)}`);
    this.reader = new RecordReader(o.src);
    this.set('FILENAME', name === '-' ? '' : name);
    this.set('FNR', 0);
    return true;
  }

  protected async getline(e: Extract<Expr, { k: 'getline' }>): Promise<Val> {
    let rec: string | null;
    if (e.from === 'main') {
      rec = await this.nextMain();
      if (rec === null) return 0;
      this.set('NR', toNum(this.get('NR')) + 1);
      this.set('FNR', toNum(this.get('FNR')) + 1);
    } else {
      const name = this.str(await this.eval(e.src!));
      let r = this.getlineFiles.get(name);
      if (!r) {
        if (e.from === 'file') {
          const o = await this.host.open(name);
          if (!o.ok) return -1;
          r = new RecordReader(o.src);
        } else {
          const text = await this.host.capture(name);
          if (text === null) return -1;
          let done = false;
          r = new RecordReader({ name, read: async () => (done ? null : ((done = true), text)), close: async () => undefined });
        }
        this.getlineFiles.set(name, r);
      }
      rec = await r.next(this.str(this.get('RS')), this.rsRegex);
      if (rec === null) return 0;
      if (e.from === 'cmd') this.set('NR', toNum(this.get('NR')) + 1);
    }
    if (e.target) await this.assign(e.target, new StrNum(rec));
    else this.setRecord(rec);
    return 1;
  }

  /** close(): getline sources and output files/pipes alike. */
  async close(name: string): Promise<number> {
    if (this.getlineFiles.delete(name)) return 0;
    return this.host.close(name);
  }

  // ---- the main loop -----------------------------------------------------------------------

  async run(): Promise<number> {
    let exiting = false;
    try {
      for (const b of this.prog.begin) await this.exec(b);
    } catch (x) {
      if (!(x instanceof Exit)) throw x;
      this.exitCode = x.code;
      exiting = true;
    }
    if (!exiting && (this.prog.rules.length > 0 || this.prog.end.length > 0)) {
      try {
        await this.mainLoop();
      } catch (x) {
        if (!(x instanceof Exit)) throw x;
        this.exitCode = x.code;
      }
    }
    try {
      for (const b of this.prog.end) await this.exec(b);
    } catch (x) {
      if (!(x instanceof Exit)) throw x;
      this.exitCode = x.code;
    }
    return this.exitCode;
  }

  private async mainLoop(): Promise<void> {
    for (let rec = await this.nextMain(); rec !== null; rec = await this.nextMain()) {
      this.set('NR', toNum(this.get('NR')) + 1);
      this.set('FNR', toNum(this.get('FNR')) + 1);
      this.setRecord(rec);
      try {
        for (const r of this.prog.rules) {
          if (!(await this.selects(r))) continue;
          if (r.action) await this.exec(r.action);
          else this.host.write(this.record + this.str(this.get('ORS')));
        }
      } catch (x) {
        if (x instanceof NextFile) this.skipFile();
        else if (!(x instanceof Next)) throw x;
      }
      await this.host.maybeFlush();
    }
  }

  private async selects(r: Program['rules'][number]): Promise<boolean> {
    if (!r.pattern) return true;
    if (!r.end) return toBool(await this.eval(r.pattern));
    if (r.inRange) {
      if (toBool(await this.eval(r.end))) r.inRange = false;
      return true;
    }
    if (!toBool(await this.eval(r.pattern))) return false;
    r.inRange = !toBool(await this.eval(r.end));
    return true;
  }
}

/** `var=value` on the command line or with -v: escapes processed, the value a strnum. */
export function assignOperand(a: Awk, name: string, value: string): void {
  a.set(name, new StrNum(unescape(value)));
}
