// ps's command line (procps-ng src/ps/parser.c): UNIX options after `-`, BSD options without a
// dash, GNU long options after `--`. A UNIX group that fails to parse gets the second chance as BSD
// options, which is how `ps -aux` means `ps aux`.
import { splitList } from './procps';

export interface PsOptions {
  all: boolean;
  /** simple selections: -a, -d, a, x */
  unixA: boolean;
  unixD: boolean;
  bsdA: boolean;
  bsdX: boolean;
  /** BSD syntax was used: BSD default columns */
  bsd: boolean;
  running: boolean;
  negate: boolean;
  pids: number[];
  ppids: number[];
  users: string[];
  commands: string[];
  sessions: number[];
  /** -o/o/--format lists, in order */
  formats: string[];
  full: boolean;
  long: boolean;
  jobs: boolean;
  bsdUser: boolean;
  noHeaders: boolean;
  cols: number | null;
  wide: number;
  help: boolean;
}

function emptyOptions(): PsOptions {
  return {
    all: false, unixA: false, unixD: false, bsdA: false, bsdX: false, bsd: false, running: false, negate: false,
    pids: [], ppids: [], users: [], commands: [], sessions: [], formats: [],
    full: false, long: false, jobs: false, bsdUser: false, noHeaders: false, cols: null, wide: 0, help: false,
  };
}

function pidList(spec: string, into: number[]): string | null {
  for (const p of splitList(spec)) {
    if (!/^\d+$/.test(p)) return 'process ID list syntax error';
    if (Number(p) < 1 || Number(p) > 0x7fffffff) return 'process ID out of range';
    into.push(Number(p));
  }
  return null;
}

type Take = () => string | undefined;

function userList(spec: string, into: string[], known: (name: string) => boolean): string | null {
  for (const u of splitList(spec)) {
    if (!/^\d+$/.test(u) && !known(u)) return 'user name does not exist';
    into.push(u);
  }
  return null;
}

function unixGroup(o: PsOptions, group: string, next: Take, known: (name: string) => boolean): string | null {
  for (let i = 0; i < group.length; i++) {
    const c = group[i]!;
    const rest = group.slice(i + 1);
    const arg = () => (rest !== '' ? rest : next());
    switch (c) {
      case 'A':
      case 'e':
        o.all = true;
        break;
      case 'a':
        o.unixA = true;
        break;
      case 'd':
        o.unixD = true;
        break;
      case 'f':
        o.full = true;
        break;
      case 'l':
        o.long = true;
        break;
      case 'j':
        o.jobs = true;
        break;
      case 'N':
        o.negate = true;
        break;
      case 'w':
        o.wide++;
        break;
      case 'H':
      case 'y':
        break;
      case 'C':
      case 'o':
      case 'p':
      case 's':
      case 'u':
      case 'U': {
        const a = arg();
        const what = { C: 'list of command names must follow -C', o: 'format specification must follow -o', p: 'list of process IDs must follow -p', s: 'list of session IDs must follow -s', u: 'list of users must follow -u', U: 'list of real users must follow -U' }[c];
        if (a === undefined) return what;
        if (c === 'C') o.commands.push(...splitList(a));
        else if (c === 'o') o.formats.push(a);
        else if (c === 'p') {
          const e = pidList(a, o.pids);
          if (e) return e;
        } else if (c === 's') {
          const e = pidList(a, o.sessions);
          if (e) return e;
        } else return userList(a, o.users, known);
        return null;
      }
      case '-':
        return "embedded '-' among SysV options makes no sense";
      default:
        return 'unsupported SysV option';
    }
  }
  return null;
}

function bsdGroup(o: PsOptions, group: string, next: Take, known: (name: string) => boolean): string | null {
  o.bsd = true;
  for (let i = 0; i < group.length; i++) {
    const c = group[i]!;
    const rest = group.slice(i + 1);
    const arg = () => (rest !== '' ? rest : next());
    switch (c) {
      case 'a':
        o.bsdA = true;
        break;
      case 'x':
        o.bsdX = true;
        break;
      case 'u':
        o.bsdUser = true;
        break;
      case 'r':
        o.running = true;
        break;
      case 'w':
        o.wide++;
        break;
      case 'e':
      case 'c':
      case 'f':
      case 'h':
        if (c === 'h') o.noHeaders = true;
        break;
      case 'o':
      case 'p':
      case 'U': {
        const a = arg();
        if (a === undefined) return { o: 'format specification must follow o', p: 'list of process IDs must follow p', U: 'list of users must follow U' }[c];
        if (c === 'o') o.formats.push(a);
        else if (c === 'p') return pidList(a, o.pids);
        o.bsdX = true;
        return userList(a, o.users, known);
      }
      case '-':
        return "embedded '-' among BSD options makes no sense";
      default:
        return 'unsupported option (BSD syntax)';
    }
  }
  return null;
}

function longOption(o: PsOptions, word: string, next: Take, known: (name: string) => boolean): string | null {
  const eq = word.indexOf('=');
  const name = eq < 0 ? word : word.slice(0, eq);
  const arg = () => (eq < 0 ? next() : word.slice(eq + 1));
  switch (name) {
    case 'no-headers':
    case 'no-heading':
      o.noHeaders = true;
      return null;
    case 'help':
      o.help = true;
      return null;
    case 'format':
    case 'pid':
    case 'ppid':
    case 'user':
    case 'cols':
    case 'columns':
    case 'width': {
      const a = arg();
      if (a === undefined) return name === 'format' ? 'format specification must follow --format' : name === 'user' ? 'list of users must follow --user' : name.startsWith('c') || name === 'width' ? 'number of columns must follow --cols, --width, or --columns' : `list of process IDs must follow --${name}`;
      if (name === 'format') o.formats.push(a);
      else if (name === 'pid') return pidList(a, o.pids);
      else if (name === 'ppid') return pidList(a, o.ppids);
      else if (name === 'user') return userList(a, o.users, known);
      else if (/^\d+$/.test(a) && Number(a) > 0) o.cols = Number(a);
      else return 'number of columns must follow --cols, --width, or --columns';
      return null;
    }
    default:
      return 'unknown gnu long option';
  }
}

function parseAll(args: readonly string[], known: (name: string) => boolean, forceBsd: boolean): { opts: PsOptions } | { error: string } {
  const o = emptyOptions();
  const queue = [...args];
  const next: Take = () => queue.shift();
  while (queue.length) {
    const a = queue.shift()!;
    let err: string | null;
    if (a.startsWith('--')) err = longOption(o, a.slice(2), next, known);
    else if (a.startsWith('-') && a.length > 1) err = forceBsd ? bsdGroup(o, a.slice(1), next, known) : unixGroup(o, a.slice(1), next, known);
    else if (/^\d+$/.test(a)) err = pidList(a, o.pids);
    else err = bsdGroup(o, a, next, known);
    if (err) return { error: err };
  }
  return { opts: o };
}

/**
 * Parses argv (without argv[0]); the error is the text ps prints after `error: `. A failed parse
 * gets its second chance with every dash group read as BSD options; if that fails too, the first
 * error is the one reported.
 */
export function parsePsArgs(args: readonly string[], known: (name: string) => boolean): { opts: PsOptions } | { error: string } {
  const first = parseAll(args, known, false);
  if ('opts' in first) return first;
  const second = parseAll(args, known, true);
  return 'opts' in second ? second : first;
}
