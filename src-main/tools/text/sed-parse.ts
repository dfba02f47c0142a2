// sed scripts parsed as GNU sed 4.9 reads them: addresses, commands, s///flags, a/i/c text, labels,
// and its error texts with the `-e expression #N, char M:` position.
import { RegexError, translate } from './regex';
import { bracketEnd, replacement, SedError, type Addr, type Cmd } from './sed-cmd';

export { SedError, type Addr, type Cmd, type ReplPart } from './sed-cmd';

export interface Syntax {
  extended: boolean;
}

/** Parses the joined script; `starts` are where each -e expression begins (for messages). */
export function parseSed(script: string, syn: Syntax, starts: readonly number[] = [0]): Cmd[] {
  let i = 0;
  const cmds: Cmd[] = [];
  const blocks: number[] = [];
  const where = (pos: number) => {
    let e = 0;
    while (e + 1 < starts.length && starts[e + 1]! <= pos) e++;
    return `-e expression #${e + 1}, char ${pos - starts[e]!}`;
  };
  const fail = (msg: string, pos = i): never => {
    throw new SedError(`${where(pos)}: ${msg}`);
  };
  const peek = () => script[i];
  const skipWs = () => {
    while (i < script.length && /[ \t]/.test(script[i]!)) i++;
  };
  const num = (): number => {
    const m = /^\d+/.exec(script.slice(i))!;
    i += m[0].length;
    return Number(m[0]);
  };
  /** Text up to an unescaped `delim`; `\delim` becomes delim, `\n` a newline. */
  const delimited = (delim: string, what: () => never, regex: boolean): string => {
    let s = '';
    for (;;) {
      if (i >= script.length) what();
      const c = script[i++]!;
      if (c === delim) return s;
      if (c === '\n' && regex) what();
      if (c === '[' && regex) {
        // A bracket expression runs to its own ']': a delimiter inside it is a plain character.
        const end = bracketEnd(script, i);
        if (end < 0) {
          i = script.length;
          what();
        }
        s += '[' + script.slice(i, end + 1);
        i = end + 1;
        continue;
      }
      if (c === '\\') {
        if (i >= script.length) what();
        const e = script[i++]!;
        if (e === delim) s += delim === '&' && !regex ? '\\&' : delim;
        else if (e === '\n' && !regex) s += '\n';
        else s += '\\' + e;
      } else s += c;
    }
  };
  const regexOf = (src: string, flags: string, end: number): RegExp | null => {
    if (src === '') return null;
    try {
      return new RegExp(translate(src, { extended: syn.extended, sedEscapes: true }).source, 's' + flags);
    } catch (e) {
      if (e instanceof RegexError) fail(e.message, end);
      if (e instanceof SyntaxError) fail('Invalid regular expression', end);
      throw e;
    }
  };
  const address = (): Addr | undefined => {
    const c = peek();
    if (c !== undefined && /\d/.test(c)) {
      const n = num();
      if (peek() === '~') {
        i++;
        const step = /\d/.test(peek() ?? '') ? num() : 0;
        return { kind: 'step', first: n, step };
      }
      return { kind: 'line', n };
    }
    if (c === '$') {
      i++;
      return { kind: 'last' };
    }
    if (c === '/' || c === '\\') {
      i++;
      const delim = c === '/' ? '/' : script[i++];
      if (delim === undefined || delim === '\n' || delim === '\\') fail('unexpected `,\'');
      const src = delimited(delim!, () => fail('unterminated address regex'), true);
      let flags = '';
      while (peek() === 'I' || peek() === 'M') flags += script[i++] === 'I' ? 'i' : 'm';
      return { kind: 're', re: regexOf(src, flags, i) };
    }
    return undefined;
  };
  /** a, i, c: GNU's one-line form or the classic `a\` newline form. */
  const text = (): string => {
    skipWs();
    if (peek() === '\\') {
      i++;
      if (peek() === '\n') i++;
    } else if (i >= script.length || peek() === '\n') fail('expected \\ after `a\', `c\' or `i\'');
    let s = '';
    while (i < script.length) {
      const c = script[i++]!;
      if (c === '\n') break;
      if (c === '\\' && i < script.length) {
        const e = script[i++]!;
        s += e === 't' ? '\t' : e;
      } else s += c;
    }
    return s;
  };
  const label = (): string => {
    skipWs();
    const m = /^[^;\n]*/.exec(script.slice(i))!;
    i += m[0].length;
    return m[0].replace(/\s+$/, '');
  };
  const restOfLine = (): string => {
    skipWs();
    const m = /^[^\n]*/.exec(script.slice(i))!;
    i += m[0].length;
    return m[0];
  };
  const endOfCommand = () => {
    skipWs();
    const c = peek();
    if (c === undefined || c === '\n' || c === ';') {
      if (c !== undefined) i++;
      return;
    }
    if (c === '}' || c === '#') return;
    i++;
    fail('extra characters after command');
  };

  while (i < script.length) {
    while (i < script.length && /[\s;]/.test(script[i]!)) i++;
    if (i >= script.length) break;
    const cmd: Cmd = { name: '', neg: false };
    const a1 = address();
    if (a1) {
      cmd.a1 = a1;
      skipWs();
      if (peek() === ',') {
        i++;
        skipWs();
        if (peek() === '+' || peek() === '~') {
          const k = script[i++]!;
          if (!/\d/.test(peek() ?? '')) fail('expected newer version of sed');
          cmd.a2 = { kind: k === '+' ? 'plus' : 'mult', n: num() };
        } else {
          const a2 = address();
          if (!a2) fail('unexpected `,\'');
          cmd.a2 = a2;
        }
      }
      if (a1.kind === 'line' && a1.n === 0) {
        if (cmd.a2?.kind !== 're') fail('invalid usage of line address 0', i + 1);
        cmd.zero = true;
      }
    }
    skipWs();
    while (peek() === '!') {
      if (cmd.neg) fail('multiple `!\'s', i + 1);
      cmd.neg = true;
      i++;
      skipWs();
    }
    if (i >= script.length) fail('missing command');
    const name = script[i++]!;
    cmd.name = name;
    const oneAddr = () => {
      if (cmd.a2) fail('command only uses one address');
    };
    switch (name) {
      case '{':
        blocks.push(cmds.length);
        cmds.push(cmd);
        continue;
      case '}':
        if (cmd.a1) fail('} doesn\'t want any addresses');
        if (!blocks.length) fail('unexpected `}\'');
        cmds[blocks.pop()!]!.target = cmds.length + 1;
        cmds.push(cmd);
        endOfCommand();
        continue;
      case '#':
        if (cmd.a1) fail('comments don\'t accept any addresses');
        while (i < script.length && script[i] !== '\n') i++;
        continue;
      case ':': {
        if (cmd.a1) fail(': doesn\'t want any addresses');
        const l = label();
        if (!l) fail('":" lacks a label');
        cmd.label = l;
        break;
      }
      case 'a': case 'i': case 'c':
        cmd.text = text();
        cmds.push(cmd);
        continue;
      case 'b': case 't': case 'T':
        cmd.label = label();
        break;
      case 'r': case 'R': case 'w': case 'W':
        cmd.file = restOfLine();
        if (!cmd.file) fail(`missing filename in r/R/w/W commands`);
        break;
      case 'q': case 'Q': case 'l': case 'L':
        if (name === 'q' || name === 'Q') oneAddr();
        skipWs();
        if (/\d/.test(peek() ?? '')) cmd.code = num();
        break;
      case '=': case 'd': case 'D': case 'g': case 'G': case 'h': case 'H': case 'n': case 'N': case 'p': case 'P': case 'x': case 'z': case 'F':
        break;
      case 's': {
        const delim = script[i++];
        if (delim === undefined || delim === '\n' || delim === '\\') fail('unterminated `s\' command');
        const unterminated = () => fail('unterminated `s\' command', script.length);
        const src = delimited(delim!, unterminated, true);
        const rep = delimited(delim!, unterminated, false);
        let global = false;
        let nth = 1;
        let print = 0;
        let flags = '';
        let file: string | undefined;
        for (;;) {
          const f = peek();
          if (f === 'g') global = true;
          else if (f === 'p') print++;
          else if (f === 'i' || f === 'I') flags += 'i';
          else if (f === 'm' || f === 'M') flags += 'm';
          else if (f !== undefined && /\d/.test(f)) {
            nth = num();
            if (nth === 0) fail('number option to `s\' command may not be zero');
            continue;
          } else if (f === 'w') {
            i++;
            file = restOfLine();
            break;
          } else if (f === 'e') {
            // Executing the pattern space as a command is not modelled.
            fail('unknown option to `s\'', i + 1);
          } else break;
          i++;
        }
        const s0 = i;
        skipWs();
        if (i < script.length && !/[;\n}#]/.test(script[i]!)) fail('unknown option to `s\'', i + 1);
        i = s0;
        const re = regexOf(src, flags, i);
        const repl = replacement(rep);
        const groups = re ? translate(src, { extended: syn.extended, sedEscapes: true }).groups : 9;
        for (const p of repl) if (typeof p === 'object' && 'group' in p && p.group > groups) fail(`invalid reference \\${p.group} on \`s' command's RHS`);
        cmd.s = { re, repl, global, nth, print, ...(file !== undefined ? { file } : {}) };
        break;
      }
      case 'y': {
        const delim = script[i++];
        const bad = () => fail('unterminated `y\' command', script.length);
        if (delim === undefined || delim === '\n' || delim === '\\') bad();
        const unescape = (s: string) => s.replace(/\\(.)/gs, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c));
        const from = [...unescape(delimited(delim!, bad, false))];
        const to = [...unescape(delimited(delim!, bad, false))];
        if (from.length !== to.length) fail('strings for `y\' command are different lengths');
        cmd.y = new Map(from.map((c, k) => [c, to[k]!]));
        break;
      }
      default:
        fail(`unknown command: \`${name}'`);
    }
    cmds.push(cmd);
    endOfCommand();
  }
  if (blocks.length) fail('unmatched `{\'', 0);
  for (const c of cmds) {
    if (c.name !== 'b' && c.name !== 't' && c.name !== 'T') continue;
    if (!c.label) {
      c.target = cmds.length;
      continue;
    }
    const at = cmds.findIndex((d) => d.name === ':' && d.label === c.label);
    if (at < 0) throw new SedError(`can't find label for jump to \`${c.label}'`, 4);
    c.target = at;
  }
  return cmds;
}
