// Word expansion in bash's order: braces, tilde, parameters, $( ), $(( )), field splitting, pathnames, quote removal.

import { ArithError, evalArith, type ArithVars } from './arith';
import type { ListNode, ParamPart, Word, WordPart } from './ast';
import { expandBraces } from './braces';
import type { ShellFs } from './fs';
import { expandPathname, hasGlob, quotePattern } from './glob';
import { applyParamOp } from './param-ops';
import type { ShellState } from './state';

/** An expansion failed: the message is bash's, without the `bash: ` prefix. */
export class ExpansionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExpansionError';
  }
}

export interface ExpandHost {
  readonly state: ShellState;
  readonly fs: ShellFs;
  /** $?, $$, $!, $#, $-, $0, $1…, RANDOM, SECONDS, LINENO…; undefined when not special. */
  special(name: string): string | undefined;
  commandSubst(body: ListNode): Promise<string>;
  homeOf(user: string): string | undefined;
  /** An error bash reports but expands past (a bad array subscript). */
  warn(message: string): Promise<void>;
}

const POSIX_CLASS: Record<string, string> = {
  alpha: 'A-Za-z', digit: '0-9', alnum: 'A-Za-z0-9', upper: 'A-Z', lower: 'a-z', space: '\\s', blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~', xdigit: '0-9A-Fa-f',
};

interface Field {
  text: string;
  pat: string;
  glob: boolean;
}

class Fields {
  readonly out: Field[] = [];
  private cur: Field | null = null;

  ensure(): Field {
    if (!this.cur) {
      this.cur = { text: '', pat: '', glob: false };
      this.out.push(this.cur);
    }
    return this.cur;
  }

  quoted(s: string): void {
    const f = this.ensure();
    f.text += s;
    f.pat += quotePattern(s);
  }

  unquoted(s: string): void {
    const f = this.ensure();
    f.text += s;
    f.pat += s;
    if (!f.glob && hasGlob(s)) f.glob = true;
  }

  split(): void {
    this.cur = null;
  }

  /** An unquoted expansion's result, split on IFS. */
  splitValue(value: string, ifs: string): void {
    if (ifs === '') {
      if (value !== '') this.unquoted(value);
      return;
    }
    const isWs = (c: string): boolean => ifs.includes(c) && (c === ' ' || c === '\t' || c === '\n');
    const isSep = (c: string): boolean => ifs.includes(c);
    let i = 0;
    let sawWs = false;
    while (i < value.length && isWs(value[i]!)) {
      i++;
      sawWs = true;
    }
    if (i === value.length) {
      if (sawWs) this.split();
      return;
    }
    if (sawWs) this.split();
    for (;;) {
      let piece = '';
      while (i < value.length && !isSep(value[i]!)) piece += value[i++];
      this.unquoted(piece);
      if (piece === '') this.ensure();
      if (i >= value.length) return;
      // One separator: blanks around at most one non-blank IFS character.
      while (i < value.length && isWs(value[i]!)) i++;
      if (i < value.length && isSep(value[i]!) && !isWs(value[i]!)) {
        i++;
        while (i < value.length && isWs(value[i]!)) i++;
      }
      this.split();
      if (i >= value.length) return;
    }
  }
}

export class Expander {
  constructor(private readonly host: ExpandHost) {}

  /** Full expansion of command words into argv. */
  async words(words: readonly Word[]): Promise<string[]> {
    const out: string[] = [];
    for (const w of words) {
      const simple = literalOf(w);
      if (simple !== null && !hasGlob(simple) && !simple.includes('{')) {
        out.push(simple);
        continue;
      }
      for (const bw of expandBraces(w)) out.push(...(await this.word(bw)));
    }
    return out;
  }

  /** One word to a single string: no splitting or globbing (assignments, redirections, case). */
  async string(parts: readonly WordPart[]): Promise<string> {
    let s = '';
    for (const p of parts) s += await this.partString(p);
    return s;
  }

