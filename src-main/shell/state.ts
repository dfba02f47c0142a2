// The shell's memory between lines: variables with their attributes and function scopes, functions, options, cwd, $?.

import type { CommandNode } from './ast';

export interface Var {
  /** A scalar, an indexed array (possibly sparse), or nothing yet (`local x`, `export X`). */
  value: string | (string | undefined)[] | undefined;
  exported?: boolean;
  readonly?: boolean;
  integer?: boolean;
}

export class ReadonlyError extends Error {
  constructor(readonly varName: string) {
    super(`${varName}: readonly variable`);
  }
}

export class Vars {
  private readonly global: Map<string, Var>;
  /** Local scopes of the functions being run, innermost last. */
  private frames: Map<string, Var>[];
  /**
   * After a clone, parent and subshell share their Var objects (a pipeline clones the shell for
   * each command, most of which change nothing); each copies a Var before its first change to it.
   * Undefined while this shell shares nothing.
   */
  private owned: WeakSet<Var> | undefined;

  constructor(global = new Map<string, Var>(), frames: Map<string, Var>[] = [], owned?: WeakSet<Var>) {
    this.global = global;
    this.frames = frames;
    this.owned = owned;
  }

  /** A variable to read; change one only through the methods below. */
  lookup(name: string): Readonly<Var> | undefined {
    for (let i = this.frames.length - 1; i >= 0; i--) {
      const v = this.frames[i]!.get(name);
      if (v) return v;
    }
    return this.global.get(name);
  }

  /** Scalar value; element 0 of an array, as bash does for `$a`. */
  get(name: string): string | undefined {
    const v = this.lookup(name);
    if (!v) return undefined;
    return v.value === undefined || typeof v.value === 'string' ? v.value : v.value[0];
  }

  /** The variable `name` as this shell's own object, copied first if a clone shares it. */
  private writable(name: string): Var | undefined {
    let scope = this.global;
    for (let i = this.frames.length - 1; i >= 0; i--) {
      if (this.frames[i]!.has(name)) {
        scope = this.frames[i]!;
        break;
      }
    }
    const v = scope.get(name);
    if (!v || !this.owned || this.owned.has(v)) return v;
    const own = { ...v, value: Array.isArray(v.value) ? [...v.value] : v.value };
    scope.set(name, own);
    this.owned.add(own);
    return own;
  }

  private define(scope: Map<string, Var>, name: string, v: Var): void {
    scope.set(name, v);
    this.owned?.add(v);
  }

  set(name: string, value: string, attrs: Partial<Omit<Var, 'value'>> = {}): void {
    if (this.lookup(name)?.readonly) throw new ReadonlyError(name);
    const v = this.writable(name);
    if (v) {
      v.value = value;
      Object.assign(v, attrs);
    } else this.define(this.scopeFor(), name, { value, ...attrs });
  }

  setArray(name: string, value: (string | undefined)[]): void {
    if (this.lookup(name)?.readonly) throw new ReadonlyError(name);
    const v = this.writable(name);
    if (v) v.value = value;
    else this.define(this.scopeFor(), name, { value });
  }

  setElement(name: string, index: number, value: string): void {
    if (this.lookup(name)?.readonly) throw new ReadonlyError(name);
    const v = this.writable(name);
    if (!v) {
      const arr: (string | undefined)[] = [];
      arr[index] = value;
      this.define(this.scopeFor(), name, { value: arr });
      return;
    }
    if (!Array.isArray(v.value)) v.value = v.value === undefined ? [] : [v.value];
    v.value[index] = value;
  }

  /** `unset 'a[i]'`: the element goes, the array stays (sparse). */
  unsetElement(name: string, index: number): void {
    if (this.lookup(name)?.readonly) throw new ReadonlyError(name);
    const v = this.writable(name);
    if (Array.isArray(v?.value)) delete v.value[index];
  }

  /** Attributes without touching the value (export/readonly of an existing or new name). */
  mark(name: string, attrs: Partial<Omit<Var, 'value'>>): void {
    const v = this.writable(name);
    if (v) Object.assign(v, attrs);
    else this.define(this.scopeFor(), name, { value: undefined, ...attrs });
  }

