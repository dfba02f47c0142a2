// Builtins that manage variables and options: export, unset, set, local, declare/typeset, readonly.

import { put, type Ctx, type Executor } from './executor';
import type { Builtin } from './services';
import { ReadonlyError, type ShellOptions, type Var } from './state';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `set -o NAME` (and bash's own `-o NAME` on its command line). */
export const OPTION_NAMES: Record<string, keyof ShellOptions> = {
  errexit: 'errexit', nounset: 'nounset', xtrace: 'xtrace', pipefail: 'pipefail', noglob: 'noglob', noclobber: 'noclobber', allexport: 'allexport',
};
/** `set -e` and the like (and bash's own command-line flags). */
export const FLAG_OPTIONS: Record<string, keyof ShellOptions> = { e: 'errexit', u: 'nounset', x: 'xtrace', f: 'noglob', C: 'noclobber', a: 'allexport' };
/** Options bash lists in `set -o` that the simulator does not change; shown with bash's defaults. */
const FIXED_OPTIONS: Record<string, boolean> = {
  braceexpand: true, emacs: true, errtrace: false, functrace: false, hashall: true, histexpand: true, history: true, ignoreeof: false,
  'interactive-comments': true, keyword: false, monitor: true, noexec: false, notify: false, onecmd: false, physical: false,
  posix: false, privileged: false, verbose: false, vi: false,
};

/** bash's `declare -p` quoting: double quotes, with \ " $ ` escaped. */
function dq(v: string): string {
  return '"' + v.replace(/[\\"$`]/g, '\\$&') + '"';
}

/** bash's `set` quoting: plain when safe, single quotes otherwise. */
function sq(v: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(v)) return v;
  if ([...v].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) return "$'" + v.replace(/[\\']/g, '\\$&').replace(/\n/g, '\\n').replace(/\t/g, '\\t') + "'";
  return "'" + v.replace(/'/g, "'\\''") + "'";
}

function declareLine(name: string, v: Var): string {
  let flags = Array.isArray(v.value) ? 'a' : '';
  if (v.integer) flags += 'i';
  if (v.readonly) flags += 'r';
  if (v.exported) flags += 'x';
  const f = flags || '-';
  if (v.value === undefined) return `declare -${f} ${name}\n`;
  if (Array.isArray(v.value)) {
    const items = v.value.map((x, i) => (x === undefined ? '' : `[${i}]=${dq(x)}`)).filter(Boolean);
    return `declare -${f} ${name}=(${items.join(' ')})\n`;
  }
  return `declare -${f} ${name}=${dq(v.value)}\n`;
}

async function invalid(ex: Executor, ctx: Ctx, cmd: string, arg: string): Promise<void> {
  await ex.err(ctx, `${cmd}: \`${arg}': not a valid identifier`);
}

/** NAME or NAME=VALUE (or NAME+=VALUE): sets attributes, and the value when given. */
async function declareEach(ex: Executor, argv: string[], ctx: Ctx, cmd: string, attrs: Partial<Omit<Var, 'value'>>, opts: { local?: boolean; array?: boolean }): Promise<number> {
  const vars = ctx.state.vars;
  let status = 0;
  for (const arg of argv) {
    const m = /^([^=+]*)(\+?=)?([\s\S]*)$/.exec(arg)!;
    const name = m[1]!;
    if (!NAME.test(name)) {
      await invalid(ex, ctx, cmd, arg);
      status = 1;
      continue;
    }
    try {
      let value = m[2] === '+=' ? (vars.get(name) ?? '') + m[3] : m[3]!;
      if (m[2] && (attrs.integer || vars.lookup(name)?.integer)) {
        const expr = m[2] === '+=' ? `${vars.get(name) || 0}+(${m[3]})` : m[3]!;
        value = String(await ex.expander(ctx).arith([{ t: 'lit', v: expr }]));
      }
      if (opts.local) {
        const outer = vars.lookup(name);
        vars.declareLocal(name, { value: m[2] ? value : undefined, ...attrs, exported: attrs.exported ?? outer?.exported });
        continue;
      }
      if (m[2]) {
        const arr = /^\(([\s\S]*)\)$/.exec(value);
        if (opts.array && arr) vars.setArray(name, arr[1]!.trim() ? arr[1]!.trim().split(/\s+/) : []);
        else vars.set(name, value);
      }
      vars.mark(name, attrs);
    } catch (e) {
      if (!(e instanceof ReadonlyError)) throw e;
      await ex.err(ctx, e.message);
      status = 1;
    }
  }
  return status;
}

function splitFlags(argv: string[]): { on: string; off: string; rest: string[] } {
  let on = '';
  let off = '';
  let i = 1;
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      i++;
      break;
    }
    if (/^-[A-Za-z]+$/.test(a)) on += a.slice(1);
    else if (/^\+[A-Za-z]+$/.test(a)) off += a.slice(1);
    else break;
  }
  return { on, off, rest: argv.slice(i) };
}

const exportB: Builtin = async (ex, argv, ctx) => {
  const { on, rest } = splitFlags(argv);
  if (rest.length === 0) {
    for (const [n, v] of ctx.state.vars.entries()) if (v.exported) await put(ctx.fds[1], declareLine(n, v).replace(/^declare -\w+/, `declare -${'x'}`));
    return 0;
  }
  return declareEach(ex, rest, ctx, 'export', { exported: !on.includes('n') }, {});
};

const readonlyB: Builtin = async (ex, argv, ctx) => {
  const { rest } = splitFlags(argv);
  if (rest.length === 0) {
    for (const [n, v] of ctx.state.vars.entries()) if (v.readonly) await put(ctx.fds[1], declareLine(n, v));
    return 0;
  }
  return declareEach(ex, rest, ctx, 'readonly', { readonly: true }, {});
};

const declare: Builtin = async (ex, argv, ctx) => {
  const { on, off, rest } = splitFlags(argv);
  const vars = ctx.state.vars;
  if (on.includes('f') || on.includes('F')) {
    let status = 0;
    const names = rest.length ? rest : [...ctx.state.functions.keys()].sort();
    for (const n of names) {
      if (ctx.state.functions.has(n)) await put(ctx.fds[1], on.includes('F') ? `declare -f ${n}\n` : `${n} () \n{ ... }\n`);
      else status = 1;
    }
    return status;
  }
  if (on.includes('p') || rest.length === 0) {
    const entries = rest.length ? rest.map((n) => [n, vars.lookup(n)] as const) : vars.entries();
    let status = 0;
    for (const [n, v] of entries) {
      if (v) await put(ctx.fds[1], declareLine(n, v));
      else {
        await ex.err(ctx, `declare: ${n}: not found`);
        status = 1;
      }
    }
    return status;
  }
  const attrs: Partial<Omit<Var, 'value'>> = {};
  if (on.includes('x')) attrs.exported = true;
  if (off.includes('x')) attrs.exported = false;
  if (on.includes('r')) attrs.readonly = true;
  if (on.includes('i')) attrs.integer = true;
  const local = vars.inFunction && !on.includes('g');
  return declareEach(ex, rest, ctx, argv[0]!, attrs, { local, array: on.includes('a') || on.includes('A') });
};

const local: Builtin = async (ex, argv, ctx) => {
  if (!ctx.state.vars.inFunction) {
    await ex.err(ctx, 'local: can only be used in a function');
    return 1;
  }
  const { on, rest } = splitFlags(argv);
  const attrs: Partial<Omit<Var, 'value'>> = {};
  if (on.includes('x')) attrs.exported = true;
  if (on.includes('r')) attrs.readonly = true;
  if (on.includes('i')) attrs.integer = true;
  return declareEach(ex, rest, ctx, 'local', attrs, { local: true });
};

const unset: Builtin = async (ex, argv, ctx) => {
  const { on, rest } = splitFlags(argv);
  let status = 0;
  for (const name of rest) {
    if (on.includes('f')) {
      ctx.state.functions.delete(name);
      continue;
    }
    const el = /^([A-Za-z_][A-Za-z0-9_]*)\[([0-9]+)\]$/.exec(name);
    if (!el && !NAME.test(name)) {
      await invalid(ex, ctx, 'unset', name);
      status = 1;
      continue;
    }
    try {
      if (el) {
        ctx.state.vars.unsetElement(el[1]!, Number(el[2]));
      } else if (ctx.state.vars.lookup(name)) ctx.state.vars.unset(name);
      else if (!on.includes('v')) ctx.state.functions.delete(name);
    } catch (e) {
      if (!(e instanceof ReadonlyError)) throw e;
      await ex.err(ctx, `unset: ${name}: cannot unset: readonly variable`);
      status = 1;
    }
  }
  return status;
};

const set: Builtin = async (ex, argv, ctx) => {
  const st = ctx.state;
  if (argv.length === 1) {
    for (const [n, v] of st.vars.entries()) {
      const value = Array.isArray(v.value) ? `(${v.value.map((x, i) => (x === undefined ? '' : `[${i}]=${dq(x)}`)).filter(Boolean).join(' ')})` : sq(v.value ?? '');
      await put(ctx.fds[1], `${n}=${value}\n`);
    }
    return 0;
  }
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--' || a === '-') {
      st.positional = argv.slice(i + 1);
      return 0;
    }
    const on = a.startsWith('-');
    if (!on && !a.startsWith('+')) {
      st.positional = argv.slice(i);
      return 0;
    }
    for (const f of a.slice(1)) {
      if (f === 'o') {
        const name = argv[++i];
        if (name === undefined) return listOptions(ctx, on);
        const opt = OPTION_NAMES[name];
        if (opt) st.options[opt] = on;
        else if (!(name in FIXED_OPTIONS)) {
          await ex.err(ctx, `set: ${name}: invalid option name`);
          return 1;
        }
      } else if (FLAG_OPTIONS[f]) st.options[FLAG_OPTIONS[f]] = on;
      else if (!'bhmBHTEPkntv'.includes(f)) {
        await ex.err(ctx, `set: ${a[0]}${f}: invalid option`);
        await put(ctx.fds[2], 'set: usage: set [-abefhkmnptuvxBCEHPT] [-o option-name] [--] [-] [arg ...]\n');
        return 2;
      }
    }
  }
  return 0;
};

async function listOptions(ctx: Ctx, minus: boolean): Promise<number> {
  const all: Record<string, boolean> = { ...FIXED_OPTIONS };
  for (const [name, key] of Object.entries(OPTION_NAMES)) all[name] = ctx.state.options[key];
  let text = '';
  for (const name of Object.keys(all).sort()) {
    text += minus ? `${name.padEnd(15)}\t${all[name] ? 'on' : 'off'}\n` : `set ${all[name] ? '-' : '+'}o ${name}\n`;
  }
  await put(ctx.fds[1], text);
  return 0;
}

export const VAR_BUILTINS: Record<string, Builtin> = {
  export: exportB,
  readonly: readonlyB,
  declare,
  typeset: declare,
  local,
  unset,
  set,
};