  /** A pattern: quoted characters escaped so that they match only themselves. */
  async pattern(parts: readonly WordPart[]): Promise<string> {
    let s = '';
    for (const p of parts) {
      if (p.t === 'lit') s += p.v;
      else if (p.t === 'sq') s += quotePattern(p.v);
      else if (p.t === 'dq') s += quotePattern(await this.string(p.parts));
      else s += await this.partString(p);
    }
    return s;
  }

  async arith(parts: readonly WordPart[]): Promise<bigint> {
    const text = await this.string(parts);
    try {
      return evalArith(text, this.arithVars());
    } catch (e) {
      if (e instanceof ArithError) throw new ExpansionError(e.message);
      throw e;
    }
  }

  arithVars(): ArithVars {
    const vars = this.host.state.vars;
    return {
      get: (name, index) => {
        const sp = this.host.special(name);
        if (sp !== undefined) return sp;
        const v = vars.lookup(name);
        if (!v) return undefined;
        if (Array.isArray(v.value)) return v.value[Number(index ?? 0)];
        return index === undefined || index === '0' ? v.value : undefined;
      },
      set: (name, value, index) => (index === undefined ? vars.set(name, value) : vars.setElement(name, Number(index), value)),
    };
  }

  private async word(w: Word): Promise<string[]> {
    const f = new Fields();
    const ifs = this.host.state.vars.get('IFS') ?? ' \t\n';
    for (const p of w.parts) await this.part(p, f, ifs);
    const out: string[] = [];
    for (const field of f.out) {
      if (field.glob && !this.host.state.options.noglob) {
        const matches = await expandPathname(field.pat, this.host.state.cwd, this.host.fs);
        if (matches.length > 0) {
          out.push(...matches);
          continue;
        }
      }
      out.push(field.text);
    }
    return out;
  }

  private async part(p: WordPart, f: Fields, ifs: string): Promise<void> {
    switch (p.t) {
      case 'lit': return f.unquoted(p.v);
      case 'sq': return f.quoted(p.v);
      case 'tilde': return f.quoted(this.tilde(p.user));
      case 'dq': {
        let listSeen = false;
        for (const q of p.parts) {
          if (q.t === 'param' && isAtList(q) && !q.op && !q.length) {
            listSeen = true;
            const vals = await this.paramList(q);
            vals.forEach((v, i) => {
              if (i > 0) f.split();
              f.quoted(v);
            });
          } else f.quoted(await this.partString(q));
        }
        if (!listSeen) f.ensure();
        return;
      }
      case 'param': {
        if (isListParam(p) && !p.op && !p.length && !p.indirect) {
          const vals = await this.paramList(p);
          vals.forEach((v, i) => {
            if (i > 0) f.split();
            f.splitValue(v, ifs);
          });
          return;
        }
        return f.splitValue(await this.param(p), ifs);
      }
      case 'cmd': return f.splitValue(await this.host.commandSubst(p.body), ifs);
      case 'arith': return f.splitValue(String(await this.arith(p.expr)), ifs);
    }
  }

  private async partString(p: WordPart): Promise<string> {
    switch (p.t) {
      case 'lit': case 'sq': return p.v;
      case 'tilde': return this.tilde(p.user);
      case 'dq': return this.string(p.parts);
      case 'param': return this.param(p);
      case 'cmd': return this.host.commandSubst(p.body);
      case 'arith': return String(await this.arith(p.expr));
    }
  }

  private tilde(user: string): string {
    const home = user === '' ? this.host.state.vars.get('HOME') : this.host.homeOf(user);
    return home ?? '~' + user;
  }

  /** Elements of $@, ${a[@]} and friends. */
  private async paramList(p: ParamPart): Promise<string[]> {
    if (p.name === '@' || p.name === '*') return this.host.state.positional;
    const v = this.host.state.vars.lookup(p.name);
    if (!v || v.value === undefined) return [];
    return Array.isArray(v.value) ? v.value.filter((x): x is string => x !== undefined) : [v.value];
  }