  /** Puts back a variable as a copy taken earlier had it (`VAR=x builtin` ends): value and attributes. */
  restore(name: string, saved: Var): void {
    const v = this.writable(name);
    if (!v) return;
    v.value = Array.isArray(saved.value) ? [...saved.value] : saved.value;
    for (const attr of ['exported', 'readonly', 'integer'] as const) {
      if (saved[attr] === undefined) delete v[attr];
      else v[attr] = saved[attr];
    }
  }

  unset(name: string): void {
    const v = this.lookup(name);
    if (v?.readonly) throw new ReadonlyError(name);
    for (let i = this.frames.length - 1; i >= 0; i--) {
      if (this.frames[i]!.delete(name)) return;
    }
    this.global.delete(name);
  }

  /** `local NAME`: a variable of the innermost function call. */
  declareLocal(name: string, v: Var): void {
    const frame = this.frames[this.frames.length - 1];
    this.define(frame ?? this.global, name, v);
  }

  get inFunction(): boolean {
    return this.frames.length > 0;
  }

  pushFrame(): void {
    this.frames.push(new Map());
  }

  popFrame(): void {
    this.frames.pop();
  }

  /** Every visible name, innermost definition winning. */
  entries(): [string, Readonly<Var>][] {
    const all = new Map(this.global);
    for (const f of this.frames) for (const [k, v] of f) all.set(k, v);
    return [...all].filter(([, v]) => v.value !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }

  /** The environment a command receives: exported scalars. Built for every command, so kept lean. */
  exported(): Record<string, string> {
    const env: Record<string, string> = {};
    // Outside functions every name is defined once; `delete` would turn env into a slow dictionary.
    if (this.frames.length === 0) {
      for (const [k, v] of this.global) if (v.exported && typeof v.value === 'string') env[k] = v.value;
      return env;
    }
    const visible = new Map(this.global);
    for (const f of this.frames) for (const [k, v] of f) visible.set(k, v);
    for (const [k, v] of visible) if (v.exported && typeof v.value === 'string') env[k] = v.value;
    return env;
  }

  /** A subshell's copy: its own scopes over shared Var objects, each copied on its first change. */
  clone(): Vars {
    this.owned = new WeakSet();
    return new Vars(new Map(this.global), this.frames.map((f) => new Map(f)), new WeakSet());
  }

  private scopeFor(): Map<string, Var> {
    // New names are global even inside a function unless declared local.
    return this.global;
  }
}

export interface ShellOptions {
  errexit: boolean;
  nounset: boolean;
  xtrace: boolean;
  pipefail: boolean;
  noglob: boolean;
  noclobber: boolean;
  allexport: boolean;
}

export class ShellState {
  vars: Vars;
  functions: Map<string, CommandNode & { type: 'funcdef' }>;
  cwd: string;
  status = 0;
  positional: string[];
  argv0: string;
  options: ShellOptions;
  lastBackgroundPid: number | undefined;
  /** `trap` commands by signal number (0 EXIT, 65 DEBUG, 66 ERR, 67 RETURN); '' ignores the signal. */
  traps: Map<number, string>;

  constructor(init: { cwd: string; argv0: string }) {
    this.vars = new Vars();
    this.functions = new Map();
    this.cwd = init.cwd;
    this.positional = [];
    this.argv0 = init.argv0;
    this.options = { errexit: false, nounset: false, xtrace: false, pipefail: false, noglob: false, noclobber: false, allexport: false };
    this.traps = new Map();
  }

  clone(): ShellState {
    const s = Object.create(ShellState.prototype) as ShellState;
    s.vars = this.vars.clone();
    s.functions = new Map(this.functions);
    s.cwd = this.cwd;
    s.status = this.status;
    s.positional = [...this.positional];
    s.argv0 = this.argv0;
    s.options = { ...this.options };
    s.lastBackgroundPid = this.lastBackgroundPid;
    // A subshell keeps the signals its parent ignores; the other traps go back to their defaults.
    s.traps = new Map([...this.traps].filter(([, cmd]) => cmd === ''));
    return s;
  }
}
