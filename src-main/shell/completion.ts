// Tab completion for the line editor, as bash does it: command names, paths, $variables, and pids for kill.

import { BUILTINS } from './builtins';
import { resolvePath, type ShellFs } from './fs';
import type { ShellInterpreter } from './interpreter';
import type { CompletionProvider, CompletionResult } from './line-editor';

const KEYWORDS = ['if', 'then', 'else', 'elif', 'fi', 'case', 'esac', 'for', 'select', 'while', 'until', 'do', 'done', 'in', 'function', 'time'];
const SPECIAL = /[ \t\n"'\\$`&;|<>()*?[\]!{}#]/g;

/** Commands whose arguments are process ids. */
const PID_COMMANDS = new Set(['kill', 'wait']);

export interface CompleterOptions {
  /** Every command name the host can run (its /usr/bin, the simulator's programs). */
  commandNames?: () => string[];
}

/**
 * A completion provider over a running shell. Completion is synchronous, so files are listed
 * only when the filesystem answers readdir at once (as the kernel's VFS does).
 */
export function createCompleter(sh: ShellInterpreter, opts: CompleterOptions = {}): CompletionProvider {
  return (line, cursor) => {
    const head = line.slice(0, cursor);
    const { word, start, first, command } = currentWord(head);
    const before = head.slice(0, start);
    if (word.startsWith('$') && !word.includes('/')) {
      const names = sh.state.vars.entries().map(([n]) => '$' + n).filter((n) => n.startsWith(word));
      return finish(before, word, names, names);
    }
    if (first && !word.includes('/')) {
      const all = new Set([...KEYWORDS, ...Object.keys(BUILTINS), ...sh.state.functions.keys(), ...(opts.commandNames?.() ?? [])]);
      const names = [...all].filter((n) => n.startsWith(word)).sort();
      return finish(before, word, names, names);
    }
    if (PID_COMMANDS.has(command) && /^[0-9]*$/.test(word)) {
      const pids = listDir(sh.fs, '/proc')?.filter((n) => /^[0-9]+$/.test(n) && n.startsWith(word)) ?? [];
      pids.sort((a, b) => Number(a) - Number(b));
      return finish(before, word, pids, pids);
    }
    return completePath(sh, before, word);
  };
}

function completePath(sh: ShellInterpreter, before: string, word: string): CompletionResult {
  const unescaped = word.replace(/\\(.)/g, '$1');
  const slash = unescaped.lastIndexOf('/');
  const dirPart = unescaped.slice(0, slash + 1);
  const base = unescaped.slice(slash + 1);
  const home = sh.state.vars.get('HOME') ?? '/';
  const lookup = dirPart.startsWith('~/') || dirPart === '~' ? home + dirPart.slice(1) : dirPart;
  const dir = resolvePath(sh.state.cwd, lookup || '.');
  const fs = sh.fs;
  const entries = listDir(fs, dir);
  if (!entries) return { candidates: [] };
  const names = entries.filter((n) => n.startsWith(base) && (base.startsWith('.') || !n.startsWith('.'))).sort();
  const isDir = (n: string): boolean => {
    try {
      const s = fs.stat(resolvePath(dir, n));
      return !(s instanceof Promise) && s.type === 'dir';
    } catch {
      return false;
    }
  };
  const display = names.map((n) => (isDir(n) ? n + '/' : n));
  const full = names.map((n) => escape(dirPart) + escape(n) + (isDir(n) ? '/' : ''));
  const r = finish(before, word, full, display);
  // A directory completes with a slash, not a space, so that Tab can go on into it.
  if (full.length === 1 && full[0]!.endsWith('/') && r.replacement?.endsWith(' ')) r.replacement = r.replacement.slice(0, -1);
  return r;
}

function finish(before: string, word: string, full: string[], display: string[]): CompletionResult {
  if (full.length === 0) return { candidates: [] };
  if (full.length === 1) return { replacement: before + full[0] + ' ', candidates: display };
  let common = full[0]!;
  for (const f of full) while (!f.startsWith(common)) common = common.slice(0, -1);
  return { replacement: common.length > word.length ? before + common : undefined, candidates: display };
}

function escape(s: string): string {
  return s.replace(SPECIAL, '\\$&');
}

function listDir(fs: ShellFs, dir: string): string[] | null {
  try {
    const r = fs.readdir(dir);
    return r instanceof Promise ? null : r;
  } catch {
    return null;
  }
}

/** The word at the cursor, whether it is in command position, and the command it belongs to. */
function currentWord(head: string): { word: string; start: number; first: boolean; command: string } {
  let start = head.length;
  while (start > 0) {
    const c = head[start - 1]!;
    if (/[\s;&|(<>]/.test(c) && head[start - 2] !== '\\') break;
    start--;
  }
  const word = head.slice(start);
  const segment = head.slice(0, start).split(/;|&&|\|\||\||\(|&/).pop() ?? '';
  const words = segment.trim().split(/\s+/).filter(Boolean);
  const skip = words[0] === 'sudo' || words[0] === 'time' || words[0] === 'command' ? 1 : 0;
  return { word, start, first: words.length <= skip, command: words[skip] ?? '' };
}