  /** Value of a scalar reference, after any operator. */
  async param(p: ParamPart): Promise<string> {
    if (p.bad !== undefined) throw new ExpansionError(`${p.bad}: bad substitution`);
    const state = this.host.state;
    let name = p.name;
    if (p.indirect) {
      if (p.namesWithPrefix) {
        return state.vars.entries().map(([n]) => n).filter((n) => n.startsWith(name)).join(' ');
      }
      if (p.index && isListIndex(p)) {
        const v = state.vars.lookup(name);
        const keys = Array.isArray(v?.value) ? Object.keys(v.value) : v?.value !== undefined ? ['0'] : [];
        return keys.join(' ');
      }
      name = (await this.scalar(name, undefined)) ?? '';
      if (!/^([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[@*#?$!-])$/.test(name)) throw new ExpansionError(`${name}: invalid indirect expansion`);
    }
    const list = isListParam(p) ? await this.paramList({ ...p, name }) : null;
    if (p.length) {
      if (list) return String(list.length);
      const v = await this.scalar(name, p.index);
      if (v === undefined && state.options.nounset) throw new ExpansionError(`${name}: unbound variable`);
      return String([...(v ?? '')].length);
    }
    const sep = p.name === '*' || (p.index && (await this.string(p.index)) === '*') ? (state.vars.get('IFS') ?? ' \t\n').slice(0, 1) : ' ';
    const value = list ? (list.length ? list.join(sep) : undefined) : await this.scalar(name, p.index);
    if (!p.op) {
      if (value === undefined && state.options.nounset && !list) throw new ExpansionError(`${name}: unbound variable`);
      return value ?? '';
    }
    return applyParamOp(this, p, name, value, list);
  }

  /** `[[ text =~ regex ]]`: quoted parts match literally; sets BASH_REMATCH. */
  async regexMatch(text: string, parts: readonly WordPart[]): Promise<boolean> {
    let src = '';
    for (const p of parts) {
      if (p.t === 'lit') src += p.v;
      else if (p.t === 'sq' || p.t === 'dq') src += (p.t === 'sq' ? p.v : await this.string(p.parts)).replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
      else src += await this.partString(p);
    }
    src = src.replace(/\[:(alpha|digit|alnum|upper|lower|space|blank|punct|xdigit):\]/g, (_m, c: string) => POSIX_CLASS[c]!);
    let m: RegExpExecArray | null;
    try {
      m = new RegExp(src).exec(text);
    } catch {
      return false;
    }
    this.host.state.vars.setArray('BASH_REMATCH', m ? [...m].map((x) => x ?? '') : []);
    return m !== null;
  }

  argv0(): string {
    return this.host.state.argv0;
  }

  /** `${x:=v}` assigns through here. */
  assign(name: string, value: string): void {
    this.host.state.vars.set(name, value);
  }

  private async scalar(name: string, index: WordPart[] | undefined): Promise<string | undefined> {
    const sp = this.host.special(name);
    if (sp !== undefined) return sp;
    if (/^[0-9]+$/.test(name)) return name === '0' ? this.host.state.argv0 : this.host.state.positional[Number(name) - 1];
    if (!index) return this.host.state.vars.get(name);
    const v = this.host.state.vars.lookup(name);
    let i = Number(await this.arith(index));
    const len = Array.isArray(v?.value) ? v.value.length : v?.value === undefined ? 0 : 1;
    if (i < 0) i += len;
    if (i < 0) {
      await this.host.warn(`${name}: bad array subscript`);
      return undefined;
    }
    if (!v || v.value === undefined) return undefined;
    if (!Array.isArray(v.value)) return i === 0 ? v.value : undefined;
    return v.value[i];
  }
}

function isListIndex(p: ParamPart): boolean {
  return p.index !== undefined && p.index.length === 1 && p.index[0]!.t === 'lit' && (p.index[0]!.v === '@' || p.index[0]!.v === '*');
}

/** `$@` and `${a[@]}`: one field per element even inside double quotes. */
function isAtList(p: ParamPart): boolean {
  return p.name === '@' || (isListIndex(p) && (p.index![0] as { v: string }).v === '@');
}

function isListParam(p: ParamPart): boolean {
  return p.name === '@' || p.name === '*' || isListIndex(p);
}

/** The text of a word made only of plain characters, or null. */
export function literalOf(w: Word): string | null {
  if (w.parts.length === 1) {
    const p = w.parts[0]!;
    if (p.t === 'lit') return p.v;
  }
  return null;
}
